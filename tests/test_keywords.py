"""Keywords (TF-IDF through jieba.analyse over the pipeline's tokenizer) and document stats."""

from __future__ import annotations

import math

import pytest

from tanalyze.errors import ResourceError
from tanalyze.keywords import Keywords, build_idf
from tanalyze.pipeline import Pipeline, segmenter

TEXT = "光伏企业今年扩大产能。光伏组件价格下降，光伏企业利润承压。2024年，行业协会表示将推动整合。"


def test_keywords_rank_the_repeated_rare_term_first_and_skip_numbers():
    terms = Keywords(segmenter(()))(TEXT)
    assert terms[0][0] == "光伏"
    assert [w for _, w in terms] == sorted((w for _, w in terms), reverse=True)
    assert len({t for t, _ in terms}) == len(terms) <= 10
    assert not any(t.isdigit() or t == "2024" for t, _ in terms)


def test_an_idf_table_from_the_users_corpus_changes_the_ranking(tmp_path):
    table = tmp_path / "idf.txt"
    table.write_text("光伏 0.01\n整合 50.0\n企业 1.0\n", encoding="utf-8")
    terms = Keywords(segmenter(()), table)(TEXT)
    assert terms[0] == ("整合", round(50.0 / 19, 4))  # 19 words of two characters or more (2024 too)
    assert ("企业", round(2 * 1.0 / 19, 4)) in terms and "光伏" not in dict(terms)  # 3 x 0.01 / 19: below the median


def test_a_bad_idf_table_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceError, match="not found"):
        Keywords(segmenter(()), tmp_path / "none.txt")
    bad = tmp_path / "bad.txt"
    bad.write_text("光伏\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="not an IDF table"):
        Keywords(segmenter(()), bad)


def test_build_idf_is_log_n_over_document_frequency():
    docs = ["光伏企业扩大产能。", "光伏组件价格下降。", "银行利润增长。", "光伏银行合作。"]
    table = dict(build_idf(docs, segmenter(()).tokenizer))
    assert table["光伏"] == round(math.log(4 / 3), 4)
    assert table["银行"] == round(math.log(4 / 2), 4)
    assert "产能" not in table  # in one document only


def test_analyze_adds_keywords_and_stats():
    text = "2024年3月1日电 光伏企业扩大产能。\n光伏组件价格下降！"
    doc = Pipeline(["keywords", "stats"])(text)
    assert doc.keywords[0].term == "光伏"
    assert (doc.stats.characters, doc.stats.sentences, doc.stats.script, doc.stats.ref_date) == (30, 2, "simplified", "2024-03-01") and len(text) == 30
