"""Funds and wealth products named by their structure (嘉实稳健混合, 博时新兴成长股票, 华夏沪深300ETF).

Financial news names a fund by its issuer's short name, the fund's style or theme, and its kind:
博时 + 新兴成长 + 股票, 南方 + 中证500 + 指数基金, 嘉实 + 天鼎 (a coined word) alone in a list of
funds. No list can hold the thousands of funds, but their names are made of few parts, so this rule
reads them: an issuer (``dictionaries/rules/fund_issuers.txt``) at a word's start, then a run of
fund words (``fund_words.txt``: 稳健, 成长, 沪深, 红利), index numbers (300), other issuers (长盛中信
全债) and coined or rare name words (天鼎, 同德), then optionally kinds (``fund_kinds.txt``: 混合,
股票, 指数基金, 联接; in Latin, 300ETF, A, read by a pattern). The name is a PRODUCT when the run
has a style piece and either ends in a kind or stands in a sentence of fund reporting
(``fund_cues.txt``: 基金, 净值, 分红), or where the document has named the same fund so. The
issuer with 基金 alone is the company (嘉实基金: ORG, the gazetteer's), and a run the gazetteer
lists as a company is left to it. Two older shapes are read too: a closed-end fund written 基金
+ two fund-name characters (基金开元, ``fund_name_chars.txt``), and an investment fund named after
a place (青禾湖产业投资基金) or in quotation marks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import function_word, glued_phrase
from ..resources import _NOT_NAME, HAN, is_han, word_list

_NAME_TAGS = ("nz", "nr", "nrt", "ns")
_RARE = 50  # a name-tagged word rarer than this may be a fund's coined word (天鼎/nz, 同德/nrt)
_OLD_RARE = 500  # 基金 + a name word: the closed-end funds were named after places and eras (开元/nz)
# Kinds that alone after an issuer make no fund: the company (嘉实基金), its wealth business.
_GENERIC_KINDS = frozenset({"基金", "投资基金", "证券投资基金", "理财", "A类", "C类"})
# A fund word and an index number in one word (沪深300, 中证500).
_WORD_NUMBER = re.compile(r"(\D+?)[0-9]{2,4}")
# An index number and its kind in Latin letters, one run: 300ETF, 50LOF, 500A.
_CODED = re.compile(r"([0-9]{2,4})?(ETF|LOF|QDII|FOF|[ABC])?(?![0-9A-Za-z.%％年月日号元亿万只家点倍股])")
# A fund named after a place: 青禾湖产业投资基金, 青禾股权投资基金.
_PLACE_FUND = re.compile(r"(?:产业|股权|创业|风险|产业股权|创业风险)?投资基金")
_PLACE_LABELS = ("GPE", "LOC", "FAC")
# “青禾增长投资基金”: a fund's name in quotation marks (“金牛基金”, an award, ends otherwise).
_QUOTED_FUND = re.compile(rf"[“「]([{HAN}]{{2,10}}投资基金)[”」]")


@lru_cache(maxsize=1)
def _lists() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Issuers and kinds (longest first), fund words, cues."""
    issuers = tuple(sorted(set(word_list("fund_issuers.txt")), key=len, reverse=True))
    kinds = tuple(sorted(set(word_list("fund_kinds.txt")), key=len, reverse=True))
    return issuers, frozenset(word_list("fund_words.txt")), kinds, word_list("fund_cues.txt")


def fund_names(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """The rule: PRODUCT candidates for the funds named issuer + fund words (+ kind), for 基金 +
    a coined name, and for a place's investment fund."""
    t = ctx.text
    yield from _issued_funds(ctx, found, [m.start() for m in _issuer_at().finditer(t) if m.start() in ctx.word_starting])
    yield from _closed_end_funds(ctx)
    yield from _place_funds(ctx, found)


def _issued_funds(ctx: Context, found: Sequence[Candidate], starts: list[int]) -> Iterable[Candidate]:
    """The funds named issuer + fund words (+ kind) at the word starts ``starts`` where an issuer's
    name begins."""
    if not starts:
        return
    t = ctx.text
    cues = _lists()[3]
    companies = {(c.start, c.end) for c in found if c.source == "gazetteer" and c.label == "ORG"}
    by_first = _issuers_by_first()
    named: set[str] = set()  # the funds named so far and their beginnings (嘉实天璇 of 嘉实天璇基金)
    uncued = []
    for s in starts:
        issuer = next((i for i in by_first.get(t[s], ()) if t.startswith(i, s) and s + len(i) in ctx.ends), None)
        if issuer is None:
            continue
        end, styled, kind = _fund_run(ctx, s + len(issuer))
        if end is None or (s, end) in companies:
            continue
        if (styled and kind) or ((styled or kind) and _cued(ctx, s, cues)):
            named.update(t[s:k] for k in range(s + len(issuer) + 1, end + 1))
            yield Candidate(s, end, "PRODUCT", "rule", precise=True)
        elif styled:
            uncued.append((s, end))
    # A fund the document named in a sentence of fund reporting is named again without a cue.
    yield from (Candidate(s, e, "PRODUCT", "rule", precise=True) for s, e in uncued if t[s:e] in named)


def _fund_run(ctx: Context, k: int) -> tuple[int | None, bool, bool]:
    """End of the fund words and kinds from ``k`` (None: none), whether a style piece is among
    them, and whether the name ends in a specific kind (股票, ETF; not 基金 alone). After a kind
    only kinds follow (嘉实稳健混合|A, 华夏300|ETF|联接; 嘉实稳健基金|增持 ends at 基金)."""
    t, start = ctx.text, k
    end, styled, kind, closed = None, False, False, False
    while k in ctx.word_starting:
        m = _CODED.match(t, k)
        if m is not None and m.end() > k and m.end() in ctx.ends and not (closed and m.group(1)):
            k = end = m.end()  # 300ETF, cut by the segmenter as 30|0ETF
            styled = styled or m.group(1) is not None
            kind = kind or len(m.group(2) or "") > 1  # a share class (A) alone makes no fund
            closed = closed or m.group(2) is not None
            continue
        piece = _kind_at(ctx, k)
        if piece is not None:
            k = end = k + len(piece)
            kind, closed = kind or piece not in _GENERIC_KINDS, True
            continue
        if closed:
            break
        we = _fund_word_at(ctx, k)
        if we is None:
            break
        k = end = we
        styled = True
    if end is not None and t[end - 1] == "型" and t[end - 3 : end] not in ("成长型", "价值型"):
        end -= 3  # 灵活配置混合型 with no 基金 after it: the kind of fund, not its name
    return (end if end is not None and end > start else None), styled, kind


def _kind_at(ctx: Context, k: int) -> str | None:
    """The longest kind at ``k`` that ends at a word boundary."""
    t = ctx.text
    return next((x for x in _lists()[2] if t.startswith(x, k) and k + len(x) in ctx.ends), None)


def _fund_word_at(ctx: Context, k: int) -> int | None:
    """End of the piece of a fund's name at ``k``, between issuer and kind: the longest fund word
    or issuer (长盛|中信) that ends at a word boundary (蓝海, also where the segmenter cut it 蓝|海),
    or the word at ``k`` where it is a coined or rare name word of two characters (天鼎; no phrase
    the segmenter's guesser glued, 这几)."""
    t = ctx.text
    issuers, words, _, _ = _lists()
    for n in range(min(_longest(), len(t) - k), 1, -1):
        if k + n in ctx.ends and (t[k : k + n] in words or t[k : k + n] in issuers):
            return k + n
    ws, we = ctx.words[ctx.word_starting[k]]
    w = t[ws:we]
    m = _WORD_NUMBER.fullmatch(w)
    if m is not None:  # 沪深300, one word of the segmenter's lexicon
        return we if m.group(1) in words else None
    if not is_han(w) or len(w) != 2 or w in ctx.gazetteer.stoplist or glued_phrase(ctx, w) or w[-1] in _NOT_NAME:
        return None
    freq, tag = ctx.freq(w), ctx.pos(w) or ""
    return we if freq == 0 or (tag.startswith(_NAME_TAGS) and freq < _RARE) else None


@lru_cache(maxsize=1)
def _issuer_at() -> re.Pattern:
    """Every place where an issuer's name begins (a lookahead: overlapping places too), so that
    a text naming no issuer costs one scan."""
    return re.compile("(?=" + "|".join(map(re.escape, _lists()[0])) + ")")


@lru_cache(maxsize=1)
def _issuers_by_first() -> dict[str, tuple[str, ...]]:
    """The issuers by their first character, longest first (one look-up per word)."""
    out: dict[str, list[str]] = {}
    for i in _lists()[0]:
        out.setdefault(i[0], []).append(i)
    return {c: tuple(v) for c, v in out.items()}


@lru_cache(maxsize=1)
def _longest() -> int:
    issuers, words, _, _ = _lists()
    return max(len(w) for w in (*issuers, *words))


def _cued(ctx: Context, k: int, cues: Sequence[str]) -> bool:
    """Is there a word of fund reporting in the sentence holding ``k``?"""
    sentence = ctx.sentence_at(k)
    return sentence is not None and any(c in ctx.text[sentence[0] : sentence[1]] for c in cues)


def _closed_end_funds(ctx: Context) -> Iterable[Candidate]:
    """基金开元, 基金景宏: 基金 at a word's start after no Han word of a longer name (a mark, a
    function word) and two characters of fund names (``fund_name_chars.txt``) that make no
    common word (基金同业 is none)."""
    t, chars = ctx.text, _name_chars()
    for i, (s, e) in enumerate(ctx.words[:-1]):
        if t[s:e] != "基金" or ctx.words[i + 1][0] != e:
            continue
        if i > 0 and is_han(t[ctx.words[i - 1][0] : s]) and not function_word(ctx, t[ctx.words[i - 1][0] : s]):
            continue  # 社保基金, 私募基金: a kind of fund before
        ns, ne = ctx.words[i + 1]
        w = t[ns:ne]
        if len(w) != 2 or not set(w) <= chars:
            continue
        freq, tag = ctx.freq(w), ctx.pos(w) or ""
        if freq == 0 or (tag.startswith(_NAME_TAGS) and freq < _OLD_RARE):
            yield Candidate(s, ne, "PRODUCT", "rule", precise=True)


@lru_cache(maxsize=1)
def _name_chars() -> frozenset[str]:
    return frozenset("".join(word_list("fund_name_chars.txt")))


def _place_funds(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """A place another source found, right before an investment fund (青禾湖产业投资基金), and an
    investment fund's name in quotation marks (“青禾增长投资基金”)."""
    t = ctx.text
    for c in found:
        if c.label in _PLACE_LABELS:
            m = _PLACE_FUND.match(t, c.end)
            if m is not None:
                yield Candidate(c.start, m.end(), "PRODUCT", "rule", precise=True)
    for m in _QUOTED_FUND.finditer(t):
        yield Candidate(m.start(1), m.end(1), "PRODUCT", "rule", precise=True)
