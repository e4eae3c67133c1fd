"""The label option filters what the full detection finds and never changes it (issue 21)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tanalyze.gazetteer import LABELS
from tanalyze.pipeline import Options, Pipeline

# Pieces of our own sentences: names of every kind beside the words that make rules fire.
PIECES = [
    "王小明", "说", "，", "。", "、", "和", "公司", "集团", "董事长", "《星空之歌》", "在", "北京市", "朝阳区",
    "长河路", "18号", "大学", "队", "2比1", "击败", "青山", "研究所", "乳业", "奶粉", "张", "先生", "表示",
    "东湖公园", "发布", "等", "三家", "银行", "李华", "副市长", "人民", "医院", "的", "Acme", "推出", "App",
]


def _rows(doc):
    return [(e.text, e.label, e.count, tuple((m.start, m.end) for m in e.mentions)) for e in doc.entities]


@pytest.fixture(scope="module")
def full():
    return Pipeline(["entities"], Options(extra={"model": False}))


def test_asking_for_people_with_the_model_is_the_full_output_filtered():
    text = "市长王小明在青山市朝阳区长河路视察，随后前往东湖公园。"
    every = Pipeline(["entities"])
    people = Pipeline(["entities"], Options(extra={"labels": ("PERSON",)}))
    assert _rows(people(text)) == [r for r in _rows(every(text)) if r[1] == "PERSON"]
    assert [r[:2] for r in _rows(people(text))] == [("王小明", "PERSON")]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=14).map("".join),
    st.sets(st.sampled_from(sorted(LABELS)), min_size=1, max_size=4),
)
def test_label_option_is_the_full_output_filtered(full, text, labels):
    picked = Pipeline(["entities"], Options(extra={"model": False, "labels": tuple(sorted(labels))}))
    assert _rows(picked(text)) == [r for r in _rows(full(text)) if r[1] in labels]
