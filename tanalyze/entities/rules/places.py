"""Places named by their kind: administrative units (塘沽区, 易县, 望月村) and streets (文汇路).

Both are ``source`` rules: they run with the gazetteer and the model, before the candidate rules,
so that every rule sees them and a model name that is only a chain of places found here is
dropped (青禾市东港区 = 青禾市 + 东港区).
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import _ADMIN, _NAME_POS, ROAD_WORDS, name_like
from ..resources import _COMMON_FREQ, _NUMERAL_CHARS, _word_at, is_han as _is_han, word_list

# Generic place nouns that end in an administrative unit but name no place (大中城市, 东北地区).
_GENERIC_PLACES = word_list("generic_places.txt")
# Function characters an unknown word may glue to the front of a unit (个区县); place
# names may well start with 中, 上, 和, 向 (中山市, 上虞市, 和平区, 向阳区).
_NOT_PLACE_START = set("已曾的了是被把个")
# Generic districts jieba tags as places (落后地区, 沈阳军区 is a body, 老城区, 中心区).
_GENERIC_DISTRICTS = word_list("generic_districts.txt")
_ROAD_WORD = re.compile("|".join(ROAD_WORDS))
_NOT_ROAD_NAME = set("的了是在和与及并也都又还就则而但把被让给为到从于对向将已曾说称这那其该每个们条之走至自经沿往")
# Words a street's name may end inside (长安街上, 路口): the street still ends there.
_ROAD_LOCATIVE_WORDS = frozenset(word_list("road_locatives.txt"))
# Words before a street that say it is a place (位于文汇路, 南至中山路).
_ROAD_BEFORE_WORDS = frozenset(word_list("road_cues_before.txt"))
_ROAD_AFTER = re.compile(r"[0-9０-９一二三四五六七八九十百]+号|[东南西北]侧|以[东南西北]|路口|街口|交叉|交汇|交会|沿线|一带|附近|与[^，。、]{2,6}(?:路|街|大街|大道)")
_LIST_JOINERS = frozenset({"、", "和", "与", "及", ",", "，"})


def admin_places(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    return [Candidate(s, e, "GPE", "rule") for s, e in admin_place_spans(ctx, ctx.text, ctx.words)]


def roads(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    return [Candidate(s, e, "FAC", "rule") for s, e in road_spans(ctx, ctx.text, ctx.words, ctx.starts)]


def admin_place_spans(ctx: Context, t: str, words: Sequence[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """塘沽区, 易县, 太和镇, 望月村: a place name ending in an administrative unit.

    The word is a place word for jieba (ns), or an unknown word, or a name-like word followed
    by the unit as a word of its own; the name before the unit has two characters or more
    (城市, 山区, 上市 are not places) except before 县 (易县, 沛县).
    """
    freq = ctx.freq_table
    pos = ctx.pos_table
    for i, (ws, we) in enumerate(words):
        w = t[ws:we]
        if not _is_han(w) or w in ctx.gazetteer.stoplist:
            continue
        if len(w) >= 3 and w[-1] in "区县" and pos.get(w) == "ns" and not w.endswith(_GENERIC_DISTRICTS) and (
                w[0] not in _NUMERAL_CHARS):
            yield ws, we  # 房山区, 半山区: a district jieba knows (idioms end in 市 or 乡, not here)
            continue
        if len(w) >= 2 and w[-1] in _ADMIN:
            stem = w[:-1]
            if not _place_stem(w, stem):
                continue
            if len(stem) < 2:  # 易县 (jieba's place word), not 城市 or 山区
                if w[-1] == "县" and pos.get(w) == "ns":
                    yield ws, we
            elif (pos.get(w) == "ns" or not freq.get(w)) and name_like(ctx, stem):
                yield ws, we
        elif w in _ADMIN and i > 0 and words[i - 1][1] == ws:
            ps, _ = words[i - 1]
            stem = t[ps:ws]
            if _is_han(stem) and len(stem) >= 2 and _place_stem(stem + w, stem) and name_like(ctx, stem):
                yield ps, we


def road_spans(ctx: Context, t: str, words: Sequence[tuple[int, int]], starts: set[int]) -> Iterable[tuple[int, int]]:
    """文汇路, 南京东路: a street or road name (two to four characters
    before 路/街/大街/大道, a direction may come between) where the text says it is a place.

    Streets are named with everyday words (幸福, 人民, 解放), and 路 and 街 end many common
    phrases (走上致富路, 兵分三路, 赶夜路), so the name is not judged by itself: the context
    must place it (位于/南至/赶到 before it; 20号, 南侧, 交叉口, 上 after it; 在X路上), or
    it is listed with another street (东风路、先锋街). The road word ends a word (not 路线,
    街头, 街道), and a dictionary word that is not a place (高速公路, 致富路) is no street."""
    freq, pos = ctx.freq_table, ctx.pos_table
    found: list[tuple[int, int]] = []
    for m in _ROAD_WORD.finditer(t):
        rs, e = m.start(), m.end()
        if rs > 0 and t[rs - 1] in "东西南北中":
            rs -= 1  # 南京东路
        for length in (4, 3, 2):  # the longest name that starts a word or follows a function character
            s = rs - length
            if s < 0 or not _is_han(t[s:rs]) or set(t[s:rs]) & _NOT_ROAD_NAME:
                continue
            if s in starts or t[s - 1] in _NOT_ROAD_NAME:
                break
        else:
            continue
        first = _word_at(words, s)
        if first is not None and first[0] == s and first[1] - s >= 2 and rs - first[1] >= 2 and freq.get(t[s : first[1]], 0) >= _COMMON_FREQ and pos.get(t[s : first[1]]) not in _NAME_POS:
            s = first[1]  # 街道|深南中路: a common word before the name
        held = _word_at(words, e - 1)
        if held is not None and held[1] != e and t[held[0] : held[1]] not in _ROAD_LOCATIVE_WORDS:
            continue
        word, name = t[s:e], t[s:rs]
        if (freq.get(word) and pos.get(word) != "ns") or (name[0] in _NUMERAL_CHARS and not all(c in _NUMERAL_CHARS for c in name)):
            continue  # 高速公路, 致富路; 十里长安街 (but 五四路)
        if m.group(0) in "道径" and freq.get(name, 0) >= _COMMON_FREQ:
            continue  # 高速道上: Hong Kong's 道 and 径 follow names (弥敦道), not everyday words
        place = ctx.gazetteer.lookup(name)
        if rs == m.start() and freq.get(name[-1] + m.group(0)[0], 0) >= _COMMON_FREQ and not (place is not None and place.label in ("GPE", "LOC")):
            continue  # 发展道|路, 集成电|路 (but 上海|路)
        if any(g.entry.label not in ("GPE", "LOC", "FAC") for g in ctx.gazetteer.find(word) if (g.start, g.end) == (0, len(word))):
            continue
        found.append((s, e))
    # Both streets of a pair joined by 、/和 (东风路、先锋街) are listed.
    listed = {road for x, y in zip(found, found[1:]) if t[x[1] : y[0]] in _LIST_JOINERS for road in (x, y)}
    for s, e in found:
        before = t[max(0, s - 2) : s]
        placed = before in _ROAD_BEFORE_WORDS or _ROAD_AFTER.match(t, e) or (before[-1:] == "在" and t.startswith("上", e))
        if placed or (s, e) in listed:
            yield s, e


def _place_stem(place: str, stem: str) -> bool:
    """Not a generic place noun (东北地区), a pair of units (区县), a count (百强县, 个区县) or a
    phrase starting with a function word."""
    return not (
        place.endswith(_GENERIC_PLACES) or stem[-1] in _ADMIN or stem[0] in _NUMERAL_CHARS or stem[0] in _NOT_PLACE_START
    )
