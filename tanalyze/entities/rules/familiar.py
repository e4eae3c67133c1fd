"""People named with a familiar form of address (郑老板, 周爷爷, 林悦姐姐): in informal writing the
form is part of the name a person goes by, and social media's annotation (Weibo NER) holds it in
the person's span. Formal titles and forms of address (先生, 主席, 老师) stay outside the name, as
news writes it (王|先生: :func:`~tanalyze.entities.resources.address_length`), except after a lone
surname in informal text (:attr:`Context.informal`: 邓先生, 江小姐 in a post), as social media's
annotation holds them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import surname_len
from ..resources import word_list


@lru_cache(maxsize=None)
def _forms(*files: str) -> re.Pattern[str]:
    """The forms of address of the word lists ``files``, longest first."""
    words = sorted({w for f in files for w in word_list(f)}, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def familiar_address(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """A person's name (a source's: the model's, the gazetteer's) or a lone surname, then a familiar
    form of address (``familiar_address.txt``) that ends a word: the name with the form, one
    PERSON, precise (it holds the name the model found inside it). In informal text a lone surname
    takes a formal form too (``social_address.txt``: 邓先生, 江小姐), but a name does not (王晶|老师)."""
    t = ctx.text
    informal = ctx.informal
    persons = {c.end: c for c in found if c.label == "PERSON" and c.source != "rule"}
    forms = _forms("familiar_address.txt", "social_address.txt") if informal else _forms("familiar_address.txt")
    for m in forms.finditer(t):
        k = m.start()
        if m.end() not in ctx.ends:
            continue  # 妈|咪, 姐|妹: the form is the front of a longer word
        name = persons.get(k)
        if name is not None and name.length >= 2:
            if not informal or _forms("familiar_address.txt").fullmatch(m.group()):
                yield Candidate(name.start, m.end(), "PERSON", "rule", precise=True)
        elif k > 0 and surname_len(ctx, t, k - 1) == 1 and _alone(ctx, t, k - 1, m.end()):
            yield Candidate(k - 1, m.end(), "PERSON", "rule", precise=True)


def _alone(ctx: Context, t: str, s: int, e: int) -> bool:
    """Is the surname at ``s`` a name's, not part of a word: the whole ``t[s:e]`` is no common
    word (表哥, 空姐; 帅哥 and 师姐, which jieba tags as names, are in the stoplist), the surname ends
    no word with the character before it (小牛|老板), and a word starts at it?"""
    whole, before = t[s:e], t[s - 1 : s + 1] if s > 0 else ""
    if _common(ctx, whole) or whole in ctx.stoplist or _common(ctx, before):
        return False
    return s in ctx.starts


def _common(ctx: Context, w: str) -> bool:
    """Is ``w`` a word of the dictionary that is no person's name (its tag)?"""
    return w in ctx.freq_table and (ctx.pos(w) or "n")[:2] != "nr"
