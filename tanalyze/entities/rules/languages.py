"""Languages named after a country (瑞典语, 德文): the language, not the place."""

from __future__ import annotations

from typing import Sequence

from ..candidate import Candidate
from ..context import Context

_PLACES = ("GPE", "LOC")
# What makes a country's name a language's in one word with it (瑞典语, 日文).
_LANGUAGE_ENDS = frozenset("语文")


def languages(ctx: Context, cands: Sequence[Candidate]) -> list[Candidate]:
    """A filter: a place whose name and 语 or 文 after it are one word of the segmenter (瑞典|语
    read as 瑞典语, 德文) names a language, no place: the candidate goes. A place before a word
    of its own (中国|文化) stays."""
    t, out = ctx.text, []
    for c in cands:
        if (c.label in _PLACES and t[c.end : c.end + 1] in _LANGUAGE_ENDS and c.start in ctx.word_starting
                and ctx.words[ctx.word_starting[c.start]][1] == c.end + 1):
            continue
        out.append(c)
    return out
