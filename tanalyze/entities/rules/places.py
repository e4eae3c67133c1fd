"""Places named by their kind: administrative units (塘沽区, 易县, 望月村).

A ``source`` rule: it runs with the gazetteer and the model, before the candidate rules, so that
every rule sees its places and a model name that is only a chain of places found here is
dropped (青禾市东港区 = 青禾市 + 东港区). (Streets had a rule too; it found no name on the
development splits of the training data and was deleted.)
"""

from __future__ import annotations

from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context
from ..names import _ADMIN, name_like
from ..resources import _NUMERAL_CHARS, is_han as _is_han, word_list

# Generic place nouns that end in an administrative unit but name no place (大中城市, 东北地区).
_GENERIC_PLACES = word_list("generic_places.txt")
# Function characters an unknown word may glue to the front of a unit (个区县); place
# names may well start with 中, 上, 和, 向 (中山市, 上虞市, 和平区, 向阳区).
_NOT_PLACE_START = set("已曾的了是被把个")
# Generic districts jieba tags as places (落后地区, 沈阳军区 is a body, 老城区, 中心区).
_GENERIC_DISTRICTS = word_list("generic_districts.txt")


def admin_places(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    return [Candidate(s, e, "GPE", "rule") for s, e in admin_place_spans(ctx, ctx.text, ctx.words)]


def admin_place_spans(ctx: Context, t: str, words: Sequence[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """塘沽区, 易县, 太和镇, 望月村: a place name ending in an administrative unit.

    The word is a place word for jieba (ns), or an unknown word, or a name-like word followed
    by the unit as a word of its own; the name before the unit has two characters or more
    (城市, 山区, 上市 are not places) except before 县 (易县, 沛县).
    """
    freq = ctx.freq_table
    pos = ctx.pos_table
    for i, (ws, we) in enumerate(words):
        w = t[ws:we]
        if not _is_han(w) or w in ctx.gazetteer.stoplist:
            continue
        if len(w) >= 3 and w[-1] in "区县" and pos.get(w) == "ns" and not w.endswith(_GENERIC_DISTRICTS) and (
                w[0] not in _NUMERAL_CHARS):
            yield ws, we  # 房山区, 半山区: a district jieba knows (idioms end in 市 or 乡, not here)
            continue
        if len(w) >= 2 and w[-1] in _ADMIN:
            stem = w[:-1]
            if not _place_stem(w, stem):
                continue
            if len(stem) < 2:  # 易县 (jieba's place word), not 城市 or 山区
                if w[-1] == "县" and pos.get(w) == "ns":
                    yield ws, we
            elif (pos.get(w) == "ns" or not freq.get(w)) and name_like(ctx, stem):
                yield ws, we
        elif w in _ADMIN and i > 0 and words[i - 1][1] == ws:
            ps, _ = words[i - 1]
            stem = t[ps:ws]
            if _is_han(stem) and len(stem) >= 2 and _place_stem(stem + w, stem) and name_like(ctx, stem):
                yield ps, we


def _place_stem(place: str, stem: str) -> bool:
    """Not a generic place noun (东北地区), a pair of units (区县), a count (百强县, 个区县) or a
    phrase starting with a function word."""
    return not (
        place.endswith(_GENERIC_PLACES) or stem[-1] in _ADMIN or stem[0] in _NUMERAL_CHARS or stem[0] in _NOT_PLACE_START
    )
