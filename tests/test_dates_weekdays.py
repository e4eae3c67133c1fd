"""Weekdays beside month-days, and values a reader would catch (仅N年之后, 两月, N分钟内, 同日).

The sentences are our own.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tanalyze.dates import extract_dates


def _values(text: str, ref: datetime | None = None) -> list[tuple[str, str, str | None, str | None]]:
    return [(text[d.start:d.end], d.type, d.value, d.resolved_from) for d in extract_dates(text, ref, "given" if ref else None)]


def test_a_weekday_picks_the_year_near_the_reference_when_the_narrative_year_does_not_fit() -> None:
    # 2010-08-06 was a Friday, 2012-08-06 a Monday.
    assert _values("2012年8月10日电 2010年，他来到北京。8月6日，星期一，他开始工作。") == [
        ("2012年8月10日", "date", "2012-08-10", None),
        ("2010年", "date", "2010", None),
        ("8月6日", "date", "2012-08-06", "weekday:narrative:2010年"),
        ("星期一", "date", "2012-08-06", "narrative:8月6日"),
    ]


def test_a_weekday_keeps_the_narrative_year_when_it_fits() -> None:
    # 2010-08-02 was a Monday.
    assert _values("2012年8月10日电 2010年，他来到北京。8月2日（周一）开会。")[2:] == [
        ("8月2日", "date", "2010-08-02", "weekday:narrative:2010年"),
        ("周一", "date", "2010-08-02", "narrative:8月2日"),
    ]


def test_a_glued_weekday_picks_the_nearest_fitting_year() -> None:
    # 2012-08-08 was a Wednesday; the nearest year with a Friday August 8th is 2014.
    assert _values("会议定在8月8日周五。", datetime(2012, 8, 10)) == [("8月8日周五", "date", "2014-08-08", "weekday:ref_date")]


def test_a_written_year_is_never_moved_by_its_weekday() -> None:
    assert _values("2012年8月8日，星期五。", datetime(2012, 8, 10))[0] == ("2012年8月8日", "date", "2012-08-08", None)


@pytest.mark.parametrize("text, expected", [
    ("公司成立仅三年之后就上市了。", [("三年之后", "duration", "P3Y", None)]),
    ("两月之后他回来了。", [("两月之后", "date", "2024-07", "ref_date")]),
    ("三月之内必须完工。", [("三月之内", "interval", "2024-05/2024-08", "ref_date")]),
    ("救护车5分钟内赶到。", [("5分钟内", "duration", "PT5M", None)]),
    ("今年3月5日，工厂开工。今年，同日，他们签约。", [
        ("今年3月5日", "date", "2024-03-05", "ref_date"), ("今年", "date", "2024", "ref_date"),
        ("同日", "date", "2024-03-05", "narrative:今年3月5日")]),
])
def test_values_a_reader_would_catch(text: str, expected: list) -> None:
    assert _values(text, datetime(2024, 5, 14)) == expected


@pytest.mark.parametrize("traditional, expression, value", [
    ("佢話而家就嚟。", "而家", "2013-02-12T04:30:00"),
    ("聽日再傾。", "听日", "2013-02-13"),
    ("琴日落大雨。", "琴日", "2013-02-11"),
    ("晏晝兩點開會。", "晏昼两点", "2013-02-12T14"),
    ("我哋三點踏九見。", "三点踏九", "2013-02-12T03:45"),
    ("晏晝四點兩個字收工。", "晏昼四点两个字", "2013-02-12T16:10"),
])
def test_cantonese_time_words(traditional: str, expression: str, value: str) -> None:
    from tanalyze.convert import to_simplified

    text = to_simplified(traditional).text
    found = [(text[d.start:d.end], d.value) for d in extract_dates(text, datetime(2013, 2, 12, 4, 30), "given")]
    assert found == [(expression, value)]


def test_the_furniture_shop_is_not_now() -> None:
    assert _values("我们去宜家家居买了书架。", datetime(2013, 2, 12)) == []


@pytest.mark.parametrize("text, value", [
    ("学校九月第一个星期一开学。", "2024-09-02"),
    ("2023年11月的第四个周四是感恩节。", "2023-11-23"),
])
def test_the_nth_weekday_of_a_month(text: str, value: str) -> None:
    assert [d.value for d in extract_dates(text, datetime(2024, 5, 14), "given")] == [value]


@pytest.mark.parametrize("text, expression, value, approx, resolved_from", [
    ("广州车展于2024年11月15日开幕。车展前一日，易车宣布升级。", "车展前一日", "2024-11-14", False, "event:车展"),
    ("会议3月5日召开。会议次日，代表返程。", "会议次日", "2024-03-06", False, "event:会议"),
    ("9月8日，两家公司签约。签约当天，股价上涨。", "签约当天", "2024-09-08", False, "event:签约"),
    # The event dated only by its paragraph's vague part: the range moved, approximate.
    ("11月中旬的广州很热。广州国际车展在这里举办。\n车展前一日，易车宣布升级。", "车展前一日", "2024-11-10/2024-11-19", True,
     "event:车展"),
    # Not dated: 前一日 of an unknown day is unknown; 次日 falls back to the last date.
    ("车展前一日，易车宣布升级。", "车展前一日", None, False, None),
    ("2024年3月1日，公司开会。会议次日，大家休息。", "会议次日", "2024-03-02", False, "narrative:2024年3月1日"),
])
def test_dates_relative_to_an_event_the_text_dates(text: str, expression: str, value: str | None, approx: bool,
                                                   resolved_from: str | None) -> None:
    found = [d for d in extract_dates(text, datetime(2024, 11, 20), "given") if text[d.start:d.end] == expression]
    assert [(d.value, d.approx, d.resolved_from) for d in found] == [(value, approx, resolved_from)]


@pytest.mark.parametrize("text, expression, value", [
    ("2024年3月第二个星期五开会。", "2024年3月第二个星期五", "2024-03-08"),
    ("2016年2月第五个星期一开会。", "2016年2月第五个星期一", "2016-02-29"),  # 2016 has one
    ("2024年2月第五个星期一开会。", "2024年2月第五个星期一", None),  # 2024 has not: no month value
    ("2024年5月第六个周三开会。", "2024年5月第六个周三", None),  # no month has a sixth
    ("5月第二个礼拜天开会。", "5月第二个礼拜天", None),  # the year unknown: the day is too
])
def test_the_nth_weekday_of_a_month_is_a_day_or_no_value(text: str, expression: str, value: str | None) -> None:
    found = extract_dates(text)
    assert [(text[d.start:d.end], d.value) for d in found] == [(expression, value)]
