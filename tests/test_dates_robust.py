"""The date extractor never raises: far years, impossible dates, arbitrary numerals in every pattern.

The sentences are our own.
"""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tanalyze.dates import extract_dates
from tests.cli.test_cli import invoke

REF = datetime(2024, 1, 1)


def _values(text: str, ref: datetime | None = REF) -> list[tuple[str, str, str | None, str | None, bool]]:
    return [(text[d.start:d.end], d.type, d.value, d.grain, d.approx) for d in extract_dates(text, ref, "given")]


def test_prehistory_does_not_crash_the_cli() -> None:
    # The reproducer of issue #20: the whole run used to exit 1 with ValueError: year ... is out of range.
    result, out = invoke(["dates", "--format", "json", "--ref-date", "2024-01-01", "-"],
                         "约4万年前，人类来到这里。7000年前的遗址被发现。".encode())
    assert result.exit_code == 0, result.output
    dates = [(d["text"], d["type"], d["value"], d["grain"], d["approx"]) for d in json.loads(out)["dates"]]
    assert dates == [("约4万年前", "duration", "P40000Y", "year", True), ("7000年前", "date", "-4976", "year", True)]


@pytest.mark.parametrize("text, expected", [
    # Within ISO 8601's four-digit years: the year, astronomical numbering (0 is 1 BCE).
    ("那座城3000多年前就有人住。", [("3000多年前", "date", "-0976", "year", True)]),
    ("一万年前冰川退去。", [("一万年前", "date", "-7976", "year", True)]),
    # Further: the distance as a duration, independent of the reference.
    ("恐龙在6500万年前灭绝。", [("6500万年前", "duration", "P65000000Y", "year", True)]),
    ("两亿年后大陆会合拢。", [("两亿年后", "duration", "P200000000Y", "year", True)]),
    # A year the writer could mean stays a year: before 2018, not 2018 years ago.
    ("大桥2018年前完工。", [("2018年", "date", "2018", "year", False)]),
    ("公元前221年秦统一六国。", [("公元前221年", "date", "-0220", "year", False)]),
])
def test_years_outside_the_calendar_keep_type_grain_and_an_approximate_value(text: str, expected: list) -> None:
    assert _values(text) == expected


def test_a_far_offset_without_reference_is_still_a_duration() -> None:
    assert _values("大约4万年前人类来到这里。", None) == [("大约4万年前", "duration", "P40000Y", "year", True)]


@pytest.mark.parametrize("text", [
    "他说2月30日交货。", "报表写着13月5日。", "闹钟定在25点70分。", "2023年2月29日是笔误。",
    "日历上印着4月31日。", "十三月五日是笔误。", "二月三十日开会。",
])
def test_impossible_dates_are_not_dates(text: str) -> None:
    assert _values(text) == []


def test_a_real_leap_day_is_a_date() -> None:
    assert _values("2024年2月29日，他出生了。") == [("2024年2月29日", "date", "2024-02-29", "day", False)]


def test_relative_arithmetic_past_the_calendar_keeps_the_span_without_a_value() -> None:
    last_day = datetime(9999, 12, 31)
    assert _values("明天再说。", last_day) == [("明天", "date", None, None, False)]


_CN_DIGITS = "〇零一二两三四五六七八九十百千万亿廿卅"
_numeral = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(str),
    st.text(alphabet=_CN_DIGITS, min_size=1, max_size=8),
)
# One template per kind of pattern (tanalyze.dates.tokens._P), each with a slot for an arbitrary numeral.
_TEMPLATES = [
    "{}年", "公元前{}年", "民国{}年", "{}年{}月{}日", "{}月{}日", "{}月{}号", "{}日", "{}月", "{}月中旬",
    "{}年底", "第{}季度", "Q{}", "{}点{}分", "{}时{}分{}秒", "下午{}点半", "{}:{}", "{}-{}-{}", "{}/{}/{}",
    "{}.{}", "{}年前", "{}年后", "{}个月以来", "{}天之内", "{}小时", "{}周后", "{}世纪", "{}年代", "{}世纪{}年代",
    "农历{}月{}", "腊月{}", "正月初{}", "每{}天", "每{}年", "前{}天", "下{}个月", "上{}周", "{}年前{}个月",
    "{}至{}日", "{}~{}点", "{}年{}月至{}年{}月", "星期{}", "{}号上午{}点", "约{}年前", "{}多年前", "{}余年后",
    "元月{}日", "{}日前", "前一天{}点", "当时{}年", "{}月第{}个星期{}", "{}天以来", "第二天{}点", "新年伊始{}月",
]


@settings(max_examples=400, deadline=None)
@given(
    template=st.sampled_from(_TEMPLATES),
    numerals=st.lists(_numeral, min_size=4, max_size=4),
    ref=st.one_of(st.none(), st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31))),
    before=st.sampled_from(["", "他", "2024年", "去年", "次日", "三十年前", "昨天", "7月21日", "目前"]),
)
def test_no_numeral_in_any_pattern_raises(template: str, numerals: list[str], ref, before: str) -> None:
    text = before + template.format(*numerals[: template.count("{}")]) + "。"
    for d in extract_dates(text, ref, "given" if ref else None):
        assert 0 <= d.start < d.end <= len(text)
        assert d.value is None or isinstance(d.value, str)


def test_a_huge_day_in_the_first_lines_is_no_reference_date() -> None:
    # find_ref_date used to raise OverflowError on a full date whose day overflows a C int.
    assert [d.value for d in extract_dates("2024年五零零月七两亿日。")] == ["2024"]
