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
from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import glued_phrase
from ..resources import _NOT_NAME, is_han

_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9+\-]*$")
_NAME_TAGS = ("nz", "nr", "ns", "nt", "j", "eng")
_MAX_FREQ = 50  # a dictionary word this frequent is a common word, whatever its tag
_PLACE_LABELS = ("GPE", "LOC", "FAC")


def before_kind(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """PRODUCT candidates for the brand names right before a product kind or a brand marker."""
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
            continue
        s, e = words[i - 1]
        if e != ks:
            continue  # a gap: not across punctuation or a space
        known = by_end.get(e)
        if known is not None and known.start < e:
            span = (known.start, e)
            if _place(ctx, t[known.start : e]) or known.label == "ORG" and known.source == "gazetteer":
                continue  # 新疆棉花: a place's produce; a listed company keeps its label
        else:
            span = (s, e)
        if _brand_like(ctx, t[span[0] : span[1]], marked=kind in markers):
            yield Candidate(span[0], span[1], "PRODUCT", "rule", precise=True)


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


