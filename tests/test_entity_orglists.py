"""Lists of companies closed by 等 + a kind of company (tanalyze.entities)."""

from __future__ import annotations

import pytest

from tanalyze.entities.rules.company_lists import company_lists
from tanalyze.pipeline import Options, Pipeline


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(["entities"], Options(extra={"model": False}))


def items(text, words=()):
    return [[text[s:e] for s, e in found] for found in company_lists(text, words)]


@pytest.mark.parametrize(
    "text, lists",
    [
        ("汇丰、花旗、东亚等各家外资行都很重视。", [["汇丰", "花旗", "东亚"]]),
        ("淘宝、京东等电商平台纷纷跟进。", [["淘宝", "京东"]]),
        # a company's people, a bank card, an entrepreneur are no kind of company
        ("马云、马化腾等企业家出席。", []),
        ("Visa、万事达等银行卡都能用。", []),
        ("乔生祥、黄华平等公司领导出席。", []),
        ("北京、上海等城市。", []),
        ("工行等银行。", []),  # one item is no list
    ],
)
def test_the_items_of_a_list_a_kind_of_company_closes(text, lists):
    assert items(text) == lists


def test_the_first_item_is_the_word_before_the_first_separator():
    text = "目前包括光大、广发等多家银行已停止。"
    words = [(0, 2), (2, 4), (4, 6), (6, 7), (7, 9), (9, 10)]
    assert items(text, words) == [["光大", "广发"]]


def test_listed_banks_are_organisations_whatever_else_they_could_be(nlp):
    found = {(m.text, e.label) for e in nlp("民生、工行、浦发、中行等13家银行发行了白金卡。汇丰、花旗、东亚等外资行也在。").entities
             for m in e.mentions}
    assert {("民生", "ORG"), ("浦发", "ORG"), ("东亚", "ORG"), ("工行", "ORG")} <= found
    # kinds of media listed with no known organisation are not names
    assert nlp("每逢春节，报纸、广播、电视等媒体便多有报道。").entities == ()
