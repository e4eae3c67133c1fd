"""Lists closed by 等 + a kind of company (tanalyze.entities.rules.company_lists): the item spans."""

from __future__ import annotations

import pytest

from tanalyze.entities.rules.company_lists import company_lists


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
