"""Clubs named by an everyday word, in a clause that reports a match (火箭 a rocket, 勇士 a brave man).

The gazetteer lists a club's unambiguous forms (休斯敦火箭队, 火箭队); the short forms that are
everyday words first (``dictionaries/rules/cued_teams.txt``) name the club only in a clause that
reports a match: one holding a word of ``match_cues.txt`` (不敌, 主场, 季后赛) or a score (2-4,
98:95, 3比1). There the short form is the club (ORG, joined to the gazetteer's entry), as a whole
word of the segmenter's. 火箭发射成功 or 太阳升起 hold no such word and stay common nouns.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import listed_as, short_forms

_SCORE = re.compile(r"\d+\s*[-－:：比]\s*\d+")


def cued_teams(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """The rule: each short form of ``cued_teams.txt`` that is a whole word in a clause of a match
    report, as its club (the gazetteer's entry)."""
    cues = ctx.rules.match_cues
    reported: dict[tuple[int, int], bool] = {}  # clause -> reports a match (each clause read once)
    for at, e, canonical in short_forms(ctx, ctx.rules.cued_teams):
        if e in ctx.ends and _reports_match(ctx, ctx.clause_at(at), cues, reported):
            listed = listed_as(ctx, at, e, canonical)
            if listed is not None:
                yield listed


def _reports_match(ctx: Context, clause: tuple[int, int] | None, cues: Sequence[str],
                   seen: dict[tuple[int, int], bool]) -> bool:
    """Does ``clause`` hold a match cue or a score? (kept in ``seen``)"""
    if clause is None:
        return False
    if clause not in seen:
        text = ctx.text[clause[0] : clause[1]]
        seen[clause] = _SCORE.search(text) is not None or any(c in text for c in cues)
    return seen[clause]
