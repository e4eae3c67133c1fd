"""The gazetteer source: the shipped entity lists (``dictionaries/entities/``), longest match first.

A listed name is refused where the text uses it as something else: as the front of a longer
common word (民政|部门, 北京|大学生), as the adjective it also is (盛大的葬礼), a person's name as a
doctrine (马克思主义). A refused match hides nothing: the scan tries shorter and later ones.
"""

from __future__ import annotations

import re

from ..candidate import Candidate
from ..context import Context
from ..names import in_name_word, known_word_at
from ..resources import _COMMON_FREQ, _word_at, is_han as _is_han

_SEQUEL = re.compile(r"[0-9]{1,2}(?![0-9.%年月日号个位名万亿元次天点时分秒岁期季级])|(?:IV|V?I{1,3}|[ⅡⅢⅣⅤⅥ])(?![A-Za-z])")


def gazetteer_candidates(ctx: Context) -> list[Candidate]:
    """The gazetteer's candidates of ``ctx.text``; a work's sequel number joins its title
    (星际争霸2, 魔兽争霸3; not 魔兽世界3月)."""
    folded, stop = ctx.text, ctx.gazetteer.stoplist
    out: list[Candidate] = []
    for m in ctx.gazetteer.find(folded, lambda m: _accept(ctx, m)):
        if folded[m.start : m.end] in stop:
            continue
        end = m.end
        if m.entry.label == "WORK_OF_ART":
            sequel = _SEQUEL.match(folded, end)
            end = sequel.end() if sequel else end
        out.append(Candidate(m.start, end, m.entry.label, "gazetteer", m.entry.name))
    return out


def _accept(ctx: Context, m) -> bool:
    """Does the text use the listed name ``m`` as a name here? (A listed common word of the
    stoplist is taken, and dropped by the caller.)"""
    folded, words, starts, ends = ctx.text, ctx.words, ctx.starts, ctx.ends
    surface = folded[m.start : m.end]
    if surface in ctx.gazetteer.stoplist:
        return True
    if (_is_han(surface) and m.end not in ends and not in_name_word(ctx.pos_table, folded, words, m.end - 1)
            and known_word_at(ctx, folded, words, m.end - 1)):
        return False  # 民政部门, 北京大学生, 中国银行业: the name is the front of a longer common word
        # (not 牛头角|及, where the segmenter's guess 角及 is no word it knows)
    if used_as_adjective(ctx, folded, m.start, m.end):
        return False  # 盛大的葬礼, 平安地: the company's name used as the word it is
    if m.entry.label == "PERSON" and folded.startswith(("主义", "列宁主义"), m.end):
        return False  # 马克思主义, 马克思恩格斯主义: a doctrine, not the person
    if m.end - m.start >= 3 or (m.start in starts and m.end in ends) or not _is_han(surface):
        return True
    # 世嘉|于, 立博|凯: a two-character name that starts a word jieba only guessed (no
    # dictionary word) is that name; inside a word jieba knows (交|行为) it is not
    glued = _word_at(words, m.start)
    return (m.entry.label in ("ORG", "PRODUCT") and glued is not None and glued == (m.start, m.end + 1)
            and not ctx.freq_table.get(folded[glued[0] : glued[1]]))


def used_as_adjective(ctx: Context, t: str, s: int, e: int) -> bool:
    """Is a name that is also a common adjective (盛大/b, 平安/a) used as one here: after 的 or a
    degree adverb (王子的盛大婚礼, 很平安), before 地, or a non-predicate adjective before 的
    (盛大的决赛)?"""
    w = t[s:e]
    tag = ctx.pos_table.get(w) or ""
    if tag not in ("a", "ad", "an", "b") or ctx.freq_table.get(w, 0) < _COMMON_FREQ:
        return False
    before = t[max(0, s - 2) : s]
    return (before[-1:] in ("的", "很", "更", "最", "太", "较") or before in ("非常", "十分", "多么", "如此", "更加", "比较")
            or t.startswith("地", e) or (tag == "b" and t.startswith("的", e)))
