"""Overlap resolution as a function of given candidates (our own sentences): exact mentions."""

from __future__ import annotations

import pytest

from tanalyze.entities import EntityFinder, word_spans
from tanalyze.entities.candidate import Candidate
from tanalyze.entities.resolve import resolve
from tanalyze.gazetteer import shipped_gazetteer
from tanalyze.pipeline import Pipeline, segmenter


@pytest.fixture(scope="module")
def run():
    seg = Pipeline(["segment"])
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), None)

    def run(text: str, found: list[str]) -> list[tuple[str, str]]:
        """The mentions chosen from ``found`` ("surface/LABEL/source" at the surface's first occurrence)."""
        ctx = finder.context(text, word_spans(seg(text)))
        cands = []
        for item in found:
            surface, label, source = item.split("/")
            at = text.index(surface)
            cands.append(Candidate(at, at + len(surface), label, source))
        return [(text[c.start : c.end], c.label) for c in resolve(ctx, cands)]

    return run


def test_the_parts_of_a_container_that_lost_stand_on_their_own(run):
    # The rule's organisation holds the two places, but loses to the model's crossing base name:
    # the places must not go with it.
    text = "舰队停靠在北海道青松县白沙海军基地。"
    found = ["北海道/GPE/model", "青松县/GPE/model", "北海道青松县白沙海军/ORG/rule", "白沙海军基地/FAC/model"]
    assert run(text, found) == [("北海道", "GPE"), ("青松县", "GPE"), ("白沙海军基地", "FAC")]


def test_a_container_that_wins_keeps_its_parts_inside(run):
    text = "青禾市工商局发布通知。"
    found = ["青禾市/GPE/model", "青禾市工商局/ORG/rule"]
    assert run(text, found) == [("青禾市工商局", "ORG")]
