"""Dates relative to an event the text dates elsewhere: 车展前一日, 会议次日, 签约当天.

The event word's latest earlier mention is looked up; its date is the date expression of that
mention's sentence nearest to it, else the last date earlier in its paragraph (11月中旬的广州……
广州国际车展在这里举办). The expression is that date moved by its days, ``approx`` when the event's
date is itself a range or coarser than a day; ``resolved_from`` is ``event:<mention>``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from .isotime import PARTIAL_YEAR, mask_partial

_SENTENCE_END = re.compile(r"[。！？!?；;\n]")
_DAY = re.compile(r"^(XXXX|\d{4})-(\d{2})-(\d{2})")


def event_date(event: str, shift: int, before: int, folded: str, found: list) -> tuple[str, str, bool, str] | None:
    """(value, grain, approx, resolved_from) of ``event`` + ``shift`` days, from the dates ``found``
    so far (DateFound, in text order) around the event's latest mention before ``before``."""
    at = folded.rfind(event, 0, before)
    if at < 0:
        return None
    start = max(folded.rfind(c, 0, at) for c in "。！？!?；;\n") + 1
    end_match = _SENTENCE_END.search(folded, at)
    end = end_match.start() if end_match else len(folded)
    dated = [d for d in found if d.value and d.type in ("date", "datetime", "interval") and d.value[0] in "0123456789X"]
    here = [d for d in dated if start <= d.start < end]
    if here:
        anchor = min(here, key=lambda d: abs(d.start - at))
    else:
        para = folded.rfind("\n", 0, at) + 1
        earlier = [d for d in dated if para <= d.start < at]
        if not earlier:
            return None
        anchor = earlier[-1]
    moved = _move(anchor.value, anchor.grain, shift)
    if moved is None:
        return None
    value, grain, exact = moved
    return value, grain, not exact or anchor.approx, f"event:{folded[at:at + len(event)]}"


def _move(value: str, grain: str | None, shift: int) -> tuple[str, str, bool] | None:
    """A day or a range of days moved by ``shift`` days; a coarser value kept as it is (inexact)."""
    parts = value.split("/")
    if grain not in ("day", "hour", "minute", "second") or not all(_DAY.match(p) for p in parts):
        return (value, grain, False) if grain else None
    out = []
    for part in parts:
        year, month, day = _DAY.match(part).groups()
        unknown = year == "XXXX"
        dt = datetime(PARTIAL_YEAR if unknown else int(year), int(month), int(day)) + timedelta(days=shift)
        out.append(mask_partial(dt.strftime("%Y-%m-%d")) if unknown else dt.strftime("%Y-%m-%d"))
    if out[0] == out[-1]:
        return out[0], "day", len(parts) == 1
    return f"{out[0]}/{out[-1]}", "day", False
