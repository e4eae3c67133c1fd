"""Pass 2: adjacent tokens glued into expressions in calendar order (year, month, day, day part,
clock, approximation words); expressions that are not dates are dropped.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date

from .tokens import _Tok
from .vocabulary import _NOUN_PARTS


_DUR_ORDER = ["C", "Y", "Q", "M", "W", "D", "H", "QH", "MIN", "S"]


_SLOT = {"approx_pre": 0, "set": 1, "year": 2, "year_word": 2, "decade": 2, "quarter": 3, "half": 3, "year_part": 3,
         "window": 3, "quarter_part": 4,
         "month": 4, "month_word": 4, "month_part": 5, "day": 6, "day_word": 6, "holiday": 6, "lunar": 6, "duration": 6,
         "day_part": 7, "clock": 8, "approx_post": 9, "nth_weekday": 6, "event_rel": 6, "vague": 0}


_GAP = re.compile(r"\s?|的")


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
    if "vague" in (tok.kind, last.kind):
        return False  # 过去 / 目前 stand alone
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


def _core(group: list[_Tok]) -> list[_Tok]:
    return [t for t in group if t.kind not in ("approx_pre", "approx_post")]


def _approx_words(group: list[_Tok]) -> bool:
    return any(t.kind == "approx_post" or (t.kind == "approx_pre" and t.data["word"] != "早在") for t in group)


def _is_point_group(group: list[_Tok]) -> bool:
    return _core(group)[0].kind not in ("duration", "set", "decade", "window")
