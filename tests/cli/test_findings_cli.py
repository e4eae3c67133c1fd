"""entities, dates and timeline through click's CliRunner (with the shipped model)."""

from __future__ import annotations

import json

from .test_cli import invoke, write

TEXT = "2018年9月，腾讯进行了架构调整。马化腾表示，腾讯将扎根消费互联网。次日，阿里巴巴在杭州发布新品。"


def test_entities_json_and_filters(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    result, out = invoke(["entities", path])
    assert result.exit_code == 0
    got = {(e["text"], e["label"], e["count"]) for e in json.loads(out)["entities"]}
    assert {("腾讯", "ORG", 2), ("马化腾", "PERSON", 1), ("阿里巴巴", "ORG", 1), ("杭州", "GPE", 1)} <= got
    _, out = invoke(["entities", "--label", "org", "--min-count", "2", path])
    assert [(e["text"], e["count"]) for e in json.loads(out)["entities"]] == [("腾讯", 2)]


def test_entities_csv_and_unknown_label(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    _, out = invoke(["entities", "--label", "PERSON", "--format", "csv", path])
    assert out.splitlines()[0] == "id,text,simplified,label,count,aliases,start,end"
    assert out.splitlines()[1] == f"{path},马化腾,马化腾,PERSON,1,,18,21"
    result, _ = invoke(["entities", "--label", "COMPANY", path])
    assert result.exit_code == 2 and "unknown label 'COMPANY'" in result.output


def test_dates_with_ref_date(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    result, out = invoke(["dates", "--ref-date", "2018-10-01", path])
    data = json.loads(out)
    assert (data["ref_date"], data["ref_date_source"]) == ("2018-10-01", "option")
    # 次日 after a month-precise date falls back to the reference date.
    assert [(d["text"], d["value"]) for d in data["dates"]] == [("2018年9月", "2018-09"), ("次日", "2018-10-02")]


def test_invalid_ref_date_is_a_usage_error(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    result, out = invoke(["dates", "--ref-date", "2018-02-30", path])
    assert result.exit_code == 2 and out == ""
    assert result.stderr.startswith("Error: invalid reference date '2018-02-30'")


def test_jsonl_ref_date_wins_for_its_document():
    records = '{"id": "a", "text": "昨天下雨。", "ref_date": "2012-07-24"}\n{"id": "b", "text": "昨天下雨。"}\n'
    _, out = invoke(["dates", "--jsonl", "--ref-date", "2020-01-02", "-"], stdin=records.encode())
    docs = [json.loads(line) for line in out.splitlines()]
    assert [(d["id"], d["ref_date_source"], d["dates"][0]["value"]) for d in docs] == [
        ("a", "input", "2012-07-23"),
        ("b", "option", "2020-01-01"),
    ]


def test_timeline_csv(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    _, out = invoke(["timeline", "--format", "csv", path])
    lines = out.splitlines()
    assert lines[0] == "id,date,date_text,text,simplified,entities,kind,start,end"
    assert lines[1].startswith(f"{path},2018-09,2018年9月,2018年9月，腾讯进行了架构调整。")
