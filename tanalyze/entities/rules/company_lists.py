"""Lists of companies: the items of a 、 list that ends in 等 and a kind of company are organisations.

Business reporting names banks, brokers and platforms by short forms that are everyday words
or look like people and places (民生、工行、浦发、中行等13家银行; 汇丰、花旗、东亚等外资行;
淘宝、京东等电商平台). Alone, 民生 is "people's livelihood" and 东亚 a region; the closing
``等 + kind of company`` says what every item of the list is.

The function here is pure: it reads the text and returns the spans of the items; the brands rule
reads lists closed by a kind of product with it (:func:`tanalyze.entities.rules.brands.listed_brands`).
(The rule that made these items organisations measured nothing on the dev splits and was deleted.)
"""

from __future__ import annotations

import re
from typing import Sequence

from ..resources import HAN as _HAN, word_list
from .person_lists import _STOPS as _LIST_STOPS

# 等 + an optional count (13家, 各家, 多家) + up to three describing characters + a kind of company,
# not the start of a longer word (企业家, 银行卡, 平台方 are people, cards, sides) nor a company's
# people (等公司领导: 黄华平|等 is a name before it).
_KINDS = word_list("company_kinds.txt")
_CLOSING = re.compile(
    rf"等(?:[0-9一二三四五六七八九十百几多各]+)?(?:家|个)?[{_HAN}]{{0,3}}?"
    rf"(?:{'|'.join(sorted(_KINDS, key=len, reverse=True))})(?!家|人|员|业|界|长|们|主|卡|方|号|级|类|型|领导|高管|负责人|职工)"
)
_SEPARATOR = "、"
# What ends the list on the left: what ends a list of people, and a bracket (no note follows a company here).
_STOPS = _LIST_STOPS | set("()（）")


def company_lists(t: str, words: Sequence[tuple[int, int]], closing: re.Pattern[str] = _CLOSING) -> list[list[tuple[int, int]]]:
    """The item spans of each 、 list in ``t`` that a 等 + kind of company closes (or another
    ``closing`` pattern that starts at 等: a kind of product), in order.

    The last item runs from the last 、 to 等, the middle ones from 、 to 、; the first is the
    word before the first 、 (a list often follows a verb: 包括民生、工行…). Items are two to
    eight characters; a list needs two items at least.
    """
    word_start = {e: s for s, e in words}
    out: list[list[tuple[int, int]]] = []
    for m in closing.finditer(t):
        end = m.start()
        items: list[tuple[int, int]] = []
        k = end
        while True:
            s = k
            while s > 0 and t[s - 1] != _SEPARATOR and t[s - 1] not in _STOPS and k - s <= 8:
                s -= 1
            if s > 0 and t[s - 1] == _SEPARATOR:
                items.append((s, k))
                k = s - 1
                continue
            # the first item: the word before the first 、, when what precedes it is more than a name
            first = s if k - s <= 4 else word_start.get(k, k)
            items.append((first, k))
            break
        items = [(a, b) for a, b in items if 2 <= b - a <= 8]
        if len(items) >= 2:
            out.append(sorted(items))
    return out

