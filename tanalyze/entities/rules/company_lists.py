"""Lists of companies: the items of a 、 list that ends in 等 and a kind of company are organisations.

Business reporting names banks, brokers and platforms by short forms that are everyday words
or look like people and places (民生、工行、浦发、中行等13家银行; 汇丰、花旗、东亚等外资行;
淘宝、京东等电商平台). Alone, 民生 is "people's livelihood" and 东亚 a region; the closing
``等 + kind of company`` says what every item of the list is.

The function here is pure: it reads the text and returns the spans of the items.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import name_like
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


def listed_companies(ctx: Context, mentions: list[Candidate]) -> list[Candidate]:
    """民生、工行、浦发、中行等13家银行: every item of a list that 等 and a kind of company close is
    an organisation (:mod:`tanalyze.entities.rules.company_lists`). An item the model read as a place becomes
    an ORG; beside a known organisation, so does a person or a listed place (汇丰、花旗等
    外资行). An item nobody found is added when it is whole words, and, unless a known
    organisation is in the list, looks like a name (not 报纸、广播、电视等媒体)."""
    t, words, starts, ends = ctx.text, ctx.words, ctx.starts, ctx.ends
    by_span = {(c.start, c.end): i for i, c in enumerate(mentions)}
    out = list(mentions)
    for items in company_lists(t, words):
        known = [by_span.get(span) for span in items]
        beside_org = any(i is not None and out[i].label == "ORG" for i in known)
        for (s, e), i in zip(items, known):
            if i is not None:
                c = out[i]
                if c.label in ("PERSON", "GPE", "LOC") and (beside_org or c.label != "PERSON" and c.source != "gazetteer"):
                    out[i] = replace(c, label="ORG", key=None, source="rule")
            elif s in starts and e in ends and not any(c.start < e and s < c.end for c in out) and (
                    t[s:e] not in ctx.gazetteer.stoplist and not ctx.patterns.titles.search(t[s:e])
                    and (beside_org or name_like(ctx, t[s:e]))):  # 报纸、广播、电视等媒体: kinds, not names
                out.append(Candidate(s, e, "ORG", "rule"))
    return sorted(out, key=lambda c: c.start)
