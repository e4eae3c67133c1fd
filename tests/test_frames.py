"""Flat tables (--table, to_frame) and the corpus aggregation of entities across documents."""

from __future__ import annotations

import json

import pytest

from tanalyze.corpus import aggregate
from tanalyze.errors import UsageError
from tanalyze.output import to_frame
from tanalyze.pipeline import Pipeline
from tanalyze.read import Source
from tanalyze.frames import TABLES, table_rows

TEXTS = {
    "a": "1998年3月2日，广发基金宣布新计划。广发基金总经理张明说，今年要扩大投资。",
    "b": "广发基金公司昨天与腾讯签署合作协议。",
}


@pytest.fixture(scope="module")
def docs():
    pipeline = Pipeline(["entities", "dates", "claims", "timeline"])
    return [pipeline(Source(id=k, text=v)) for k, v in TEXTS.items()]


EXPECTED_COLUMNS = {
    "documents": ["doc_id", "source", "script", "ref_date", "ref_date_source", "characters", "sentences", "entities",
                  "dates", "claims", "events", "keywords", "error"],
    "entities": ["doc_id", "text", "simplified", "label", "count", "aliases", "start", "end"],
    "mentions": ["doc_id", "entity", "entity_simplified", "label", "text", "simplified", "start", "end", "source"],
    "dates": ["doc_id", "text", "simplified", "start", "end", "type", "value", "grain", "approx", "resolved_from"],
    "claims": ["doc_id", "actor_text", "actor_simplified", "actor_label", "co_actors_text", "co_actors_simplified",
               "co_actors_label", "kind", "predicate", "object", "date",
               "date_text", "quote", "text", "simplified", "start", "end", "confidence"],
    "timeline": ["doc_id", "date", "date_text", "text", "simplified", "start", "end", "entities", "kind"],
    "tokens": ["doc_id", "text", "simplified", "start", "end", "pos"],
}


@pytest.mark.parametrize("kind", sorted(EXPECTED_COLUMNS))
def test_each_table_is_flat_with_its_columns(docs, kind):
    frame = to_frame(docs, kind)
    assert list(frame.columns) == EXPECTED_COLUMNS[kind] == TABLES[kind].names
    for column in frame.columns:
        assert not any(isinstance(v, (dict, list)) for v in frame[column])


def test_tables_hold_the_findings(docs):
    mentions = to_frame(docs, "mentions")
    row = mentions[mentions.entity == "广发基金公司"].iloc[0]
    assert (row.doc_id, row.text, row.start, row.end, row.label) == ("b", "广发基金公司", 0, 6, "ORG")
    claims = to_frame(docs, "claims")
    assert set(claims.actor_text) >= {"广发基金"} and set(claims.actor_label) <= {"ORG", "PERSON"}
    documents = to_frame(docs, "documents")
    assert list(documents.doc_id) == ["a", "b"] and documents.ref_date[0] == "1998-03-02"


def test_claims_table_joins_the_co_actors():
    doc = Pipeline(["entities", "dates", "claims"])(Source(id="w", text="周南星和程雨桐在杭州结婚。"))
    rows = list(table_rows([json.loads(doc.to_json())], "claims"))
    assert [(r["actor_text"], r["co_actors_text"], r["co_actors_label"], r["kind"]) for r in rows] == [
        ("周南星", "程雨桐", "PERSON", "life")
    ]


def test_analyze_is_not_one_table(docs):
    with pytest.raises(UsageError, match="analyze holds several kinds"):
        to_frame(docs, "analyze")


def test_an_error_record_is_only_a_document_row():
    error = {"id": "x", "error": "ValueError: bad"}
    assert list(table_rows([error], "entities")) == []
    assert [(r["doc_id"], r["error"]) for r in table_rows([error], "documents")] == [("x", "ValueError: bad")]


def _record(doc_id, entities, events=(), ref_date=None):
    ents = [{"text": t, "simplified": t, "label": label, "count": n, "aliases": [], "mentions": []} for t, label, n in entities]
    timeline = [{"date": d, "entities": list(names)} for d, names in events]
    return {"id": doc_id, "ref_date": ref_date, "ref_date_source": "dateline" if ref_date else None, "entities": ents, "timeline": timeline}


def test_corpus_merges_name_variants_across_documents_by_the_alias_rules():
    records = [
        _record("d1", [("广发基金", "ORG", 2), ("张明", "PERSON", 1)], ref_date="1998-03-02"),
        _record("d2", [("广发基金公司", "ORG", 3), ("腾讯", "ORG", 1)], events=[("1998-05-01", ["广发基金公司", "腾讯"])]),
        _record("d3", [("腾讯", "ORG", 2), ("张明", "PERSON", 1)], ref_date="1998-04-10"),
        {"id": "d4", "error": "ValueError: bad"},
    ]
    rows = {r["text"]: r for r in aggregate(records)}
    assert sorted(rows) == ["广发基金公司", "张明", "腾讯"]
    fund = rows["广发基金公司"]
    assert (fund["label"], fund["documents"], fund["mentions"], fund["doc_ids"], fund["aliases"]) == ("ORG", 2, 5, ["d1", "d2"], ["广发基金"])
    assert (fund["first_seen"], fund["last_seen"]) == ("1998-03-02", "1998-05-01")
    assert fund["cooccurring"] == ["张明 (1)", "腾讯 (1)"]
    assert rows["腾讯"]["cooccurring"] == ["广发基金公司 (1)", "张明 (1)"]


def test_corpus_keeps_apart_what_the_rules_keep_apart():
    records = [_record("d1", [("中国银行", "ORG", 1)]), _record("d2", [("中国", "GPE", 1)])]
    assert sorted(r["text"] for r in aggregate(records)) == ["中国", "中国银行"]


def test_corpus_command_reads_analyze_output(tmp_path, docs):
    from tests.cli.test_cli import invoke
    from tanalyze.output import VIEWS, document_dict

    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(document_dict(d, VIEWS["analyze"]), ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    result, out = invoke(["corpus", str(path), "--format", "csv"])
    assert result.exit_code == 0
    lines = out.splitlines()
    assert lines[0] == "text,simplified,label,documents,mentions,first_seen,last_seen,aliases,doc_ids,cooccurring"
    assert any(line.startswith("广发基金公司,广发基金公司,ORG,2,") and ",广发基金,a|b," in line for line in lines)


def test_corpus_first_and_last_seen_take_calendar_dates_only():
    # DOC-P1D (a day before each document's own unknown date) and XXXX-07-21 (no year) name no
    # day that compares across documents.
    records = [
        _record("d1", [("腾讯", "ORG", 1)], events=[("DOC-P1D", ["腾讯"]), ("XXXX-07-21", ["腾讯"]), ("2019-05-02", ["腾讯"])]),
        _record("d2", [("腾讯", "ORG", 1)], events=[("2018-03-01/2018-03-05", ["腾讯"])]),
    ]
    row = aggregate(records)[0]
    assert (row["first_seen"], row["last_seen"]) == ("2018-03-01", "2019-05-02")
