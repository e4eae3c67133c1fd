"""Names ending in an organisation or facility suffix (``dictionaries/rules/*_suffixes.txt``):
青禾市工商局, 青禾石油有限公司, 南湖公园.

The name runs back from the suffix over the words that may be part of a name (:func:`_name_run`);
before a weak suffix (汽车, 科技) there must be a brand-like word and no noun may follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from ..candidate import Candidate, by_character
from ..context import Context
from ..group import PAREN as _PAREN
from ..names import ROAD_WORDS, _ATTRIBUTE_PREFIXES, _CAPTION, _GENERIC_AFTER_PLACE, _NAME_POS, _RARE_FREQ, glued_phrase
from ..resources import _COMMON_FREQ, _DEMONSTRATIVES, _FUNCTION_POS, _NOT_NAME, is_han as _is_han, word_list

# A company's heads: after a trade word (珠宝, 地产) they make it a company's name.
_HEAD_TITLES = word_list("company_head_titles.txt")
# A company's head or staff after its name
_STAFF_AFTER = re.compile("的?(?:" + "|".join(_HEAD_TITLES + ("总监", "负责人", "工作人员", "发言人", "高管", "助理")) + ")")
# 普益财富统计显示: a company's findings, as a company's speech
_FINDINGS = re.compile("(?:研究|统计|调查|分析|研报|报告|数据|测算)(?:表明|显示|认为|指出|发现)")
# Function characters an unknown word may have glued to the front of a name (为腾易 -> 腾易).
_LEAD_FUNCTION = set("的了是在和与及并也都又还就则而但把被让给为到从于对向将由这")
# Last characters of unknown verb phrases that run into a suffix (多到商场).
_VERB_ENDINGS = set("到至了着过在给向从对把被")
_ASPECT = frozenset("了着过")  # aspect particles: what comes before them is a verb
# Tags of the first character of an unknown three-character word ending in a one-character
# suffix that make it a phrase, not a name (回|母队, 胜|三局): MSRA held-out 0.9018 -> 0.9023, no
# other split moves.
_GUESSED_PHRASE_POS = ("v", "d", "p", "c", "r", "m", "q")
# Characters that make the words before a suffix a kind, not a name (偏股型基金, 封闭式基金).
_TYPE_MARKERS = frozenset("型式类")
# One-character nouns a suffix word can modify (酒店区, 银行业, 公司界): the whole is not a name.
_COLLECTIVE_NOUNS = frozenset("区业界群圈类")
_FUND_TYPES = frozenset({"LOF", "ETF", "QDII", "FOF", "QFII", "RQFII", "REIT", "REITS", "MOM"})
_VERSUS = frozenset(word_list("versus.txt"))  # 甲队vs乙队
# Trades in a company's name that jieba tags as verbs (竹木开发有限公司, 旅游开发公司, 投资控股集团).
_TRADE_VERBS = frozenset(word_list("trade_verbs.txt"))


def org_suffixes(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    return suffixed(ctx, found, ctx.rules.org_suffixes, "ORG")


def facility_suffixes(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    return suffixed(ctx, found, ctx.rules.facility_suffixes, "FAC")


@dataclass
class _Index:
    """The candidates by character, and the words by start and by end, of one text."""

    covered: dict[int, Candidate]
    by_start: dict[int, int]
    by_end: dict[int, int]
    ends: set[int]


def suffixed(ctx: Context, found: Sequence[Candidate], suffixes, label: str) -> Iterable[Candidate]:
    """青禾市工商局, 青禾石油有限公司, 南湖公园: name-like words followed by an organisation (or
    facility) suffix.

    A suffix inside a longer dictionary word (布局, 格局) does not count unless that word
    is itself an organisation word (工商局: POS j/nt) or unknown. Before a weak suffix
    (汽车, 科技) there must be a brand-like word, and no noun may follow (腾讯汽车产业
    is not an organisation). Before a parenthesised abbreviation (事业群(CSIG)) the name
    runs back to the verb or punctuation before it.
    """
    t = ctx.text
    covered = by_character(found)
    index = _Index(covered, ctx.word_starting, ctx.word_ending, set(ctx.word_ending) | {len(t)})
    for suffix, weak in suffixes:
        if suffix not in t:
            continue  # most suffixes are in no given text: one test, not a generator each
        for ss in find_all(t, suffix):
            se = ss + len(suffix)
            head = _suffix_head(ctx, index, ss, se, suffix)
            start = _name_start(ctx, index, head, ss, se, suffix, weak) if head is not None else None
            if start is not None:
                yield Candidate(start, se, label, "rule")


def _suffix_head(ctx: Context, index: _Index, ss: int, se: int, suffix: str) -> int | None:
    """The word holding the suffix at [ss, se), where it may end a name (else None)."""
    t, words, pos, freq = ctx.text, ctx.words, ctx.pos_table, ctx.freq_table
    if se not in index.by_end or (ss > 0 and t[ss - 1] in _TYPE_MARKERS):
        return None  # 偏股型基金, 封闭式基金, 创新型公司: a kind of fund or company, not a name
    if ss > 0 and t[ss - 1] in _ATTRIBUTE_PREFIXES:
        return None  # 反政府组织, 非营利教育机构: an attribute, not a body
    if t[se : se + 1] in _COLLECTIVE_NOUNS:
        return None  # 尖沙嘴酒店区, 银行业: the suffix word describes a district or a trade
    if ss in index.by_start:
        return index.by_start[ss]
    # the suffix ends a longer word: only an organisation word or an unknown one
    head = index.by_end[se]
    word = t[words[head][0] : se]
    # 工商局, 监管局: an organisation word; 布局, 格局: a common two-character noun.
    if not (pos.get(word) in ("nt", "j", "nz") or not freq.get(word) or len(word) >= 3):
        return None
    if len(suffix) == 1 and len(word) == 2 and not freq.get(word):
        return None  # 配队, 归队: a verb and 队 the segmenter only guessed, no team's name
    return head


def _name_start(ctx: Context, index: _Index, head: int, ss: int, se: int, suffix: str, weak: bool) -> int | None:
    """Where the name ending in the suffix at [ss, se) starts (None: no name there)."""
    t, words, pos, freq = ctx.text, ctx.words, ctx.pos_table, ctx.freq_table
    nxt = words[index.by_end[se] + 1] if index.by_end[se] + 1 < len(words) else None
    abbreviated = _PAREN.match(t, se) is not None and re.match(r"\s?[(（][A-Za-z]", t[se:]) is not None
    # The subject of a statement is a company, not a trade.
    said = (ctx.patterns.speech.match(t, se) or _FINDINGS.match(t, se)) if weak else None
    speaker = said is not None and said.end() in index.ends  # not 分析|师 (an analyst)
    # A title after the name says it is a company (青禾地产总经理)
    titled = weak and _STAFF_AFTER.match(t, se) is not None  # (not 基金|分析师: a fund analyst)
    if weak and nxt is not None and not speaker and not titled:
        nword = t[nxt[0] : nxt[1]]
        if _is_han(nword) and (pos.get(nword) or "n")[0] == "n":
            return None
        if nword in _ASPECT:
            return None  # 腾讯投资了, 青禾设计过: a trade that is also a verb, used as one
    if suffix == "基金" and head > 0 and t[words[head - 1][0] : words[head - 1][1]].upper() in _FUND_TYPES:
        return None  # LOF基金, QDII基金: a kind of fund
    # 渣打银行/nt: a whole name for the segmenter is extended only by names before it, not
    # by a rare word it glued wrongly
    whole = ss not in index.by_start and pos.get(t[words[head][0] : se]) == "nt" and se - words[head][0] >= 4
    start, brand = _name_run(ctx, t, words, head, index.covered, pos, freq, abbreviated, suffix, weak, whole)
    if start is None and titled and head > 0 and _brand_word(ctx, t[words[head - 1][0] : words[head - 1][1]]):
        start, brand = words[head - 1][0], True
    if start is None:
        head_word = t[words[head][0] : se]
        # A lexicon entry tagged as a name (nt/nz), not a domain term (基金公司 n).
        lexicon_name = ctx.lexicon_tags.get(head_word) in ("nt", "nz")
        if not (words[head][0] < ss and (lexicon_name or not freq.get(head_word))):
            return None  # 人民政府: a generic dictionary word
        if not lexicon_name and len(head_word) == 3 and (pos.get(head_word[0]) or "").startswith(_GUESSED_PHRASE_POS):
            return None  # 回母队, 胜三局: a verb (or adverb ...) and the suffix the segmenter guessed into one word
        start, brand = words[head][0], True  # one word that is a name (a lexicon entry)
    if speaker and not brand:  # ... but not a country's or province's trade (中国汽车表示)
        place = ctx.gazetteer.lookup(t[start:ss])
        speaker = place is None or place.label not in ("GPE", "LOC")
    if (weak or suffix in _GENERIC_AFTER_PLACE) and not brand and not speaker and not titled:
        return None  # 中国汽车, 美国公司: a place before a weak or generic suffix is not an organisation
    if t[start] in _DEMONSTRATIVES:
        return None  # 这片湿地保护区: "this reserve" names none
    while start < ss and t[start] in _LEAD_FUNCTION:
        start += 1  # 为腾易科技 -> 腾易科技
    return start if start < ss else None


def _brand_word(ctx: Context, w: str) -> bool:
    """May the word ``w`` name a company before a trade word when a title follows (润泽|地产
    总经理)? A Han word of two to four characters that is no frequent word, no domain term
    of the lexicon (新能源) and no function word."""
    freq, pos = ctx.freq_table, ctx.pos_table
    return (_is_han(w) and 2 <= len(w) <= 4 and freq.get(w, 0) < _COMMON_FREQ and (pos.get(w) or "n")[0] in "nj"
            and w not in ctx.lexicon_tags and w not in ctx.gazetteer.stoplist)


def _name_run(ctx: Context, t, words, head, covered, pos, freq, abbreviated, suffix="", weak=False, whole=False):
    """Walk back from word ``head`` over the words of an organisation name.

    The walk stops at a versus (布莱克本队vs利物浦队) and at the suffix word itself ending
    another name (甲队|乙队): a name does not hold two of them. Before a ``whole`` name (a
    word the segmenter tags nt) a rare word is no part of it, only names are.

    Returns (start, brand): where the name starts (None: no name-like word) and whether
    a non-place name-like word is in it.
    """
    start, brand = None, False
    j = head - 1
    limit = 10 if abbreviated else 6
    while j >= 0 and head - j <= limit:
        bs, be = words[j]
        prev = t[bs:be]
        if (be != words[j + 1][0] or not (_is_han(prev) or prev.isascii() and prev.isalnum()) or prev in _CAPTION
                or prev[0] == "等"  # 印度等国 (大使馆): a list ends there
                or prev.lower() in _VERSUS or prev == suffix):
            break
        if start is not None and _street(ctx, prev):
            break  # 雁塔路|赛格电脑城: a street before a name is its address (琅琊路|小学 is named after it)
        tag = pos.get(prev)
        cand = covered.get(bs)
        # A rare word may be a name; a rare idiom, verb or attribute (与民争利, 得利于, 副处级) is not.
        rare = (
            not whole
            and _is_han(prev)
            and freq.get(prev, 0) < _RARE_FREQ
            and len(prev) >= 2
            and (tag is None or tag[0] in "nj")
            and prev[-1] not in _VERB_ENDINGS  # 多到 (商场), 诉至 (法院): a verb phrase jieba does not know
            and not glued_phrase(ctx, prev)  # 不谈 (政府), 以省 (公司): a function character glued on
            # 仓位 (基金), 断面 (石油): before a weak suffix a common noun jieba knows, however
            # rare, is no brand (步长公司 before a strong one may be)
            and not (weak and tag == "n" and freq.get(prev) and prev not in ctx.lexicon_tags)
        )
        latin = prev.isascii() and any(c.isalpha() for c in prev)
        # 中介/j, 房产/j: a frequent abbreviation is a trade (中介公司), not a company's short name
        common_abbreviation = tag == "j" and len(prev) >= 2 and freq.get(prev, 0) >= _COMMON_FREQ
        name_like = cand is not None or (tag in _NAME_POS and tag != "nr" and not common_abbreviation) or rare or latin
        if abbreviated:
            if tag is not None and tag.startswith("v") and not name_like:
                break
            start = bs
            brand = brand or not (tag == "ns" or (cand is not None and cand.label in ("GPE", "LOC")))
        else:
            if not name_like and (tag is None or tag.startswith(_FUNCTION_POS) or prev in _NOT_NAME) and not (
                    prev in _TRADE_VERBS and suffix.endswith(("公司", "集团"))):  # 砭石|开发|有限公司: a company's trade
                break
            if name_like:
                start = bs
                place = (cand is not None and cand.label in ("GPE", "LOC")) or tag == "ns"
                brand = brand or not place
        j -= 1
    return start, brand


_STREET_WORDS = tuple(w for w in ROAD_WORDS if w not in ("道", "径"))


def _street(ctx: Context, word: str) -> bool:
    """A street's name (雁塔路, 长安街: three Han characters or more ending in a street word other
    than 道 and 径, which end many a coined company name too: 德和永道|投资), not a phrase the
    segmenter's guesser glued."""
    if word in _STREET_WORDS:
        return True  # 杏林|路: the segmenter cut the street word off its name
    return len(word) >= 3 and word.endswith(_STREET_WORDS) and _is_han(word) and not glued_phrase(ctx, word)


def find_all(text: str, word: str) -> Iterator[int]:
    """Where ``word`` starts in ``text``, left to right, without overlaps (as ``re.finditer`` of
    the escaped word, at a fraction of its cost)."""
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + len(word))
