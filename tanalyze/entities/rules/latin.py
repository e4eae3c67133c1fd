"""Latin-script names of bodies: after the kind of body they are (游戏公司EA, 评级组织ESRB) or
before what a body does or has (Relic开发, Eidos网站; a bookmaker before its odds)."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import _BODY_KINDS
from ..resources import _LATIN_TERMS, word_list
from .sports import odds_after

_LATIN_AFTER_KIND = re.compile(
    rf"(?:{'|'.join(sorted(_BODY_KINDS, key=len, reverse=True))})[“\"「『]?"
    r"([A-Za-z][A-Za-z0-9&'\-]*(?:\.[A-Za-z][A-Za-z0-9&'\-]*)*(?: [A-Z][A-Za-z0-9&'\-]*)*)(?![A-Za-z0-9])"
)
# What a body does to a work or an event, or has (Relic开发, 由CriterionGames制作, Eidos网站, X的董事):
# a Latin-script name before it is an organisation; not 开发者 or 开发小组 (a developer, a team of one).
_MAKER_VERBS = "|".join(word_list("maker_verbs.txt"))
# A Latin-script word, dotted or hyphenated (Take-Two, ms.runup.cn), or capitalised words (Criterion Games).
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9&'.\-])[A-Za-z][A-Za-z0-9&'\-]*(?:\.[A-Za-z0-9]+)*(?: [A-Z][A-Za-z0-9&'\-]*)*(?![A-Za-z0-9])")
_MAKING = rf"(?:{_MAKER_VERBS})(?!者|商|人员|小组|团队|部门|工作)"  # not 开发者, 开发商: a maker, not making
_LATIN_MAKER = re.compile(rf"(?:所|已|曾|正|将|也|还)?{_MAKING}")
_LATIN_CORPORATE = re.compile("的?(?:董事会|董事长|董事|总裁|首席执行官|创始人|发言人|官方网站|官网|网站|股价|市值|财报|总部)")


def latin_bodies(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """软件公司“Nova”, 开发小组Ensemble: a Latin-script name right after the
    kind of body it is (in quotes or not) is an organisation; a term of business writing
    there (公司CEO, 机构IPO) is not."""
    t = ctx.text
    covered = {k for c in found for k in range(c.start, c.end)}
    for m in _LATIN_AFTER_KIND.finditer(t):
        s, e = m.span(1)
        if _latin_body_name(ctx, m.group(1)) and not covered & set(range(s, e)):
            yield Candidate(s, e, "ORG", "rule")


def _latin_body_name(ctx: Context, name: str) -> bool:
    """May the Latin-script word ``name`` name a body: two characters or more, no term of business
    writing (CEO, IPO), no stoplist word and no web address (网站ms.runup.cn)?"""
    return (len(name) >= 2 and name.upper() not in _LATIN_TERMS and name not in ctx.gazetteer.stoplist
            and not re.search(r"\.[a-z]{2,4}$", name))


def latin_makers(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """Relic开发, 由CriterionGames制作, Eidos网站, stonecastle的董事; in a report on sport, bwin
    and Snai凯比值: a Latin-script name before what a body does or has (a work it
    develops, a board, a website) or, among odds, before its odds (a bookmaker), is an
    organisation. A term of business writing (PC开发) is none."""
    t = ctx.text
    covered = {k for c in found for k in range(c.start, c.end)}
    for m in _LATIN_WORD.finditer(t):
        s, e = m.span()
        if not _latin_body_name(ctx, m.group()) or covered & set(range(s, e)):
            continue
        made = _LATIN_MAKER.match(t, e) is not None or (t.endswith("由", 0, s) and re.match(_MAKER_VERBS, t[e:]) is not None)
        if made or _LATIN_CORPORATE.match(t, e) or odds_after(t, e):
            yield Candidate(s, e, "ORG", "rule")
