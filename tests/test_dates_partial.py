"""Dates of a text that names no year: partial values, the warning, reference dates from files.

The sentences are our own.
"""

from __future__ import annotations

import json
import os
from datetime import datetime

import pytest

from tanalyze.dates import extract_dates, ref_date_from_path
from tanalyze.pipeline import Options, Pipeline
from tests.cli.test_cli import invoke, write

STORY = "7月21日，油罐车在河边翻覆。次日上午，清理开始。三天后，河水变清。12月31日晚，队伍撤离，次日返城。"


def _values(text: str, ref: datetime | None = None) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(text[d.start:d.end], d.value, d.grain, d.resolved_from) for d in extract_dates(text, ref, "given" if ref else None)]


def test_without_any_year_dates_keep_month_and_day_and_relative_days_count_from_them() -> None:
    assert _values(STORY) == [
        ("7月21日", "XXXX-07-21", "day", None),
        ("次日上午", "XXXX-07-22T07/XXXX-07-22T12", "hour", "narrative:7月21日"),
        ("三天后", "XXXX-07-24", "day", "narrative:7月21日"),
        ("12月31日晚", "XXXX-12-31T18/XXXX-01-01T00", "hour", "narrative:三天后"),
        ("次日", "XXXX-01-01", "day", "narrative:12月31日晚"),
    ]


def test_a_leap_day_without_year_exists_and_the_writers_year_stays_unknown() -> None:
    assert _values("2月29日有人报警。昨天他又来了。今年会好。") == [
        ("2月29日", "XXXX-02-29", "day", None), ("昨天", "DOC-P1D", "day", "document_date"), ("今年", None, None, None),
    ]


def test_a_year_from_a_year_less_date_is_no_value() -> None:
    assert _values("7月21日出事。次年他离开了。") == [("7月21日", "XXXX-07-21", "day", None), ("次年", None, None, None)]


def test_the_timeline_orders_partial_dates_within_the_document() -> None:
    nlp = Pipeline(["timeline"], Options(extra={"model": False}))
    doc = nlp("9月3日，工厂复工。8月30日，设备到位。")
    assert [(e.date, e.date_text) for e in doc.timeline] == [("XXXX-08-30", "8月30日"), ("XXXX-09-03", "9月3日")]


def test_a_document_without_reference_year_warns_once_on_stderr(tmp_path) -> None:
    path = write(tmp_path, "a.txt", "7月21日出事。昨天他来了。今天又来了。")
    result, out = invoke(["dates", "--format", "json", path])
    assert result.exit_code == 0
    warning = f'{path}: no reference year found; pass --ref-date YYYY-MM-DD or a "ref_date" per JSONL record\n'
    assert result.stderr == warning
    assert json.loads(out)["dates"][0]["value"] == "XXXX-07-21"


def test_a_document_with_a_year_or_without_dates_does_not_warn(tmp_path) -> None:
    with_year = write(tmp_path, "b.txt", "2012年7月21日出事。")
    no_dates = write(tmp_path, "c.txt", "这里没有日期。")
    result, _ = invoke(["dates", "--format", "jsonl", with_year, no_dates])
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize("name, expected", [
    ("sogou_20120724_oil.txt", "2012-07-24"), ("2012-07-24 report.txt", "2012-07-24"),
    ("news_2012_07_24.txt", "2012-07-24"), ("scan_20121399.txt", None), ("id_120724.txt", None),
])
def test_reference_date_from_a_file_name(name: str, expected: str | None) -> None:
    assert ref_date_from_path(f"/data/{name}", "name") == expected


def test_reference_date_from_name_and_mtime_through_the_cli(tmp_path) -> None:
    path = write(tmp_path, "news_20120724.txt", "7月21日出事。昨天他来了。")
    result, out = invoke(["dates", "--format", "json", "--ref-date-from", "name", path])
    record = json.loads(out)
    assert result.exit_code == 0 and result.stderr == ""
    assert (record["ref_date"], record["ref_date_source"], [d["value"] for d in record["dates"]]) == (
        "2012-07-24", "name", ["2012-07-21", "2012-07-23"])
    os.utime(path, (datetime(2015, 3, 9, 12).timestamp(),) * 2)
    result, out = invoke(["dates", "--format", "json", "--ref-date-from", "mtime", path])
    record = json.loads(out)
    assert (record["ref_date_source"], [d["value"] for d in record["dates"]]) == ("mtime", ["2015-07-21", "2015-03-08"])
    result, out = invoke(["dates", "--format", "table", "--ref-date-from", "mtime", path])
    assert out.splitlines()[0] == "reference date 2015-03-09, from the file's modification time (--ref-date-from mtime)"


def test_a_record_of_its_own_ref_date_stays_input_under_ref_date_from(tmp_path) -> None:
    line = json.dumps({"id": "r1", "text": "昨天他来了。", "ref_date": "2019-05-02"}, ensure_ascii=False)
    result, out = invoke(["dates", "--jsonl", "--format", "json", "--ref-date-from", "name", "-"], stdin=line.encode())
    record = json.loads(out)
    assert (record["ref_date_source"], record["dates"][0]["value"]) == ("input", "2019-05-01")
