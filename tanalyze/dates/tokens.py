"""Pass 1, the patterns: one regex per kind of piece (an explicit year, a relative month word, a
day, a clock time, a duration, a lunar date ...) and the priority table. :func:`_tokens` runs them
all with their checks (:mod:`.checks`) and keeps the leftmost, longest, highest-priority piece
where they overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..numerals import CN_DIGIT_CHARS, CN_NUMBER_CHARS, parse_digits, parse_number
from .checks import _CHECKS
from .vocabulary import _CN, _CND, _COUNT, _DAY_ANAPHORA, _DAY_PARTS, _DAY_WORDS, _EVENT_SHIFTS, _EVENT_WORDS, _HOLIDAYS, _LUNAR_HOLIDAYS, _MEASURES, _MONTH_ANAPHORA, _MONTH_WORDS, _N2, _NOW_WORDS, _SOLAR_TERM_HOLIDAYS, _THEN_WORDS, _VAGUE_WORDS, _YEAR_ANAPHORA, _YEAR_WORDS, _words


_CONNECTOR = re.compile(r"\s*(?:至|到|~|-|—{1,2}|–|起至|一直到)\s*")


@dataclass
class _Tok:
    """A piece of a temporal expression found by one regex."""

    kind: str
    start: int
    end: int
    data: dict


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
    "month": re.compile(rf"(?<![\d{CN_NUMBER_CHARS}第个])(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]|元)\s*月(?:份)?(?!饼|球|亮|光|子)"),
    "month_word": re.compile(_words(list(_MONTH_WORDS) + list(_MONTH_ANAPHORA))),
    # 30日, 21号, 二十一日, 1月3 (a bare Arabic day right after a month; not 一日 on its own:
    # 一日之计 is not a date).
    "day": re.compile(
        rf"(?<=[\d一二三四五六七八九十]月)(?P<db>[12]\d|3[01]|0?[1-9])(?![\d.%日号{_MEASURES}])"
        rf"|(?<![\d.第])(?:(?P<d>[12]\d|3[01]|0?[1-9])\s*[日号]|(?P<dc>[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?)[日号]"
        rf"|(?<=月)(?P<ds>[一二三四五六七八九])[日号]|(?<=月)(?P<dh>[一二三四五六七八九])号)"
        rf"(?![线楼文院馆房机台车位门桥口库令厅店场元件字码])"
    ),
    "day_word": re.compile(_words(list(_DAY_WORDS) + list(_DAY_ANAPHORA) + list(_NOW_WORDS) + list(_THEN_WORDS))),
    "vague": re.compile(_words(_VAGUE_WORDS)),
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
    "year_part": re.compile(rf"(?<![\d{CN_NUMBER_CHARS}上去今明前后本当同次翌该近多历每])年(?:初|底|末|中|终)|岁末|新年伊始|新春伊始|(?<=年)伊始|(?<=年)(?:初|底|末)"),
    "month_part": re.compile(
        rf"(?P<p>上旬|中旬|下旬)|(?<![\d{CN_NUMBER_CHARS}本上下这个当同该次翌正冬腊])(?P<p3>月初|月底|月末|月中)|(?<=月)(?P<p2>初|底|末)"
    ),
    # 三月第二个星期五, 10月的第一个周一: the Nth weekday of a month.
    "nth_weekday": re.compile(
        rf"(?<![\d{CN_NUMBER_CHARS}])(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月的?第(?P<n>[一二三四五六七八九1-9])个"
        r"(?:星期|礼拜|周)(?P<wd>[一二三四五六日天])"
    ),
    "event_rel": re.compile(rf"(?P<event>{_words(_EVENT_WORDS)})(?P<rel>{_words(_EVENT_SHIFTS)})"),
    "week": re.compile(
        r"(?:(?P<rel>上上上|下下下|上上|下下|上一|下一|上|下|这一|这|本|今个|今)个?)?(?:周|星期|礼拜|週)(?P<wd>[一二三四五六日天1-7]|末)?"
    ),
    "day_part": re.compile(
        rf"(?:{_words(k for k in _DAY_PARTS if len(k) > 1)})|(?<=[日号天])[早晚](?!餐|饭|报|会|些|点儿)"
    ),
    # 12时45分, 下午3点半, 11时许, 8点20, 3时1刻, 15:30, 3:15pm, 3pm.
    "clock": re.compile(
        rf"(?<![\d.:第])(?P<h>\d{{1,2}}|[零〇一二两三四五六七八九十廿]{{1,3}})\s*(?P<sep>[时点點])(?P<zhong>钟)?"
        rf"(?:(?P<half>半)|(?P<q>[一三13])刻|(?P<tap>[踏搭])(?P<tapn>半|十一|十|[一二两三四五六七八九]|1[01]|[1-9])"
        rf"|(?P<zi>十一|十|[一二两三四五六七八九]|1[01]|[1-9])个字|(?P<mi>\d{{1,2}}|[零〇一二三四五六七八九十]{{1,4}})\s*(?P<fen>分)?"
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
_PRIORITY = {"nth_weekday": 5, "event_rel": 0, "numeric": 0, "year": 1, "decade": 1, "holiday": 1, "lunar": 1, "year_word": 2, "month_word": 2, "day_word": 2, "vague": 2,
             "quarter": 3, "quarter_part": 3, "half": 3, "window": 3, "duration": 4, "set": 4, "month": 5, "day": 5, "week": 6, "clock": 6,
             "day_part": 7, "year_part": 7, "month_part": 7, "approx_pre": 8, "approx_post": 8, "bare": 9}


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
