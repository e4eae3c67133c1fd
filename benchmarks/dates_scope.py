"""What the date benchmark compares (:mod:`benchmarks.bench_dates`): expected and found values as
spans of time, and the issue's scope, by category, that decides which corpus cases count.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from tanalyze.dates import DateFound

# ---------------------------------------------------------------------------------------------
# Turning values into comparable spans
# ---------------------------------------------------------------------------------------------

_ISO = re.compile(r"^(-?\d{4})(?:-(?:Q(\d)|W(\d{2})|(\d{2}))(?:-(\d{2}))?)?(?:T(\d{2})(?::(\d{2}))?(?::(\d{2}))?)?$")


def iso_span(value: str, ref: datetime | None = None) -> tuple[datetime, datetime] | None:
    """[start, end) of one ISO value as tanalyze writes it (2024, 2024-Q3, 2024-W07, 2024-11-14T12 ...)."""
    if value.startswith("T") and ref is not None:
        value = ref.strftime("%Y-%m-%d") + value
    m = _ISO.match(value)
    if not m:
        return None
    year, q, w, mo, d, h, mi, s = m.groups()
    y = int(year)
    if y < 1:
        return None
    if q:
        start = datetime(y, 3 * int(q) - 2, 1)
        end_month = 3 * int(q) + 1
        return start, (datetime(y + 1, 1, 1) if end_month > 12 else datetime(y, end_month, 1))
    if w:
        start = datetime.fromisocalendar(y, int(w), 1)
        return start, start + timedelta(days=7)
    if not mo:
        return datetime(y, 1, 1), datetime(y + 1, 1, 1)
    if not d:
        start = datetime(y, int(mo), 1)
        return start, (datetime(y + 1, 1, 1) if int(mo) == 12 else datetime(y, int(mo) + 1, 1))
    day = datetime(y, int(mo), int(d))
    if not h:
        return day, day + timedelta(days=1)
    start = day + timedelta(hours=int(h), minutes=int(mi or 0), seconds=int(s or 0))
    step = timedelta(hours=1) if mi is None else (timedelta(minutes=1) if s is None else timedelta(seconds=1))
    return start, start + step


def value_span(value: str, ref: datetime | None = None) -> tuple[datetime, datetime] | None:
    """[start, end) of a point or of an interval ``a/b`` (b inclusive at its grain)."""
    if value.startswith("R/") or value.startswith("P"):
        return None
    if "/" in value:
        a, b = value.split("/", 1)
        sa = iso_span(a, ref)
        if b.startswith("T") and sa is not None:
            b = sa[0].strftime("%Y-%m-%d") + b
        sb = iso_span(b, ref)
        if sa is None or sb is None:
            return None
        end = sb[0] if b.count(":") == 0 and "T" in b and len(b.split("T")[1]) == 2 else sb[1]
        return sa[0], max(end, sa[0])
    return iso_span(value, ref)


_DUR = re.compile(r"^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
                  r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


def duration_key(value: str) -> tuple[float, float] | None:
    """(months, seconds) of an ISO duration, to compare with JioNLP's unit dicts."""
    m = _DUR.match(value)
    if not m:
        return None
    y, mo, w, d, h, mi, s = (float(x) if x else 0.0 for x in m.groups())
    return round(y * 12 + mo, 3), round(((w * 7 + d) * 24 + h) * 3600 + mi * 60 + s, 3)


def jionlp_duration_key(delta: dict) -> tuple[float, float]:
    months = delta.get("year", 0) * 12 + delta.get("month", 0)
    seconds = (delta.get("day", 0) * 86400 + delta.get("hour", 0) * 3600 + delta.get("minute", 0) * 60
               + delta.get("second", 0))
    return round(months, 3), round(seconds, 3)


def covering(found: list[DateFound]) -> DateFound | None:
    """The longest expression found (the corpora give one expression per string)."""
    return max(found, key=lambda d: d.end - d.start, default=None)


# ---------------------------------------------------------------------------------------------
# Scope: the issue's categories
# ---------------------------------------------------------------------------------------------

#: What the product is specified to handle (the issue's list). A case is *in scope* when its
#: temporal expression belongs to one of these categories; ``OUT_OF_SCOPE`` names, in order, the
#: kinds of expression outside the list, and a case matching any of them is out of scope.
ISSUE_SCOPE = (
    "absolute dates (2018年9月, 2018年9月30日, 9月30日, 2024/11/14, 2024-11-14, 二〇二四年, 民国113年, 公元前)",
    "relative to the reference or the narrative (今年 去年 前年 明年 本月 上个月 昨天/昨日 前日 次日 同日 当天 "
    "三十年前 6年前 两周后)",
    "parts and vague expressions (上半年 年初 年底 第三季度/三季度/Q3 11月中旬 上旬 下旬 月底 2018年前后 早在2020年 "
    "春节前后)",
    "times of day (中午12时45分 下午3点半 上午11时许)",
    "durations (六年 6年 30年 十余年 20余年 4小时 一天 半年 两个月)",
    "not-a-date cases",
)

#: Kinds of expression outside ``ISSUE_SCOPE``, as (name, regex on the Simplified text), tested in order.
OUT_OF_SCOPE: list[tuple[str, str]] = [
    ("lunar calendar and solar terms (农历, 腊月, 正月, 初五, 闰四月, 八月十五, 除夕, 立春 ...)",
     r"农历|阴历|闰|腊月|正月|大年|除夕|初[一二三四五六七八九十]|廿|[\d一二三四五六七八九十]月[一二三四五六七八九十]+(?![一二三四五六七八九十日号\d])"
     r"|冬至|大寒|小寒|芒种|立春|春分|秋分|夏至|立秋|立夏|立冬|清明"),
    ("seasons and school holidays (春天, 夏季, 2021年春, 暑假)", r"[春夏秋冬](?:季|天|$)|春秋|暑假|寒假"),
    ("holidays other than 春节, 元旦, 国庆 (元宵, 中秋, 劳动节, 情人节, 圣诞节 ...)",
     r"元宵|端午|中秋|七夕|重阳|(?<![春庆旦])节|圣诞|平安夜|万圣|愚人|情人"),
    ("weekdays and weekends (周三, 星期一, 礼拜天, 周末)", r"(?:周|星期|礼拜)[一二三四五六日天1-7末]|星期|礼拜"),
    ("recurring periods (每年, 每周三)", r"每"),
    ("windows relative to now (以内, 以来, 未来, 过去, 近三天, 至今, 今后)",
     r"以内|之内|以来|未来|过去|^近|最近|今后|至今|内$|再过|^过|全天"),
    ("open-ended spans and deadlines after a calendar point (2025年前, 6月之前, 5月8日起, 之后)",
     r"(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年|[月日号点时初底末])(?:前|以前|之前|后|以后|之后|起|开始)$|起$"),
    ("ranges of durations and duration bounds (3~6个月, 3年以上7年以下)",
     r"以上|以下|[~～—到至-]+\s*[\d一二三四五六七八九十两百千万]+\s*(?:个|天|周|星期|小时|钟头|分钟|秒)"
     r"|[~～—到至-]+\s*(?:[4-9]\d|\d{3,})日$"),
    ("ordinals inside a period (第2周, 第三天, 首月, 后三月, 最后一天)", r"第|首月|最后|后[两二三四五六七八九十0-9]+个?[月天]"),
    ("business days (工作日, 交易日)", r"工作日|交易日"),
    ("offsets in hours, minutes or seconds from the reference instant (6小时前, 一刻钟后)",
     r"(?:小时|钟头|钟|分|秒|刻)(?:之|以)?[前后]$"),
    ("colloquial day parts and vague clock words (白天, 午后, 黎明, 后半夜, 七八点)",
     r"白天|午后|黎明|半夜|[一二三四五六七八九]{2}点|夜间|午夜"),
    ("lists of dates (9月10号，11号，12号: one span in JioNLP)", r"[日号][，、,]\s*\d+[日号]"),
    ("Cantonese or colloquial vocabulary (宜家, 听日, 晏昼, 今个, 三点踏三 ...)", r"宜家|而家|依家|寻日|听日|晏昼|今个|踏|搭|个字|上年|下年"),
    ("time zones and nth-weekday-of-month", r"CET|第一个"),
]
_OUT_OF_SCOPE = [(name, re.compile(pattern)) for name, pattern in OUT_OF_SCOPE]


def out_of_scope(simplified: str) -> str | None:
    """The first ``OUT_OF_SCOPE`` category the text falls in, or None when it is in the issue's scope."""
    for name, pattern in _OUT_OF_SCOPE:
        if pattern.search(simplified):
            return name
    return None
