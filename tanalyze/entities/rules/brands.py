"""Brands named before the kind of product they are (青禾奶粉, 蓝湾空调, 飞鸽牌自行车, 星途App).

News about consumer goods names a brand by putting it before its kind: the kind word
(``dictionaries/rules/product_kinds.txt``, 品牌 among them) or a brand marker
(``brand_markers.txt``: 牌) says the word before it is a brand's name. That word is a PRODUCT when it reads as a name: a
Latin-script word, a Han word of two to four characters the dictionary does not know or tags as
a name (nz, nr, ns, nt, j), or a name another source found there that is not a place the
gazetteer knows (a brand the model took for a place is the brand: 青禾/GPE + 奶粉). A common
word (进口奶粉, 国产手机), a place's produce (新疆棉花) and a company's name ending in an
organisation suffix are no brand, nor are a kind itself (护肤品|品牌) or a description of goods the
dictionary does not know as a common word (``goods_descriptors.txt``: 长焦|相机, 白电|品牌, 黄花梨|家具).
A company the gazetteer lists is a brand there too (海尔|冰箱; 格力空调, which the segmenter keeps
as one word): a brand before its kind of goods names the goods (``benchmarks/data/README.md``).
The segmenter's evidence is read too: an unknown name whose last character makes a word with the
next one was cut in the wrong place (南林大|家具 is 南林|大家|具), a verb it glued onto a brand (买意风)
is left out where the document writes the brand alone more often, and 牌 marks a brand only where
goods follow it (打亲情牌， plays a card). The candidate is ``precise``, so it wins over the model's
reading of the same span.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import function_word, glued_phrase, listed_as, short_forms
from ..resources import _NOT_NAME, HAN, is_han
from .company_lists import company_lists

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9+\-]*$")
_NAME_TAGS = ("nz", "nr", "ns", "nt", "j", "eng")
_MAX_FREQ = 50  # a dictionary word this frequent is a common word, whatever its tag
_LEXICALISED = 10  # a word X牌 the dictionary has seen this often is a common noun (挡箭牌 42; 长城牌 2)
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
    yield from _glued_kinds(ctx)
    for i in range(1, len(words)):
        ks, ke = words[i]
        kind = t[ks:ke]
        if kind not in kinds and kind not in markers:
            if _joined_marker(ctx, kind) and not _miscut(ctx, kind[:-1], ke - 1) and _goods_after(ctx, i):
                yield Candidate(ks, ke - 1, "PRODUCT", "rule", precise=True)
            continue
        s, e = words[i - 1]
        if e != ks or (kind in markers and not _goods_after(ctx, i)):
            continue  # a gap (punctuation, a space); 打亲情|牌，: a card played, no goods after 牌
        known = by_end.get(e)
        span = (known.start, e) if known is not None and known.start < e else (_unglued(ctx, s, e), e)
        name = t[span[0] : span[1]]
        if _miscut(ctx, name, e):
            continue  # 南林|大家|具, 新|实木|地板: the kind's first character belongs to the word before
        if _place(ctx, name):
            if kind in markers:  # 黄河|牌电视机: a place names the brand before 牌
                yield Candidate(span[0], span[1], "PRODUCT", "rule", precise=True)
            continue  # 新疆棉花: a place's produce
        if known is not None and known.start < e and known.label == "ORG" and known.source == "gazetteer":
            if not name.endswith(tuple(x for x, _ in ctx.rules.org_suffixes)):
                yield Candidate(span[0], span[1], "PRODUCT", "rule", precise=True)
            continue  # 海尔|冰箱: the company's brand as goods; 青禾乳业|品牌 names the company
        if _brand_like(ctx, name, marked=kind in markers):
            yield Candidate(span[0], span[1], "PRODUCT", "rule", precise=True)


def _glued_kinds(ctx: Context) -> Iterable[Candidate]:
    """格力空调, one dictionary word: a listed company's name or short form (no place) glued to a
    kind of product is the brand of those goods."""
    t, kinds = ctx.text, ctx.rules.product_kinds
    for s, e in ctx.words:
        for k in range(s + 2, e - 1):
            if t[k:e] in kinds:
                entry = ctx.gazetteer.lookup(t[s:k])
                if entry is not None and entry.label == "ORG" and t[s:k] not in ctx.gazetteer.stoplist:
                    yield Candidate(s, k, "PRODUCT", "rule", precise=True)
                break


def _miscut(ctx: Context, name: str, end: int) -> bool:
    """Did the segmenter cut a word across the name's end? An unknown name whose last character
    makes a dictionary word with the next one (南林大|家具: 大家; 新实|木地板: 实木; 国际品|牌:
    品牌) is a phrase cut in the wrong place, no brand; a known word (宜家|家具) is not read so."""
    t = ctx.text
    return is_han(name) and not ctx.freq(name) and bool(ctx.freq(t[end - 1 : end + 1]))


def _goods_after(ctx: Context, i: int) -> bool:
    """Does a noun follow the marker ``words[i]`` (飞鸽牌|自行车), not a mark or a verb (打亲情牌，)?"""
    if i + 1 >= len(ctx.words) or ctx.words[i + 1][0] != ctx.words[i][1]:
        return False
    w = ctx.word(ctx.words[i + 1])
    return is_han(w) and not function_word(ctx, w)


def _unglued(ctx: Context, s: int, e: int) -> int:
    """Start of the name in the unknown word ``[s, e)`` the segmenter glued a verb onto (买|意风,
    到|宏耐 as one word): without the verb where the document writes the rest alone more often."""
    t = ctx.text
    name = t[s:e]
    if len(name) < 3 or ctx.freq(name) or not (ctx.pos(name[0]) or "").startswith("v"):
        return s
    return s + 1 if t.count(name[1:]) > t.count(name) else s


def _joined_marker(ctx: Context, word: str) -> bool:
    """长城牌, 上海牌: a dictionary word of a name (a place or a word tagged as a name) and 牌, not
    a lexicalised word (挡箭牌, 金字招牌: common nouns the dictionary has seen often)."""
    stem = word[:-1]
    if len(stem) < 2 or word[-1] not in ctx.rules.brand_markers:
        return False
    if ctx.freq(word) >= _LEXICALISED and (ctx.pos(word) or "").startswith("n"):
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
    if name in ctx.gazetteer.stoplist or name in ctx.rules.product_kinds or name.upper() in ctx.rules.goods_descriptors:
        return False  # 护肤品|品牌, 长焦|相机, 白电|品牌, RPG|手机网游: kinds and descriptions of goods
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




def cued_brands(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """苹果发布, 方太油烟机: a company whose short form is an everyday word (``cued_brands.txt``)
    where what follows says so: a company's cue (``brand_cues.txt``) makes it the company (ORG,
    joined to the gazetteer's entry), a kind of goods the brand (PRODUCT)."""
    t, kinds, cues = ctx.text, ctx.rules.product_kinds, ctx.rules.brand_cues
    for at, e, canonical in short_forms(ctx, ctx.rules.cued_brands):
        if any(t.startswith(k, e) for k in kinds):
            yield Candidate(at, e, "PRODUCT", "rule", precise=True)
        elif any(t.startswith(c, e) for c in cues):
            listed = listed_as(ctx, at, e, canonical)
            if listed is not None:
                yield listed
