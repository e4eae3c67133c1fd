"""A Chinese personal name the model cut one character short (商铭|渔, 原民|喜 of 原民喜)."""

from __future__ import annotations

from dataclasses import replace

from ..candidate import Candidate
from ..context import Context
from ..names import surname_len
from ..resources import _FUNCTION_POS, _NOT_NAME, is_han

# What may follow a name's last character where that character stands as a word of its own.
_AFTER = set("，。、；：！？,;:!?）)》”\n")


def name_tails(ctx: Context, mentions: list[Candidate]) -> list[Candidate]:
    """The mentions with a model person of a surname and one character run on over the next
    character where the segmenter reads that character with the name (原民喜: one word it guessed,
    no dictionary word, and no lone character after it: 罗伊嘴|上 is 罗伊|嘴上) or alone before a
    punctuation mark (商铭|渔|，), the character is no function character (说, 的, 在), starts no
    dictionary word with the next one (周宏|牛年) and no mention starts there. A mention stage rule."""
    starts = {c.start for c in mentions}
    return [_extended(ctx, c, starts) if c.label == "PERSON" and c.source == "model" else c for c in mentions]


def _extended(ctx: Context, c: Candidate, starts: set[int]) -> Candidate:
    t, e = ctx.text, c.end
    if c.length != 2 or e >= len(t) or e in starts or surname_len(ctx, t, c.start) != 1 or not is_han(t[c.start : e + 1]):
        return c
    ch = t[e]
    if ch in _NOT_NAME or (ctx.pos(ch) or "").startswith(_FUNCTION_POS) or ctx.freq(t[e : e + 2]):
        return c  # 周宏|牛年: the character starts a word with the next one
    word = ctx.word_at(e)
    if word is None:
        return c
    after = ctx.word_at(e + 1)
    # 原民喜|《: one word the segmenter guessed, not glued from a character the next one needs (罗伊嘴|上)
    guessed = word == (c.start, e + 1) and not ctx.freq(t[c.start : e + 1]) and not (
        after is not None and after[1] - after[0] == 1 and is_han(t[e + 1]))
    alone = word == (e, e + 1) and t[e + 1 : e + 2] in _AFTER
    return replace(c, end=e + 1) if guessed or alone else c
