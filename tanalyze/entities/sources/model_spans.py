"""Where a model name starts and ends: the model's spans moved off common words it took in.

The model reads characters; it often starts a name inside a common word before it (其中|兴业银行)
and runs on into what the body did (杭州市中院|公开审理, 新浪乐居|承办), a verb with its aspect
particle (演出了) or a list's 等. These functions give the span's start and end from the
segmenter's words and their tags (``ctx.pos_table``, ``ctx.freq_table``).
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from typing import Sequence

from ..context import Context
from ..names import _BODY_KINDS, org_head, surname_len
from ..resources import _COMMON_FREQ, _NAME_DOTS, _word_at, address_length, is_han as _is_han

_QUOTES = frozenset("“”‘’\"'「」『』")
_RELATIONAL = ("旗下", "下属", "所属", "麾下")  # 青禾基金公司|旗下基金: what belongs to the body


_OPENING_MARKS = "“‘「『《〈"
_CLOSING_MARKS = "”’」』》〉"


def quoted_part(folded: str, s: int, e: int) -> tuple[int, int]:
    """A model name runs across no quotation mark or title bracket: a quoted or titled name is one
    unit. Where the span opens a mark it does not close (台湾“中央社), the name is what follows the
    mark; where it closes one it did not open (新闻局”广电处), what precedes the mark."""
    span = folded[s:e]
    opened = max(span.rfind(m) for m in _OPENING_MARKS)
    if opened >= 0 and not any(m in span[opened:] for m in _CLOSING_MARKS):
        s += opened + 1
        span = folded[s:e]
    closed = min((k for k in (span.find(m) for m in _CLOSING_MARKS) if k >= 0), default=-1)
    if closed >= 0 and not any(m in span[:closed] for m in _OPENING_MARKS):
        e = s + closed
    return s, e


def model_start(ctx: Context, t: str, words: Sequence[tuple[int, int]], starts: set[int], s: int, e: int) -> int | None:
    """Where a model name should start: not inside a common word the segmenter found before
    it (其中|兴业银行, not), when the rest starts a word of its own. None when the
    rest is a common word too (上周|公布: no name at all)."""
    if s in starts:
        return s
    word = _word_at(words, s)
    if word is None or word[1] >= e - 1 or word[1] not in starts:
        return s
    freq, pos = ctx.freq_table, ctx.pos_table

    def common(w: str) -> bool:
        return freq.get(w, 0) >= _COMMON_FREQ and (pos.get(w) or "n")[:2] not in ("nr", "ns", "nt", "nz")

    if not common(t[word[0] : word[1]]):
        return s
    return None if common(t[word[1] : e]) else word[1]


def trim_model_span(ctx: Context, t: str, words: Sequence[tuple[int, int]], s: int, e: int, label: str) -> int:
    """Where a model name should end: a person not after a verb it took whole (王宏远加盟 ->
    王宏远). Names are often split oddly by the segmenter (余 艳红刚), so a person is only cut
    when it is longer than a Chinese name can be. (Cutting organisations and places at the
    segmenter's words lost more names than it fixed on PFR days 20-24.) An organisation,
    building or place is cut only before what belongs to it (旗下), a verb with its aspect particle or a final verb, and
    a closing quote is never part of a name (”), nor a middle dot. (Cutting it after its head
    word, 杭州市中院|公开审理, cut more right names than wrong ones with the CRF: 空军|基地.)"""
    while e > s and (t[e - 1] in _QUOTES or t[e - 1] in _NAME_DOTS):
        e -= 1  # nor the middle dot of a name cut at the excerpt's end (米切尔·)
    if label in ("ORG", "FAC", "GPE", "LOC"):
        # 百度|等公司: "and others" ends a list, never a name (not 高等法院);
        # a name does not run on past a possessive 的, nor past 在
        for ch in "等的在":
            k = t.find(ch, s + 2, e)
            if k > 0 and _word_at(words, k) == (k, k + 1):
                e = k
        e = before_relational(t, s, e)
        e = before_floor(ctx, t, s, e)
        e = before_aspect(ctx, t, words, s, e)
        return before_final_verb(ctx, t, words, s, e) if e > s else e
    head = surname_len(ctx, t, s) if label == "PERSON" else 0
    if head and e - s > head and address_length(t, s + head) == e - s - head:
        return s + head  # 王总, 仇先生: the surname, then a form of address
    if label != "PERSON" or e - s < 5 or not _is_han(t[s:e]):
        return e
    ws, we = _word_at(words, e - 1) or (e, e)  # the word holding the last character
    w = t[ws:we]
    if we == e and ws - s >= 2 and ctx.freq_table.get(w, 0) >= _COMMON_FREQ and not (
            len(w) == 1 and all(ch in ctx.rules.transliteration for ch in t[s:e])):  # 阿斯普里|拉: a transliteration's last syllable
        if (ctx.pos_table.get(w) or "n")[0] in "vpcud":
            return ws
    return e


def before_relational(t: str, s: int, e: int) -> int:
    """No name holds what belongs to the body: a span the model ran on into 旗下, 下属, 所属 or
    麾下 ends before it (青禾基金公司|旗下产品), three characters of name at least before it."""
    cut = min((k for k in (t.find(w, s + 3, e) for w in _RELATIONAL) if k >= 0), default=e)
    return cut


def before_floor(ctx: Context, t: str, s: int, e: int) -> int:
    """No name holds a floor of the building it names: a span the model ran on into 十二楼 or 3层
    ends before it (青禾大厦|十二楼), two characters of name at least before it; and when what is
    left is a common word (大厦|十二楼), no name is there (``s``)."""
    m = _FLOOR.search(t, s + 2, e)
    if m is None:
        return e
    return s if ctx.freq_table.get(t[s : m.start()], 0) >= _COMMON_FREQ else m.start()


_FLOOR = re.compile(r"(?:[0-9０-９]+|[一二三四五六七八九十两]+)(?:楼|层)$")


def before_aspect(ctx: Context, t: str, words: Sequence[tuple[int, int]], s: int, e: int) -> int:
    """No name holds a verb with its aspect particle: a span the model ran on into 演出了歌舞
    ends before that verb (江城地区文艺团体|演出了)."""
    pos = ctx.pos_table
    i = bisect_right(words, (s, sys.maxsize))
    while i < len(words) and words[i][1] <= e:
        ws, we = words[i]
        if i > 0 and t[ws:we] in ("了", "着", "过") and (pos.get(t[ws:we]) or "").startswith("u"):
            j = i - 1  # back over the verb and the adverbs before it (圆满|完成|了)
            while j > 0 and words[j - 1][0] >= s and (pos.get(t[words[j - 1][0] : words[j - 1][1]]) or "n")[0] in "vda":
                j -= 1
            return max(s, words[j][0])
        i += 1
    return e


def before_final_verb(ctx: Context, t: str, words: Sequence[tuple[int, int]], s: int, e: int) -> int:
    """No name ends in a common verb the segmenter found whole: a span the model ran on into
    what the body did ends before it (新浪乐居|承办, X|主办)."""
    last = _word_at(words, e - 1)
    if last is None or last[1] != e or last[0] - s < 2:
        return e
    w = t[last[0] : e]
    if (len(w) >= 2 and ctx.pos_table.get(w) == "v" and ctx.freq_table.get(w, 0) >= _COMMON_FREQ
            and w not in _BODY_KINDS and not org_head(ctx, w)):  # (国际海事组织: 组织/v heads the name)
        return last[0]
    return e
