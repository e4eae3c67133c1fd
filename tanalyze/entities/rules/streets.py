"""Streets named after the place that holds them (青禾市杏林路, 杏林区文汇大街)."""

from __future__ import annotations

from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import ROAD_WORDS
from ..resources import is_han as _is_han

_PLACES = ("GPE", "LOC")
# The units that end a place a street may follow (青禾市, 杏林区, 青禾县, 杏林镇).
_UNITS = frozenset("省市区县镇")


def streets(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """A word of the segmenter ending in a street word (路, 街, 大道: road_words.txt), three
    characters or more, right after a place named with its unit or listed (青禾市|杏林路): the
    street (FAC). The place locates it; 道路 or 一路 after a city name (one character before the
    street word) and 高速公路, 步行街 (the dictionary's common nouns) name no street."""
    t, words = ctx.text, ctx.words
    places: dict[int, Candidate] = {}  # place end -> a place ending there, the gazetteer's first
    for c in found:
        if c.label in _PLACES and (c.end not in places or c.source == "gazetteer"):
            places[c.end] = c
    for ws, place in places.items():
        k = ctx.word_starting.get(ws)
        if k is None:
            continue
        we = words[k][1]
        if we - ws < 3 or not t.endswith(ROAD_WORDS, ws, we):
            continue
        word = t[ws:we]
        if not _is_han(word) or word in ctx.stoplist:
            continue
        road = next(r for r in ROAD_WORDS if word.endswith(r))
        stem = word[: -len(road)]
        if len(stem) < 2 or ctx.pos(word) == "n":
            continue  # 道路, 一路 (one character before the street word); 高速公路, 步行街: a common noun
        if t[ws - 1] in _UNITS or place.source == "gazetteer":
            yield Candidate(ws, we, "FAC", "rule")
