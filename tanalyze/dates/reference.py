"""The reference date: parsing ``--ref-date`` and finding the date an article speaks from
(dateline, first lines, latest year).
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime

from ..errors import UsageError
from ..numerals import CN_DIGIT_CHARS, CN_NUMBER_CHARS, parse_digits, parse_number
from ..textutil import fold_width
from .isotime import _safe_date


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


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
REF_DATE_FROM = ("mtime", "name")


def ref_date_from_path(path: str, how: str) -> str | None:
    """A reference date (``YYYY-MM-DD``) for the file at ``path``: its modification time
    (``how="mtime"``) or the last date written in its file name (``"name"``: ``sogou_20120724.txt``,
    ``2012-07-24 report.txt``). None when the name holds no valid date or the file cannot be read.
    """
    if how == "mtime":
        try:
            return datetime.fromtimestamp(os.stat(path).st_mtime).strftime("%Y-%m-%d")
        except (OSError, ValueError, OverflowError):
            return None
    for m in reversed(list(_NAME_DATE.finditer(os.path.basename(path)))):
        found = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if found is not None:
            return found.strftime("%Y-%m-%d")
    return None
