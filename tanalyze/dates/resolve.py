"""Pass 3, reference and narrative time: what the text has established so far (:class:`_State`)
and how the calendar fields of one expression are filled from its tokens, its interval partner,
the paragraph and the reference (:func:`_fields`).
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .isotime import DOCUMENT_DAY, PARTIAL_YEAR, is_document_relative, _Point, _shift_month
from .tokens import _Tok


_BOUNDARY_SENTENCE = re.compile(r"[。！？!?；;\n]")


@dataclass
class _State:
    """What the text has established so far, for relative and incomplete expressions."""

    ref: _Point | None
    reliable: bool
    para_year: _Point | None = None
    para_month: _Point | None = None
    para_day: _Point | None = None
    sentence: _Point | None = None
    last: _Point | None = None
    last_day: _Point | None = None  # the last day-precise date, for 同日 after a coarser 今年
    weekday: int | None = None  # a weekday written just after the expression being resolved (7月20日，星期一)
    present: _Point | None = None

    @property
    def document(self) -> _Point | None:
        """The document's own day, unknown, for the deictic days a reference does not date (昨日 → DOC-P1D)."""
        if self.ref is not None and self.ref.at_least("day"):
            return None
        return _Point(DOCUMENT_DAY, "day", "document_date")

    def boundary(self, gap: str) -> None:
        if "\n" in gap:
            self.para_year = self.para_month = self.para_day = None
        if _BOUNDARY_SENTENCE.search(gap):
            self.sentence = None


@dataclass
class _Fields:
    """Calendar fields collected from the tokens of one expression."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    ypart: int | None = None
    mpart: str | None = None
    weekday: int | None = None  # the weekday written beside a month-day, Monday 0
    nth: tuple[int, int] | None = None  # the Nth weekday of the month (三月第二个星期五: (2, 4))
    week: date | None = None
    weekend: bool = False
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    part: str | None = None
    approx: bool = False
    explicit: bool = False
    src: str | None = None
    unresolved: bool = False
    now: _Point | None = None
    lunar: tuple[int, int | None, bool] | None = None  # (lunar month, day or None, leap month?)
    solar_term: str | None = None  # a holiday dated by a solar term (清明节)
    holiday: bool = False  # a festival or lunar date: its year may be the nearest occurrence
    near: datetime | None = None  # the reference day it is nearest to, when the year came from it
    first: tuple[int, str] | None = None  # 前N个月 of the period: (N, unit)

    def set_date(self, d: date | datetime) -> None:
        self.year, self.month, self.day = d.year, d.month, d.day


def _anchor_for(state: _State, grain: str, anaphoric: bool = False) -> _Point | None:
    """The point a relative expression of ``grain`` resolves against (see the module docstring)."""
    if anaphoric:
        order = [state.last, state.last_day, state.ref]
    else:
        order = [state.sentence, state.ref if state.reliable else None, state.present, state.ref]
    for point in order:
        if point is not None and point.at_least(grain):
            return point
    return None


def _deictic(state: _State, grain: str, f: _Fields, days: bool = False) -> _Point | None:
    """The reference a deictic word of ``grain`` counts from; with ``days`` (a day or week word),
    the document's unknown day when the reference does not give a day."""
    ref = state.ref
    if ref is None or not ref.at_least(grain):
        if days and state.document is not None:
            f.src = f.src or "document_date"
            return state.document
        f.unresolved = True
        return None
    f.src = f.src or ref.label
    return ref


def _two_digit_year(two: int, state: _State) -> int:
    """98年 → 1998, 15年 → 2015: the 20xx year unless it is more than ten years after the reference."""
    now = state.ref.dt.year if state.ref is not None else datetime.now().year
    return 2000 + two if 2000 + two <= now + 10 else 1900 + two


def _apply(tok: _Tok, f: _Fields, state: _State) -> None:
    """Fold one token into the fields of its expression."""
    d, kind = tok.data, tok.kind
    if kind in ("year", "numeric", "holiday", "month", "day", "lunar", "nth_weekday"):
        f.nth = d.get("nth", f.nth)
        f.lunar = d.get("lunar", f.lunar)
        f.solar_term = d.get("solar_term", f.solar_term)
        f.holiday = f.holiday or bool(d.get("holiday") or d.get("lunar"))
        for key in ("year", "month", "day"):
            if key in d:
                setattr(f, key, d[key])
        if "yy" in d:
            f.year = _two_digit_year(d["yy"], state)
        f.explicit = f.explicit or bool(d.get("explicit"))
    elif kind == "year_word":
        if state.ref is None and not d["anaphoric"] and d["rel"] == 0:
            f.year, f.src = PARTIAL_YEAR, "document_date"  # 今年4月 in a text of no known year: XXXX-04
            return
        base = _relative_base(state, "year", d["anaphoric"], f)
        if base is not None:
            f.year = base.dt.year + d["rel"]
    elif kind == "month_word":
        base = _relative_base(state, "month", d["anaphoric"], f)
        if base is not None:
            f.year, f.month = _shift_month(base.dt.year, base.dt.month, d["rel"])
    elif kind == "day_word":
        _apply_day_word(d, f, state)
    elif kind == "event_rel":  # 会议次日 as 次日 when the text does not date the meeting
        _apply_day_word({"rel": d["shift"], "anaphoric": True}, f, state)
    elif kind == "week":
        _apply_week(d, f, state)
    elif kind == "quarter":
        if "qrel" in d:
            base = _deictic(state, "month", f)
            if base is not None:
                index = base.dt.year * 4 + (base.dt.month - 1) // 3 + d["qrel"]
                f.year, f.quarter = index // 4, index % 4 + 1
        else:
            f.quarter = d["quarter"]
    elif kind == "quarter_part":
        if f.quarter is not None:
            f.month, f.approx = 3 * f.quarter - 2 + d["qpart"], True
    elif kind == "half":
        f.half = d["half"]
    elif kind == "window":
        f.first = d.get("first")
    elif kind == "year_part":
        f.ypart, f.approx = d["ypart"], True
    elif kind == "month_part":
        f.mpart, f.approx = d["mpart"], True
    elif kind == "day_part":
        f.part = d["part"]
    elif kind == "clock":
        f.hour, f.minute, f.second = d["hour"], d["minute"], d["second"]
    elif kind == "approx_pre":
        f.approx = f.approx or d["word"] != "早在"
    elif kind == "approx_post":
        f.approx = True


def _relative_base(state: _State, grain: str, anaphoric: bool, f: _Fields) -> _Point | None:
    if not anaphoric:
        return _deictic(state, grain, f, days=grain == "day")
    base = _anchor_for(state, grain, anaphoric=True)
    if base is None:
        f.unresolved = True
    else:
        f.src = f.src or base.label
    return base


def _apply_day_word(d: dict, f: _Fields, state: _State) -> None:
    if d.get("then"):  # 当时: the time mentioned last, at its precision
        base = state.last
        f.now, f.unresolved = base, base is None
        f.src = f.src or (base.label if base is not None else None)
        return
    if d.get("now"):
        base = _deictic(state, "day", f, days=True)
        f.now = base
        if base is not None:
            f.set_date(base.dt)
        return
    base = _relative_base(state, "day", d["anaphoric"], f)
    if base is not None:
        f.set_date(base.dt + timedelta(days=d["rel"]))
    if d.get("part"):
        f.part = d["part"]


def _apply_week(d: dict, f: _Fields, state: _State) -> None:
    if f.day is not None:
        f.weekday = d["weekday"]  # 6月1日周六: the weekday picks the year (_weekday_year)
        return
    base = _deictic(state, "day", f, days=True)
    if base is None:
        return
    if is_document_relative(base.dt) and (d["weekend"] or d["weekday"] is not None):
        f.unresolved = True  # 周三 of the document's week: the document's weekday is unknown too
        return
    monday = base.dt.date() - timedelta(days=base.dt.weekday()) + timedelta(weeks=d["week_shift"])
    if d["weekend"]:
        f.week, f.weekend = monday, True
    elif d["weekday"] is not None:
        f.set_date(monday + timedelta(days=d["weekday"]))
    else:
        f.week = monday


def _complete(f: _Fields, state: _State, inherit: _Fields | None) -> None:
    """Fill the coarser fields an expression left out: from its interval partner, the paragraph, the reference."""
    has_date = any(v is not None for v in (f.year, f.month, f.day, f.quarter, f.half, f.ypart, f.mpart, f.week,
                                           f.lunar, f.solar_term))
    if inherit is not None:
        if f.day is not None and f.month is None:
            f.month = inherit.month
        if (f.month is not None or f.quarter is not None or f.day is not None) and f.year is None:
            f.year = inherit.year
        if f.hour is not None and f.part is None and inherit.part is not None:
            f.part = inherit.part
        if not has_date and (f.hour is not None or f.part) and inherit.day is not None:
            f.year, f.month, f.day = inherit.year, inherit.month, inherit.day
        has_date = has_date or f.day is not None
    if f.week is not None:
        return
    if f.mpart is not None and f.month is None:
        _fill(f, state.para_month, "month", ("year", "month"))  # 月底 alone: this month
    if f.day is not None and f.month is None:
        # A bare day (15日) continues a day-by-day narrative, else it is in the reference month;
        # a month mentioned in passing (去年3月爆发以来) does not date it.
        month_from = state.para_day or (None if state.ref and state.ref.at_least("month") else state.para_month)
        _fill(f, month_from, "month", ("year", "month"))
    if f.year is None and (f.month is not None or f.quarter or f.half or f.ypart or f.mpart or f.lunar
                           or f.solar_term or f.first):
        _fill(f, state.para_year, "year", ("year",))
    if not has_date and (f.hour is not None or f.part):
        point = state.para_day
        if point is None and state.ref is not None and state.ref.at_least("day"):
            point = state.ref
        if point is not None:
            f.set_date(point.dt)
            f.src = f.src or point.label
    _fill_from_ref(f, state)


def _fill(f: _Fields, para: _Point | None, grain: str, keys: tuple[str, ...]) -> None:
    point = para
    label = para.label if para is not None else None
    if point is None:
        return
    for key in keys:
        if getattr(f, key) is None:
            setattr(f, key, getattr(point.dt, key))
    f.src = f.src or label


def _fill_from_ref(f: _Fields, state: _State) -> None:
    """Last resort for missing year/month: the reference date (needs that precision)."""
    need_month = (f.day is not None or f.mpart is not None) and f.month is None
    need_year = f.year is None and (f.month is not None or f.day is not None or f.quarter or f.half or f.ypart or f.mpart
                                    or f.lunar or f.solar_term)
    if not (need_month or need_year):
        return
    ref = state.ref
    grain = "month" if need_month else "year"
    if ref is None and not need_month and f.month is not None and f.lunar is None and f.solar_term is None:
        # No year anywhere: a month-day keeps its fields with the year unknown (XXXX-07-21).
        f.year, f.explicit = PARTIAL_YEAR, True
        return
    if ref is None or not ref.at_least(grain):
        f.unresolved = True
        return
    if need_month:
        f.month = ref.dt.month
    if f.year is None:
        f.year = ref.dt.year
        if f.holiday and state.reliable and ref.at_least("day"):
            f.near = ref.dt
    f.src = f.src or ref.label


def _ref_point(ref: datetime | None, source: str | None) -> _Point | None:
    if ref is None:
        return None
    if source == "latest_year":
        grain = "year"
    elif ref.hour or ref.minute or ref.second:
        grain = "second"  # a reference with a clock time is an instant (现在 is that second)
    else:
        grain = "day"
    return _Point(ref, grain, "ref_date")


def _fields(group: list[_Tok], state: _State, inherit: _Fields | None = None) -> _Fields:
    f = _Fields(weekday=state.weekday)
    for tok in group:
        _apply(tok, f, state)
    _complete(f, state, inherit)
    if f.nth is not None:
        if f.year not in (None, PARTIAL_YEAR) and f.month is not None:
            f.day = _nth_weekday(f.year, f.month, *f.nth)
        # A day the month does not have (the fifth Monday of most Februaries, any sixth one), or
        # of an unknown year: no value, rather than the month.
        f.unresolved = f.unresolved or f.day is None
    written = any(t.kind in ("year", "year_word") or (t.kind == "numeric" and "year" in t.data) for t in group)
    if f.weekday is not None and not written:
        _weekday_year(f, state)
    return f


def _weekday_year(f: _Fields, state: _State) -> None:
    """A month-day beside its weekday: of the years near the one the narrative gave and near the
    reference, the nearest on which that day falls on that weekday (an article of 2012 recalling
    2010 writes 8月6日，星期一: 2012-08-06, a Monday; 2010-08-06 was a Friday). Ties go to the
    narrative's year, then the reference's, then the earlier year."""
    if f.year is None or f.year == PARTIAL_YEAR or f.month is None or f.day is None:
        return
    bases = [f.year] + ([state.ref.dt.year] if state.ref is not None else [])
    best = None
    for y in range(min(bases) - 11, max(bases) + 12):
        if 1 <= y <= 9999 and _weekday_of(y, f.month, f.day) == f.weekday:
            key = (min(abs(y - b) for b in bases), [abs(y - b) for b in bases], y)
            best = min(best, (key, y)) if best else (key, y)
    if best is not None:
        f.year, f.src = best[1], f"weekday:{f.src or 'ref_date'}"


def _nth_weekday(year: int, month: int, n: int, weekday: int) -> int | None:
    """The day of the month of its ``n``-th ``weekday`` (None past the month's end)."""
    first = (weekday - date(year, month, 1).weekday()) % 7 + 1
    day = first + 7 * (n - 1)
    return day if day <= monthrange(year, month)[1] else None


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return date(year, month, day).weekday()
    except ValueError:
        return None
