"""ISO 8601 arithmetic and text: grains, points and values, month and duration arithmetic that
signals leaving the years 1-9999 (:class:`_OutOfRange`) instead of crashing, and formatting.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import datetime, timedelta



#: Grains from coarsest to finest.
GRAINS = ("year", "quarter", "month", "week", "day", "hour", "minute", "second")


_RANK = {g: i for i, g in enumerate(GRAINS)}

#: The year a month-day takes when no year is known at all: a leap year (2月29日 exists) that no
#: text names, so arithmetic on it (次日, 三天后) works, and :func:`mask_partial` writes it
#: (and the years just after it) as TIMEX3's unknown year: ``XXXX-07-21``.
PARTIAL_YEAR = 9996
_PARTIAL = re.compile(r"(?<![\d-])999[6-9](?=-|$)")


def mask_partial(value: str | None) -> str | None:
    """``9996-07-21/9996-07-22`` → ``XXXX-07-21/XXXX-07-22``; None when only the unknown year is
    left (``9997`` for 次年 of a year-less date)."""
    if value is None or not _PARTIAL.search(value):
        return value
    masked = _PARTIAL.sub("XXXX", value)
    return None if re.fullmatch(r"XXXX(?:-Q\d)?(?:/XXXX(?:-Q\d)?)?", masked) else masked


#: The day the document speaks from, when nothing tells its date: 昨日 in a text with no reference
#: day is "the day before the document's date". Arithmetic runs on this stand-in (a Monday, so weeks
#: count from it, in years no text names, apart from :data:`PARTIAL_YEAR`'s) and
#: :func:`mask_document` writes what comes of it as an offset from the document date: ``DOC-P1D``.
DOCUMENT_DAY = datetime(9980, 9, 1)
_DOC_YEAR = re.compile(r"(?<![\d-])99[78]\d(?=-|/|$)")
_DOC_POINT = re.compile(r"99[78]\d-(?:W(\d{2})|(\d{2})-(\d{2}))(T[\d:]+)?")


def is_document_relative(dt: datetime) -> bool:
    """Is ``dt`` counted from :data:`DOCUMENT_DAY` (the document's unknown date)?"""
    return 9970 <= dt.year <= 9989


def unknown_year(dt: datetime) -> str | None:
    """Which stand-in ``dt`` counts from: ``"partial"`` (:data:`PARTIAL_YEAR`), ``"document"``
    (:data:`DOCUMENT_DAY`), or None for a calendar date. Arithmetic that leaves its stand-in's
    years (三十年前 of a year-less 7月21日) has no value."""
    if dt.year >= PARTIAL_YEAR:
        return "partial"
    return "document" if is_document_relative(dt) else None


def mask_document(value: str | None) -> str | None:
    """``9980-08-31`` → ``DOC-P1D``, ``9980-08-31T15:00`` → ``DOC-P1DT15:00``, ``9980-W35`` →
    ``DOC-P1W`` (each end of an interval alike); None when a coarser unit of the unknown date is
    left (``9980`` for 当年 after 昨日)."""
    if value is None or not _DOC_YEAR.search(value):
        return value
    out = []
    for part in value.split("/"):
        m = _DOC_POINT.fullmatch(part)
        if not _DOC_YEAR.match(part):
            out.append(part)
        elif m is None:
            return None
        elif m.group(1):
            weeks = (datetime.fromisocalendar(int(part[:4]), int(m.group(1)), 1) - DOCUMENT_DAY).days // 7
            out.append(f"DOC{'-' if weeks < 0 else '+'}P{abs(weeks)}W")
        else:
            days = (datetime(int(part[:4]), int(m.group(2)), int(m.group(3))) - DOCUMENT_DAY).days
            out.append(f"DOC{'-' if days < 0 else '+'}P{abs(days)}D{m.group(4) or ''}")
    return "/".join(out)


_CALENDAR = re.compile(r"-?\d|XXXX|DOC[+-]")


def is_calendar(value: str | None) -> bool:
    """Does ``value`` place something on the calendar, or on a day counted from the document's date
    (2024-11-14, XXXX-07-21, DOC-P1D)? Not a duration, a set, a bare clock time or a TIMEX3
    vague reference (PRESENT_REF)."""
    return bool(value) and _CALENDAR.match(value) is not None


_DOC_VALUE = re.compile(r"DOC([+-])P(\d+)([DW])(?:T(\d{2})(?::(\d{2}))?)?")


def document_offset(value: str) -> float | None:
    """Days from the document's date to the start of a value written by :func:`mask_document`
    (``DOC-P1DT12`` → -0.5, ``DOC-P1W`` → -7); None for any other value."""
    m = _DOC_VALUE.match(value or "")
    if m is None:
        return None
    sign, n, unit, hour, minute = m.groups()
    days = int(n) * (7 if unit == "W" else 1) * (-1 if sign == "-" else 1)
    return days + (int(hour or 0) + int(minute or 0) / 60) / 24


@dataclass(frozen=True)
class _Point:
    """A resolved instant at some precision, with how to name it as an anchor."""

    dt: datetime
    grain: str
    label: str  # "ref_date" or "narrative:<expression text>"

    def at_least(self, grain: str) -> bool:
        return _RANK[self.grain] >= _RANK[grain] or (self.grain == "week" and grain in ("day",))


def _shift_month(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def _add_months(d: datetime, k: int) -> datetime:
    year, month = _shift_month(d.year, d.month, k)
    return d.replace(year=year, month=month, day=min(d.day, monthrange(year, month)[1]))


def _fmt_year(year: int) -> str:
    return f"{year:04d}" if year >= 0 else f"-{-year:04d}"


def _fmt(dt: datetime, grain: str) -> str:
    """ISO 8601 text of ``dt`` at ``grain`` (reduced precision)."""
    y = _fmt_year(dt.year)
    if grain == "year":
        return y
    if grain == "quarter":
        return f"{y}-Q{(dt.month - 1) // 3 + 1}"
    if grain == "month":
        return f"{y}-{dt.month:02d}"
    if grain == "week":
        iso = dt.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    d = f"{y}-{dt.month:02d}-{dt.day:02d}"
    if grain == "day":
        return d
    if grain == "hour":
        return f"{d}T{dt.hour:02d}"
    if grain == "minute":
        return f"{d}T{dt.hour:02d}:{dt.minute:02d}"
    return f"{d}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}"


@dataclass
class _Value:
    type: str
    value: str | None
    grain: str | None
    point: _Point | None = None  # the start, for the narrative state
    approx: bool = False  # the value itself is an estimate (a year thousands of years ago)
    coarse: str | None = None  # the containing unit of a vague part's interval (2024-11 for 11月中旬)


def _clock_text(hour: int, minute: int | None, second: int | None) -> tuple[str, str]:
    if minute is None:
        return "hour", f"{hour:02d}"
    if second is None:
        return "minute", f"{hour:02d}:{minute:02d}"
    return "second", f"{hour:02d}:{minute:02d}:{second:02d}"


_UNIT_GRAIN = {"Y": "year", "Q": "quarter", "M": "month", "W": "week", "D": "day", "H": "hour", "MIN": "minute",
               "S": "second"}


def _unit_start(dt: datetime, unit: str) -> datetime:
    """The start of the unit ``dt`` is in (its year, quarter, month, ISO week, day, hour ...)."""
    if unit == "Y":
        return datetime(dt.year, 1, 1)
    if unit == "Q":
        return datetime(dt.year, 3 * ((dt.month - 1) // 3) + 1, 1)
    if unit == "M":
        return datetime(dt.year, dt.month, 1)
    day = datetime(dt.year, dt.month, dt.day)
    if unit == "W":
        return day - timedelta(days=dt.weekday())
    if unit == "D":
        return day
    if unit == "H":
        return dt.replace(minute=0, second=0, microsecond=0)
    if unit == "MIN":
        return dt.replace(second=0, microsecond=0)
    return dt.replace(microsecond=0)


_HALF_UNIT = {"Y": "P6M", "M": "P15D", "W": "P3DT12H", "D": "PT12H", "H": "PT30M", "MIN": "PT30S", "S": "PT0.5S",
              "C": "P50Y", "Q": "P1M15D", "QH": "PT7M30S"}


def _num_text(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _duration_iso(n: float, unit: str, half: bool) -> str:
    """ISO 8601 duration: 6 years → P6Y, 一个半小时 → PT1H30M, 半年 → P6M."""
    if n == 0 and half:
        return _HALF_UNIT[unit]
    if unit == "Q":
        n, unit = n * 3, "M"
    elif unit == "C":
        n, unit = n * 100, "Y"
    elif unit == "QH":
        n, unit = n * 15, "MIN"
    designator = {"Y": "Y", "M": "M", "W": "W", "D": "D", "H": "H", "MIN": "M", "S": "S"}[unit]
    body = f"{_num_text(n)}{designator}"
    if half:
        body += {"Y": "6M", "M": "15D", "W": "3DT12H", "D": "T12H", "H": "30M", "MIN": "30S", "S": ""}[unit]
        if unit == "W":
            body = f"{_num_text(n * 7 + 3)}DT12H"
    timed = unit in ("H", "MIN", "S")
    return f"PT{body}" if timed else f"P{body}"


def _join_durations(parts: list[str]) -> str:
    """P4Y + P6M → P4Y6M; PT27M + PT7S → PT27M7S (parts in decreasing units)."""
    date_part, time_part = "", ""
    for iso in parts:
        body = iso[1:]
        d, _, t = body.partition("T")
        date_part += d
        time_part += t
    return "P" + date_part + ("T" + time_part if time_part else "")


def _shift_grain(n: float, unit: str, half: bool) -> str:
    """The grain a point moved by n units (and a half) is known to."""
    months = {"Y": 12, "M": 1, "Q": 3, "C": 1200}.get(unit)
    if months is not None:
        total = n * months + (months / 2 if half else 0)
        if not float(total).is_integer():
            return "day"
        return "year" if unit in ("Y", "C") and total % 12 == 0 else "month"
    grain = {"W": "day", "D": "day", "H": "hour", "QH": "minute", "MIN": "minute", "S": "second"}[unit]
    return "hour" if half and grain == "day" else grain


def _shift(dt: datetime, n: float, unit: str, half: bool, sign: int) -> tuple[datetime, str]:
    """``dt`` moved by n units (and a half), with the grain the result is known to.

    Raises :class:`_OutOfRange` when the result is outside the years 1-9999 of ``datetime``.
    """
    grain = _shift_grain(n, unit, half)
    months = {"Y": 12, "M": 1, "Q": 3, "C": 1200}.get(unit)
    try:
        if months is not None:
            total = n * months + (months / 2 if half else 0)
            if float(total).is_integer():
                return _add_months(dt, sign * int(total)), grain
            return dt + sign * timedelta(days=round(total * 30.44)), grain
        seconds = {"W": 604800, "D": 86400, "H": 3600, "MIN": 60, "S": 1, "QH": 900}[unit]
        return dt + sign * timedelta(seconds=n * seconds + (seconds / 2 if half else 0)), grain
    except (ValueError, OverflowError) as exc:
        raise _OutOfRange(str(exc)) from None


class _OutOfRange(ValueError):
    """Calendar arithmetic left the years 1-9999 that ``datetime`` can hold."""


def _safe_date(year: int | None, month: int | None, day: int | None) -> datetime | None:
    if year is None or month is None or day is None:
        return None
    try:
        return datetime(year, month, day)
    except (ValueError, OverflowError):
        return None
