"""Brands named before the kind of product they are (青禾奶粉, 蓝湾空调, 飞鸽牌自行车, 星途App).

News about consumer goods names a brand by putting it before its kind: the kind word
(``dictionaries/rules/product_kinds.txt``, 品牌 among them) or a brand marker
(``brand_markers.txt``: 牌) says the word before it is a brand's name. That word is a PRODUCT when it reads as a name: a
Latin-script word, a Han word of two to four characters the dictionary does not know or tags as
a name (nz, nr, ns, nt, j), or a name another source found there that is not a place the
gazetteer knows (a brand the model took for a place is the brand: 青禾/GPE + 奶粉). A common
word (进口奶粉, 国产手机), a place's produce (新疆棉花) and a company's name ending in an
organisation suffix are no brand. The candidate is ``precise``, so it wins over the model's
reading of the same span.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import function_word, glued_phrase
from ..resources import _NOT_NAME, HAN, is_han
from .company_lists import company_lists

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9+\-]*$")
_NAME_TAGS = ("nz", "nr", "ns", "nt", "j", "eng")
_MAX_FREQ = 50  # a dictionary word this frequent is a common word, whatever its tag
_PLACE_LABELS = ("GPE", "LOC", "FAC")


def before_kind(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """PRODUCT candidates for the brand names right before a product kind or a brand marker, and
    for a name the segmenter joined to its marker (长城牌, one dictionary word)."""
    t, words = ctx.text, ctx.words
    kinds, markers = ctx.rules.product_kinds, ctx.rules.brand_markers
    by_end: dict[int, Candidate] = {}
    for c in found:
        if c.end not in by_end or c.length > by_end[c.end].length:
            by_end[c.end] = c
    for i in range(1, len(words)):
        ks, ke = words[i]
        kind = t[ks:ke]
        if kind not in kinds and kind not in markers:
            if _joined_marker(ctx, kind):
                yield Candidate(ks, ke - 1, "PRODUCT", "rule", precise=True)
            continue
        s, e = words[i - 1]
        if e != ks:
            continue  # a gap: not across punctuation or a space
        known = by_end.get(e)
        span = (known.start, e) if known is not None and known.start < e else (s, e)
        name = t[span[0] : span[1]]
        if _place(ctx, name):
            if kind in markers:  # 黄河|牌电视机: a place names the brand before 牌
                yield Candidate(span[0], span[1], "PRODUCT", "rule", precise=True)
            continue  # 新疆棉花: a place's produce
        if known is not None and known.start < e and known.label == "ORG" and known.source == "gazetteer":
            continue  # a listed company keeps its label
        if _brand_like(ctx, name, marked=kind in markers):
            yield Candidate(span[0], span[1], "PRODUCT", "rule", precise=True)


def _joined_marker(ctx: Context, word: str) -> bool:
    """长城牌, 上海牌: a dictionary word of a name (a place or a word tagged as a name) and 牌."""
    stem = word[:-1]
    if len(stem) < 2 or word[-1] not in ctx.rules.brand_markers:
        return False
    return _place(ctx, stem) or (ctx.pos(stem) or "").startswith(_NAME_TAGS) or _brand_like(ctx, stem)


def listed_brands(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """The items of a 、 list that 等 and a kind of product close (飞鹤、青禾、蓝湾等品牌, 青禾、
    蓝湾等三款奶粉) are brands: each item that reads as a name (a coined word, or a word the
    dictionary tags as a name however common; no kind of product, no place the gazetteer knows)
    is a PRODUCT, also where the model read it as a place (报纸、电视等媒体品牌 names none)."""
    t = ctx.text
    for items in company_lists(t, ctx.words, _closing(ctx.rules.product_kinds)):
        for s, e in items:
            first = ctx.word_starting.get(s)
            if first is not None and ctx.words[first][1] < e and function_word(ctx, t[s : ctx.words[first][1]]):
                s = ctx.words[first][1]  # 拥有|意风、猫王等品牌: the verb before the list
            if s in ctx.starts and e in ctx.ends and _listed_name(ctx, t[s:e]):
                yield Candidate(s, e, "PRODUCT", "rule", precise=True)


def _listed_name(ctx: Context, name: str) -> bool:
    """An item of a list of brands that reads as one: coined, or tagged as a name however common
    (伊利/nz), and no kind of product, place the gazetteer knows or company (青禾乳业)."""
    if name in ctx.rules.product_kinds or _place(ctx, name) or name.endswith(ctx.patterns.org_suffix_any):
        return False
    return _brand_like(ctx, name) or (ctx.pos(name) or "").startswith(_NAME_TAGS)


@lru_cache(maxsize=4)
def _closing(kinds: frozenset[str]) -> re.Pattern[str]:
    """等 + an optional count (三款, 多个) + up to three describing characters + a kind of product,
    not the start of a longer word (等四家电视台: stations, not television sets; 等家具卖场, 等地板企业:
    shops and makers, not brands)."""
    return re.compile(rf"等(?:[0-9一二三四五六七八九十几多各]+)?(?:个|款|种)?(?:(?![和与及、家])[{HAN}]){{0,3}}?"
                      rf"(?:{'|'.join(sorted(kinds, key=len, reverse=True))})(?![台站网厂商业企界人员卖店城市场])")


def _place(ctx: Context, name: str) -> bool:
    entry = ctx.gazetteer.lookup(name)
    return entry is not None and entry.label in _PLACE_LABELS


def _brand_like(ctx: Context, name: str, marked: bool = False) -> bool:
    """Does ``name`` read as a brand's name? After a brand marker (飞鸽|牌, 熊猫|牌) any noun
    will do; before a product kind only a coined word or a rare one tagged as a name."""
    if name in ctx.gazetteer.stoplist:
        return False
    if _LATIN.match(name):
        return len(name) >= 2 and name.upper() not in _NOT_BRANDS
    if not is_han(name) or not 2 <= len(name) <= 4 or glued_phrase(ctx, name) or name[-1] in _NOT_NAME:
        return False  # 不比|涂料, 十大|卫浴, 于用|手机: a phrase the guesser glued, no name
    if name.endswith(tuple(x for x, _ in ctx.rules.org_suffixes)):
        return False  # 青禾乳业: a company (the organisation-suffix rule names it)
    freq, tag = ctx.freq(name), ctx.pos(name) or ""
    if freq == 0:
        return True  # no dictionary word: a coined name
    if marked:
        return tag.startswith("n")
    return tag.startswith(_NAME_TAGS) and freq < _MAX_FREQ


# Latin words before a product kind that name no brand (the kind's own letters: an app, a TV set).
_NOT_BRANDS = frozenset({"APP", "TV", "PC", "AI", "VR", "AR", "LED", "OLED", "USB", "SUV", "MPV", "EV", "GPS", "NFC", "CEO"})


