"""Vague parts of months and years as ISO intervals, with the containing unit beside them.

The sentences are our own. Reference: Thursday 2024-11-14.
"""

from __future__ import annotations

import json
from datetime import datetime
from importlib import resources

import jsonschema
import pytest

import tanalyze
from tanalyze.dates import extract_dates
from tanalyze.output import VIEWS, document_dict

REF = datetime(2024, 11, 14)


@pytest.mark.parametrize("text, expression, value, grain, approx_value", [
    ("展会定在11月中旬举行。", "11月中旬", "2024-11-11/2024-11-20", "day", "2024-11"),
    ("工程3月上旬开工。", "3月上旬", "2024-03-01/2024-03-10", "day", "2024-03"),
    ("2023年2月下旬降温。", "2023年2月下旬", "2023-02-21/2023-02-28", "day", "2023-02"),
    ("2024年2月下旬降温。", "2024年2月下旬", "2024-02-21/2024-02-29", "day", "2024-02"),
    ("公司2019年初上市。", "2019年初", "2019-01/2019-02", "month", "2019"),
    ("项目年底完工。", "年底", "2024-11/2024-12", "month", "2024"),
    ("去年年底他回国了。", "去年年底", "2023-11/2023-12", "month", "2023"),
    ("营收在上半年增长。", "上半年", "2024-01/2024-06", "month", None),
])
def test_vague_parts_are_intervals_with_their_unit(text: str, expression: str, value: str, grain: str,
                                                   approx_value: str | None) -> None:
    found = [d for d in extract_dates(text, REF, "given") if text[d.start:d.end] == expression]
    assert [(d.type, d.value, d.grain, d.approx_value) for d in found] == [("interval", value, grain, approx_value)]


def test_a_year_less_part_keeps_its_unknown_year() -> None:
    text = "7月中旬，河水上涨。"
    assert [(d.value, d.approx_value) for d in extract_dates(text)] == [("XXXX-07-11/XXXX-07-20", "XXXX-07")]


def test_the_schema_validates_intervals_and_partial_values() -> None:
    schema = json.loads(resources.files("tanalyze").joinpath("schema/tanalyze.schema.json").read_text(encoding="utf-8"))
    doc = tanalyze.analyze("7月中旬，河水上涨。当月，大坝开闸。", stages=["dates"])
    data = document_dict(doc, VIEWS["dates"])
    jsonschema.validate(data, schema)
    assert [(d["value"], d["approx_value"]) for d in data["dates"]] == [
        ("XXXX-07-11/XXXX-07-20", "XXXX-07"), ("XXXX-07", None)]
    data["dates"][0]["approx_value"] = "July"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)
