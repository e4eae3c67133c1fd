"""Grouping decisions as functions of given mentions (our own sentences): exact groups."""

from __future__ import annotations

import pytest

from tanalyze.entities import EntityFinder, word_spans
from tanalyze.entities.candidate import Candidate
from tanalyze.entities.context import boundaries
from tanalyze.gazetteer import shipped_gazetteer
from tanalyze.pipeline import Pipeline, segmenter


@pytest.fixture(scope="module")
def group():
    seg = Pipeline(["segment"])
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), None)

    def group(text: str, found: list[str]) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """The groups of the mentions ``found`` ("surface/LABEL/source", at the surface's first
        occurrence, or "surface/LABEL/source/n" at its n-th, from 0):
        (label, [(surface, mention label, source), ...]) per group."""
        words = word_spans(seg(text))
        mentions = []
        for item in found:
            surface, label, source, *nth = item.split("/")
            at = -1
            for _ in range(int(nth[0]) + 1 if nth else 1):
                at = text.index(surface, at + 1)
            mentions.append(Candidate(at, at + len(surface), label, source))
        mentions.sort(key=lambda c: c.start)
        starts, ends = boundaries(words, len(text))
        groups = finder.grouper.group(mentions, text, starts, ends, words)
        return [(g.label, [(text[c.start : c.end], c.label, c.source) for c in g.mentions]) for g in groups]

    return group


def test_a_bracketed_acronym_the_model_read_as_a_title_is_the_short_form_of_the_name_before_it(group):
    text = "江城科技去年成立了青禾云事业部（QCB），负责云业务。"
    assert group(text, ["青禾云事业部/ORG/model", "QCB/WORK_OF_ART/model"]) == [
        ("ORG", [("青禾云事业部", "ORG", "model"), ("QCB", "ORG", "model")])]


def test_an_acronym_that_follows_no_name_in_brackets_keeps_its_label(group):
    text = "青禾云事业部推出的QCB卖得很好。"
    assert group(text, ["青禾云事业部/ORG/model", "QCB/WORK_OF_ART/model"]) == [
        ("ORG", [("青禾云事业部", "ORG", "model")]), ("WORK_OF_ART", [("QCB", "WORK_OF_ART", "model")])]


def test_a_bracketed_name_another_source_found_keeps_its_own_label(group):
    # a rule or the gazetteer, not the model alone, read it: that reading is not overruled
    text = "江城科技去年成立了青禾云事业部（QCB），负责云业务。"
    assert group(text, ["青禾云事业部/ORG/model", "QCB/WORK_OF_ART/rule"]) == [
        ("ORG", [("青禾云事业部", "ORG", "model")]), ("WORK_OF_ART", [("QCB", "WORK_OF_ART", "rule")])]


def test_a_body_named_without_its_place_joins_the_one_body_named_with_it(group):
    text = "江城市环保局通报了事故。环保局一位工作人员说，目前环保局已经展开调查。"
    assert group(text, ["江城市环保局/ORG/model", "环保局/ORG/model/1"]) == [
        ("ORG", [("江城市环保局", "ORG", "model"), ("环保局", "ORG", "model"), ("环保局", "ORG", "rule")])]


def test_a_bare_body_that_two_bodies_may_be_stays_apart(group):
    text = "江城市环保局和青山县环保局通报了事故。环保局一位工作人员说。"
    assert group(text, ["江城市环保局/ORG/model", "青山县环保局/ORG/model", "环保局/ORG/model/2"]) == [
        ("ORG", [("江城市环保局", "ORG", "model")]), ("ORG", [("青山县环保局", "ORG", "model")]),
        ("ORG", [("环保局", "ORG", "model")])]


def test_a_brand_named_as_goods_stays_apart_from_the_company_named_after_it(group):
    # the brand's goods are a PRODUCT, the company that makes them an ORG: a reader counts two things
    text = "几家超市下架了青禾奶粉。青禾乳业回应称，青禾乳业将召回这批产品。"
    assert group(text, ["青禾/PRODUCT/rule", "青禾乳业/ORG/model", "青禾乳业/ORG/model/1"]) == [
        ("PRODUCT", [("青禾", "PRODUCT", "rule")]),
        ("ORG", [("青禾乳业", "ORG", "model"), ("青禾乳业", "ORG", "model")])]
