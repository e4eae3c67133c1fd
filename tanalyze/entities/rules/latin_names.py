"""A person's Latin-script name written right after the Chinese one (蒂姆·波顿(Tim Burton),
陈小宁Isabel): the same person, a PERSON mention of its own, as the news guidelines annotate it
(``benchmarks/data/README.md``: a Chinese name followed by the person's Latin name gives two spans)."""

from __future__ import annotations

import re

from ..candidate import Candidate
from ..context import Context
from ..resources import is_han

# One to three capitalised words joined by a space, a hyphen or a dot (Tim Burton, Rachel-Zoe,
# Mary-Kate Olsen); a word may hold a capital inside (McCartney, DeNiro).
_LATIN_NAME = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[ \-.·][A-Z][a-z]+(?:[A-Z][a-z]+)?){0,2}"
# In brackets, closed right after the name (蒂姆·波顿(Tim Burton)); or one word glued to the
# Chinese name and not running on into more Latin text (陈小宁Isabel出演; not 林小禾Lab Notes).
_BRACKETED = re.compile(r"\s?[(（](" + _LATIN_NAME + r")[)）]")
_GLUED = re.compile(r"([A-Z][a-z]+)(?![A-Za-z0-9 \-.])")


def latin_names(ctx: Context, mentions: list[Candidate]) -> list[Candidate]:
    """The mentions with a PERSON added for the Latin name right after a person's Chinese name,
    in brackets or glued to it, where no mention holds it yet. A mention stage rule."""
    t = ctx.text
    starts = {c.start for c in mentions}
    added = []
    for c in mentions:
        if c.label != "PERSON" or not is_han(t[c.end - 1 : c.end]):
            continue
        m = _BRACKETED.match(t, c.end) or _GLUED.match(t, c.end)
        if m is not None and not any(k in starts for k in range(m.start(1), m.end(1))):
            added.append(Candidate(m.start(1), m.end(1), "PERSON", "rule"))
    return sorted(mentions + added, key=lambda c: c.start) if added else mentions
