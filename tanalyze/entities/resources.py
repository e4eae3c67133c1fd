"""Rule resources of the entity stage and the text tests its rule modules share.

``load_rules()`` reads the word lists of ``dictionaries/rules/`` once per process (surnames,
titles, speech verbs, organisation, event and facility suffixes, transliteration characters,
forms of address, companies named by an everyday word). The constants below are used by
:mod:`tanalyze.entities` and :mod:`tanalyze.entities.people` alike.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..errors import ResourceError
from ..lexicon import dictionaries_dir, read_lines

# Characters that do not end (or continue) a Chinese personal name.
_NOT_NAME = set("的了是在和与及并也都又还就则而但把被让给为到从于对向将已曾说称认表指提等各均亦即因所这那其该每个们摄时地中上下里内外来")
_FUNCTION_POS = ("v", "p", "c", "u", "d", "r", "m", "q", "f", "y", "e", "o", "x", "w", "uj", "ul", "ud", "ug", "uz", "uv", "t")
_COMMON_FREQ = 100  # a jieba word this frequent is an ordinary word, whatever its tag
_NUMERAL_CHARS = set("一二三四五六七八九十两几百千万零〇0123456789")
_DEMONSTRATIVES = "这那每各几哪该此"  # 这位先生, 这位卡尔森先生: 位 is a measure word, not a surname
_NAME_DOTS = frozenset("·•・‧")
# What joins the parts of a transliterated name: a middle dot, or a hyphen as sports pages write it
# (汤姆-克鲁斯). In this order in the patterns.
_NAME_JOINERS = "·•・‧-－‐"
# Latin words of business writing that are no body's name or person's (公司CEO, 机构IPO, 选手ID).
_LATIN_TERMS = frozenset(
    "CEO CFO CTO COO CMO CIO CSO VP IPO APP AI IT PC VR AR MR XR GDP CPI PPI PMI PE VC PR HR KPI ROI API SDK OS UI "
    "UX IP ID LOGO B2B B2C C2C O2O SAAS PAAS IAAS CRM ERP SUV MPV EV PHEV BEV LTE WIFI GPS NFC USB LED LCD OLED CPU "
    "GPU TV DVD CD MV PPT PDF OK VIP FAQ Q1 Q2 Q3 Q4 H1 H2 FY ESG AUM NAV ETF LOF QDII FOF REITS REIT".split()
)


@dataclass(frozen=True)
class Rules:
    """Rule resources from ``dictionaries/rules/``."""

    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    titles: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    org_suffixes: tuple[tuple[str, bool], ...]  # (suffix, weak), longest first
    facility_suffixes: tuple[tuple[str, bool], ...]
    transliteration: frozenset[str]
    honorifics: tuple[str, ...] = ()
    cued_brands: tuple[tuple[str, str], ...] = ()  # (short form, canonical name)
    brand_cues: tuple[str, ...] = ()  # 发布, 股价: what says the short form before it is the company
    product_kinds: frozenset[str] = frozenset()  # 奶粉, 手机: what a brand's name comes before
    brand_markers: frozenset[str] = frozenset()  # 牌, 品牌: words that make the word before a brand
    model_cues: tuple[str, ...] = ()  # 这款, 新机: words that make the code after them a model
    goods_descriptors: frozenset[str] = frozenset()  # 长焦, 白电: descriptions of goods, no brands
    cued_teams: tuple[tuple[str, str], ...] = ()  # (short form that is an everyday word, canonical club)
    match_cues: tuple[str, ...] = ()  # 不敌, 主场: what makes a clause the report of a match


def _words(name: str) -> list[str]:
    path = dictionaries_dir().joinpath("rules", name)
    return [w for _, line in read_lines(path) for w in line.split()]


def _pairs(name: str) -> tuple[tuple[str, str], ...]:
    """(word, value) pairs of a two-column (TAB-separated) rule file."""
    path = dictionaries_dir().joinpath("rules", name)
    out = []
    for lineno, line in read_lines(path):
        parts = line.split("\t")
        if len(parts) != 2 or not all(p.strip() for p in parts):
            raise ResourceError(f"{path}:{lineno}: expected two TAB-separated fields, got {line!r}")
        out.append((parts[0].strip(), parts[1].strip()))
    return tuple(out)


def _suffixes(name: str) -> tuple[tuple[str, bool], ...]:
    """(suffix, weak) pairs of a suffix file, longest first."""
    out = []
    for _, line in read_lines(dictionaries_dir().joinpath("rules", name)):
        parts = line.split()
        out.append((parts[0], len(parts) > 1 and parts[1] == "weak"))
    return tuple(sorted(out, key=lambda s: len(s[0]), reverse=True))


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """The words of the rule list ``dictionaries/rules/NAME``, in the file's order (the order
    decides where a list becomes a regular expression's alternatives)."""
    return tuple(_words(name))


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Load the rule word lists once per process."""
    surnames = _words("surnames.txt")
    return Rules(
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=frozenset(s for s in surnames if len(s) == 2),
        titles=tuple(sorted(set(_words("titles.txt")), key=len, reverse=True)),
        speech_verbs=tuple(sorted(set(_words("speech_verbs.txt")), key=len, reverse=True)),
        org_suffixes=_suffixes("org_suffixes.txt"),
        facility_suffixes=_suffixes("facility_suffixes.txt"),
        transliteration=frozenset("".join(_words("transliteration_chars.txt"))),
        honorifics=tuple(sorted(set(_words("honorifics.txt")), key=len, reverse=True)),
        cued_brands=_pairs("cued_brands.txt"),
        brand_cues=tuple(_words("brand_cues.txt")),
        product_kinds=frozenset(_words("product_kinds.txt")),
        brand_markers=frozenset(_words("brand_markers.txt")),
        model_cues=tuple(_words("model_cues.txt")),
        goods_descriptors=frozenset(_words("goods_descriptors.txt")),
        cued_teams=_pairs("cued_teams.txt"),
        match_cues=tuple(_words("match_cues.txt")),
    )


# Adverbs that may come between a name and its speech verb (王明曾经表示; 笑说: said with a smile).
_ADVERBS = word_list("speech_adverbs.txt")
# What follows a company, not an apple or a thought: 苹果发布, 联想股价, 吉利表示, 苹果CEO.
HAN = "\u3400-\u4dbf\u4e00-\u9fff"  # the Han ranges names are read in
_ALL_HAN = re.compile("[\u3400-\u9fff]+")


def is_han(s: str) -> bool:
    """Every character of ``s`` (not empty) is Han (U+3400..U+9FFF)."""
    return _ALL_HAN.fullmatch(s) is not None


@dataclass(frozen=True)
class Patterns:
    """The rules' patterns and word sets built from the word lists (:func:`load_rules`)."""

    titles: re.Pattern[str]  # any title (总经理, 教授), longest first
    speech: re.Pattern[str]  # a speech verb, an adverb before it allowed (也表示)
    dotted: re.Pattern[str]  # a run of Han characters with middle dots or hyphens (克莱·舍基, 汤姆-克鲁斯)
    org_suffix_words: frozenset[str]  # the organisation suffixes that are not weak
    facility_suffix_words: frozenset[str]
    org_suffix_ends: tuple[str, ...]  # the same, for str.endswith
    org_suffix_any: tuple[str, ...]  # every organisation suffix, weak ones too
    facility_suffix_ends: tuple[str, ...]


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """Build the rules' patterns once per process."""
    rules = load_rules()
    org_words = frozenset(x for x, weak in rules.org_suffixes if not weak)
    facility_words = frozenset(x for x, weak in rules.facility_suffixes if not weak)
    return Patterns(
        titles=re.compile("|".join(re.escape(t) for t in rules.titles), re.I),
        speech=re.compile("(?:" + "|".join(_ADVERBS) + ")?(?:" + "|".join(re.escape(v) for v in rules.speech_verbs) + ")"),
        # The pattern starts only where a run starts (the lookbehind; the same matches): tried at
        # every position of a long run, they backtracked over the rest of it (10 s on 10,000 Han).
        dotted=re.compile(rf"(?<![{HAN}])[{HAN}]+(?:[{re.escape(_NAME_JOINERS)}][{HAN}]+)+"),
        org_suffix_words=org_words,
        facility_suffix_words=facility_words,
        org_suffix_ends=tuple(sorted(org_words)),
        org_suffix_any=tuple(s for s, _ in rules.org_suffixes),
        facility_suffix_ends=tuple(sorted(facility_words)),
    )


@lru_cache(maxsize=1)
def _address_words() -> re.Pattern[str]:
    rules = load_rules()
    words = sorted(set(rules.honorifics) | set(rules.titles), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), re.I)


def address_length(t: str, i: int) -> int:
    """Length of the form of address or title right after a name at ``i`` (陈|先生, 江|主席,
    王|总经理: the longest), or 0."""
    m = _address_words().match(t, i)
    return m.end() - i if m else 0


def _word_at(words: Sequence[tuple[int, int]], k: int) -> tuple[int, int] | None:
    """The word span (of sorted, non-overlapping ``words``) holding character ``k``, or None."""
    i = bisect_right(words, (k, sys.maxsize)) - 1
    return words[i] if i >= 0 and words[i][0] <= k < words[i][1] else None


def words_overlapping(words: Sequence[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    """The word spans (of sorted, non-overlapping ``words``) that share a character with [s, e),
    found by bisection: the cost is the number of those words, not of all words."""
    i = max(0, bisect_right(words, (s, sys.maxsize)) - 1)
    out = []
    while i < len(words) and words[i][0] < e:
        if words[i][1] > s:
            out.append(words[i])
        i += 1
    return out
