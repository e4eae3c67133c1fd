"""Temporal expressions in Simplified Chinese text, normalised to ISO 8601.

How it works, in three passes over the width-folded text (``fold_width`` keeps offsets):

1. **Tokens** (:mod:`tanalyze.datetokens`). A handful of compiled regexes find the pieces: explicit years (``2018年``,
   ``二〇一八年``, ``民国113年``), relative years (``去年``), months, days, quarters, parts
   (``中旬``, ``年底``), weekdays, day parts (``下午``), clock times, durations
   (``十余年``), offsets (``三十年前``), numeric dates (``2024-11-14``) and a few fixed holidays.
2. **Expressions.** Adjacent tokens are glued in calendar order (year → month → day → day part
   → clock, plus approximation words such as ``前后``/``左右``/``许`` and ``早在``), and two
   expressions joined by 至/到/- become an interval.
3. **Values.** Expressions are resolved in text order against a reference date and the
   *narrative* (what the text itself has said so far):

   - **Deictic** words (今年, 去年, 昨日, 前日, 本月, 上周, 现在 ...) are about the writer's
     "now": they resolve against the reference date.
   - **Anaphoric** words (次日, 同日, 当天, 当晚, 当年, 同年, 次年, 当月 ...) point back at the
     last date the text mentioned (same paragraph), falling back to the reference date.
   - **Offsets** (三十年前, 两周后): against an explicit date earlier in the same sentence
     ("2018年……三年后" → 2021); otherwise against the reference date when it is a real one
     (given, or a dateline/first-lines date); otherwise against the narrative present, the
     latest explicit date mentioned so far ("2024年的广州……三十年前" → 1994,
     ``resolved_from="narrative:2024年"``).
   - **Missing fields**: a year-less ``9月30日`` takes the last year mentioned in the same
     paragraph, else the reference year; a bare ``21日`` takes the month of the last day-precise
     date in the paragraph, else the reference month (news write 15日 for "this month"). Paragraph scope matters: a year quoted in an
     earlier paragraph ("追平1994年创下的纪录") must not date a new paragraph's ``11月中旬``.

   A value is never more precise than its anchor: with only a year known (reference from the
   latest year in the text) ``昨天`` gets value None rather than an invented day.

Conventions: bare weekdays are the day of that name in the reference week (Monday first);
day parts without a clock time are hour intervals (``下午`` → ``T12/T18``, ``上午`` 7-12,
``中午`` 12-14, ``早上`` 4-12, the hours 早上 can name); an interval ending on a clock hour ends at that instant
(``3点至8点`` → ``T15/T20``, 8:00), any other end is inclusive at its grain
(``1月3至2月10`` includes February 10th); vague parts keep the containing unit and set
``approx`` (``11月中旬`` → ``2024-11``; ``一季度末`` → ``2024-03``, the quarter's last month); quarters are ``2024-Q3``,
weeks ``2024-W07``; sets (``每年``) are ISO repeating intervals (``R/P1Y``).

More readings: ``前两周``/``上三个月``/``下三天`` at the start of a clause are the N whole units
before/after the current one (``2024-W44/2024-W45``), ``2023年前十个月`` the first N units of
the period; a bare number opening a range takes the other end's unit (``9~12点半``,
``2018年1-9月``); a bare Arabic day may follow a month (``1月3``); two-digit years fall in the
century that keeps them at most ten years after the reference (``九八年`` → 1998); two
neighbouring Chinese digits are an approximate count (``一两年`` → ``P1Y``, approx);
the lunar calendar (1900-2099, :mod:`tanalyze.datewords`) dates ``农历八月十五``, ``腊月二十三``,
``正月初八``, ``大年初一``, ``五月初五`` (a 初-day or a Chinese-numeral day without 日 after a
month is lunar) and the lunar festivals (春节, 元宵节, 端午, 七夕, 中秋, 重阳节, 除夕); 清明节 by
the solar-term formula. A festival or lunar date whose year only comes from a known reference
day is the reference year's, unless the previous or next year's is within three months and the
reference year's more than six (元旦 in a December article is the coming one). Not dates: a bare
four-digit number (``2018``), a fraction-like ``2/15``, a lone ``三点``, ``10-12`` without
zero padding or a clock time.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .datetokens import (  # package-internal pieces of pass 1
    _CONNECTOR,
    _DAY_PARTS,
    _NIGHT_PARTS,
    _NOUN_PARTS,
    _PM_PARTS,
    _SOLAR_TERM_HOLIDAYS,
    _Tok,
    _safe_date,
    _tokens,
)
from .datewords import lunar_to_solar
from .errors import UsageError
from .numerals import CN_DIGIT_CHARS, CN_NUMBER_CHARS, parse_digits, parse_number
from .textutil import fold_width

__all__ = ["DateFound", "extract_dates", "find_ref_date", "parse_ref_date", "GRAINS"]

#: Grains from coarsest to finest.
GRAINS = ("year", "quarter", "month", "week", "day", "hour", "minute", "second")
_RANK = {g: i for i, g in enumerate(GRAINS)}


@dataclass(frozen=True)
class DateFound:
    """One temporal expression: offsets into the text given, end exclusive.

    ``type`` is date | time | datetime | duration | interval | set; ``value`` the ISO 8601 value
    (None when it cannot be anchored); ``grain`` the precision of the value; ``approx`` True for
    vague expressions (前后, 左右, 许, 余, 多, 中旬 ...); ``resolved_from`` how a relative value
    was anchored: ``ref_date``, ``narrative:<text of the anchor>``, or None when absolute.
    """

    start: int
    end: int
    type: str
    value: str | None
    grain: str | None
    approx: bool = False
    resolved_from: str | None = None


# ---------------------------------------------------------------------------------------------
# Reference date
# ---------------------------------------------------------------------------------------------

_REF_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M")


def parse_ref_date(value: str) -> datetime:
    """Parse a ``--ref-date``: ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``.

    Raises :class:`~tanalyze.errors.UsageError` naming the value otherwise.
    """
    text = value.strip() if isinstance(value, str) else ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?", text):
        for fmt in _REF_FORMATS:
            try:
                return datetime.strptime(text, fmt)
            except ValueError:
                continue
    raise UsageError(
        f"invalid reference date {value!r}",
        "use YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2024-11-14 or 2024-11-14T09:30",
    )


_NUM2 = rf"(?:\d{{1,2}}|[{CN_NUMBER_CHARS}]{{1,3}})"
_DATELINE = re.compile(
    rf"(?:(\d{{4}}|[{CN_DIGIT_CHARS}]{{4}})年)?({_NUM2})月({_NUM2})日(?:{_NUM2}时)?\s*(?:电|讯|消息)"
)
_FULL_DATE = re.compile(
    rf"(?<!\d)(\d{{4}}|[{CN_DIGIT_CHARS}]{{4}})(?:年\s*({_NUM2})\s*月\s*({_NUM2})\s*[日号]"
    rf"|[-/.](\d{{1,2}})[-/.](\d{{1,2}})(?!\d))"
)
_HEAD_CHARS = 200  # how far into a text a header or lead date may stand
_YEAR_ONLY = re.compile(rf"(?<![\d.])(\d{{4}}|[{CN_DIGIT_CHARS}]{{4}})\s*年")


def find_ref_date(text: str) -> tuple[datetime, str] | None:
    """Find the date an article speaks from, with where it came from.

    In order: a dateline (``2012年7月24日电``, ``7月24日电`` with the latest year in the text),
    a full date on the first three non-empty lines, within the first 200 characters and not in
    brackets (``dateline`` / ``first_lines``), else
    January 1st of the latest explicit year in the text (``latest_year``, year precision only).
    Returns None when the text has none of these.
    """
    folded = fold_width(text)
    latest = _latest_year(folded)
    head = folded[:600]
    m = _DATELINE.search(head)
    if m:
        year = parse_digits(m.group(1)) if m.group(1) else latest
        found = _safe_date(year, parse_number(m.group(2)), parse_number(m.group(3)))
        if found:
            return found, "dateline"
    # A date in the header or the lead: the first three non-empty lines, within the first
    # _HEAD_CHARS characters (an article stored as one long line has no header lines), and not
    # in brackets, where a date annotates something (a batch: 倍慧奶粉(400g/盒,2011-08-23)).
    start, seen = 0, 0
    for line in folded.splitlines(keepends=True):
        if start >= _HEAD_CHARS or seen == 3:
            break
        seen += bool(line.strip())
        for m in _FULL_DATE.finditer(line):
            if start + m.start() >= _HEAD_CHARS or _in_brackets(line, m.start()):
                continue
            year = parse_digits(m.group(1))
            month = parse_number(m.group(2) or m.group(4))
            day = parse_number(m.group(3) or m.group(5))
            found = _safe_date(year, month, day)
            if found:
                return found, "first_lines"
        start += len(line)
    if latest is not None:
        return datetime(latest, 1, 1), "latest_year"
    return None


def _in_brackets(text: str, i: int) -> bool:
    """Is position ``i`` of ``text`` inside a round bracket opened earlier on its line?"""
    before = text[text.rfind("\n", 0, i) + 1 : i]
    return max(before.rfind("("), before.rfind("（")) > max(before.rfind(")"), before.rfind("）"))


def _latest_year(folded: str) -> int | None:
    """The latest year written out: 2024年, or the year of a numeric date (2012-04-23)."""
    found = [m.group(1) for m in _YEAR_ONLY.finditer(folded)] + [m.group(1) for m in _FULL_DATE.finditer(folded)]
    years = [y for y in (parse_digits(g) for g in found) if y and 1000 <= y <= 2999]
    return max(years) if years else None


# ---------------------------------------------------------------------------------------------
# Pass 2: expressions
# ---------------------------------------------------------------------------------------------

_DUR_ORDER = ["C", "Y", "Q", "M", "W", "D", "H", "QH", "MIN", "S"]
_SLOT = {"approx_pre": 0, "set": 1, "year": 2, "year_word": 2, "decade": 2, "quarter": 3, "half": 3, "year_part": 3,
         "window": 3, "quarter_part": 4,
         "month": 4, "month_word": 4, "month_part": 5, "day": 6, "day_word": 6, "holiday": 6, "lunar": 6, "duration": 6,
         "day_part": 7, "clock": 8, "approx_post": 9}
_GAP = re.compile(r"\s?|的")
_BOUNDARY_SENTENCE = re.compile(r"[。！？!?；;\n]")


def _slot(tok: _Tok) -> int:
    if tok.kind == "window":
        return 5 if "first" in tok.data else 1
    if tok.kind == "week":
        return 6 if tok.data["weekday"] is not None else 5
    if tok.kind == "numeric":
        return 6 if "day" in tok.data else 4
    return _SLOT[tok.kind]


def _can_follow(group: list[_Tok], tok: _Tok) -> bool:
    """May ``tok`` extend the expression ``group`` (calendar order, compatible pieces)?"""
    last = group[-1]
    if tok.kind == "week" and last.kind in ("day", "numeric") and tok.data["weekday"] is not None:
        return True  # 6月1日周六: the weekday only repeats the date
    if tok.kind == "duration" and last.kind == "duration":
        return not last.data["dir"] and _DUR_ORDER.index(tok.data["unit"]) > _DUR_ORDER.index(last.data["unit"])
    if _slot(tok) <= _slot(last):
        return False
    kinds = {t.kind for t in group}
    if "duration" in kinds:
        offset = any(t.kind == "duration" and t.data["dir"] in ("前", "后", "之前", "之后", "以前", "以后") for t in group)
        return tok.kind == "approx_post" or (offset and tok.kind in ("day_part", "clock"))
    if tok.kind == "duration":
        return last.kind == "approx_pre"
    if last.kind == "window" and "window" in last.data:
        return tok.kind == "approx_post"
    if tok.kind == "month_part":
        return last.kind in ("month", "month_word", "approx_pre")
    if tok.kind == "quarter_part":
        return last.kind == "quarter"
    if tok.kind == "window":
        return "first" in tok.data and last.kind in ("year", "year_word", "month", "month_word")
    if tok.kind in ("quarter", "half", "year_part") and last.kind not in ("year", "year_word", "approx_pre", "set"):
        return False
    if "decade" in kinds:
        return tok.kind == "approx_post"
    return True


def _groups(tokens: list[_Tok], folded: str) -> list[list[_Tok]]:
    """Glue adjacent tokens into expressions, then drop expressions that are not dates."""
    groups: list[list[_Tok]] = []
    for tok in tokens:
        if groups:
            group = groups[-1]
            gap = folded[group[-1].end: tok.start]
            if _GAP.fullmatch(gap) and (gap != "的" or tok.kind in ("clock", "day_part")) and _can_follow(group, tok):
                group.append(tok)
                continue
        groups.append([tok])
    return [g for g in (_trim(g) for g in groups) if g]


def _impossible(core: list[_Tok]) -> bool:
    """Do the explicit year, month and day of an expression name a day no calendar has?"""
    fields = {k: v for t in core if t.kind in ("year", "month", "day", "numeric") for k, v in t.data.items()
              if k in ("year", "month", "day") and isinstance(v, int)}
    if "month" not in fields or "day" not in fields:
        return False
    year = fields.get("year", 2000)  # 2000 is a leap year: 2月29日 alone may exist
    return not 1 <= year <= 9999 or fields["day"] > monthrange(year, fields["month"])[1]


def _trim(group: list[_Tok]) -> list[_Tok]:
    """Drop dangling approximation words and clock readings that are probably not clocks."""
    if group[-1].kind == "approx_post" and group[-1].data["word"] == "多" and group[-2:-1] and group[-2].kind != "clock":
        group = group[:-1]
    core = [t for t in group if t.kind not in ("approx_pre", "approx_post")]
    if not core or (core[0].kind == "window" and "first" in core[0].data):
        return []  # 前三天 as "the first three days" of no period named
    if _impossible(core):
        return []  # 2月30日, 2023年2月29日: no such day
    if len(core) == 1 and core[0].kind == "day_part" and core[0].data["part"] in _NOUN_PARTS:
        return []  # 黎明 alone is more often a name or a figure of speech (黎明前的黑暗)
    clock = next((t for t in core if t.kind == "clock"), None)
    if clock is not None and clock.data.get("weak") and len(core) == 1 and group[-1].kind != "approx_post":
        return []
    return group


# ---------------------------------------------------------------------------------------------
# Pass 3: values
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Point:
    """A resolved instant at some precision, with how to name it as an anchor."""

    dt: datetime
    grain: str
    label: str  # "ref_date" or "narrative:<expression text>"

    def at_least(self, grain: str) -> bool:
        return _RANK[self.grain] >= _RANK[grain] or (self.grain == "week" and grain in ("day",))


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
    present: _Point | None = None

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


def _anchor_for(state: _State, grain: str, anaphoric: bool = False) -> _Point | None:
    """The point a relative expression of ``grain`` resolves against (see the module docstring)."""
    if anaphoric:
        order = [state.last, state.ref]
    else:
        order = [state.sentence, state.ref if state.reliable else None, state.present, state.ref]
    for point in order:
        if point is not None and point.at_least(grain):
            return point
    return None


def _deictic(state: _State, grain: str, f: _Fields) -> _Point | None:
    ref = state.ref
    if ref is None or not ref.at_least(grain):
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
    if kind in ("year", "numeric", "holiday", "month", "day", "lunar"):
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
        base = _relative_base(state, "year", d["anaphoric"], f)
        if base is not None:
            f.year = base.dt.year + d["rel"]
    elif kind == "month_word":
        base = _relative_base(state, "month", d["anaphoric"], f)
        if base is not None:
            f.year, f.month = _shift_month(base.dt.year, base.dt.month, d["rel"])
    elif kind == "day_word":
        _apply_day_word(d, f, state)
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
        return _deictic(state, grain, f)
    base = _anchor_for(state, grain, anaphoric=True)
    if base is None:
        f.unresolved = True
    else:
        f.src = f.src or base.label
    return base


def _apply_day_word(d: dict, f: _Fields, state: _State) -> None:
    if d.get("now"):
        base = _deictic(state, "day", f)
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
        return
    base = _deictic(state, "day", f)
    if base is None:
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


@dataclass
class _Value:
    type: str
    value: str | None
    grain: str | None
    point: _Point | None = None  # the start, for the narrative state
    approx: bool = False  # the value itself is an estimate (a year thousands of years ago)


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


def _clock_text(hour: int, minute: int | None, second: int | None) -> tuple[str, str]:
    if minute is None:
        return "hour", f"{hour:02d}"
    if second is None:
        return "minute", f"{hour:02d}:{minute:02d}"
    return "second", f"{hour:02d}:{minute:02d}:{second:02d}"


def _dated_value(f: _Fields, text: str) -> _Value:
    year = f.year
    assert year is not None
    if f.first is not None and f.day is None:
        return _first_units(year, f.month, *f.first, text)
    if f.month is None:
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


# Durations ---------------------------------------------------------------------------------

_OFFSET_SIGN = {"前": -1, "之前": -1, "以前": -1, "后": 1, "之后": 1, "以后": 1}
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


_DUR_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")


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
    anchor = _anchor_for(state, _shift_grain(d["n"], d["unit"], d["half"]))
    if anchor is None:
        far = _far_offset(d, None, _OFFSET_SIGN[direction]) if direction in _OFFSET_SIGN else None
        kind = "date" if direction in _OFFSET_SIGN else "interval"
        return far or _Value(kind, None, None), None
    if direction in _OFFSET_SIGN:
        try:
            moved, grain = _shift(anchor.dt, d["n"], d["unit"], d["half"], _OFFSET_SIGN[direction])
        except _OutOfRange:
            far = _far_offset(d, anchor, _OFFSET_SIGN[direction])
            assert far is not None
            return far, (anchor.label if far.type == "date" else None)
        kind = "datetime" if _RANK[grain] > _RANK["day"] else "date"
        return _Value(kind, _fmt(moved, grain), grain, _Point(moved, grain, "")), anchor.label
    if direction == "以来":
        start, grain = _shift(anchor.dt, d["n"], d["unit"], d["half"], -1)
        value = f"{_fmt(start, grain)}/{_fmt(anchor.dt, grain)}"
    else:
        end, grain = _shift(anchor.dt, d["n"], d["unit"], d["half"], 1)
        value = f"{_fmt(anchor.dt, grain)}/{_fmt(end, grain)}"
    return _Value("interval", value, grain), anchor.label


# Putting it together --------------------------------------------------------------------------

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
    f = _Fields()
    for tok in group:
        _apply(tok, f, state)
    _complete(f, state, inherit)
    return f


def _core(group: list[_Tok]) -> list[_Tok]:
    return [t for t in group if t.kind not in ("approx_pre", "approx_post")]


def _approx_words(group: list[_Tok]) -> bool:
    return any(t.kind == "approx_post" or (t.kind == "approx_pre" and t.data["word"] != "早在") for t in group)


def _is_point_group(group: list[_Tok]) -> bool:
    return _core(group)[0].kind not in ("duration", "set", "decade", "window")


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


def _remember(state: _State, value: _Value, f: _Fields | None) -> None:
    point = value.point
    if point is None:
        return
    state.last = point
    if point.grain == "week":
        return
    if point.at_least("year"):
        state.para_year = point
    if point.at_least("month"):
        state.para_month = point
    if point.at_least("day"):
        state.para_day = point
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
        value, approx, src, f = _resolve_safe(group, text[start:end], state)
        if not _in_brackets(folded, start):
            _remember(state, value, f)  # (a date in brackets annotates; the story does not move to it)
        out.append(DateFound(start, end, value.type, value.value, value.grain, approx, src if value.value else None))
        prev_end, i = end, i + 1
    return out


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
    return DateFound(start, end, "interval", value.value, value.grain, approx, src)
