"""Person names found by rules: after a title or before a speech verb, before a form of address,
dotted foreign names, bylines."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import name_at, surname_len
from ..resources import _COMMON_FREQ, _FUNCTION_POS, _LATIN_TERMS, _NAME_DOTS, _NAME_JOINERS, _NOT_NAME, _word_at, is_han as _is_han, word_list

# What follows the place of a dateline (记者巴格达1月20日电), not a name after a title.
_DATELINE = re.compile(r"[0-9０-９一二三四五六七八九十]+[月日]|电|报道")
# The forms of address that follow a full name (邱国鹭先生, Berg先生), not only a surname (王总:
# honorifics.txt and titles.txt, through address_length).
_FULL_NAME_ADDRESS = word_list("full_name_address.txt")
# A Latin-script name after a title: one word (Alex, zonTik) or capitalised words (Tim Cook).
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(?: [A-Z][a-z]+)*(?![A-Za-z0-9])")
# Titles that open a byline: the name after them is closed by the byline (（记者马力）).
_BYLINE_TITLES = frozenset(word_list("byline_titles.txt"))
_CLOSERS = set("（(、，。；：,;:!?！？”\"》\n ")  # punctuation that ends a name


# What joins the parts of a transliterated name (resources._NAME_JOINERS). Before the first joiner
# no listed name (北京-上海 are places), and the parts are transliteration characters, so a hyphen
# between other words joins no name.
_JOINERS = frozenset(_NAME_JOINERS)


def dotted_names(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """克莱·舍基, 汤姆-克鲁斯: runs of transliteration characters joined by middle dots or
    hyphens; a run of Han characters may hold several names."""
    t = ctx.text
    translit = ctx.rules.transliteration
    for m in ctx.patterns.dotted.finditer(t):
        groups = _dot_groups(t, m.start(), m.end(), translit)
        for n, dots in enumerate(groups):
            lo = groups[n - 1][-1] + 1 if n else m.start()
            last = n == len(groups) - 1
            hi = m.end() if last else groups[n + 1][0]
            s = _first_part_start(ctx, lo, dots[0], translit)
            e = dots[-1] + 1
            while e < hi and t[e] in translit:  # 舍基在 -> 舍基
                e += 1
            for address in _FULL_NAME_ADDRESS:  # 拉万奇博士: 博 and 士 transliterate too
                if t.endswith(address, dots[-1] + 3, e):
                    e -= len(address)
            # 扎东·次旺伦珠（藏族）: a name the punctuation closes needs no transliteration characters,
            # unless they already make a last part (哈莉·贝丽之后获奖。)
            closed = last and e - dots[-1] < 3 and e < hi and 2 <= hi - dots[-1] - 1 <= 6 and (hi == len(t) or t[hi] in _CLOSERS)
            if closed and not _holds_common_word(ctx, dots[-1] + 1, hi):
                e = hi
            else:
                closed = False
            inner_ok = all(t[k] in translit or t[k] in _JOINERS for k in range(s, dots[-1] + 1)) and (
                closed or all(t[k] in translit for k in range(dots[-1] + 1, e)))
            if dots[0] - s >= 1 and e - dots[-1] >= 3 and inner_ok and not _listed_place(ctx, t[s : dots[0]]):
                yield Candidate(s, e, "PERSON", "rule")


def _first_part_start(ctx: Context, lo: int, dot: int, translit: frozenset[str]) -> int:
    """Where the first part of a dotted name ending at ``dot`` starts: back over transliteration
    characters (作家克莱·舍基 -> 克莱·舍基), but not from inside a common word (总经理|戴尔-邓普斯:
    理 ends 总经理, though it starts 理查德)."""
    t, s = ctx.text, dot
    while s > lo and t[s - 1] in translit:
        s -= 1
    word = ctx.word_at(s)
    if word is not None and word[0] < s and ctx.freq(t[word[0] : word[1]]) >= _COMMON_FREQ:
        s = word[1]  # inside a common word (总经理), not a rare one the segmenter glued (和菲尔)
    return s


def _holds_common_word(ctx: Context, i: int, j: int) -> bool:
    """Does ``t[i:j]`` hold a whole common word that is not a name (也|惊呼, 表示)? Then the
    punctuation after it does not close a name."""
    t, words = ctx.text, ctx.words
    k = ctx.word_starting.get(i)
    while k is not None and k < len(words) and words[k][1] <= j:
        w = t[words[k][0] : words[k][1]]
        if _common_word(ctx, w):
            return True
        k += 1
    return False


def _common_word(ctx: Context, w: str) -> bool:
    """Is ``w`` a common word of the dictionary that is no person's name (not tagged nr)?"""
    return ctx.freq(w) >= _COMMON_FREQ and not (ctx.pos(w) or "").startswith("nr")


def _listed_place(ctx: Context, name: str) -> bool:
    """Is ``name`` a place of the gazetteer (北京-上海 joins no person; 戴尔, a listed company, may be
    a given name before a hyphen)?"""
    entry = ctx.gazetteer.lookup(name)
    return entry is not None and entry.label in ("GPE", "LOC", "FAC", "NORP")


def _transliterated(ctx: Context, t: str, i: int, j: int, words: Sequence[tuple[int, int]], ends: set[int]) -> bool:
    """Is ``t[i:j]`` a foreign name in transliteration characters (塔吉耶夫, 阿尔都塞)?

    Three characters or more, all transliteration characters, ending where the run of them
    ends or at a word end (克林顿|多次), not a known place or organisation (巴格达, 阿里巴巴)
    and not a common word. jieba cuts unknown foreign names anywhere (阿尔/都/塞在), so
    the run itself is the better boundary.
    """
    name = t[i:j]
    if j - i < 3 or not all(c in ctx.rules.transliteration for c in name):
        return False
    freq = ctx.freq_table
    word = _word_at(words, j - 1)  # the word holding the last character
    if word is not None:
        ws, we = word
        if we > j and freq.get(t[ws:we]):
            return False  # the name ends inside a known word: 克林顿|多次 (not 阿尔/都/塞在)
        last = t[ws:we]
        function = (ctx.pos_table.get(last) or "n").startswith(_FUNCTION_POS)
        if we == j and ws > i and freq.get(last, 0) >= _COMMON_FREQ and (len(last) > 1 or function):
            return False  # a common word after the name: 阿拉法特|于, 哈瓦特|博士 (not 肯纳|德)
    entry = ctx.gazetteer.lookup(name)
    if entry is not None and entry.label != "PERSON":
        return False
    return not _common_word(ctx, name)


def _read_otherwise(ctx: Context, found: Sequence[Candidate], i: int, j: int) -> bool:
    """Did the gazetteer or the model already read [i, j) otherwise: a person or place reaching
    beyond it (切梅索娃 around 切梅索), or an organisation (塔利班)? A shorter name inside
    (卡拉 for 卡拉辛, 斯塔特 for 迈斯塔特, 奥迪 in 雷奥迪卡) is a name cut short."""
    return any(
        c.start < j and i < c.end and (c.start < i or c.end > j or (c.label not in ("PERSON", "GPE", "LOC") and c.length == j - i))
        for c in found
    )


def _reads_as_words(ctx: Context, t: str, i: int, length: int, words: Sequence[tuple[int, int]]) -> bool:
    """Does the "name" at ``i`` start with a common word longer than its surname (国王|全然忘了)
    or end in one (学者谈|名人)? Then it is a phrase after a role word, not a name."""
    head = surname_len(ctx, t, i)
    word = _word_at(words, i)
    first = t[word[0] : word[1]] if word is not None and word[0] == i else ""
    return (len(first) > head and _common_word(ctx, first)) or _common_word(ctx, t[i + head : i + length])


def titled_names(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """CEO张序安, 副总经理施赛飞: a title followed by a surname and one or two characters that
    end a word (not 选手晋级四强, 教师利用自己); 教师塔吉耶夫, 财政大臣迈斯塔特: a title followed
    by a transliterated name, a person even where the model reads a place."""
    t, words, starts, ends = ctx.text, ctx.words, ctx.starts, ctx.ends
    translit = ctx.rules.transliteration
    for m in ctx.patterns.titles.finditer(t):
        i = m.end()
        byline = m.group(0) in _BYLINE_TITLES and _byline_name(t, i)
        if byline:  # （记者马力）: the byline closes the name
            yield Candidate(i, i + byline, "PERSON", "rule", precise=True)
            continue
        latin = _LATIN_NAME.match(t, i)
        if latin and latin.group().upper() not in _LATIN_TERMS and (i == 0 or not t[i - 1].isascii()):
            yield Candidate(i, latin.end(), "PERSON", "rule")  # 制片人Steven, 选手Alex (a handle too)
            continue
        zeng = _zeng_after_title(ctx, t, i)
        if zeng:  # checked on its own terms: 曾 is no surname the other checks know
            yield Candidate(i, i + zeng, "PERSON", "rule")
            continue
        length = name_at(ctx, t, i, starts)
        j = i
        while j < len(t) and t[j] in translit:
            j += 1
        if j < len(t) and t[j] in _NAME_DOTS:
            j = i  # a dotted name: dotted_names reads it
        while j - i > length and not _transliterated(ctx, t, i, j, words, ends):
            j -= 1  # 克林顿多次: back to the end of a word
        if j - i > length and not _DATELINE.match(t, j):
            if not _read_otherwise(ctx, found, i, j):
                yield Candidate(i, j, "PERSON", "rule", precise=True)
        elif length and (i + length in starts or _glued(ctx, t, i + length, words)) and not _reads_as_words(ctx, t, i, length, words):
            yield Candidate(i, i + length, "PERSON", "rule")


def _zeng_after_title(ctx: Context, t: str, i: int) -> int:
    """Length of a name with the surname 曾 right after a title (特首曾荫权), or 0.

    曾 is mostly the adverb "once" (总裁曾表示, 董事长曾经), so it is a surname here only when
    one or two characters that are no common word follow and the name ends at punctuation
    or a speech verb.
    """
    if not t.startswith("曾", i):
        return 0
    freq, pos = ctx.freq_table, ctx.pos_table
    for n in (2, 1):
        given, end = t[i + 1 : i + 1 + n], i + 1 + n
        if len(given) < n or not _is_han(given) or any(c in _NOT_NAME for c in given):
            continue
        if any(freq.get(t[i : i + k], 0) >= _COMMON_FREQ for k in (2, 3)):
            return 0  # 曾经, 曾几何时
        if _common_word(ctx, given):
            continue  # 曾|表示
        if freq.get(given[0], 0) >= 5000 and not (pos.get(given[0]) or "n").startswith(("n", "a")):
            return 0  # 曾去过, 曾任, 曾在: a frequent verb or function word after the adverb
        if end == len(t) or t[end] in _CLOSERS or ctx.patterns.speech.match(t, end):
            return n + 1
    return 0


def _glued(ctx: Context, t: str, k: int, words: Sequence[tuple[int, int]]) -> bool:
    """Did the segmenter glue a name's last character to the word after it (cut as
    冀/岩上/月)? Yes when a common word starts at ``k`` and reaches past the glued word."""
    word = _word_at(words, k)
    if word is None or word[0] == k:
        return False
    freq = ctx.freq_table
    return any(k + n >= word[1] and freq.get(t[k : k + n], 0) >= _COMMON_FREQ for n in (2, 3))


def _byline_name(t: str, i: int) -> int:
    """Length of the name in a byline after 记者/编辑 (（记者马力）, 记者何某发自北京):
    two or three Han characters the byline closes, even when they are an everyday word (马力)."""
    for length in (3, 2):
        name, after = t[i : i + length], t[i + length : i + length + 2]
        if len(name) == length and _is_han(name) and not (set(name) & _NOT_NAME):
            if i + length == len(t) or after[:1] in "）)、 \n" or after in ("报道", "发自") or after[:1] == "摄":
                return length
    return 0


def _dot_groups(t: str, start: int, end: int, translit: frozenset[str]) -> list[list[int]]:
    """The dots of a run of Han characters, grouped by name: two dots belong to one name when only
    transliteration characters stand between them, not in """
    groups: list[list[int]] = []
    for i in range(start, end):
        if t[i] in _JOINERS:
            if groups and all(t[k] in translit for k in range(groups[-1][-1] + 1, i)):
                groups[-1].append(i)
            else:
                groups.append([i])
    return groups


def spaced_names(ctx: Context, mentions: list[Candidate]) -> list[Candidate]:
    """A transliterated person's name, one space, then a run of transliteration characters the
    segmenter has no word for (希拉里 达芙: 达|芙): one name, written with a space instead of a dot.
    A mention stage rule: the person's mention runs on over the second part. Not a known word
    after the space (克林顿 布什: two people listed), not two or more spaces, not a part another
    mention holds."""
    t, translit = ctx.text, ctx.rules.transliteration
    starts = {c.start for c in mentions}
    out = []
    for c in mentions:
        e = c.end
        if (c.label == "PERSON" and t[e : e + 1] == " " and e + 1 not in starts
                and all(ch in translit for ch in t[c.start : c.end])):
            k = e + 1
            while k < len(t) and t[k] in translit:
                k += 1
            part = t[e + 1 : k]
            if 2 <= len(part) <= 4 and not ctx.freq(part) and not any(s in starts for s in range(e + 1, k)):
                c = replace(c, end=k)
        out.append(c)
    return out
