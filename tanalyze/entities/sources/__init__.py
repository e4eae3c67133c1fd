"""Where candidates come from before the rules run: the gazetteer, the model, and the ``source``
rules of the registry (:mod:`tanalyze.entities.rules`)."""

from __future__ import annotations

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
    return _split_place_chains(out)


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
