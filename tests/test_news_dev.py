"""The annotated news set's name-to-offset conversion (made-up paragraphs)."""

from __future__ import annotations

import pytest

from benchmarks.news_dev import NewsDevError, sentences, spans


def test_every_occurrence_outside_a_longer_name():
    text = "青禾乳业的青禾奶粉在云港卖得好，云港市民爱青禾。"
    got = spans(text, [("PRODUCT", "青禾", None), ("ORG", "青禾乳业", None), ("LOC", "云港", None)])
    assert got == [[0, 4, "ORG"], [5, 7, "PRODUCT"], [10, 12, "LOC"], [16, 18, "LOC"], [21, 23, "PRODUCT"]]


def test_listed_occurrences_only():
    text = "蓝湾与白石合作，顾客比较蓝湾的价格。"
    got = spans(text, [("ORG", "蓝湾", [1]), ("PRODUCT", "蓝湾", [2]), ("ORG", "白石", None)])
    assert got == [[0, 2, "ORG"], [3, 5, "ORG"], [12, 14, "PRODUCT"]]


@pytest.mark.parametrize("names", [
    [("ORG", "黑山", None)],                          # not in the paragraph
    [("BRAND", "蓝湾", None)],                        # not a label
    [("ORG", "蓝湾集团", None), ("LOC", "湾集", [1])],  # a listed occurrence inside another name
])
def test_errors(names):
    with pytest.raises(NewsDevError):
        spans("蓝湾集团在云港。", names)


def test_sentences_keep_a_closing_quote():
    assert sentences("他说：“好。”然后走了！还有") == [(0, 7), (7, 12), (12, 14)]
