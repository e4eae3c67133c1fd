"""The vocabulary of dates: relative words, day parts, weekdays, holidays, duration units and the
character classes the patterns of :mod:`.tokens` are built from. Plain data.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable

from ..numerals import CN_DIGIT_CHARS, CN_NUMBER_CHARS
from .lunar import lunar_to_solar, qingming


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
    # Cantonese (Hong Kong and Macau writing): yesterday, tomorrow.
    "寻日": -1, "琴日": -1, "听日": 1,
}


_DAY_ANAPHORA = {"次日": 1, "翌日": 1, "次晨": 1, "翌晨": 1, "同日": 0, "当天": 0, "当日": 0, "当晚": 0, "是日": 0,
                 "前一天": -1, "前一日": -1, "头一天": -1, "同一天": 0, "第二天": 1, "第二日": 1, "隔天": 1}


_NOW_WORDS = ("现在", "此时", "此刻", "当前", "而家", "依家", "宜家")  # the last three Cantonese


# "At that time": the time the text mentioned last, at its precision (1996年……当时 → 1996).
_THEN_WORDS = ("当时", "那时", "彼时", "届时")


# Vague words for the writer's present, past and future, with their TIMEX3 values: no calendar
# value (the timeline leaves them out), but a reader's "when" all the same.
_VAGUE_WORDS = {
    **dict.fromkeys(("目前", "如今", "眼下", "当今", "时下", "现今", "而今", "当下", "近期"), "PRESENT_REF"),
    **dict.fromkeys(("日前", "不久前", "前不久", "最近", "近日", "近来", "近年", "近年来", "近些年", "前些年", "过去",
                     "以往", "往年", "昔日", "往日", "早年"), "PAST_REF"),
    **dict.fromkeys(("未来", "今后", "将来", "日后", "往后"), "FUTURE_REF"),
}


# What may stand before 过去 when it is "the past" (在过去, 与过去相比, 过去，) rather than "go over"
# (走过去, 看过去); and what after it makes it the verb (过去了, 过去看看).
_PAST_BEFORE = set("在从与比同较和跟像的是把将对于了、，,。；;：:！？!?“\"（( \n")
_PAST_NOT_AFTER = set("了啦吧来去看")


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
    "晏昼": (12, 18), "下午": (12, 18), "傍晚": (17, 19), "黄昏": (17, 19), "晚上": (18, 24), "晚间": (18, 24),
    "晚": (18, 24), "夜晚": (18, 24), "夜里": (20, 30), "夜间": (20, 30), "深夜": (22, 27),
    "半夜": (23, 27), "午夜": (24, 25), "白天": (6, 18),
}


_PM_PARTS = {"下午", "午后", "傍晚", "黄昏", "晚上", "晚间", "晚", "夜晚", "夜里", "夜间", "晏昼"}


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
    "新年": (1, 1),  # New Year's Day (the lunar one is 农历新年 or 春节)
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


_DUR_UNITS = {"周年": "Y", "年": "Y", "月": "M", "个月": "M", "周": "W", "星期": "W", "礼拜": "W", "天": "D", "日": "D",
              "小时": "H", "钟头": "H", "个钟": "H", "分钟": "MIN", "分": "MIN", "秒钟": "S", "秒": "S", "季度": "Q", "刻钟": "QH",
              "世纪": "C"}


_WINDOW_AFTER = set(" \t\n，。、；：！？,.;:!?（(“\"在于的从是")


_NOT_YEARS_AFTER = set("级制代龄纪轻薪度")


_OFFSET_DIRS = ("前", "之前", "以前", "后", "之后", "以后")


_APPROX_PAIRS = {"一二", "二三", "两三", "三四", "四五", "五六", "六七", "七八", "八九", "一两", "三五"}


# Events a date can be relative to (车展前一日, 会议次日, 签约当天) and the days they move by.
_EVENT_WORDS = ("车展", "展会", "博览会", "会议", "大会", "峰会", "论坛", "发布会", "签约", "开幕", "闭幕", "比赛",
                "决赛", "婚礼", "仪式", "典礼", "选举", "考试", "开业", "上市", "事故", "地震")
_EVENT_SHIFTS = {"前一日": -1, "前一天": -1, "前夕": -1, "次日": 1, "翌日": 1, "第二天": 1, "后一天": 1,
                 "当天": 0, "当日": 0, "同日": 0}
