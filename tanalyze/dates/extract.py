"""The extractor: the three passes put together, one :class:`DateFound` per expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from ..textutil import fold_width
from .events import event_date
from .expressions import _approx_words, _core, _groups, _is_point_group
from .isotime import is_document_relative, mask_document, mask_partial, _Point, _RANK, _Value, _duration_iso, _fmt_year, _join_durations
from .reference import _in_brackets, find_ref_date
from .resolve import _Fields, _State, _apply, _fields, _ref_point
from .tokens import _CONNECTOR, _Tok, _tokens
from .values import _duration_value, _point_value, _set_value, _window_value


@dataclass(frozen=True)
class DateFound:
    """One temporal expression: offsets into the text given, end exclusive.

    ``type`` is date | time | datetime | duration | interval | set; ``value`` the ISO 8601 value
    (None when it cannot be anchored); ``grain`` the precision of the value; ``approx`` True for
    vague expressions (前后, 左右, 许, 余, 多, 中旬 ...); ``resolved_from`` how a relative value
    was anchored: ``ref_date``, ``narrative:<text of the anchor>``, or None when absolute.
    ``approx_value`` is the containing unit of an interval read from a vague part (``2024-11``
    for 11月中旬, whose value is ``2024-11-11/2024-11-20``; ``2024`` for 2024年底), else None.
    """

    start: int
    end: int
    type: str
    value: str | None
    grain: str | None
    approx: bool = False
    resolved_from: str | None = None
    approx_value: str | None = None


def _resolve(group: list[_Tok], text: str, state: _State) -> tuple[_Value, bool, str | None, _Fields | None]:
    """Value, approx flag, resolved_from and the fields (for point expressions) of one expression."""
    core = _core(group)
    head = core[0]
    approx = _approx_words(group)
    if head.kind == "duration":
        chain = [t for t in core if t.kind == "duration"]
        if len(chain) > 1:
            parts = [_duration_iso(t.data["n"], t.data["unit"], t.data["half"]) for t in chain]
            last_dir = chain[-1].data["dir"]
            approx = approx or any(t.data["approx"] for t in chain)
            if not last_dir:
                return _Value("duration", _join_durations(parts), None), approx, None, None
        value, src = _duration_value(head.data, state)
        if value.point is not None:
            value.point = _Point(value.point.dt, value.point.grain, f"narrative:{text}")
        rest = [t for t in core[1:] if t.kind in ("day_part", "clock")]
        if rest and value.point is not None and value.point.at_least("day"):
            f = _Fields()
            f.set_date(value.point.dt)
            for tok in rest:
                _apply(tok, f, state)
            value = _point_value(f, f"narrative:{text}")
        return value, approx or head.data["approx"] or value.approx, src, None
    if head.kind == "vague":
        return _Value("date", head.data["ref"], None), True, None, None
    if head.kind == "window":
        value, src = _window_value(head.data["window"], state)
        return value, approx, src, None
    if head.kind == "decade":
        d = head.data
        return _Value("interval", f"{_fmt_year(d['from'])}/{_fmt_year(d['to'])}", "year"), approx or bool(d["part"]), None, None
    if head.kind == "set":
        return _set_value(head, core[1:], text, state), approx, None, None
    f = _fields(group, state)
    value = _point_value(f, f"narrative:{text}")
    return value, approx or f.approx, f.src, f


def _resolve_safe(group: list[_Tok], text: str, state: _State) -> tuple[_Value, bool, str | None, _Fields | None]:
    """:func:`_resolve`, with a value None (the span kept) where the calendar arithmetic of a
    relative expression leaves the years 1-9999 (三亿年后, or 明天 said on 9999-12-31)."""
    try:
        return _resolve(group, text, state)
    except (ValueError, OverflowError):
        kind = "duration" if _core(group)[0].kind == "duration" else "date"
        return _Value(kind, None, None), _approx_words(group), None, None


def _remember(state: _State, value: _Value, f: _Fields | None) -> None:
    point = value.point
    if point is None:
        return
    if is_document_relative(point.dt):
        if point.at_least("day"):  # 次日 after 昨日; nothing coarser, nor a year or month to fill
            state.last = state.last_day = point
        return
    state.last = point
    if point.grain == "week":
        return
    if point.at_least("year"):
        state.para_year = point
    if point.at_least("month"):
        state.para_month = point
    if point.at_least("day"):
        state.para_day = state.last_day = point
    if f is not None and f.explicit:
        state.sentence = point
        if state.present is None or point.dt >= state.present.dt:
            state.present = point


def _interval(a: _Value, b: _Value) -> _Value:
    if a.value is None or b.value is None:
        return _Value("interval", None, None)
    grain = a.grain if _RANK.get(a.grain or "year", 0) >= _RANK.get(b.grain or "year", 0) else b.grain
    start, end = a.value.split("/")[0], b.value.split("/")[-1]
    return _Value("interval", f"{start}/{end}", grain, a.point)


def extract_dates(text: str, ref: datetime | None = None, ref_source: str | None = None) -> list[DateFound]:
    """Find the temporal expressions of ``text`` (Simplified Chinese) with ISO 8601 values.

    ``ref`` is the date the text speaks from; when None, :func:`find_ref_date` looks for one
    (and ``ref_source`` is taken from it). ``ref_source`` ``"latest_year"`` marks a reference
    known only to the year. Relative expressions that cannot be anchored are still reported,
    with ``value=None``. Offsets are character offsets into ``text``, end exclusive.
    """
    folded = fold_width(text)
    if ref is None:
        found = find_ref_date(text)
        if found is not None:
            ref, ref_source = found
    state = _State(ref=_ref_point(ref, ref_source), reliable=ref is not None and ref_source != "latest_year")
    groups = _groups(_tokens(folded), folded)
    out: list[DateFound] = []
    prev_end, i = 0, 0
    while i < len(groups):
        group = groups[i]
        start, end = group[0].start, group[-1].end
        state.boundary(folded[prev_end:start])
        nxt = groups[i + 1] if i + 1 < len(groups) else None
        if nxt is not None and _joinable(group, nxt, folded):
            found_interval = _resolve_interval(group, nxt, text, state)
            out.append(found_interval)
            prev_end, i = nxt[-1].end, i + 2
            continue
        state.weekday = _weekday_beside(group, nxt, folded)
        value, approx, src, f = _resolve_safe(group, text[start:end], state)
        if group[0].kind == "event_rel":
            value, approx, src = _event_value(group[0], value, approx, src, folded, out, state)
        if not _in_brackets(folded, start):
            _remember(state, value, f)  # (a date in brackets annotates; the story does not move to it)
        out.append(_found(start, end, value.type, value.value, value.grain, approx, src, value.coarse))
        prev_end, i = end, i + 1
        if state.weekday is not None and nxt is not None and value.grain == "day":
            # The weekday names the same day: 7月20日，星期一 -> both 2009-07-20.
            out.append(_found(nxt[0].start, nxt[-1].end, "date", value.value, "day", False, f"narrative:{text[start:end]}"))
            prev_end, i = nxt[-1].end, i + 1
        state.weekday = None
    return out


def _event_value(tok: _Tok, value: _Value, approx: bool, src: str | None, folded: str, out: list[DateFound],
                 state: _State) -> tuple[_Value, bool, str | None]:
    """车展前一日 from the date the text gives 车展; else 次日/当天 as anaphora (already resolved), 前一日 unknown."""
    found = event_date(tok.data["event"], tok.data["shift"], tok.start, folded, out)
    if found is None:
        return (value if tok.data["shift"] >= 0 else _Value("date", None, None)), approx, src
    iso, grain, vague, label = found
    start = _DAY_START.match(iso)
    point = None
    if start and not iso.startswith("X") and grain == "day":
        point = _Point(datetime(*map(int, start.groups())), "day" if not vague else "month", label)
    return _Value("interval" if "/" in iso else "date", iso, grain, point), vague, label


_DAY_START = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


_WEEKDAY_GAP = re.compile(r"[，,、（(\s]{1,2}")


def _weekday_beside(group: list[_Tok], nxt: list[_Tok] | None, folded: str) -> int | None:
    """The weekday of ``nxt`` when it only repeats the day ``group`` names (7月20日，星期一 / （周一）)."""
    if nxt is None or len(nxt) != 1 or nxt[0].kind != "week" or nxt[0].data["explicit_week"]:
        return None
    if not any(t.kind in ("day", "numeric") and "day" in t.data for t in group) or group[-1].kind not in ("day", "numeric"):
        return None
    if not _WEEKDAY_GAP.fullmatch(folded[group[-1].end: nxt[0].start]):
        return None
    return nxt[0].data["weekday"]


def _joinable(a: list[_Tok], b: list[_Tok], folded: str) -> bool:
    gap = folded[a[-1].end: b[0].start]
    return bool(gap) and _CONNECTOR.fullmatch(gap) is not None and _is_point_group(a) and _is_point_group(b)


def _resolve_interval(a: list[_Tok], b: list[_Tok], text: str, state: _State) -> DateFound:
    start, end = a[0].start, b[-1].end
    fa = _fields(a, state)
    va = _point_value(fa, f"narrative:{text[a[0].start:a[-1].end]}")
    fb = _fields(b, state, inherit=fa)
    vb = _point_value(fb, f"narrative:{text[b[0].start:b[-1].end]}")
    _remember(state, va, fa)
    value = _interval(va, vb)
    approx = fa.approx or fb.approx or _approx_words(a) or _approx_words(b)
    src = (fa.src or fb.src) if value.value else None
    return _found(start, end, "interval", value.value, value.grain, approx, src)


def _found(start: int, end: int, kind: str, value: str | None, grain: str | None, approx: bool, src: str | None,
           coarse: str | None = None) -> DateFound:
    """One DateFound, an unknown year written XXXX, a day counted from the document's unknown date
    DOC-P1D; no grain or anchor without a value."""
    value = mask_document(mask_partial(value))
    coarse = mask_document(mask_partial(coarse)) if value else None
    return DateFound(start, end, kind, value, grain if value else None, approx, src if value else None, coarse)
