"""Pass 1, the checks: one ``_check_<kind>`` per pattern of :mod:`.tokens`, turning a match into a
dict of fields or rejecting it (``9月30多家`` is not a day, ``13月5日`` no date). ``_CHECKS`` is the table.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Callable

from ..numerals import CN_DIGIT_CHARS, CN_NUMBER_CHARS, parse_digits, parse_number
from .isotime import _safe_date
from .vocabulary import _APPROX_PAIRS, _CN, _DAY_ANAPHORA, _DAY_WORDS, _DAY_WORD_PART, _DUR_UNITS, _EVENT_SHIFTS, _HOLIDAYS, _LUNAR_HOLIDAYS, _LUNAR_MONTHS, _MONTH_ANAPHORA, _MONTH_WORDS, _NOT_YEARS_AFTER, _NOW_WORDS, _OFFSET_DIRS, _PAST_BEFORE, _PAST_NOT_AFTER, _THEN_WORDS, _VAGUE_WORDS, _SOLAR_TERM_HOLIDAYS, _WEEKDAYS, _WEEK_SHIFT, _WINDOW_AFTER, _YEAR_ANAPHORA, _YEAR_WORDS


def _num(text: str | None) -> int | None:
    return parse_number(text) if text else None


def _check_year(m: re.Match, folded: str) -> dict | None:
    era = m.group("era")
    if m.group("roc"):
        n = parse_number(m.group("roc"))
        return {"year": 1911 + n, "explicit": True} if n else None
    if m.group("bc"):
        raw = m.group("bc")
        n = parse_digits(raw) if all(c in CN_DIGIT_CHARS or c.isdigit() for c in raw) else parse_number(raw)
        return {"year": 1 - n, "explicit": True} if n else None
    if m.group("y4"):
        year = parse_digits(m.group("y4"))
        if year is None or (era is None and not 1000 <= year <= 2999):
            return None
        if era == "民国":
            year += 1911
        return {"year": year, "explicit": True}
    raw = m.group("y2") or m.group("y2c")
    if raw in _APPROX_PAIRS:
        return None  # 三五年 is three to five years
    two = parse_digits(raw)
    if two is None:
        return None
    return {"yy": two, "explicit": True}


def _relative_word(word: str, deictic: dict[str, int], anaphoric: dict[str, int]) -> dict:
    """今年 (deictic: from the reference) or 次年 (anaphoric: from the last date): the offset and which."""
    if word in anaphoric:
        return {"rel": anaphoric[word], "anaphoric": True}
    return {"rel": deictic[word], "anaphoric": False}


def _check_year_word(m: re.Match, folded: str) -> dict:
    return _relative_word(m.group(0), _YEAR_WORDS, _YEAR_ANAPHORA)


def _check_month(m: re.Match, folded: str) -> dict | None:
    if m.group("m") == "元":  # 元月 is January; 美元月底 is no month
        return {"month": 1} if not m.start() or folded[m.start() - 1] not in "美日欧港币单公" else None
    month = _num(m.group("m"))
    return {"month": month} if month and 1 <= month <= 12 else None


def _check_month_word(m: re.Match, folded: str) -> dict:
    return _relative_word(m.group(0), _MONTH_WORDS, _MONTH_ANAPHORA)


_MONTH_BEFORE = re.compile(rf"(?<![\d{CN_NUMBER_CHARS}])(\d+|{_CN}+)\s*月\s*$")


def _check_day(m: re.Match, folded: str) -> dict | None:
    raw = m.group("d") or m.group("db") or m.group("dc") or m.group("ds") or m.group("dh")
    day = _num(raw)
    month = _MONTH_BEFORE.search(folded, max(0, m.start() - 8), m.start())
    if month and not 1 <= (parse_number(month.group(1)) or 0) <= 12:
        return None  # 13月5日 is no date
    return {"day": day} if day and 1 <= day <= 31 else None


def _check_day_word(m: re.Match, folded: str) -> dict | None:
    word = m.group(0)
    if word == "宜家" and folded.startswith(("家居", "商场", "公司", "集团", "门店", "店"), m.end()):
        return None  # the furniture shop, not Cantonese "now"
    before = folded[m.start() - 1] if m.start() else "\n"
    if word in _NOW_WORDS:
        return None if word == "现在" and before in "体表展实出呈发浮涌" else {"now": True}  # 体现|在
    if word in _THEN_WORDS:
        return None if folded.startswith("间", m.end()) else {"then": True}  # 当时间到了: when time comes
    if word.startswith("前一") and before in "提之以会赛节":
        return None  # 提前一天 is a duration; 会前一天 the day before something we do not date
    return {**_relative_word(word, _DAY_WORDS, _DAY_ANAPHORA), "part": _DAY_WORD_PART.get(word)}


def _check_vague(m: re.Match, folded: str) -> dict | None:
    """目前, 日前, 过去, 未来 ...: the TIMEX3 value of the writer's present, past or future."""
    word, start = m.group(0), m.start()
    before = folded[start - 1] if start else "\n"
    after = folded[m.end(): m.end() + 1] or "\n"
    if word == "过去" and (before not in _PAST_BEFORE or after in _PAST_NOT_AFTER):
        return None  # 走过去, 过去了: the verb
    if word == "最近" and re.search(r"[离距]", folded[max(0, start - 4): start]):
        return None  # 离家最近: nearest
    if word in ("日前", "日后") and (before in "节生假号" or before.isdigit() or before in CN_NUMBER_CHARS):
        return None  # 节日前, 节假日后, 5日前: before or after a day
    if word in ("现今", "而今") and (after in "年天日晚明后" or before in "实体表出发呈"):
        return None  # 实现|今年, 而|今年
    if word in ("未来", "往后") and after in "得及退看走靠挪移推":
        return None  # 未来得及: had no time to
    return {"ref": _VAGUE_WORDS[word]}


def _check_quarter(m: re.Match, folded: str) -> dict | None:
    if m.group("qrel"):
        return {"qrel": {"上上": -2, "上": -1, "下": 1, "下下": 2}.get(m.group("qrel"), 0)}
    if m.group("first"):
        return {"quarter": 1}
    q = _num(m.group("q") or m.group("qq"))
    return {"quarter": q} if q and 1 <= q <= 4 else None


def _check_window(m: re.Match, folded: str) -> dict | None:
    if m.group("pair"):
        return {"window": (0, 2, _DUR_UNITS[m.group("pair")])}
    n, pair = _count(m.group("n"))
    if n is None or pair or not n.is_integer() or n < 1:
        return None
    unit = _DUR_UNITS[m.group("unit")]
    before = folded[m.start() - 1] if m.start() else "\n"
    if before in "年月" and m.group("dir") == "前":
        return {"first": (int(n), unit)}
    if before in _WINDOW_AFTER and n >= 2:  # 上一周 is last week, 前一天 the day before something
        return {"window": (1 if m.group("dir") in "下后" else -1, int(n), unit)}
    return None  # 提前两天, 会前两天: before something we do not know


def _check_quarter_part(m: re.Match, folded: str) -> dict:
    return {"qpart": 0 if m.group("qp") == "初" else 2}


def _check_half(m: re.Match, folded: str) -> dict:
    return {"half": 1 if m.group("h") in ("上", "前") else 2}


def _check_year_part(m: re.Match, folded: str) -> dict:
    word = m.group(0)
    if word in ("年初", "初", "伊始", "新年伊始", "新春伊始"):
        return {"ypart": 1}
    if word == "年中":
        return {"ypart": 6}
    return {"ypart": 12}


def _check_month_part(m: re.Match, folded: str) -> dict:
    return {"mpart": m.group("p") or m.group("p3") or "月" + m.group("p2")}


def _check_week(m: re.Match, folded: str) -> dict | None:
    rel, wd = m.group("rel"), m.group("wd")
    if rel is None and wd is None:
        return None
    if rel is None and wd in "1234567":
        return None  # 周1 ... is rare and 星期7 odd; avoid reading counts as weekdays
    shift = _WEEK_SHIFT.get(rel or "", 0)
    return {"week_shift": shift, "weekday": _WEEKDAYS[wd] if wd else None, "weekend": wd == "末",
            "explicit_week": rel is not None}


def _check_nth_weekday(m: re.Match, folded: str) -> dict | None:
    month, n = _num(m.group("m")), _num(m.group("n"))
    if not month or not 1 <= month <= 12 or not n:
        return None
    return {"month": month, "nth": (n, _WEEKDAYS[m.group("wd")])}


def _check_event_rel(m: re.Match, folded: str) -> dict:
    return {"event": m.group("event"), "shift": _EVENT_SHIFTS[m.group("rel")], "rel": m.group("rel")}


def _check_day_part(m: re.Match, folded: str) -> dict:
    return {"part": m.group(0)}


def _is_decimal_minute(raw: str, fen: bool) -> bool:
    """三点五 / 24点5 read as decimals, not as clock times."""
    if fen:
        return False
    if raw.isdigit():
        return len(raw) < 2
    return len(raw) == 1


def _check_clock(m: re.Match, folded: str) -> dict | None:
    if m.group("ch") is not None:
        hour, minute = int(m.group("ch")), int(m.group("cm"))
        second = int(m.group("cs")) if m.group("cs") else None
        return _ampm({"hour": hour, "minute": minute, "second": second}, m.group("ampm"))
    if m.group("eh") is not None:
        return _ampm({"hour": int(m.group("eh")), "minute": None, "second": None}, m.group("eampm"))
    raw_h = m.group("h")
    hour = parse_number(raw_h)
    if hour is None or hour > 24:
        return None
    minute = second = None
    if m.group("half"):
        minute = 30
    elif m.group("q"):
        minute = 15 * _num(m.group("q"))
    elif m.group("tap") or m.group("zi"):  # Cantonese: 三点踏三 / 三点三个字 is 3:15 (a 字 is five minutes)
        count = m.group("tapn") or m.group("zi")
        minute = 30 if count == "半" else 5 * (_num(count) or 0)
    elif m.group("mi"):
        if _is_decimal_minute(m.group("mi"), bool(m.group("fen"))):
            return None
        minute = parse_number(m.group("mi"))
        second = _num(m.group("s"))
        if minute is None or minute > 59 or (second is not None and second > 59):
            return None
    if m.end() < len(folded) and folded[m.end()].isdigit():
        return None
    bare = minute is None and not m.group("zhong") and not m.group("zheng")
    # 一时 / 一点 / 三点 alone are words (a moment, a bit, three points) unless context says clock.
    weak = bare and not raw_h.isdigit() and (len(raw_h) == 1 or m.group("sep") == "时")
    return {"hour": hour, "minute": minute, "second": second, "weak": weak}


def _ampm(data: dict, marker: str | None) -> dict | None:
    if marker:
        pm = marker.lower().startswith("p")
        if data["hour"] > 12:
            return None
        if pm and data["hour"] < 12:
            data["hour"] += 12
        if not pm and data["hour"] == 12:
            data["hour"] = 0
    data["weak"] = False
    return data


_CLOCK_NEXT = re.compile(r"\s*(?:[01]?\d|2[0-3]):[0-5]\d")


def _check_numeric(m: re.Match, folded: str) -> dict | None:
    g = m.groupdict()
    month_day = g["pm"] or g["sm"] or g["dm"]
    if month_day:
        if g["pm"] and not (g["pm"][0] == "0" or g["pd"][0] == "0" or _CLOCK_NEXT.match(folded, m.end())):
            return None  # 10-12 is more often a range of numbers than October 12th
        day = int(g["pd"] or g["sd"] or g["dd"])
        if _safe_date(2000, int(month_day), day) is None:
            return None
        return {"month": int(month_day), "day": day}
    if g["y"]:
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
    elif g["ys"]:
        y, mo, d = int(g["ys"]), int(g["ms"]), int(g["ds"])
    elif g["y2"] or g["yd"]:  # 2024-11, 1999.08 (a résumé's year.month)
        return {"year": int(g["y2"] or g["yd"]), "month": int(g["m2"] or g["md"]), "explicit": True}
    elif g["y8"]:
        y, mo, d = int(g["y8"]), int(g["m8"]), int(g["d8"])
    else:
        y = int(g["uy"])
        y = y if y >= 100 else (1900 + y if y >= 50 else 2000 + y)
        mo, d = int(g["um"]), int(g["ud"])
    if _safe_date(y, mo, d) is None:
        return None
    return {"year": y, "month": mo, "day": d, "explicit": True}


_DAY_NEXT = re.compile(rf"\s*(?:\d{{1,2}}|{_CN}{{1,3}})[日号]")


def _count(raw: str) -> tuple[float | None, bool]:
    """The number a duration counts, and whether it is approximate (一两年, 二三十年 → lower bound).

    Two Chinese digits side by side are a pair of neighbours (一两, 三五) or a year written digit
    by digit (九八年), never a count like 98: those return None.
    """
    raw = raw.replace(",", "")
    head = raw[:2]
    if len(raw) >= 2 and all(c in CN_DIGIT_CHARS for c in head):
        if head not in _APPROX_PAIRS:
            return None, False
        low = parse_number(head[0] + raw[2:])
        return (float(low) if low is not None else None), True
    if raw.replace(".", "", 1).isdigit():
        return float(raw), False
    n = parse_number(raw)
    return (float(n) if n is not None else None), False


_WITHIN = ("以内", "之内", "内")
_ONLY_BEFORE = re.compile(r"(?:仅|只|才|短短|仅仅|不到)$")


def _check_duration(m: re.Match, folded: str) -> dict | None:
    g = m.groupdict()
    unit_word = g["unit"] or g["unit2"]
    unit = _DUR_UNITS[unit_word]
    if unit_word == "分" and not folded[: m.start()].endswith(("小时", "钟头", "个钟")):
        return None  # 30分 alone is a score; 5小时30分 is a duration
    after = folded[m.end(): m.end() + 1]
    if unit == "Y" and after in _NOT_YEARS_AFTER and not g["dir"]:
        return None
    if g["halfonly"]:
        return {"n": 0, "half": True, "unit": unit, "approx": False, "dir": g["dir"], "known": True}
    raw = g["n"]
    vague = "几" in raw or raw == "数"
    if raw in ("几", "数") or raw.startswith("几"):
        return None  # 几天 / 几十年: no count to report
    n, pair = _count(raw.replace("几", "")) if raw else (None, False)
    if n is None:
        return None
    if n.is_integer():
        n = int(n)
    more = bool(g["more"] or g["more2"] or g["more3"]) or vague or pair
    if g["more"] == "来" and not g["dir"] and unit != "Y":
        return None
    counted = raw in ("两", "俩") or (g["dir"] in _WITHIN and not raw.isdigit())  # 两月, 三月之内: counts
    if unit == "M" and not (g["ge"] or "个" in unit_word or more or g["half"] or g["half2"] or n > 12 or counted):
        return None  # 三月 is March, 4月前 before April
    if unit == "M" and not g["ge"] and _DAY_NEXT.match(folded, m.end()):
        return None  # 13月5日 is no date and no duration
    if unit == "Q" and not g["ge"]:
        return None  # 三季度 is a quarter
    if unit_word in ("星期", "礼拜") and not g["dir"] and folded[m.end(): m.end() + 1] in ("天", "日", *"一二三四五六"):
        return None  # 一个星期天 is a Sunday
    if unit == "D" and unit_word == "日" and not (more or g["dir"]):
        if (n <= 31 and (raw.isdigit() or len(raw) > 1)) or raw == "一" or folded[max(0, m.start() - 1): m.start()] == "月":
            return None  # 30日 and 二十一日 are days of the month; 一日之计 is not a duration
    if unit == "Y" and not more and (raw.isdigit() and len(raw) == 4 or len(raw) == 4 and not set(raw) & set("十百千万")):
        if not (raw.isdigit() and g["dir"] in _OFFSET_DIRS and not 1000 <= n <= 2999):
            return None  # 2018年 is a year, 2018年前 before it; 7000年前 is seven thousand years ago
    if unit == "Y" and g["more"] == "来" and raw.isdigit() and len(raw) == 4:
        return None
    direction = g["dir"]
    if direction in ("后", "之后", "以后") and _ONLY_BEFORE.search(folded, max(0, m.start() - 2), m.start()):
        direction = None  # 仅三年之后: how long it took, not when
    return {"n": n, "half": bool(g["half"] or g["half2"]), "unit": unit, "approx": more, "dir": direction, "known": True}


def _check_decade(m: re.Match, folded: str) -> dict | None:
    g = m.groupdict()
    if g["dec"]:
        decade = parse_number(g["dec"])
        if g["cent"]:
            cent = parse_number(g["cent"])
            if not cent:
                return None
            base = (cent - 1) * 100
        else:
            base = 1900  # 80年代 and 上世纪80年代 mean the 1900s in today's usage
        return {"from": base + decade, "to": base + decade + 9, "part": g["part"]}
    cent = parse_number(g["cent2"])
    if not cent or cent > 30:
        return None
    return {"from": (cent - 1) * 100, "to": (cent - 1) * 100 + 99, "part": g["part2"]}


def _check_holiday(m: re.Match, folded: str) -> dict:
    word = m.group(0)
    if word in _LUNAR_HOLIDAYS:
        month, day = _LUNAR_HOLIDAYS[word]
        return {"lunar": (month, day, False), "holiday": True}
    if word in _SOLAR_TERM_HOLIDAYS:
        return {"solar_term": word, "holiday": True}
    month, day = _HOLIDAYS[word]
    return {"month": month, "day": day, "holiday": True}


def _check_lunar(m: re.Match, folded: str) -> dict | None:
    g = m.groupdict()
    raw_day = g["ld"]
    if g["big"]:
        month = 1
    elif g["lm"] in _LUNAR_MONTHS:
        month = _LUNAR_MONTHS[g["lm"]]
    else:
        month = _num(g["lm"] or g["lmd"])
    # Without 农历, only a lunar month name, 闰, or a day in lunar form (初五, 廿三, or Chinese
    # numerals with no 日/号: 八月十五) makes it lunar; 八月 alone is Gregorian.
    lunar_day = raw_day is not None and (raw_day[0] in "初廿" or not raw_day.isdigit())
    named = bool(g["cal"] or g["big"] or g["leap"] or g["lm"] in _LUNAR_MONTHS)
    if not (named or lunar_day) or (g["ri"] and not named and raw_day[0] not in "初廿"):
        return None  # 八月十五日 is Gregorian; 农历八月十五日 and 腊月18日 are lunar
    if raw_day is None:
        day = None
    elif raw_day.startswith("初"):
        day = _num(raw_day[1:])
    else:
        day = _num(raw_day.replace("廿", "二十"))
    if month is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 30):
        return None
    return {"lunar": (month, day, bool(g["leap"]))}


def _check_set(m: re.Match, folded: str) -> dict | None:
    unit = {"晚": "D", "日": "D"}.get(m.group("unit"), _DUR_UNITS.get(m.group("unit"), "D"))
    raw = m.group("n")
    n = 1 if not raw else (0.5 if raw == "半" else parse_number(raw))
    return {"n": n, "unit": unit} if n else None


_CHECKS: dict[str, Callable[[re.Match, str], dict | None]] = {
    "year": _check_year, "year_word": _check_year_word, "month": _check_month, "month_word": _check_month_word,
    "day": _check_day, "day_word": _check_day_word, "vague": _check_vague, "quarter": _check_quarter, "quarter_part": _check_quarter_part, "half": _check_half,
    "window": _check_window,
    "year_part": _check_year_part, "month_part": _check_month_part, "week": _check_week,
    "day_part": _check_day_part, "nth_weekday": _check_nth_weekday, "event_rel": _check_event_rel, "clock": _check_clock, "numeric": _check_numeric, "duration": _check_duration,
    "decade": _check_decade, "holiday": _check_holiday, "lunar": _check_lunar, "set": _check_set,
    "approx_pre": lambda m, folded: {"word": m.group(0)}, "approx_post": lambda m, folded: {"word": m.group(0)},
    "bare": lambda m, folded: {"raw": m.group("n")},
}
