from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tanalyze.pipeline import Options, Pipeline
from tanalyze.timeline import build_timeline, sort_key


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(["entities", "timeline"], Options(extra={"model": False}))


def test_events_are_chronological_with_entities(nlp):
    text = "2020年，阿里巴巴发布了新平台。早在2015年，腾讯就开始布局。这是一场长跑。2018年9月，腾讯调整架构。"
    doc = nlp(text)
    assert [(e.date, e.date_text, e.text, e.entities) for e in doc.timeline] == [
        ("2015", "早在2015年", "早在2015年，腾讯就开始布局。", ("腾讯",)),
        ("2018-09", "2018年9月", "2018年9月，腾讯调整架构。", ("腾讯",)),
        ("2020", "2020年", "2020年，阿里巴巴发布了新平台。", ("阿里巴巴",)),
    ]


def test_durations_are_not_events(nlp):
    assert nlp("腾讯经营了六年，用户增长4小时。").timeline == ()


def test_undated_sentences_with_all():
    nlp = Pipeline(["timeline"], Options(extra={"model": False, "all_sentences": True}))
    doc = nlp("没有日期。2020年有。")
    assert [(e.date, e.text) for e in doc.timeline] == [("2020", "2020年有。"), ("", "没有日期。")]


def test_equal_dates_keep_document_order(nlp):
    doc = nlp("2020年甲公司成立。2020年乙公司成立。")
    assert [e.text for e in doc.timeline] == ["2020年甲公司成立。", "2020年乙公司成立。"]


def test_traditional_offsets_point_into_the_original(nlp):
    text = "騰訊在2018年9月進行了架構調整。"
    (event,) = nlp(text).timeline
    assert text[event.start : event.end] == event.text and event.simplified == "腾讯在2018年9月进行了架构调整。"


def test_sort_key_orders_bce_before_ce_and_intervals_by_start():
    values = ["2018-09", "-0100", "1994", "2018/2020", "-0200", "2018"]
    assert sorted(values, key=sort_key) == ["-0200", "-0100", "1994", "2018/2020", "2018", "2018-09"]


def test_a_sentence_with_several_dates_is_one_event_under_its_main_clause(nlp):
    doc = nlp("追平1994年创下的纪录，2024年3月他再次夺冠。产品（2011年生产）在2012年5月被召回。")
    assert [(e.date, e.date_text) for e in doc.timeline] == [("2012-05", "2012年5月"), ("2024-03", "2024年3月")]


def test_weather_and_seasons_are_background_shown_only_with_all():
    text = "2024年11月中旬的广州，天气依然炎热。2024年11月15日，展会开幕。"
    quiet = Pipeline(["entities", "timeline"], Options(extra={"model": False}))
    assert [(e.date, e.kind) for e in quiet(text).timeline] == [("2024-11-15", None)]
    everything = Pipeline(["entities", "timeline"], Options(extra={"model": False, "all_sentences": True}))
    assert [(e.date, e.kind) for e in everything(text).timeline] == [("2024-11-11/2024-11-20", "background"),
                                                                     ("2024-11-15", None)]


def test_a_sentence_with_its_own_year_is_not_dated_by_an_offset_in_the_next_one() -> None:
    # The README's screenshot once showed such a sentence under the earlier year it compares
    # with, and again under the year of the offset's anchor: one event, under its own year.
    text = "2021年的成都马拉松吸引了三万人参加，超过了1987年创下的纪录。\n\n四十年前，这里举办了第一场比赛。\n"
    doc = Pipeline(["claims", "timeline"], Options(extra={"model": False}))(text)
    assert [(e.date, e.date_text, e.text[:6]) for e in build_timeline(doc, include_undated=True)] == [
        ("1981", "四十年前", "四十年前，这"), ("2021", "2021年", "2021年的")]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=25),
    st.integers(0, 30),
    st.integers(0, 12),
)
def test_within_finds_the_spans_wholly_inside_as_a_scan_of_all_would(spans, start, length):
    from tanalyze.timeline import Within

    triples = [(s, s + n, k) for k, (s, n) in enumerate(spans)]
    end = start + length
    expected = sorted({k for s, e, k in triples if start <= s and e <= end})
    assert Within(triples).keys(start, end) == expected


def test_within_keeps_a_span_ending_at_the_sentence_end_and_drops_one_crossing_it():
    from tanalyze.timeline import Within

    within = Within([(5, 9, 0), (2, 4, 1), (8, 12, 2), (10, 10, 3), (3, 10, 4)])
    assert within.keys(3, 10) == [0, 3, 4]
