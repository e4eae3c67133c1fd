"""Products named by a model code: a brand and its code (蔚来ES6, 宝马X5, 华为P60), a known
product and its version (iPhone 15 Pro, 小米14 Ultra), a code launched in the sentence
(华为推出Mate 60), a code before the kind of product it is (X9手机, Nova 300相机) or after a
word that points at a model (这款Z80, 新机K50).

The gazetteer lists products by name (微信, Model Y, 小米SU7), but carmakers and phone makers
number their models faster than any list, so these pure functions read the codes that follow a
brand or a product, a launch verb or a model word. A code needs a digit: 腾讯QQ, 阿里云ECS are
left to the gazetteer, and a year (华为2023年) or an amount (iPhone 15万部) is no version. A
brand before a code is a company another source found (the gazetteer or the model), or a Han
word of two to four characters the dictionary does not know or knows as a rare name (a coined
brand the segmenter cuts into single characters, 青|禾, is read whole), never a place the
gazetteer knows.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import function_word, glued_phrase, name_like, surname_len
from ..resources import _NOT_NAME, is_han

# Editions written after a model number: iPhone 15 Pro Max, 小米14 Ultra, 汉EV, 秦PLUS DM-i.
_EDITION = r"(?:\s?(?:Pro|Max|Plus|PLUS|Ultra|mini|Mini|Lite|SE|Air|EV|DM-i|DM))*"
# What a number is when it is no version: a date, a share, an amount, a count.
_NOT_VERSION = r"(?![0-9A-Za-z.]|\s?[年月日号时点%％万亿元个台辆部款家名位件])"
# A model code: ES6, SU7, P60, X5, A6L, L9, DSC-Q20, V-MAX4 (a capital, at most three more
# letters, a hyphenated letter group, digits), or a capitalised word and a number (Nova 300).
_CODE_BODY = r"(?:[A-Z][A-Za-z]{0,3}(?:-[A-Z]{1,4})?-?[0-9]{1,4}[A-Za-z]{0,2}|[A-Z][a-z]{2,}\s?[0-9]{2,4})"
# After a brand a code may also start with its number (佳能 7D, 尼康 5D), not a network's generation,
# a picture's dimensions or a resolution (华为5G, 索尼3D, 4K).
_NUMBER_FIRST = r"(?![2-6]G|[2-4]D|[248]K)[0-9]{1,2}[A-Z](?![A-Za-z0-9])"
_CODE = re.compile(r"\s?((?:" + _CODE_BODY + "|" + _NUMBER_FIRST + ")" + _EDITION + ")" + _NOT_VERSION)
# A code standing alone (not inside a Latin word or a number).
_LONE_CODE = re.compile(r"(?<![A-Za-z0-9.\-])(" + _CODE_BODY + _EDITION + ")" + _NOT_VERSION)
# A known product's version: iPhone 15 Pro, 小米14, Galaxy S24.
_VERSION = re.compile(r"\s?((?:[A-Z]?[0-9]{1,3}[A-Za-z]?)" + _EDITION + ")" + _NOT_VERSION)
# 推出Mate 60, 发布了Galaxy S24 Ultra: a capitalised Latin name with a number after a launch verb.
_LAUNCHED = re.compile(
    r"(?:发布|推出|上市|亮相|发售|首发|搭载|预售|交付)了?(?:新款|全新|新一代)?"
    r"([A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?\s?[A-Z]?[0-9]{1,3}[A-Za-z]?" + _EDITION + ")" + _NOT_VERSION
)
_BRAND_LABELS = ("PERSON", "GPE", "LOC")  # what the model may take a brand for (ORG: model_codes)
_NAME_TAGS = ("nr", "ns", "nt", "nz", "j")
_LONE_DIGITS = 2  # a code with no brand before it needs this many digits (not MP3, H1)


def model_codes(t: str, found: Sequence[tuple[int, int, str, str]]) -> Iterable[tuple[int, int]]:
    """PRODUCT spans (start, end) in ``t`` given the mentions found so far as (start, end, label,
    source): a company followed by a model code (the product is brand and code, as the gazetteer
    writes 小米SU7), a product of the gazetteer followed by its version, and a code after a
    launch verb."""
    for start, end, label, source in found:
        if label == "ORG":
            m = _CODE.match(t, end)
        elif label == "PRODUCT" and source == "gazetteer":
            m = _VERSION.match(t, end)
        else:
            continue
        if m is not None:
            yield start, m.end()
    for m in _LAUNCHED.finditer(t):
        yield m.start(1), m.end(1)


def model_code_names(ctx, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """The rule: a PRODUCT for every model code after a brand, a product or a launch verb."""
    for s, e in model_codes(ctx.text, [(c.start, c.end, c.label, c.source) for c in found]):
        yield Candidate(s, e, "PRODUCT", "rule", precise=True)  # beats the model's 小米汽车SU7/ORG


def coded_products(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """The rule: a code after a brand no source named as a company (青禾Q20, the model's PERSON
    青禾 + Nova 300) is a PRODUCT with its brand; a code without a brand is a PRODUCT where a
    product kind follows it (Z80相机) or a model word precedes it (这款Z80)."""
    t = ctx.text
    by_end = {c.end: c for c in found if c.label in _BRAND_LABELS and c.source != "gazetteer"}
    for m in _LONE_CODE.finditer(t):
        s, e = m.span(1)
        brand = _brand_before(ctx, s, by_end)
        if brand is not None:
            yield Candidate(brand, e, "PRODUCT", "rule", precise=True)
        elif sum(ch.isdigit() for ch in t[s:e]) >= _LONE_DIGITS and (_kind_after(ctx, e) or _cue_before(ctx, s)):
            yield Candidate(s, e, "PRODUCT", "rule", precise=True)


def _brand_before(ctx: Context, code: int, by_end: dict[int, Candidate]) -> int | None:
    """Start of the brand's name right before the code at ``code`` (a space between allowed)."""
    t = ctx.text
    end = code - 1 if code > 0 and t[code - 1] == " " else code
    known = by_end.get(end)
    if known is not None and known.label == "PERSON" and _full_name(ctx, t[known.start : end]):
        return None  # 作者：张序安X200, a byline run into a title: a person, no brand
    start = known.start if known is not None else _han_name_start(ctx, end)
    if start is None or not 2 <= end - start <= 4 or not is_han(t[start:end]):
        return None
    name = t[start:end]
    entry = ctx.gazetteer.lookup(name)
    if entry is not None and entry.label in ("GPE", "LOC", "FAC"):
        return None  # 北京G20: a place, no brand
    if known is None and not _coined(ctx, name):
        return None
    return start


def _full_name(ctx: Context, name: str) -> bool:
    """A surname and a two-character given name (张序安): how a Chinese person is named, not a brand."""
    n = surname_len(ctx, name, 0)
    return n > 0 and len(name) - n == 2


def _coined(ctx: Context, name: str) -> bool:
    """A Han word that reads as a coined brand: not in the dictionary (nor a phrase the guesser
    glued, 新的) or tagged there as a name, and no kind of product, model word or place's word."""
    if glued_phrase(ctx, name) or name[-1] in _NOT_NAME or not name_like(ctx, name):
        return False
    if name in ctx.rules.product_kinds or name in ctx.rules.model_cues:
        return False
    return not ctx.freq(name) or (ctx.pos(name) or "").startswith(_NAME_TAGS)


def _han_name_start(ctx: Context, end: int) -> int | None:
    """Start of the word ending at ``end``, or of the run of one-character words before it (an
    unknown name the segmenter cut into characters)."""
    i = ctx.word_ending.get(end)
    if i is None:
        return None
    s, e = ctx.words[i]
    if e - s > 1:
        return s
    while i > 0 and ctx.words[i - 1][1] - ctx.words[i - 1][0] == 1 and ctx.words[i - 1][1] == s and e - s < 4:
        ch = ctx.text[ctx.words[i - 1][0]]
        if not is_han(ch) or function_word(ctx, ch):  # 的, 在, 和, 这, 都, 是, 三, 个, 上
            break
        i -= 1
        s = ctx.words[i][0]
    return s


def _kind_after(ctx: Context, end: int) -> bool:
    t = ctx.text
    at = end + 1 if t[end : end + 1] == " " else end
    return any(t.startswith(k, at) for k in ctx.rules.product_kinds)


def _cue_before(ctx: Context, start: int) -> bool:
    t = ctx.text
    return any(t.endswith(cue, 0, start) for cue in ctx.rules.model_cues)
