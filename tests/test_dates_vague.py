"""Time words news use that name no calendar day: 目前, 日前, 过去, 未来 (TIMEX3's PRESENT_REF,
PAST_REF, FUTURE_REF), 当时 (the time mentioned last), and words that were misread: 元月,
前一天, 一个星期天, 新年伊始, 体现在.

The sentences are our own.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tanalyze.dates import extract_dates
from tanalyze.pipeline import Options, Pipeline

REF = datetime(2019, 3, 6)


def _values(text: str, ref: datetime | None = REF) -> list[tuple[str, str, str | None, str | None]]:
    return [(text[d.start:d.end], d.type, d.value, d.resolved_from) for d in extract_dates(text, ref, "given" if ref else None)]


@pytest.mark.parametrize("text, expression, value", [
    ("目前，园区有三百家企业。", "目前", "PRESENT_REF"),
    ("眼下正是播种的时候。", "眼下", "PRESENT_REF"),
    ("如今年轻人都这样。", "如今", "PRESENT_REF"),  # and no 今年 inside it
    ("市政府日前发布了新规。", "日前", "PAST_REF"),
    ("他最近很忙。", "最近", "PAST_REF"),
    ("近年来，游客越来越多。", "近年来", "PAST_REF"),
    ("与过去相比，收入翻了一番。", "过去", "PAST_REF"),
    ("过去，这里是一片荒地。", "过去", "PAST_REF"),
    ("今后要加强管理。", "今后", "FUTURE_REF"),
    ("未来的城市会更绿。", "未来", "FUTURE_REF"),
])
def test_vague_words_have_timex3_values(text: str, expression: str, value: str) -> None:
    found = extract_dates(text, REF, "given")
    assert [(text[d.start:d.end], d.type, d.value, d.grain, d.approx) for d in found] == [(expression, "date", value, None, True)]


@pytest.mark.parametrize("text", [
    "他走过去看看。", "冬天过去了。", "离车站最近的旅馆客满。", "节日前后人很多。", "我们还未来得及吃饭。",
    "这体现在三个方面。", "他们实现今年的目标。",
])
def test_the_same_characters_as_verbs_or_inside_other_words_are_no_dates(text: str) -> None:
    assert [(text[d.start:d.end], d.value) for d in extract_dates(text, REF, "given") if d.value and d.value.endswith("_REF")] == []
    assert all(text[d.start:d.end] not in ("现在", "现今") for d in extract_dates(text, REF, "given"))


def test_then_is_the_time_mentioned_last_at_its_precision() -> None:
    assert _values("1996年，他来到小镇。当时，这里只有一条街。2003年5月，工厂建成，那时他已离开。") == [
        ("1996年", "date", "1996", None),
        ("当时", "date", "1996", "narrative:1996年"),
        ("2003年5月", "date", "2003-05", None),
        ("那时", "date", "2003-05", "narrative:2003年5月"),
    ]
    assert _values("当时他还小。") == [("当时", "date", None, None)]


def test_the_day_before_and_after_the_last_date() -> None:
    assert _values("8月9日，大桥合龙。第二天上午，车辆试通行。前一天晚上，工人通宵施工。他提前一天到达。") == [
        ("8月9日", "date", "2019-08-09", "ref_date"),
        ("第二天上午", "interval", "2019-08-10T07/2019-08-10T12", "narrative:8月9日"),
        ("前一天晚上", "interval", "2019-08-09T18/2019-08-10T00", "narrative:第二天上午"),
        ("一天", "duration", "P1D", None),
    ]


def test_yuanyue_is_january_and_a_sunday_is_not_a_week() -> None:
    assert _values("元月5日，展览开幕。一个星期天的下午，他来了。这个周末休息。美元月底走强。")[:3] == [
        ("元月5日", "date", "2019-01-05", "ref_date"),
        ("星期天的下午", "interval", "2019-03-10T12/2019-03-10T18", "ref_date"),
        ("这个周末", "interval", "2019-03-09/2019-03-10", "ref_date"),
    ]


def test_new_year_and_its_beginning() -> None:
    assert _values("2020年新年伊始，新馆开放。新年贺词播出。\n新年伊始，他回到家乡。") == [
        ("2020年新年伊始", "interval", "2020-01/2020-02", None),
        ("新年", "date", "2020-01-01", "narrative:2020年新年伊始"),
        ("新年伊始", "interval", "2019-01/2019-02", "ref_date"),
    ]


def test_vague_values_are_not_timeline_events_and_do_not_date_claims() -> None:
    nlp = Pipeline(["claims", "timeline"], Options(extra={"model": False}))
    doc = nlp("目前，工厂有五百名工人。2018年，工厂扩建。")
    assert [(e.date, e.date_text) for e in doc.timeline] == [("2018", "2018年")]
    assert all(c.date is None or not c.date.endswith("_REF") for c in doc.claims)
