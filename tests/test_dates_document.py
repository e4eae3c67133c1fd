"""Days counted from the document's own date when no reference day is known: DOC-P1D.

The sentences are our own.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from hypothesis import given, strategies as st

from tanalyze.dates.isotime import DOCUMENT_DAY, _fmt, document_offset, mask_document
from tanalyze.pipeline import Options, Pipeline
from tanalyze.report.chart import timeline_svg
from tests.cli.test_cli import invoke, write
from tests.test_dates_partial import _values  # (text, value, grain, resolved_from) of each expression

STORY = "前天晚上，仓库起火。\n昨天下午3点，消防员赶到。次日，调查组进驻。今天上午，工人清理现场。明天将复工。"


def test_days_without_a_reference_count_from_the_document_date() -> None:
    assert _values(STORY) == [
        ("前天晚上", "DOC-P2DT18/DOC-P1DT00", "hour", "document_date"),
        ("昨天下午3点", "DOC-P1DT15", "hour", "document_date"),
        ("次日", "DOC+P0D", "day", "narrative:昨天下午3点"),
        ("今天上午", "DOC+P0DT07/DOC+P0DT12", "hour", "document_date"),
        ("明天", "DOC+P1D", "day", "document_date"),
    ]


def test_a_reference_day_gives_calendar_dates_instead() -> None:
    values = [v for _, v, _, _ in _values(STORY, datetime(2021, 5, 10))]
    assert values == ["2021-05-08T18/2021-05-09T00", "2021-05-09T15", "2021-05-10", "2021-05-10T07/2021-05-10T12", "2021-05-11"]


def test_weeks_and_day_offsets_count_from_the_document_but_not_months_years_or_weekdays() -> None:
    assert _values("上周工厂停电。三天前恢复供电，两周后检修。三个月前也停过，今年第二次。周三开会。") == [
        ("上周", "DOC-P1W", "week", "document_date"),
        ("三天前", "DOC-P3D", "day", "document_date"),
        ("两周后", "DOC+P14D", "day", "document_date"),
        ("三个月前", None, None, None),
        ("今年", None, None, None),
        ("周三", None, None, None),
    ]


def test_a_coarser_unit_of_the_unknown_date_is_no_value_and_does_not_date_what_follows() -> None:
    # 当年 after 昨天 is the document's year, unknown; 8月9日 after it keeps its year unknown.
    assert _values("昨天村里通了电。当年就有人想过。8月9日修好了路。") == [
        ("昨天", "DOC-P1D", "day", "document_date"),
        ("当年", None, None, None),
        ("8月9日", "XXXX-08-09", "day", None),
    ]


@given(st.integers(-3000, 3000), st.sampled_from([None, 0, 15]))
def test_a_day_offset_is_written_and_read_back(days: int, hour: int | None) -> None:
    day = DOCUMENT_DAY + timedelta(days=days, hours=hour or 0)
    written = mask_document(_fmt(day, "day" if hour is None else "hour"))
    assert written == f"DOC{'-' if days < 0 else '+'}P{abs(days)}D" + ("" if hour is None else f"T{hour:02d}")
    assert document_offset(written) == days + (hour or 0) / 24


def test_the_timeline_orders_document_days_after_calendar_dates() -> None:
    nlp = Pipeline(["timeline"], Options(extra={"model": False}))
    doc = nlp("明天，工人将复工。\n昨天下午，工厂发生火灾。3月5日，设备到位。")
    assert [(e.date, e.date_text) for e in doc.timeline] == [
        ("XXXX-03-05", "3月5日"), ("DOC-P1DT12/DOC-P1DT18", "昨天下午"), ("DOC+P1D", "明天"),
    ]


def test_json_and_table_show_document_days(tmp_path) -> None:
    path = write(tmp_path, "a.txt", "昨天，河堤决口。今天，水位回落。")
    result, out = invoke(["timeline", "--format", "json", path])
    assert result.exit_code == 0
    assert [(e["date"], e["date_text"]) for e in json.loads(out)["timeline"]] == [("DOC-P1D", "昨天"), ("DOC+P0D", "今天")]
    result, out = invoke(["dates", "--format", "table", path])
    assert out.splitlines()[0] == "reference date: none (DOC-P1D: the day before the document's own date; give --ref-date for calendar dates)"
    assert "DOC-P1D" in out and "document_date" in out


def test_the_report_chart_draws_document_days_on_a_scale_of_days() -> None:
    nlp = Pipeline(["timeline"], Options(extra={"model": False}))
    doc = nlp("前天，河堤决口。昨天，水位回落。今天，居民返家。")
    svg = timeline_svg(doc.timeline, {})
    assert [label for label in ("DOC-P2D", "DOC-P1D", "DOC+P0D") if f'class="tick">{label}<' in svg] == ["DOC-P2D", "DOC-P1D", "DOC+P0D"]
    assert svg.count('class="tl-point"') == 3


def test_this_years_month_without_a_known_year_is_a_partial_value_other_years_are_unknown() -> None:
    assert _values("今年4月，诊所开张。今年人很多。去年3月关门。今年5月12日重开，次日满员。") == [
        ("今年4月", "XXXX-04", "month", "document_date"),
        ("今年", None, None, None),
        ("去年3月", None, None, None),
        ("今年5月12日", "XXXX-05-12", "day", "document_date"),
        ("次日", "XXXX-05-13", "day", "narrative:今年5月12日"),
    ]
