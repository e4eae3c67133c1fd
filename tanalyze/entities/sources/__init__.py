"""Where candidates come from before the rules run: the gazetteer, the model, and the ``source``
rules of the registry (:mod:`tanalyze.entities.rules`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from ..candidate import Candidate
from ..context import Context
from ..rules import stage
from .gazetteer import gazetteer_candidates
from .model import model_candidates


def source_candidates(ctx: Context, text: str, predict: Callable | None, disabled: Iterable[str] = ()) -> list[Candidate]:
    """The candidates of the gazetteer, the model (``predict`` reads the unfolded ``text``; None:
    no model) and the source rules, without a model name that is only a chain of their places."""
    out = gazetteer_candidates(ctx)
    if predict is not None:
        out.extend(model_candidates(ctx, text, predict))
    for rule in stage("source", disabled):
        out.extend(rule.fn(ctx, tuple(out)))
    return _split_place_chains(_without_region_word(ctx, out))


# 台湾地区, 西南地区: "the region of"; MSRA never holds it in a place's span (423 places before it
# in its train split), our news guidelines neither; CLUENER's addresses do either way.
_REGION_WORD = "地区"


def _without_region_word(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """A place of the gazetteer or the model written with 地区 after it is the place without it
    (青禾地区 -> 青禾), when two characters at least are left."""
    t = ctx.text
    return [replace(c, end=c.end - len(_REGION_WORD))
            if c.source != "rule" and c.label in ("GPE", "LOC") and c.length - len(_REGION_WORD) >= 2
            and t.endswith(_REGION_WORD, c.start, c.end) else c for c in cands]


def _split_place_chains(cands: list[Candidate]) -> list[Candidate]:
    """Drop a model name that is only a chain of places found otherwise (青禾市东港区 = 青禾市 +
    东港区, 青禾市杏林镇): the places are reported one by one, as in a chain without a road."""
    places: dict[int, list[int]] = {}
    for c in cands:
        if c.source != "model" and c.label in ("GPE", "LOC"):
            places.setdefault(c.start, []).append(c.end)

    def tiled(start: int, end: int, parts: int) -> bool:
        if start == end:
            return parts >= 2
        return any(e <= end and tiled(e, end, parts + 1) for e in places.get(start, ()))

    return [c for c in cands if not (c.source == "model" and tiled(c.start, c.end, 0))]
