"""Pass 3, values: completed fields, durations, offsets, windows and sets to ISO 8601 values.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, datetime, timedelta

from .isotime import unknown_year, _OutOfRange, _Point, _RANK, _UNIT_GRAIN, _Value, _add_months, _clock_text, _duration_iso, _fmt, _fmt_year, _shift, _shift_grain, _unit_start
from .lunar import lunar_to_solar
from .resolve import _Fields, _State, _anchor_for, _fields
from .tokens import _Tok
from .vocabulary import _DAY_PARTS, _NIGHT_PARTS, _PM_PARTS, _SOLAR_TERM_HOLIDAYS


def _clock_hour(hour: int, part: str | None) -> tuple[int, int]:
    """Hour of day (and extra days) for a clock reading after a day part (下午3点 → 15)."""
    if part in _PM_PARTS and hour < 12 and not (part in ("夜里", "夜间") and hour < 5):
        hour += 12
    elif part == "中午" and hour < 11:
        hour += 12
    elif part in _NIGHT_PARTS and 6 <= hour < 12:
        hour += 12
    if hour == 24 or (hour == 12 and part in _NIGHT_PARTS | _PM_PARTS - {"下午", "午后"}):
        return 0, 1
    return hour, 0


def _point_value(f: _Fields, text: str) -> _Value:
    """The ISO value of completed fields."""
    has_clock = f.hour is not None
    if f.unresolved:
        kind = "datetime" if has_clock and f.day is not None else ("time" if has_clock else "date")
        return _Value(kind, None, None)
    if f.now is not None:
        return _Value("datetime" if f.now.grain in ("minute", "second") else "date", _fmt(f.now.dt, f.now.grain),
                      f.now.grain, f.now)
    if f.week is not None:
        start = datetime.combine(f.week, datetime.min.time())
        if f.weekend:
            sat, sun = start + timedelta(days=5), start + timedelta(days=6)
            return _Value("interval", f"{_fmt(sat, 'day')}/{_fmt(sun, 'day')}", "day", _Point(sat, "day", text))
        return _Value("date", _fmt(start, "week"), "week", _Point(start, "week", text))
    if f.year is None:
        return _time_only(f)
    if f.lunar is not None or f.solar_term is not None or (f.holiday and f.near is not None):
        span = _holiday_span(f)
        if span is None:
            return _Value("date", None, None)
        first, last = span
        if first != last:  # a lunar month named alone (腊月)
            return _Value("interval", f"{_fmt(datetime.combine(first, datetime.min.time()), 'day')}/"
                          f"{_fmt(datetime.combine(last, datetime.min.time()), 'day')}", "day",
                          _Point(datetime.combine(first, datetime.min.time()), "day", text))
        f.year, f.month, f.day = first.year, first.month, first.day
    try:
        return _dated_value(f, text)
    except ValueError:
        return _Value("date", None, None)


def _holiday_date(f: _Fields, year: int) -> tuple[date, date] | None:
    """First and last day of a festival, lunar date or lunar month in ``year``."""
    if f.lunar is not None:
        month, day, leap = f.lunar
        first = lunar_to_solar(year, month, day or 1, leap)
        last = first if day is not None else lunar_to_solar(year, month, -1, leap)
        return (first, last) if first and last else None
    if f.solar_term is not None:
        day = _SOLAR_TERM_HOLIDAYS[f.solar_term](year)
        return (day, day) if day else None
    try:
        day = date(year, f.month or 1, f.day or 1)
    except ValueError:
        return None
    return day, day


# A festival without a year is the one of the reference year, unless that one is more than half a
# year from the reference day and the previous or next year's is within about three months
# (元旦 or 春节 in a December article: the coming ones; 圣诞节 in a January article: the past one).
_NEAR_DAYS, _FAR_DAYS = 90, 180


def _holiday_span(f: _Fields) -> tuple[date, date] | None:
    """The festival's first and last day, the year chosen as above when it came from the reference day."""
    assert f.year is not None
    same = _holiday_date(f, f.year)
    if f.near is None:
        return same
    near = f.near.date()
    others = [span for span in (_holiday_date(f, f.year - 1), _holiday_date(f, f.year + 1)) if span]
    other = min(others, key=lambda span: abs((span[0] - near).days), default=None)
    if same is None or (other is not None and abs((other[0] - near).days) <= _NEAR_DAYS
                        and abs((same[0] - near).days) > _FAR_DAYS):
        return other
    return same


def _time_only(f: _Fields) -> _Value:
    if f.hour is None:
        if f.part is None:
            return _Value("date", None, None)
        lo, hi = _DAY_PARTS[f.part]
        return _Value("interval", f"T{lo % 24:02d}/T{hi % 24:02d}", "hour")
    hour, _ = _clock_hour(f.hour, f.part)
    grain, value = _clock_text(hour, f.minute, f.second)
    return _Value("time", f"T{value}", grain)


def _dated_value(f: _Fields, text: str) -> _Value:
    year = f.year
    assert year is not None
    if f.first is not None and f.day is None:
        return _first_units(year, f.month, *f.first, text)
    if f.mpart is not None and f.month is not None and f.day is None:
        return _month_part_value(year, f.month, f.mpart, text)
    if f.month is None:
        if f.ypart is not None and f.quarter is None and f.half is None:
            return _year_part_value(year, f.ypart, text)
        if f.quarter is not None:
            start = datetime(max(year, 1), 3 * f.quarter - 2, 1)
            return _Value("date", f"{_fmt_year(year)}-Q{f.quarter}", "quarter", _Point(start, "quarter", text))
        if f.half is not None:
            first = 1 if f.half == 1 else 7
            y = _fmt_year(year)
            return _Value("interval", f"{y}-{first:02d}/{y}-{first + 5:02d}", "month",
                          _Point(datetime(max(year, 1), first, 1), "month", text))
        return _Value("date", _fmt_year(year), "year", _Point(datetime(max(year, 1), 1, 1), "year", text))
    if f.day is None:
        start = datetime(max(year, 1), f.month, 1)
        return _Value("date", f"{_fmt_year(year)}-{f.month:02d}", "month", _Point(start, "month", text))
    day = datetime(year, f.month, f.day)
    if f.hour is None:
        if f.part is None:
            return _Value("date", _fmt(day, "day"), "day", _Point(day, "day", text))
        lo, hi = _DAY_PARTS[f.part]
        start, end = day + timedelta(hours=lo), day + timedelta(hours=hi)
        return _Value("interval", f"{_fmt(start, 'hour')}/{_fmt(end, 'hour')}", "hour", _Point(day, "day", text))
    hour, extra = _clock_hour(f.hour, f.part)
    moment = day + timedelta(days=extra, hours=hour, minutes=f.minute or 0, seconds=f.second or 0)
    grain, _ = _clock_text(hour, f.minute, f.second)
    return _Value("datetime", _fmt(moment, grain), grain, _Point(moment, grain, text))


# The days of a month a part names (上旬 the 1st-10th ...; 0 is the month's last day) and the months
# of a year (年初 January-February, 年中 June-July, 年底 November-December).
_MONTH_PART_DAYS = {"上旬": (1, 10), "月初": (1, 10), "中旬": (11, 20), "月中": (11, 20), "下旬": (21, 0),
                    "月底": (21, 0), "月末": (21, 0)}
_YEAR_PART_MONTHS = {1: (1, 2), 6: (6, 7), 12: (11, 12)}


def _month_part_value(year: int, month: int, part: str, text: str) -> _Value:
    """11月中旬 → 2024-11-11/2024-11-20 (grain day), the month kept as ``coarse``."""
    first, last = _MONTH_PART_DAYS.get(part, (1, 0))
    start = datetime(max(year, 1), month, first)
    end = datetime(max(year, 1), month, last or monthrange(max(year, 1), month)[1])
    month_text = f"{_fmt_year(year)}-{month:02d}"
    value = f"{month_text}-{first:02d}/{month_text}-{end.day:02d}"
    # As an anchor the part is only as precise as its month: 次日 after 11月中旬 is no known day.
    return _Value("interval", value, "day", _Point(start, "month", text), coarse=month_text)


def _year_part_value(year: int, part: int, text: str) -> _Value:
    """2024年底 → 2024-11/2024-12 (grain month), the year kept as ``coarse``."""
    first, last = _YEAR_PART_MONTHS.get(part, (part, part))
    y = _fmt_year(year)
    return _Value("interval", f"{y}-{first:02d}/{y}-{last:02d}", "month",
                  _Point(datetime(max(year, 1), first, 1), "year", text), coarse=y)


def _first_units(year: int, month: int | None, n: int, unit: str, text: str) -> _Value:
    """前N个月 of a year, 前N天 of a month ...: an interval from the start of the period."""
    start = datetime(max(year, 1), month or 1, 1)
    if unit == "M" and month is None and n <= 12:
        end = _add_months(start, n - 1)
        return _Value("interval", f"{_fmt(start, 'month')}/{_fmt(end, 'month')}", "month", _Point(start, "month", text))
    if unit == "Q" and month is None and n <= 4:
        end = _add_months(start, 3 * (n - 1))
        return _Value("interval", f"{_fmt(start, 'quarter')}/{_fmt(end, 'quarter')}", "quarter",
                      _Point(start, "quarter", text))
    if unit in ("D", "W"):
        end = start + timedelta(days=n * (7 if unit == "W" else 1) - 1)
        return _Value("interval", f"{_fmt(start, 'day')}/{_fmt(end, 'day')}", "day", _Point(start, "day", text))
    return _Value("interval", None, None)


def _window_value(window: tuple[int, int, str], state: _State) -> tuple[_Value, str | None]:
    """前两周 / 上三个月 / 下三天: the N whole units before (after) the one the anchor is in;
    sign 0 (今明两年) starts with that unit."""
    sign, n, unit = window
    if unit not in _UNIT_GRAIN:
        return _Value("interval", None, None), None
    grain = _UNIT_GRAIN[unit]
    anchor = _anchor_for(state, "day" if grain == "week" else grain)
    if anchor is None:
        return _Value("interval", None, None), None
    current = _unit_start(anchor.dt, unit)
    first, last = (-n, -1) if sign < 0 else ((1, n) if sign > 0 else (0, n - 1))
    start, _ = _shift(current, first, unit, False, 1)
    end, _ = _shift(current, last, unit, False, 1)
    if unit == "H":  # a clock hour ending a range is the instant it starts (T02/T04 is 2:00 to 4:00)
        end, _ = _shift(end, 1, unit, False, 1)
    return _Value("interval", f"{_fmt(start, grain)}/{_fmt(end, grain)}", grain), anchor.label


_OFFSET_SIGN = {"前": -1, "之前": -1, "以前": -1, "后": 1, "之后": 1, "以后": 1}


_YEARS_PER_UNIT = {"C": 100, "Y": 1, "Q": 0.25, "M": 1 / 12, "W": 7 / 365.2425, "D": 1 / 365.2425}


def _far_offset(d: dict, anchor: _Point | None, sign: int) -> _Value | None:
    """An offset past the calendar datetime holds (4万年前, 7000年前): an approximate year.

    Within ISO 8601's four-digit years (down to -9999, astronomical numbering: 0 is 1 BCE) the
    value is that year (``-4976``); further away it is the distance itself as a duration
    (``P40000Y``), which is how a reader takes "40,000 years ago"; that needs no anchor.
    None: no anchor, and the distance alone does not leave the four-digit years.
    """
    years = (d["n"] + (0.5 if d["half"] else 0)) * _YEARS_PER_UNIT.get(d["unit"], 0)
    if anchor is None and years <= 2 * 9999:
        return None
    year = (anchor.dt.year if anchor else 0) + sign * round(years)
    if anchor is not None and -9999 <= year <= 9999:
        return _Value("date", _fmt_year(year), "year", approx=True)
    return _Value("duration", _duration_iso(d["n"], d["unit"], d["half"]), "year", approx=True)


def _duration_value(d: dict, state: _State) -> tuple[_Value, str | None]:
    """A duration, or an offset from an anchor (三十年前) or a span (三个月以来)."""
    iso = _duration_iso(d["n"], d["unit"], d["half"])
    direction = d["dir"]
    if not direction:
        return _Value("duration", iso, None), None
    grain = _shift_grain(d["n"], d["unit"], d["half"])
    anchor = _anchor_for(state, grain)
    if anchor is None and grain == "day" and direction not in ("以内", "之内", "内"):
        anchor = state.document  # 三天前 with no day to count from: the document's (DOC-P3D)
    if anchor is None:
        if direction in ("以内", "之内", "内"):
            return _Value("duration", iso, None), None  # 5分钟内 with no clock to count from: how long
        far = _far_offset(d, None, _OFFSET_SIGN[direction]) if direction in _OFFSET_SIGN else None
        kind = "date" if direction in _OFFSET_SIGN else "interval"
        return far or _Value(kind, None, None), None
    unknown = unknown_year(anchor.dt)
    if direction in _OFFSET_SIGN:
        try:
            moved, grain = _shift(anchor.dt, d["n"], d["unit"], d["half"], _OFFSET_SIGN[direction])
        except _OutOfRange:
            moved, grain = None, None
        if unknown is not None and (moved is None or unknown_year(moved) != unknown):
            return _Value("date", None, None), None  # 三十年前 of a year-less date: an unknown year
        if moved is None:
            far = _far_offset(d, anchor, _OFFSET_SIGN[direction])
            assert far is not None
            return far, (anchor.label if far.type == "date" else None)
        kind = "datetime" if _RANK[grain] > _RANK["day"] else "date"
        return _Value(kind, _fmt(moved, grain), grain, _Point(moved, grain, "")), anchor.label
    other, grain = _shift(anchor.dt, d["n"], d["unit"], d["half"], -1 if direction == "以来" else 1)
    if unknown is not None and unknown_year(other) != unknown:
        return _Value("interval", None, None), None
    first, last = (other, anchor.dt) if direction == "以来" else (anchor.dt, other)
    return _Value("interval", f"{_fmt(first, grain)}/{_fmt(last, grain)}", grain), anchor.label


def _set_value(head: _Tok, rest: list[_Tok], text: str, state: _State) -> _Value:
    d = head.data
    every = _duration_iso(d["n"], d["unit"], False) if d["n"] >= 1 else _duration_iso(0, d["unit"], True)
    if not rest:
        return _Value("set", f"R/{every}", None)
    f = _fields(rest, state)
    point = _point_value(f, text)
    if point.value is None:
        return _Value("set", f"R/{every}", None)
    return _Value("set", f"R/{point.value}/{every}", point.grain)
