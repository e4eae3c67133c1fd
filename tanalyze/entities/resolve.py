"""Overlap resolution: the candidates of every source and rule become non-overlapping mentions.

A candidate inside another is dropped unless the outer one may legitimately hold it (a name
that keeps its parts inside: 青禾市工商局 holds 青禾市; :func:`_may_contain`); the rest are
chosen by source rank (a model name the model is sure of, then the gazetteer and precise rules,
then the model, then other rules), then length, then position, and a chosen mention takes its
characters. A model name the model is unsure of is dropped first (:data:`UNSURE`); a name it is
sure of inside a chosen 《title》 is a mention too, nested in the title's (the one overlap).
"""

from __future__ import annotations

import re
from dataclasses import replace
from bisect import bisect_right
from typing import Iterable, Sequence

from .candidate import Candidate
from .context import Context
from .names import _ADMIN, _SUBUNIT_ENDS, surname_len
from .resources import _NAME_DOTS, _NAME_JOINERS, _NOT_NAME, is_han as _is_han, word_list


_JOINERS = frozenset(_NAME_JOINERS)  # the dots and hyphens of a transliterated name (as a set: "" is no joiner)
# On a partial overlap: a name the model is sure of, then the gazetteer and precise rules, then
# the model, then other rules.
SOURCE_RANK = {"gazetteer": 3, "model": 2, "rule": 1}

# The model's confidence in a name (the lowest marginal of its tags, :meth:`CrfModel.predict_scored`)
# decides two things, both chosen on the dev splits of ``benchmarks/entity_dev.py`` (first CLUENER /
# MSRA / Weibo F1; the model alone 0.6942 / 0.9055 / 0.5533, the stage without this 0.7085 / 0.8830 / 0.5439):
# - a name it is SURE of is not beaten by a gazetteer or rule name crossing it, nor held inside one
#   (美国 in a rule's 美国政府), unless that is a person's name (李青田 + 邨 may name an estate) or a
#   《title》 (which holds its words, as CLUENER annotates it; the sure names inside one are nested
#   mentions, :func:`_named_in_titles`): at 0.99, 0.7097 / 0.8942 / 0.5439 (at 0.95: 0.7097 / 0.8945 /
#   0.5439; at 0.999: 0.7071 / 0.8926 / 0.5439);
# - a name it is UNSURE of (< 0.8) is dropped, unless the segmenter's dictionary knows the span as
#   a proper noun or an abbreviation (nr/ns/nt/nz/j) or it is a person's name of the Chinese shape
#   (a surname, one or two characters): noise on social media (one-character "places", Latin
#   words). Both together 0.7079 / 0.8940 / 0.5793 (dropping at 0.7: 0.7041 / 0.8957 / 0.5723; at
#   0.9: 0.7060 / 0.8930 / 0.5687; dropping the proper nouns too cost MSRA its one-character
#   abbreviations).
# Re-measured on all seven splits once the news paragraphs came (CLUENER / MSRA / Weibo / news tune /
# news check, PER-ORG-LOC F1; the product splits do not move), SURE at 0.99: 0.7079 / 0.8980 / 0.6006 /
# 0.6984 / 0.7778; at 0.97: 0.7079 / 0.8980 / 0.6053 / 0.7045 / 0.7778 (no split lower: chosen); at
# 0.95: 0.7072 / 0.8978 / 0.6053 / 0.7045 / 0.7828; at 0.9: 0.7066 / 0.8995 / 0.6053 / 0.7045 / 0.7828.
# UNSURE at 0.75: 0.7052 / 0.8990 / 0.5970 / 0.6923 / 0.7789; at 0.85: 0.7075 / 0.8982 / 0.6042 / 0.6984 / 0.7778.
# Re-measured once unsure places named by their unit stay (:func:`_admin_place`) and the model's
# organisations over listed places stand (:func:`_model_labels`), on the five splits: UNSURE at 0.8:
# 0.7112 / 0.9023 / 0.6090 / 0.7664 / 0.8041; at 0.85: 0.7115 / 0.9025 / 0.6145 / 0.7664 / 0.8041
# (no split lower: chosen); at 0.88: 0.7070 / 0.9016 / 0.6121 / ...; at 0.9: 0.7077 / 0.9013 / 0.6121
# / 0.7608 / 0.8061. SURE at 0.95: 0.7106 / 0.9021 / 0.6090 / 0.7664 / 0.8092; at 0.99: 0.7112 / 0.9025
# / 0.6042 / 0.7602 / 0.8041 (0.97 kept).
SURE = 0.97
UNSURE = 0.85
_PROPER_NOUN_TAGS = ("nr", "ns", "nt", "nz", "j")
# An unsure name of ONE character is backed only by a place tag (京/ns), not by a surname's or
# another proper noun's (袁/nr of 阿袁, 哈/nr of 请客哈: social-media noise the model reads as place
# abbreviations). All seven splits, CLUENER / MSRA / Weibo / news tune / news check:
# 0.7079 / 0.8977 / 0.6053 / 0.7045 / 0.7778 -> 0.7093 / 0.8977 / 0.6090 / 0.7045 / 0.7797 (no recall lost).
# Nor by an abbreviation's (阿/j of a nickname 阿X, 藏/j, 港/j of 港资, which the splits do not annotate
# there; 法/j of 来法 is lost): CLUENER / MSRA / Weibo / news tune / news check 0.7121 / 0.9023 / 0.6186 /
# 0.7720 / 0.8232 -> 0.7128 / 0.9024 / 0.6246 / 0.7738 / 0.8232 (Weibo dev by message parity, even / odd
# half: 0.5660 / 0.6667 -> 0.5786 / 0.6667).
_ONE_CHARACTER_TAGS = ("ns",)


def sure(c: Candidate) -> bool:
    """Is ``c`` a name the model is sure of (:data:`SURE`)?"""
    return c.confidence is not None and c.confidence >= SURE


def _unsure(ctx: Context, c: Candidate) -> bool:
    """Is ``c`` a name the model hesitated over, and nothing else backs it: neither the segmenter's
    dictionary (a proper noun or an abbreviation) nor the shape of a Chinese personal name (a surname, then one or
    two characters: 王某, 李青; no function character among them, as no given name holds one)?"""
    if c.confidence is None or c.confidence >= UNSURE:
        return False
    t = ctx.text
    # 阿|都 of 阿都不想动 (written for 啊都不想动) has a surname's shape but 都 names no one. CLUENER / MSRA /
    # Weibo / news tune / news check 0.7135 / 0.9027 / 0.6448 / 0.7828 / 0.8232 -> 0.7135 / 0.9027 /
    # 0.6486 / 0.7828 / 0.8253 (Weibo halves by parity 0.6125 / 0.6743 -> 0.6164 / 0.6782).
    if (c.label == "PERSON" and 2 <= c.length <= 3 and _is_han(t[c.start : c.end]) and (head := surname_len(ctx, t, c.start))
            and not any(ch in _NOT_NAME for ch in t[c.start + head : c.end])):
        return False
    if c.label in ("GPE", "LOC") and _admin_place(t[c.start : c.end]):
        return False  # 青禾市, 杏林镇: the unit says it is a place (see _admin_place)
    tag = (ctx.pos_table.get(t[c.start : c.end]) or "")[:2]
    if c.length == 1:  # one character: only a place backs it (袁/nr of 阿袁 is no place)
        return tag not in _ONE_CHARACTER_TAGS
    return tag not in _PROPER_NOUN_TAGS


def _admin_place(name: str) -> bool:
    """Does ``name`` read as one place named by its administrative unit (青禾市, 杏林镇, a
    transliterated city + 市): Han, three characters or more, ending in a unit and holding no
    other unit (青禾省杏林市 is a chain, which the gazetteer's parts read better)? An unsure model
    place of this shape is kept. CLUENER / MSRA / Weibo / news tune / news check: 0.7093 / 0.8977
    / 0.6090 / 0.7371 / 0.7889 -> 0.7093 / 0.8986 / 0.6090 / 0.7416 / 0.7889 (two characters,
    杨村: CLUENER 0.7086; four: MSRA 0.8980)."""
    return len(name) >= 3 and _is_han(name) and name[-1] in _ADMIN and not any(ch in _ADMIN for ch in name[:-1])


def _rank(c: Candidate) -> int:
    if sure(c):
        return 4
    return 3 if c.precise else SOURCE_RANK[c.source]


def _order(c: "Candidate") -> tuple[int, int, int]:
    """The order candidates are chosen in: source rank, then length, then position."""
    return (-_rank(c), -c.length, c.start)


# Everyday words whose last character only looks like a body's head (工行|布局, 全|社会): a name the
# model ran on into one of them does not end like an organisation.
_NOT_HEAD_WORDS = word_list("not_head_words.txt")


def resolve(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping mentions of ``ctx.text``: legitimate containers first, then source rank
    and length; the sure model names inside a chosen 《title》 are the exception, nested in it
    (:func:`_named_in_titles`)."""
    # Spans the gazetteer lists as something other than a person (麦肯锡, a company).
    listed = {(c.start, c.end) for c in cands if c.source == "gazetteer" and c.label != "PERSON"}
    cands = _relabelled(_agreed(_model_labels([c for c in cands if not _unsure(ctx, c)])))
    index = _start_index(cands)
    held: dict[int, list[Candidate]] = {}  # id of a dropped candidate -> the containers that hold it
    kept = []
    for c in cands:
        holders = [o for o in _containers(index, c) if _may_contain(ctx, listed, o, c)]
        if holders:
            held[id(c)] = holders
        else:
            kept.append(c)
    taken = bytearray(len(ctx.text) + 1)  # characters of the mentions chosen so far: one check per character
    chosen: list[Candidate] = []
    _choose(sorted(kept, key=_order), taken, chosen)
    # A candidate held by containers that all lost (日本 inside a rule's 日本长崎县X海军, which lost
    # to the model's X海军基地) stands on its own again: the container's loss must not take its parts.
    picked = {id(c) for c in chosen}
    freed = [c for c in cands if id(c) in held and not any(id(o) in picked for o in held[id(c)])]
    _choose(sorted(freed, key=_order), taken, chosen)
    chosen.extend(_named_in_titles(cands, held, {id(c) for c in chosen}))
    return sorted(chosen, key=lambda c: c.start)


def _named_in_titles(cands: Sequence[Candidate], held: dict[int, list[Candidate]], picked: set[int]) -> list[Candidate]:
    """The names the model is sure of inside a chosen 《title》 (青禾省 in 《青禾省志》): mentions
    too, nested in the work's mention, the one place where mentions overlap. A title is one
    name and its words may name others; MSRA and Weibo annotate those (CLUENER only the title,
    which stays). entity_dev (CLUENER / MSRA / Weibo): 0.7079 / 0.8940 / 0.5793 -> 0.7079 /
    0.8962 / 0.5879."""
    return [c for c in cands if id(c) in held and sure(c)
            and all(o.precise and o.label == "WORK_OF_ART" for o in held[id(c)]) and any(id(o) in picked for o in held[id(c)])]


_PLACES = ("GPE", "LOC", "FAC")


def _model_labels(cands: list[Candidate]) -> list[Candidate]:
    """Where the model, not unsure (:data:`UNSURE`), reads as an organisation a span the gazetteer
    lists as a place, the model's reading stands: it reads the context, the list does not (a
    country's or city's team in a table of results: 对青禾、杏林队). CLUENER / MSRA / Weibo / news
    tune / news check: 0.7093 / 0.8986 / 0.6090 / 0.7416 / 0.7889 -> 0.7112 / 0.8997 / 0.6090 /
    0.7416 / 0.7889 (any confidence: CLUENER 0.7093, a listed studio read as a place at 0.7-0.8).
    Any other label the model gives measured the same on these splits but turned listed sites into
    GPE (CLUENER train scenes 0.1751 -> 0.1714) and newspapers into works: only ORG over a place."""
    read = {(c.start, c.end) for c in cands
            if c.source == "model" and c.label == "ORG" and c.confidence is not None and c.confidence >= UNSURE}
    return [c for c in cands if not (c.source == "gazetteer" and c.label in _PLACES and (c.start, c.end) in read)]


def _agreed(cands: list[Candidate]) -> list[Candidate]:
    """A model name the gazetteer lists too, with the same label, is the gazetteer's (which knows
    its canonical name), with the model's confidence in it."""
    scored = {(c.start, c.end, c.label): c.confidence for c in cands if c.source == "model" and c.confidence is not None}
    listed = {(c.start, c.end, c.label) for c in cands if c.source == "gazetteer"}
    return [replace(c, confidence=scored[k]) if c.source == "gazetteer" and (k := (c.start, c.end, c.label)) in scored
            else c for c in cands if not (c.source == "model" and (c.start, c.end, c.label) in listed)]


def _relabelled(cands: list[Candidate]) -> list[Candidate]:
    """A model or gazetteer name over exactly the span of a product a rule found is the rule's: the
    rule read what they do not (青禾 before 奶粉 is a brand, however sure the model is of a place,
    and the model never learned products; 黄河 before 牌 names a brand). Letting every precise
    rule relabel the model's span measured CLUENER held-out 0.7079 -> 0.7060."""
    products = {(c.start, c.end) for c in cands if c.source == "rule" and c.precise and c.label == "PRODUCT"}
    return [c for c in cands if c.source == "rule" or (c.start, c.end) not in products]


def _choose(ordered: Iterable[Candidate], taken: bytearray, chosen: list[Candidate]) -> None:
    """Each candidate in turn whose characters are all still free, taking them."""
    for c in ordered:
        if not any(taken[c.start : c.end]):
            chosen.append(c)
            taken[c.start : c.end] = b"\x01" * c.length


def _may_contain(ctx: Context, listed: set[tuple[int, int]], outer: Candidate, inner: Candidate) -> bool:
    """May ``outer`` keep ``inner`` inside it (the inner candidate is then dropped)?"""
    t = ctx.text
    if sure(inner) and outer.source != "model" and inner.label != "PERSON" and not outer.precise:
        # 美国 in a rule's 美国政府: the model said where the name ends. (A person's name may
        # still name what follows it, 李青田 + 邨: keeping the sure persons too measured 0.0006
        # less on MSRA. A 《title》 keeps what it holds: see SURE.)
        return False
    if outer.source == "gazetteer" or outer.precise or inner.source == "model" and outer.source == "model":
        return True
    if outer.label == inner.label == "PERSON" and inner.source == "gazetteer" and (
        (inner.end == outer.end and t[inner.start - 1] in _NAME_DOTS)  # 拉吉夫·甘地 around 甘地
        or (outer.source == "model" and inner.start == outer.start and inner.length == 2
            and outer.length == 3 and _is_han(t[outer.start : outer.end]) and t[outer.end - 1] not in _NOT_NAME)
    ):
        return True  # ... and 刘翔谦 around 刘翔: a longer name holding a listed one
    if (outer.label == "PERSON" and inner.label in ("GPE", "LOC") and inner.end == outer.end
            and surname_len(ctx, t, outer.start) == inner.start - outer.start):
        return True  # 赵柏林, 郭东亚: a given name that is also a place, after a surname
    if outer.compound:
        return inner.label != "PERSON"
    if outer.source == "rule":
        return _rule_may_contain(ctx, listed, outer, inner)
    return _model_may_contain(ctx, outer, inner)


def _rule_may_contain(ctx: Context, listed: set[tuple[int, int]], outer: Candidate, inner: Candidate) -> bool:
    """A suffix-rule organisation keeps the place it starts with (青禾市工商局) and a name the
    model took for a person right before its suffix (布拉戈维亚队, 李宁公司); a rule person never
    swallows the model's name (张悦摄 around 张悦)."""
    t, translit = ctx.text, ctx.rules.transliteration
    if outer.label in ("ORG", "FAC") and inner.label == "PERSON" and inner.start == outer.start:
        suffix_words = ctx.patterns.org_suffix_words if outer.label == "ORG" else ctx.patterns.facility_suffix_words
        rest = t[inner.end : outer.end]
        if rest in suffix_words or (inner.start, inner.end) in listed:
            return True  # 李郑屋 + 游乐场: the place's name; a listed company is no person
        # 布莱克 + 本队: the model stopped inside a transliterated name
        return any(rest.endswith(x) and all(ch in translit for ch in rest[: -len(x)]) for x in suffix_words)
    if outer.label == "PERSON" and (t[inner.start - 1 : inner.start] in _JOINERS or t[inner.end : inner.end + 1] in _JOINERS):
        # A part of a dotted name: the model stopped at a dot of 扎东·次旺伦珠 (a model
        # span never ends in one), and 阿里 in 穆罕默德·阿里 or 戴尔 in 戴尔-邓普斯 is no company
        return True
    if (outer.label == inner.label == "PERSON" and inner.start == outer.start and any(ch in _NAME_DOTS for ch in t[outer.start : inner.end])
            and all(ch in translit for ch in t[inner.end : outer.end])):
        return True  # the model stopped inside the last part of 瑞斯·维瑟斯彭
    if outer.label == "PERSON" and inner.source == "model" and re.search("[-－‐]", t[outer.start : outer.end]):
        return True  # 汤姆 + 克鲁斯 in 汤姆-克鲁斯: the model stops at a hyphen
    if outer.label == "FAC" and inner.start == outer.start and (
            inner.label == "FAC" or t[inner.end : outer.end] in ctx.patterns.facility_suffix_words):
        return True  # 青山公园 + 球场, a club/ORG + 球场: the site's name, then its kind
    return outer.label != "PERSON" and (inner.source != "model" or inner.label in ("GPE", "LOC"))


def _model_may_contain(ctx: Context, outer: Candidate, inner: Candidate) -> bool:
    """The model's organisation names keep the places and parent bodies they start with
    (北京市委, 越南外交部, 青禾市委宣传部); its place names keep smaller places."""
    t, suffixes = ctx.text, ctx.patterns.org_suffix_any
    outer_text = t[outer.start : outer.end]
    if outer.label in ("ORG", "FAC", "EVENT") and inner.label in ("GPE", "LOC", "ORG", "NORP"):
        # ...when the name ends like an organisation (委, 部, 局, 站 ...), not like
        # a phrase the model ran on with (腾讯汽车产业互联网版图).
        if (outer_text[-1] in _SUBUNIT_ENDS or outer_text.endswith(suffixes)) and not outer_text.endswith(_NOT_HEAD_WORDS):
            return True  # ... and units or events named after them
        # 中国侨联, 上海宝钢, 邯郸农专: a place, then an abbreviated or unknown name
        rest = t[inner.end : outer.end]
        return inner.start == outer.start and inner.label in ("GPE", "LOC") and len(rest) >= 2 and (
            ctx.pos_table.get(rest) in ("j", "nt", "nz") or rest not in ctx.freq_table)
    if outer.label in ("GPE", "LOC") and inner.label in ("GPE", "LOC"):
        return True
    return outer.label == "ORG" and outer_text.endswith(suffixes)


def _start_index(cands: Sequence[Candidate]) -> tuple[list[int], dict[int, list[Candidate]], int]:
    """The candidates by start: the sorted starts, the candidates at each, the longest length."""
    by_start: dict[int, list[Candidate]] = {}
    for o in cands:
        by_start.setdefault(o.start, []).append(o)
    return sorted(by_start), by_start, max((o.length for o in cands), default=0)


def _containers(index: tuple[list[int], dict[int, list[Candidate]], int], c: Candidate) -> Iterable[Candidate]:
    """The candidates longer than ``c`` that hold it. The index (:func:`_start_index`) is read
    back only as far as the longest candidate reaches, so a look-up costs the number of
    candidates near ``c``, not of the whole text."""
    starts, by_start, longest = index
    for i in range(bisect_right(starts, c.start - longest - 1), bisect_right(starts, c.start)):
        for o in by_start[starts[i]]:
            if o is not c and c.end <= o.end and o.length > c.length:
                yield o
