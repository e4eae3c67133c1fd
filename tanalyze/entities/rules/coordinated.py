"""An unknown name listed with 、 next to a named entity shares its label (蘑菇智行、四维图新)."""

from __future__ import annotations

import re

from ..candidate import Candidate
from ..context import Context
from ..names import _RARE_FREQ, ends_like_org
from ..resolve import sure
from ..resources import _FUNCTION_POS, is_han as _is_han, words_overlapping

# What ends a body's word: in the segmenter's dictionary (住建委, 房管局; not 部: 财务部, 中西部), and
# in a list beside a named body, where 部 and 院 are bodies too (林业局, 扶贫办; not 会: 大会, 晚会).
_BODY_WORD_HEADS = frozenset("委局厅署办")
_LISTED_BODY_HEADS = _BODY_WORD_HEADS | frozenset("部院")
# Where an item of a 、 list ends (or, looking back, begins).
_ITEM_STOPS = set("、，。；：,;:!?！？()（）“”\"《》\n的和及与等或")


def coordinated(ctx: Context, mentions: list[Candidate]) -> list[Candidate]:
    """An unknown name listed with 、 next to a named entity shares its label.

    "智能出行领域的蘑菇智行、四维图新" -> 蘑菇智行 is an ORG like 四维图新. The item must look
    like a name: not a common dictionary word, not in the stoplist, two to eight
    characters; a Latin item needs a digit or mixed case (T3, iQOO), not an acronym
    like LBS that lists of business areas are full of. A mention stage rule: the mentions with
    the listed names added.
    """
    t = ctx.text
    by_start = {c.start: c for c in mentions}
    by_end = {c.end: c for c in mentions}
    covered = set()
    for c in mentions:
        covered.update(range(c.start, c.end))
    listed: list[Candidate] = []
    for m in re.finditer("、", t):
        comma = m.start()
        p = _before_note(t, comma)  # 万鄂湘(女)、: the left item ends before its note
        left, right = by_end.get(p), by_start.get(comma + 1)
        if (left is None) == (right is None):
            continue
        known = left or right
        if known.label not in ("ORG", "PRODUCT", "FAC"):
            continue  # people: tanalyze.entities.rules.person_lists
        if known.confidence is not None and not sure(known):
            continue  # a model name it is not sure of lends its label to no neighbour (警务、村务)
        span = _item_span(ctx, known, p, comma, on_left=left is None)
        if not 2 <= span[1] - span[0] <= 8 or t[span[0] : span[1]] in ctx.gazetteer.stoplist or any(k in covered for k in range(*span)):
            continue
        label = _facility_item(ctx, known, span) if known.label == "FAC" else _named_item(ctx, known, span)
        if label is not None:
            listed.append(Candidate(span[0], span[1], label, "rule"))
            covered.update(range(*span))
    listed = [c for c in listed if t[c.start : c.end] not in ctx.skip]
    return sorted(mentions + listed, key=lambda c: c.start)


def _item_span(ctx: Context, known: Candidate, p: int, comma: int, on_left: bool) -> tuple[int, int]:
    """The unknown item beside ``known``: on the left back to a delimiter (before ``p``), on the
    right from the 、 to one; an item before a known body ends like a body."""
    t = ctx.text
    if on_left:
        s = p
        while s > 0 and t[s - 1] not in _ITEM_STOPS and p - s < 9:
            s -= 1
        return s, p
    e = comma + 1
    while e < len(t) and t[e] not in _ITEM_STOPS and e - comma < 9:
        e += 1
    span = (comma + 1, e)
    if known.label == "ORG":
        # 桂林市委、市政府规定: the item ends at its last word that ends like a body
        near = words_overlapping(ctx.words, *span)
        cut = [b for a, b in near if span[0] < b < span[1] and ends_like_org(ctx, t[span[0] : b])]
        # else at its first word that ends in a body's head (审计署、林业局等单位)
        cut = cut or [b for a, b in near if span[0] < b <= span[1] and t[b - 1] in _LISTED_BODY_HEADS][:1]
        span = (span[0], cut[-1]) if cut else span
    return span


def _facility_item(ctx: Context, known: Candidate, span: tuple[int, int]) -> str | None:
    """半岛酒店、九龙酒店: a building listed beside one of its kind (FAC), not a kind (大型酒店)."""
    t, item = ctx.text, ctx.text[span[0] : span[1]]
    suffix = next((x for x, _ in ctx.rules.facility_suffixes if t.endswith(x, known.start, known.end)), None)
    if suffix is None or not item.endswith(suffix) or len(item) <= len(suffix):
        return None
    stem_tag = ctx.pos_table.get(item[: -len(suffix)])
    return None if stem_tag is not None and not stem_tag.startswith(("n", "j")) else "FAC"


def _named_item(ctx: Context, known: Candidate, span: tuple[int, int]) -> str | None:
    """``known``'s label for an item of whole words that reads as a name, else None."""
    t, pos, item = ctx.text, ctx.pos_table, ctx.text[span[0] : span[1]]
    # 审计署、林业局、扶贫办, 统计局、农业部: a body's word listed beside a named body is a name
    # there, however common the word (a bureau in a list of ministries is that ministry's peer)
    body = known.label == "ORG" and len(item) >= 3 and item[-1] in _LISTED_BODY_HEADS and _is_han(item)
    if span[0] not in ctx.starts or span[1] not in ctx.ends:
        return None
    inner = [t[a:b] for a, b in words_overlapping(ctx.words, *span) if span[0] <= a and b <= span[1]]
    if any((pos.get(w) or "").startswith(_FUNCTION_POS) and not (body and pos.get(w) == "vn") for w in inner if pos.get(w)):
        return None  # 理解产业互联网: a verb phrase, not a name (发展/vn 改革/vn 委 is one)
    if ctx.patterns.titles.search(item):
        return None  # 书记处书记: a title, not a name
    if _is_han(item):
        if ctx.freq_table.get(item, 0) >= _RARE_FREQ and not body:
            return None  # a common word (教育, 医疗) listed beside a company
    elif not re.fullmatch(r"[A-Za-z0-9]*(?:[0-9][A-Za-z0-9]*|[a-z][A-Z][A-Za-z0-9]*)|[A-Z][a-z]+[A-Z]\w*", item) or not re.search(r"[0-9]|[a-z][A-Z]", item) or not re.search("[A-Za-z]", item):
        return None  # (03、桑德兰: a number is no name)
    return known.label


def _before_note(t: str, p: int) -> int:
    """Where a list item ends before a note in brackets: 苟建丽(女)、 -> before the (, else ``p``."""
    if p > 0 and t[p - 1] in ")）":
        q = max(t.rfind("(", 0, p - 1), t.rfind("（", 0, p - 1))
        if q >= 0 and p - q <= 12:
            return q
    return p
