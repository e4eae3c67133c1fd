"""Temporal expressions in Simplified Chinese text, normalised to ISO 8601.

How it works, in three passes over the width-folded text (``fold_width`` keeps offsets):

1. **Tokens.** A handful of compiled regexes find the pieces: explicit years (``2018年``,
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
``中午`` 12-14, ``早上`` 6-10); an interval ending on a clock hour ends at that instant
(``3点至8点`` → ``T15/T20``, 8:00), any other end is inclusive at its grain
(``1月3至2月10`` includes February 10th); vague parts keep the containing unit and set
``approx`` (``11月中旬`` → ``2024-11``, ``一季度末`` → ``2024-Q1``); quarters are ``2024-Q3``,
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
from typing import Callable, Iterable

from .datewords import lunar_to_solar, qingming
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
_YEAR_ONLY = re.compile(rf"(?<![\d.])(\d{{4}}|[{CN_DIGIT_CHARS}]{{4}})\s*年")


def _safe_date(year: int | None, month: int | None, day: int | None) -> datetime | None:
    if year is None or month is None or day is None:
        return None
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def find_ref_date(text: str) -> tuple[datetime, str] | None:
    """Find the date an article speaks from, with where it came from.

    In order: a dateline (``2012年7月24日电``, ``7月24日电`` with the latest year in the text),
    a full date on the first three non-empty lines (``dateline`` / ``first_lines``), else
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
    lines = [line for line in folded.splitlines() if line.strip()][:3]
    for line in lines:
        m = _FULL_DATE.search(line)
        if m:
            year = parse_digits(m.group(1))
            month = parse_number(m.group(2) or m.group(4))
            day = parse_number(m.group(3) or m.group(5))
            found = _safe_date(year, month, day)
            if found:
                return found, "first_lines"
    if latest is not None:
        return datetime(latest, 1, 1), "latest_year"
    return None


def _latest_year(folded: str) -> int | None:
    years = [y for y in (parse_digits(m.group(1)) for m in _YEAR_ONLY.finditer(folded)) if y and 1000 <= y <= 2999]
    return max(years) if years else None


# ---------------------------------------------------------------------------------------------
# Pass 1: tokens
# ---------------------------------------------------------------------------------------------

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


def _two_digit_year(two: int, state: "_State") -> int:
    """98年 → 1998, 15年 → 2015: the 20xx year unless it is more than ten years after the reference."""
    now = state.ref.dt.year if state.ref is not None else datetime.now().year
    return 2000 + two if 2000 + two <= now + 10 else 1900 + two


def _check_year_word(m: re.Match, folded: str) -> dict:
    word = m.group(0)
    if word in _YEAR_ANAPHORA:
        return {"rel": _YEAR_ANAPHORA[word], "anaphoric": True}
    return {"rel": _YEAR_WORDS[word], "anaphoric": False}


def _check_month(m: re.Match, folded: str) -> dict | None:
    month = _num(m.group("m"))
    return {"month": month} if month and 1 <= month <= 12 else None


def _check_month_word(m: re.Match, folded: str) -> dict:
    word = m.group(0)
    if word in _MONTH_ANAPHORA:
        return {"rel": _MONTH_ANAPHORA[word], "anaphoric": True}
    return {"rel": _MONTH_WORDS[word], "anaphoric": False}


def _check_day(m: re.Match, folded: str) -> dict | None:
    raw = m.group("d") or m.group("db") or m.group("dc") or m.group("ds") or m.group("dh")
    day = _num(raw)
    return {"day": day} if day and 1 <= day <= 31 else None


def _check_day_word(m: re.Match, folded: str) -> dict:
    word = m.group(0)
    if word in _NOW_WORDS:
        return {"now": True}
    part = _DAY_WORD_PART.get(word)
    if word in _DAY_ANAPHORA:
        return {"rel": _DAY_ANAPHORA[word], "anaphoric": True, "part": part}
    return {"rel": _DAY_WORDS[word], "anaphoric": False, "part": part}


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
    if unit == "Q" and not g["ge"]:
        return None  # 三季度 is a quarter
    if unit == "D" and unit_word == "日" and not (more or g["dir"]):
        if (n <= 31 and (raw.isdigit() or len(raw) > 1)) or raw == "一" or folded[max(0, m.start() - 1): m.start()] == "月":
            return None  # 30日 and 二十一日 are days of the month; 一日之计 is not a duration
    if unit == "Y" and not more and (raw.isdigit() and len(raw) == 4 or len(raw) == 4 and not set(raw) & set("十百千万")):
        return None  # 2018年 is a year
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


# ---------------------------------------------------------------------------------------------
# Pass 2: expressions
# ---------------------------------------------------------------------------------------------

_DUR_ORDER = ["C", "Y", "Q", "M", "W", "D", "H", "QH", "MIN", "S"]
_SLOT = {"approx_pre": 0, "set": 1, "year": 2, "year_word": 2, "decade": 2, "quarter": 3, "half": 3, "year_part": 3,
         "window": 3, "quarter_part": 4,
         "month": 4, "month_word": 4, "month_part": 5, "day": 6, "day_word": 6, "holiday": 6, "lunar": 6, "duration": 6,
         "day_part": 7, "clock": 8, "approx_post": 9}
_GAP = re.compile(r"\s?|的")
_CONNECTOR = re.compile(r"\s*(?:至|到|~|-|—{1,2}|–|起至|一直到)\s*")
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


def _trim(group: list[_Tok]) -> list[_Tok]:
    """Drop dangling approximation words and clock readings that are probably not clocks."""
    if group[-1].kind == "approx_post" and group[-1].data["word"] == "多" and group[-2:-1] and group[-2].kind != "clock":
        group = group[:-1]
    core = [t for t in group if t.kind not in ("approx_pre", "approx_post")]
    if not core:
        return []
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


def _shift(dt: datetime, n: float, unit: str, half: bool, sign: int) -> tuple[datetime, str]:
    """``dt`` moved by n units (and a half), with the grain the result is known to."""
    months = {"Y": 12, "M": 1, "Q": 3, "C": 1200}.get(unit)
    if months is not None:
        total = n * months + (months / 2 if half else 0)
        if float(total).is_integer():
            grain = "year" if unit in ("Y", "C") and total % 12 == 0 else "month"
            return _add_months(dt, sign * int(total)), grain
        return dt + sign * timedelta(days=round(total * 30.44)), "day"
    seconds = {"W": 604800, "D": 86400, "H": 3600, "MIN": 60, "S": 1, "QH": 900}[unit]
    total = n * seconds + (seconds / 2 if half else 0)
    grain = {"W": "day", "D": "day", "H": "hour", "QH": "minute", "MIN": "minute", "S": "second"}[unit]
    if half and grain == "day":
        grain = "hour"
    return dt + sign * timedelta(seconds=total), grain


def _duration_value(d: dict, state: _State) -> tuple[_Value, str | None]:
    """A duration, or an offset from an anchor (三十年前) or a span (三个月以来)."""
    iso = _duration_iso(d["n"], d["unit"], d["half"])
    direction = d["dir"]
    if not direction:
        return _Value("duration", iso, None), None
    probe, grain = _shift(datetime(2000, 6, 15), d["n"], d["unit"], d["half"], 1)
    anchor = _anchor_for(state, grain)
    if anchor is None:
        kind = "date" if direction in _OFFSET_SIGN else "interval"
        return _Value(kind, None, None), None
    if direction in _OFFSET_SIGN:
        moved, grain = _shift(anchor.dt, d["n"], d["unit"], d["half"], _OFFSET_SIGN[direction])
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
        return value, approx or head.data["approx"], src, None
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
        value, approx, src, f = _resolve(group, text[start:end], state)
        _remember(state, value, f)
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
