"""Pass 1 of the date extractor: the regexes that find the pieces of temporal expressions.

Each pattern finds one kind of piece (an explicit year, a relative month word, a day, a clock
time, a duration, a lunar date ...); its check turns the match into a dict of fields or rejects
it (``9月30多家`` is not a day). :func:`_tokens` runs them all and keeps the leftmost, longest,
highest-priority piece where they overlap. The vocabulary tables (day parts, holidays) live here
too, because the patterns are built from them. Package-internal: :mod:`tanalyze.dates` glues the
pieces into expressions and resolves their values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterable

from .datewords import qingming
from .numerals import CN_DIGIT_CHARS, CN_NUMBER_CHARS, parse_digits, parse_number

def _safe_date(year: int | None, month: int | None, day: int | None) -> datetime | None:
    if year is None or month is None or day is None:
        return None
    try:
        return datetime(year, month, day)
    except ValueError:
        return None



_CONNECTOR = re.compile(r"\s*(?:至|到|~|-|—{1,2}|–|起至|一直到)\s*")


@dataclass
class _Tok:
    """A piece of a temporal expression found by one regex."""

    kind: str
    start: int
    end: int
    data: dict


_CN = f"[{CN_NUMBER_CHARS}]"
_CND = f"[{CN_DIGIT_CHARS}]"
_N2 = rf"(?:\d{{1,2}}|{_CN}{{1,3}})"
# Counts for durations: 30, 2.5, 三十, 十余 (余 separate), 二十几, 几十.
_COUNT = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?[万亿]?|(?:{_CN}|几)+|数)"

# Relative words: name -> (unit, offset, anaphoric?)
_YEAR_WORDS = {
    "今年": 0, "本年": 0, "这一年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2,
    "大前年": -3, "明年": 1, "下年": 1, "下一年": 1, "后年": 2, "大后年": 3,
}
_YEAR_ANAPHORA = {"当年": 0, "同年": 0, "该年": 0, "次年": 1, "翌年": 1, "转年": 1}
_MONTH_WORDS = {
    "本月": 0, "这个月": 0, "这一个月": 0, "今个月": 0, "上月": -1, "上个月": -1, "上一个月": -1,
    "上上个月": -2, "上上月": -2, "下月": 1, "下个月": 1, "下一个月": 1, "下下个月": 2, "下下月": 2,
}
_MONTH_ANAPHORA = {"当月": 0, "同月": 0, "该月": 0, "次月": 1, "翌月": 1}
_DAY_WORDS = {
    "今天": 0, "今日": 0, "本日": 0, "今晨": 0, "今早": 0, "今晚": 0, "今夜": 0,
    "昨天": -1, "昨日": -1, "昨晚": -1, "昨夜": -1, "昨晨": -1,
    "前天": -2, "前日": -2, "前晚": -2, "前夜": -2, "大前天": -3,
    "明天": 1, "明日": 1, "明晚": 1, "明早": 1, "后天": 2, "后日": 2, "大后天": 3, "大后日": 3,
    "大大前天": -4, "大大后天": 4,
}
_DAY_ANAPHORA = {"次日": 1, "翌日": 1, "次晨": 1, "翌晨": 1, "同日": 0, "当天": 0, "当日": 0, "当晚": 0, "是日": 0}
_NOW_WORDS = ("现在", "此时", "此刻", "当前")
# The day part a day word implies (今晚 = this evening).
_DAY_WORD_PART = {"今晨": "早上", "昨晨": "早上", "次晨": "早上", "翌晨": "早上", "今早": "早上", "明早": "早上",
                  "今晚": "晚上", "昨晚": "晚上", "明晚": "晚上", "前晚": "晚上", "当晚": "晚上",
                  "今夜": "夜里", "昨夜": "夜里", "前夜": "夜里"}

# Day parts: name -> (start hour, end hour) of the interval, end may be 24+.
_DAY_PARTS = {
    # 早上/早晨 span the hours they can name (早上4点 ... 早上11点), as Duckling reads them; 清晨 is
    # the early part alone.
    "凌晨": (0, 6), "黎明": (4, 7), "清晨": (5, 8), "早晨": (4, 12), "早上": (4, 12), "早": (4, 12),
    "上午": (7, 12), "中午": (12, 14), "正午": (12, 13), "午间": (12, 14), "午后": (13, 15),
    "下午": (12, 18), "傍晚": (17, 19), "黄昏": (17, 19), "晚上": (18, 24), "晚间": (18, 24),
    "晚": (18, 24), "夜晚": (18, 24), "夜里": (20, 30), "夜间": (20, 30), "深夜": (22, 27),
    "半夜": (23, 27), "午夜": (24, 25), "白天": (6, 18),
}
_PM_PARTS = {"下午", "午后", "傍晚", "黄昏", "晚上", "晚间", "晚", "夜晚", "夜里", "夜间"}
_NIGHT_PARTS = {"深夜", "半夜", "午夜"}
_NOUN_PARTS = {"黎明", "黄昏"}  # day parts that alone are not read as times

_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "末": 5,
             "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_WEEK_SHIFT = {"上上上": -3, "下下下": 3, "上上": -2, "上一": -1, "上": -1, "下下": 2, "下一": 1, "下": 1, "这": 0, "本": 0, "今": 0, "这一": 0, "": 0}

# Fixed-date public holidays of mainland China, Hong Kong, Macau and Taiwan (month, day).
_HOLIDAYS = {
    "元旦": (1, 1), "元旦节": (1, 1), "情人节": (2, 14), "妇女节": (3, 8), "三八节": (3, 8),
    "植树节": (3, 12), "愚人节": (4, 1), "劳动节": (5, 1), "五一劳动节": (5, 1), "五一国际劳动节": (5, 1),
    "国际劳动节": (5, 1), "青年节": (5, 4), "五四青年节": (5, 4), "儿童节": (6, 1), "六一儿童节": (6, 1),
    "国际儿童节": (6, 1), "建党节": (7, 1), "建军节": (8, 1), "八一建军节": (8, 1), "教师节": (9, 10),
    "国庆": (10, 1), "国庆节": (10, 1), "万圣节": (10, 31), "平安夜": (12, 24), "圣诞": (12, 25),
    "圣诞节": (12, 25), "光棍节": (11, 11), "双十一": (11, 11), "阳历新年": (1, 1),
}
# Lunar festivals: name -> (lunar month, day; -1 = the month's last day), dated by ``lunar_to_solar``.
_LUNAR_HOLIDAYS = {
    "春节": (1, 1), "农历新年": (1, 1), "新春": (1, 1), "元宵节": (1, 15), "端午节": (5, 5), "端午": (5, 5),
    "七夕节": (7, 7), "七夕": (7, 7), "中元节": (7, 15), "中秋节": (8, 15), "中秋": (8, 15), "重阳节": (9, 9),
    "腊八节": (12, 8), "除夕": (12, -1), "除夕夜": (12, -1), "大年三十": (12, -1), "大年夜": (12, -1),
}
# Holidays dated by a solar term.
_SOLAR_TERM_HOLIDAYS = {"清明节": qingming}
_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}


# Measure words and units after a number that make it a count, not a day (9月30多家, 1月3个).
_MEASURES = "万亿千百个名位家次条项件人元只台辆部所种批天年月周多余点时分秒倍成亩吨米斤股户起例"


def _words(words: Iterable[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_P = {
    # 2018年, 二〇一八年, 98年4月 (two-digit years only before a month), 民国113年, 公元前221年.
    "year": re.compile(
        rf"(?P<era>公元前|公元|民国)?(?<![\d{CN_DIGIT_CHARS}.])"
        rf"(?:(?P<y4>\d{{4}}|{_CND}{{4}})|(?P<y2>\d{{2}})(?=年\s*(?:{_N2}月|第?[一二三四1-4]季度|[初底末]))|(?P<y2c>{_CND}{{2}})(?=\s*年)"
        rf"|(?<=民国)(?P<roc>\d{{1,3}}|{_CN}{{1,6}})|(?<=公元前)(?P<bc>\d{{1,4}}|{_CN}{{1,6}}))\s*年(?!代|级|龄|纪|轻|薪|制|度)"
    ),
    "year_word": re.compile(
        rf"(?:(?<![如而])今年|(?<![过失])去年|(?<![之以提])前年|(?<![最之以然])后年|"
        rf"{_words(k for k in list(_YEAR_WORDS) + list(_YEAR_ANAPHORA) if k not in ('今年', '去年', '前年', '后年'))})(?![轻纪龄代])"
    ),
    "month": re.compile(rf"(?<![\d{CN_NUMBER_CHARS}第个])(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月(?:份)?(?!饼|球|亮|光|子)"),
    "month_word": re.compile(_words(list(_MONTH_WORDS) + list(_MONTH_ANAPHORA))),
    # 30日, 21号, 二十一日, 1月3 (a bare Arabic day right after a month; not 一日 on its own:
    # 一日之计 is not a date).
    "day": re.compile(
        rf"(?<=[\d一二三四五六七八九十]月)(?P<db>[12]\d|3[01]|0?[1-9])(?![\d.%日号{_MEASURES}])"
        rf"|(?<![\d.第])(?:(?P<d>[12]\d|3[01]|0?[1-9])\s*[日号]|(?P<dc>[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?)[日号]"
        rf"|(?<=月)(?P<ds>[一二三四五六七八九])[日号]|(?<=月)(?P<dh>[一二三四五六七八九])号)"
        rf"(?![线楼文院馆房机台车位门桥口库令厅店场元件字码])"
    ),
    "day_word": re.compile(_words(list(_DAY_WORDS) + list(_DAY_ANAPHORA) + list(_NOW_WORDS))),
    "quarter": re.compile(
        rf"(?<![个前后])(?:第?(?P<q>[一二三四1-4])|(?P<first>首))季度|(?<![A-Za-z0-9])[Qq](?P<qq>[1-4])(?:季度)?(?![\dA-Za-z])"
        rf"|(?P<qrel>上上|下下|上|本|下|这|今)个?季度"
    ),
    # 一季度末 / 四季度初: the last / first month of the quarter.
    "quarter_part": re.compile(r"(?<=季度)(?P<qp>初|末|底)"),
    "half": re.compile(r"(?P<h>上|下|前|后)半年"),
    # 前两周 / 上三个月 / 下三天 / 后三天: the N whole units before or after the current one;
    # 2022年前十一个月 / 4月前4天: the first N units of the period just named; 今明两年: this and next.
    "window": re.compile(
        r"今明两?(?P<pair>年|天)|"
        rf"(?P<dir>前|上|下|后)(?P<n>\d{{1,3}}|{_CN}{{1,3}})(?P<ge>个)?(?P<unit>年|月|周|星期|礼拜|天|日|小时|钟头|个钟|分钟|秒钟|秒|季度)"
    ),
    "year_part": re.compile(rf"(?<![\d{CN_NUMBER_CHARS}上去今明前后本当同次翌该])年(?:初|底|末|中|终)|岁末|伊始|(?<=年)(?:初|底|末)"),
    "month_part": re.compile(
        rf"(?P<p>上旬|中旬|下旬)|(?<![\d{CN_NUMBER_CHARS}本上下这个当同该次翌正冬腊])(?P<p3>月初|月底|月末|月中)|(?<=月)(?P<p2>初|底|末)"
    ),
    "week": re.compile(
        r"(?P<rel>上上上|下下下|上上|下下|上一|下一|上|下|这一|这|本|今个|今)?(?:个)?(?:周|星期|礼拜|週)(?P<wd>[一二三四五六日天1-7]|末)?"
    ),
    "day_part": re.compile(
        rf"(?:{_words(k for k in _DAY_PARTS if len(k) > 1)})|(?<=[日号天])[早晚](?!餐|饭|报|会|些|点儿)"
    ),
    # 12时45分, 下午3点半, 11时许, 8点20, 3时1刻, 15:30, 3:15pm, 3pm.
    "clock": re.compile(
        rf"(?<![\d.:第])(?P<h>\d{{1,2}}|[零〇一二两三四五六七八九十廿]{{1,3}})\s*(?P<sep>[时点點])(?P<zhong>钟)?"
        rf"(?:(?P<half>半)|(?P<q>[一三13])刻|(?P<mi>\d{{1,2}}|[零〇一二三四五六七八九十]{{1,4}})\s*(?P<fen>分)?"
        rf"(?:(?P<s>\d{{1,2}}|[零〇一二三四五六七八九十]{{1,3}})秒)?)?(?P<zheng>整)?"
        rf"|(?:(?<![\d:])|(?<=\d[-/.]\d\d))(?P<ch>[01]?\d|2[0-4]):(?P<cm>[0-5]\d)(?::(?P<cs>[0-5]\d))?(?![\d:])(?:时(?!间|候|期|代))?(?:\s*(?P<ampm>[ap]\.?m\.?|[AP]M|[ap](?![A-Za-z])))?"
        r"|(?<![\d:])(?P<eh>1[0-2]|0?[1-9])\s*(?P<eampm>[ap]\.?m\.?|[AP]M)(?![A-Za-z])"
    ),
    # 2024-11-14, 2024/11/14, 2019.9.6, 1994.01-19, 2022 11 23, 2024-11, 1999.08, 20240307, 10/31/1974,
    # 09-01 and 12-01 (zero-padded month-day), 11/3号, 6·30 (month·day, as in event names),
    # and a date glued to its clock time (2018-12-1209:03).
    "numeric": re.compile(
        r"(?<![\d./])(?P<y>(?:19|20)\d{2})[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<d>3[01]|[12]\d|0?[1-9])"
        r"(?:(?![\d.])|(?<=\d\d)(?=[01]\d:|2[0-3]:))"
        r"|(?<![\d.])(?P<ys>(?:19|20)\d{2}) (?P<ms>1[0-2]|0?[1-9]) (?P<ds>3[01]|[12]\d|0?[1-9])(?![\d.])"
        r"|(?<![\d.\-/])(?P<y2>(?:19|20)\d{2})-(?P<m2>1[0-2]|0[1-9])(?![\d\-./])"
        r"|(?<![\d./])(?P<yd>(?:19|20)\d{2})\.(?P<md>1[0-2]|0[1-9])(?![\d.%万亿元美倍点])"
        r"|(?<!\d)(?P<y8>(?:19|20)\d{2})(?P<m8>1[0-2]|0[1-9])(?P<d8>3[01]|[12]\d|0[1-9])(?!\d)"
        r"|(?<![\d.\-/])(?P<um>1[0-2]|0?[1-9])/(?P<ud>3[01]|[12]\d|0?[1-9])/(?P<uy>\d{4}|\d{2})(?![\d/])"
        r"|(?<![\d.\-/:])(?P<pm>0[1-9]|1[0-2])-(?P<pd>0[1-9]|[12]\d|3[01])(?![\d\-./:])"
        r"|(?<![\d.\-/])(?P<sm>1[0-2]|0?[1-9])/(?P<sd>3[01]|[12]\d|0?[1-9])[号日]"
        r"|(?<![\d.·])(?P<dm>1[0-2]|[1-9])·(?P<dd>3[01]|[12]\d|[1-9])(?![\d·])"
    ),
    # 三十年, 十余年, 20余年, 4小时, 一个半小时, 两个月, 半年, 两周; optional 前/后/以来/内.
    "duration": re.compile(
        rf"(?<![\d.第{CN_NUMBER_CHARS}])(?:(?P<n>{_COUNT})(?P<more>多|余|来)?(?P<ge>个)?(?P<half>半)?(?P<more2>多)?"
        rf"(?P<unit>周年|年|个?月|周|星期|礼拜|天|日|小时|钟头|个钟|分钟|秒钟|秒|季度|刻钟|分)(?P<half2>半)?(?P<more3>多)?"
        rf"|(?P<halfonly>半)(?P<ge2>个)?(?P<unit2>年|月|天|小时|钟头|分钟|世纪|周))"
        rf"(?P<dir>之前|之后|以前|以后|以来|以内|之内|前|后|内)?"
    ),
    "decade": re.compile(
        rf"(?P<pre>上世纪|上个世纪|(?P<cent>\d{{2}}|{_CN}{{1,3}})世纪)?(?P<dec>\d0|[一二三四五六七八九]十)年代(?P<part>初|末|中期|初期|末期|前期|后期)?"
        rf"|(?P<cent2>\d{{1,2}}|{_CN}{{1,3}})世纪(?P<part2>初|末|中期|初期|末期|前期|后期|中叶)?"
    ),
    "holiday": re.compile(
        rf"(?<![{CN_NUMBER_CHARS}])(?:{_words(list(_HOLIDAYS) + list(_LUNAR_HOLIDAYS) + list(_SOLAR_TERM_HOLIDAYS))})"
    ),
    # Lunar dates: 农历八月十五, 腊月二十三, 正月初八, 腊月18, 大年初一, 闰四月, 五月初五 (checked in
    # _check_lunar: without 农历 the month must be 正/冬/腊 or the day a lunar form).
    "lunar": re.compile(
        rf"(?P<cal>农历|阴历|旧历)?(?:(?P<big>大年)(?=初)|(?P<leap>闰)?(?:(?P<lm>正|冬|腊|十[一二]|[一二三四五六七八九十])"
        rf"|(?<=[历])(?P<lmd>1[0-2]|0?[1-9]))月)"
        rf"(?P<ld>(?:初(?:[一二三四五六七八九十]|10|0?[1-9])|[二三]十|十[一二三四五六七八九]?|二十[一二三四五六七八九]|廿[一二三四五六七八九])"
        rf"(?![\d零〇一二三四五六七八九十廿])"
        rf"|(?<=[正冬腊]月)(?:[12]\d|30|0?[1-9])(?![\d.%{_MEASURES}])|(?:(?<=历\d月)|(?<=历\d\d月))(?:[12]\d|30|0?[1-9])(?!\d))?"
        rf"(?P<ri>(?<=[^月])[日号])?"
    ),
    # A bare number opening a range takes the unit of the other end (9~12点半, 1-9月, 2020至2025年).
    "bare": re.compile(
        rf"(?<![\d.:/~\-{CN_NUMBER_CHARS}])(?P<n>\d{{1,4}}|[{CN_NUMBER_CHARS}]{{1,4}})"
        rf"(?=\s*(?:至|到|~|-|—{{1,2}}|–)\s*[\d{CN_NUMBER_CHARS}])"
    ),
    # 大约 and 约 qualify the number; 大概 and 大致 qualify the clause (大概六天后 = probably in six days).
    "approx_pre": re.compile(r"早在|大约|约莫|约"),
    "approx_post": re.compile(r"前后|左右|许|多钟|多"),
    "set": re.compile(r"每(?:隔)?(?P<n>\d+|[一二三四五六七八九十两半]+)?(?:个)?(?P<unit>年|月|周|星期|礼拜|天|日|晚|季度|小时|分钟|秒)"),
}

# The characters a match of each pattern can start with: a lookahead on them lets the regex
# engine skip most positions quickly (the patterns open with lookbehinds, which defeat its
# own prefix scan).
_FIRST_CHARS = {
    "numeric": r"\d", "day": rf"\d{CN_NUMBER_CHARS}", "clock": rf"\d{CN_NUMBER_CHARS}",
    "year": rf"\d{CN_NUMBER_CHARS}公民", "lunar": rf"农阴旧大闰正冬腊{CN_NUMBER_CHARS}", "decade": rf"\d{CN_NUMBER_CHARS}上", "duration": rf"\d{CN_NUMBER_CHARS}几数半",
    "bare": rf"\d{CN_NUMBER_CHARS}", "quarter": rf"第首{CN_NUMBER_CHARS}1-4Qq上下本这今",
}
_P = {kind: re.compile(rf"(?=[{_FIRST_CHARS[kind]}])(?:{p.pattern})") if kind in _FIRST_CHARS else p
      for kind, p in _P.items()}

# Priority when two tokens cover the same span (lower wins).
_PRIORITY = {"numeric": 0, "year": 1, "decade": 1, "holiday": 1, "lunar": 1, "year_word": 2, "month_word": 2, "day_word": 2,
             "quarter": 3, "quarter_part": 3, "half": 3, "window": 3, "duration": 4, "set": 4, "month": 5, "day": 5, "week": 6, "clock": 6,
             "day_part": 7, "year_part": 7, "month_part": 7, "approx_pre": 8, "approx_post": 8, "bare": 9}

_DUR_UNITS = {"周年": "Y", "年": "Y", "月": "M", "个月": "M", "周": "W", "星期": "W", "礼拜": "W", "天": "D", "日": "D",
              "小时": "H", "钟头": "H", "个钟": "H", "分钟": "MIN", "分": "MIN", "秒钟": "S", "秒": "S", "季度": "Q", "刻钟": "QH",
              "世纪": "C"}


def _tokens(folded: str) -> list[_Tok]:
    """All valid tokens, overlaps removed (leftmost, then longest, then by priority)."""
    found: list[_Tok] = []
    for kind, pattern in _P.items():
        check = _CHECKS.get(kind)
        for m in pattern.finditer(folded):
            if m.end() == m.start():
                continue
            data = check(m, folded) if check else {}
            if data is not None:
                found.append(_Tok(kind, m.start(), m.end(), data))
    found.sort(key=lambda t: (t.start, -(t.end - t.start), _PRIORITY[t.kind]))
    kept: list[_Tok] = []
    end = -1
    for tok in found:
        if tok.start >= end:
            kept.append(tok)
            end = tok.end
    return _bare_ranges(kept, folded)


def _bare_ranges(tokens: list[_Tok], folded: str) -> list[_Tok]:
    """Give a bare number opening a range the unit of the token across the connector, or drop it."""
    out: list[_Tok] = []
    for i, tok in enumerate(tokens):
        if tok.kind != "bare":
            out.append(tok)
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None or not _CONNECTOR.fullmatch(folded[tok.end: nxt.start]):
            continue
        raw = tok.data["raw"]
        n = parse_digits(raw) if len(raw) == 4 else parse_number(raw)
        if n is None:
            continue
        if nxt.kind == "clock" and n <= 24:
            out.append(_Tok("clock", tok.start, tok.end, {"hour": n, "minute": None, "second": None, "weak": False}))
        elif nxt.kind == "day" and 1 <= n <= 31:
            out.append(_Tok("day", tok.start, tok.end, {"day": n}))
        elif nxt.kind == "month" and 1 <= n <= 12:
            out.append(_Tok("month", tok.start, tok.end, {"month": n}))
        elif nxt.kind == "year" and len(raw) == 4 and 1000 <= n <= 2999:
            out.append(_Tok("year", tok.start, tok.end, {"year": n, "explicit": True}))
    return out


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


def _check_day_word(m: re.Match, folded: str) -> dict:
    word = m.group(0)
    if word in _NOW_WORDS:
        return {"now": True}
    return {**_relative_word(word, _DAY_WORDS, _DAY_ANAPHORA), "part": _DAY_WORD_PART.get(word)}


def _check_quarter(m: re.Match, folded: str) -> dict | None:
    if m.group("qrel"):
        return {"qrel": {"上上": -2, "上": -1, "下": 1, "下下": 2}.get(m.group("qrel"), 0)}
    if m.group("first"):
        return {"quarter": 1}
    q = _num(m.group("q") or m.group("qq"))
    return {"quarter": q} if q and 1 <= q <= 4 else None


_WINDOW_AFTER = set(" \t\n，。、；：！？,.;:!?（(“\"在于的从是")


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
    if word in ("年初", "初", "伊始"):
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


_NOT_YEARS_AFTER = set("级制代龄纪轻薪度")
_DAY_NEXT = re.compile(rf"\s*(?:\d{{1,2}}|{_CN}{{1,3}})[日号]")
_OFFSET_DIRS = ("前", "之前", "以前", "后", "之后", "以后")


_APPROX_PAIRS = {"一二", "二三", "两三", "三四", "四五", "五六", "六七", "七八", "八九", "一两", "三五"}


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
    if unit == "M" and not (g["ge"] or "个" in unit_word or more or g["half"] or g["half2"] or n > 12):
        return None  # 三月 is March, 4月前 before April
    if unit == "M" and not g["ge"] and _DAY_NEXT.match(folded, m.end()):
        return None  # 13月5日 is no date and no duration
    if unit == "Q" and not g["ge"]:
        return None  # 三季度 is a quarter
    if unit == "D" and unit_word == "日" and not (more or g["dir"]):
        if (n <= 31 and (raw.isdigit() or len(raw) > 1)) or raw == "一" or folded[max(0, m.start() - 1): m.start()] == "月":
            return None  # 30日 and 二十一日 are days of the month; 一日之计 is not a duration
    if unit == "Y" and not more and (raw.isdigit() and len(raw) == 4 or len(raw) == 4 and not set(raw) & set("十百千万")):
        if not (raw.isdigit() and g["dir"] in _OFFSET_DIRS and not 1000 <= n <= 2999):
            return None  # 2018年 is a year, 2018年前 before it; 7000年前 is seven thousand years ago
    if unit == "Y" and g["more"] == "来" and raw.isdigit() and len(raw) == 4:
        return None
    return {"n": n, "half": bool(g["half"] or g["half2"]), "unit": unit, "approx": more, "dir": g["dir"], "known": True}


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
    "day": _check_day, "day_word": _check_day_word, "quarter": _check_quarter, "quarter_part": _check_quarter_part, "half": _check_half,
    "window": _check_window,
    "year_part": _check_year_part, "month_part": _check_month_part, "week": _check_week,
    "day_part": _check_day_part, "clock": _check_clock, "numeric": _check_numeric, "duration": _check_duration,
    "decade": _check_decade, "holiday": _check_holiday, "lunar": _check_lunar, "set": _check_set,
    "approx_pre": lambda m, folded: {"word": m.group(0)}, "approx_post": lambda m, folded: {"word": m.group(0)},
    "bare": lambda m, folded: {"raw": m.group("n")},
}
