"""The claims command through click's CliRunner. The NER model is replaced by one that finds
nothing, so these tests run on gazetteer and rules alone (like tests/test_claims.py)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from tanalyze import pipeline

from .test_cli import invoke, write


@pytest.fixture(autouse=True)
def no_model(monkeypatch):
    monkeypatch.setattr(pipeline, "ner_model", lambda lexicons=(): SimpleNamespace(predict=lambda text, words, abbreviations=True: []))


TEXT = "2018年，阿里巴巴全资收购了饿了么。雷军表示，小米将继续加大研发投入。京东打造的物流体系覆盖全国。"


def test_claims_json(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    result, out = invoke(["claims", path])
    assert result.exit_code == 0, result.output
    data = json.loads(out)
    assert data["claims"][0] == {
        "actor": {"text": "阿里巴巴", "simplified": "阿里巴巴", "label": "ORG", "named": True, "head": None, "affiliation": None},
        "co_actors": [],
        "kind": "deal",
        "predicate": "全资收购",
        "object": "饿了么",
        "date": "2018",
        "date_text": "2018年",
        "quote": None,
        "text": "2018年，阿里巴巴全资收购了饿了么。",
        "simplified": "2018年，阿里巴巴全资收购了饿了么。",
        "start": 0,
        "end": 19,
        "confidence": 1.0,
        "evidence": [{"text": "2018年，阿里巴巴全资收购了饿了么。", "simplified": "2018年，阿里巴巴全资收购了饿了么。", "start": 0, "end": 19}],
    }
    assert [(c["actor"]["text"], c["kind"], c["quote"]) for c in data["claims"][1:]] == [
        ("雷军", "statement", "小米将继续加大研发投入")
    ]


def test_claims_kind_filter_and_csv_columns(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    # The statement has no date of its own: it takes the last date of the paragraph before it.
    result, out = invoke(["claims", "--kind", "statement", "--format", "csv", path])
    assert result.exit_code == 0, result.output
    assert out.splitlines() == [
        "id,actor.text,actor.label,co_actors.text,co_actors.label,kind,predicate,object,date,date_text,quote,text,start,end,confidence",
        f"{path},雷军,PERSON,,,statement,表示,,2018,2018年,小米将继续加大研发投入,雷军表示，小米将继续加大研发投入。,19,36,1.0",
    ]


LAYOFFS = "2023年5月，阿里巴巴和京东同时宣布裁员。"


def test_claims_csv_carries_the_co_actors(tmp_path):
    path = write(tmp_path, "a.txt", LAYOFFS)
    _, out = invoke(["claims", "--format", "csv", path])
    assert out.splitlines()[1] == f"{path},阿里巴巴,ORG,京东,ORG,reorg,裁员,,2023-05,2023年5月,,{LAYOFFS},0,22,0.72"


def test_claims_all_keeps_low_confidence(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    _, out = invoke(["claims", "--all", "--kind", "strategy", path])
    assert [(c["actor"]["text"], c["confidence"]) for c in json.loads(out)["claims"]] == [("京东", 0.29)]


def test_claims_unknown_kind_is_a_usage_error(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    result, out = invoke(["claims", "--kind", "deals", path])
    assert result.exit_code == 2 and out == ""
    assert "unknown claim kind 'deals'" in result.output


def test_claims_traditional_input_keeps_original_offsets(tmp_path):
    text = "騰訊在2018年9月進行了架構調整。"
    path = write(tmp_path, "a.txt", text)
    _, out = invoke(["claims", "--format", "jsonl", path])
    (claim,) = json.loads(out)["claims"]
    assert (claim["actor"]["text"], claim["text"], claim["start"], claim["end"]) == ("騰訊", text, 0, len(text))


def test_timeline_and_analyze_carry_claims(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    _, out = invoke(["timeline", path])
    assert [(e["date"], e["kind"]) for e in json.loads(out)["timeline"]] == [("2018", "deal")]
    _, out = invoke(["analyze", path])
    assert [c["kind"] for c in json.loads(out)["claims"]] == ["deal", "statement"]


def test_claims_table_on_a_terminal(tmp_path):
    path = write(tmp_path, "a.txt", TEXT)
    result, out = invoke(["claims", path], tty=True)
    assert result.exit_code == 0
    assert "2 claims" in out and "阿里巴巴" in out
    # Short column names, the evidence on one line, no offsets.
    assert "evidence" in out and "actor.text" not in out and "start" not in out
    assert "2018年，阿里巴巴全资收购了饿了么。" in out
