"""Bodies as the text names them, for the actor rules: a named body and the unit of it before a
person (``Bodies``: 杭州市环保局应急处王处长 → 杭州市环保局), a body named more fully than its
entity's mention (某汽车（中国）投资有限公司, 某公司(01234.HK)), a place before a body's noun
(韩国央行, 中国男篮) and a Latin name in brackets after a body's (某汽车（SomeMotors）)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..model import Entity, EntityRef
from .context import Ment

# Between a body and its person: a unit of the body (应急处, 办公室), maybe with 的, no punctuation.
_UNIT_GAP = re.compile(r"的?[\u4e00-\u9fff]{0,8}的?")
_NOT_UNIT = re.compile(r"[和与及、]|表示|说|称")


class Bodies:
    """The body mentions (ORG, GPE, FAC) of a list, by where they end: the one right before a
    position is a bisection away, not a scan of the whole list."""

    def __init__(self, ments: list[Ment]) -> None:
        self.ments = sorted((m for m in ments if m.entity.label in ("ORG", "GPE", "FAC")), key=lambda m: m.end)
        self.ends = [m.end for m in self.ments]

    def holding(self, at: int) -> Ment | None:
        """The body whose name ``at`` falls inside (not at its start), if any (names are short: a
        bisection, then a few steps)."""
        j = bisect_right(self.ends, at)
        while j < len(self.ments) and self.ends[j] <= at + 40:
            if self.ments[j].start < at:
                return self.ments[j]
            j += 1
        return None

    def affiliation(self, text: str, start: int) -> str | None:
        """The named body right before ``start`` (with a unit of it between), if any, nearest first."""
        for j in range(bisect_right(self.ends, start) - 1, -1, -1):
            m = self.ments[j]
            gap = text[m.end : start]
            if _UNIT_GAP.fullmatch(gap) and not _NOT_UNIT.search(gap):
                return m.entity.text
            if start - m.end > 10:
                return None
        return None


def synthetic(ctx, s: int, e: int, label: str, named: bool, head: str | None, bodies: Bodies) -> Ment:
    text, simplified, _, _ = ctx.doc.span(s, e)
    ref = EntityRef(text, simplified, label, named=named, head=head, affiliation=bodies.affiliation(ctx.text, s))
    return Ment(s, e, Entity(text, simplified, label, 1), ref)


def place_bodies(ctx, ments: list[Ment]) -> tuple[list[Ment], set[int]]:
    """韩国央行, 中国男篮, 美国警方: a place right before a body's noun (a mention, or a noun word not
    a title, before no name) names that body as one actor; returns it and the ids of the mentions
    it absorbs."""
    from ..entities import load_rules

    titles = load_rules().titles
    from .triggers import load_triggers

    heads = load_triggers().by_head
    t = ctx.text
    bodies = Bodies(ments)
    by_start = {m.start: m for m in ments}
    person_starts = {m.start for m in ments if m.entity.label == "PERSON"}
    out, absorbed = [], set()
    for m in ments:
        if m.entity.label != "GPE" or m.ref is not None:
            continue
        nxt = by_start.get(m.end)
        if nxt is not None and nxt.entity.label in ("ORG", "PERSON") and (nxt.ref is None or not nxt.ref.named):
            if nxt.entity.label == "PERSON" and nxt.ref is None:
                continue  # 美国特朗普: a place, then a person
            label, named, head = nxt.entity.label, nxt.ref is None, nxt.ref.head if nxt.ref else None
            out.append(synthetic(ctx, m.start, nxt.end, label, named, head, bodies))
            absorbed |= {id(m), id(nxt)}
            continue
        word = next(((ws, we) for ws, we in ctx.words_in(m.end, m.end + 4) if ws == m.end), None)
        if word is None or word[1] in person_starts:
            continue
        w = t[slice(*word)]
        if w in heads or not re.fullmatch(r"[\u4e00-\u9fff]{2,}", w):
            continue  # 北京|会见, 美国|裁员: the place does something; 中国男篮|4: a score
        tag = ctx.pos.get(w)
        if (tag is None or tag[:2] in ("n", "nz", "nt", "j")) and not w.endswith(titles) and word[1] not in by_start:
            # 美国网件, 武汉卓尔: a body's noun, or a name jieba does not know
            out.append(synthetic(ctx, m.start, word[1], "ORG", True, None, bodies))
            absorbed.add(id(m))
    return out, absorbed


# A stock code in brackets after a company's name: (600000.SH), （00700.HK）, (300001).
_STOCK_CODE = re.compile(r"[（(]\s*(?:[A-Za-z]{2,6}\s*[:：]\s*)?\d{4,6}(?:\.[A-Za-z]{2})?\s*[）)]")
_BRACKETED = re.compile(r"[（(][\u4e00-\u9fff]{1,6}[）)]")
_AFTER_PLACE = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:股份有限公司|有限责任公司|有限公司|公司|集团)")


@lru_cache(maxsize=1)
def _org_suffixes() -> tuple[str, ...]:
    from ..entities import load_rules

    return tuple(s for s, _ in load_rules().org_suffixes)


def _suffix_end(ctx, at: int) -> int:
    """Where a body's full name ends when the words from ``at`` name it more fully: nouns up to an
    organisation suffix, maybe after a bracketed place (某汽车（中国）投资有限公司, 某某|汽车); else ``at``."""
    from .triggers import load_triggers

    t, heads, suffixes = ctx.text, load_triggers().by_head, _org_suffixes()
    m = _BRACKETED.match(t, at)
    if m and (full := _AFTER_PLACE.match(t, m.end())) and full.end() in ctx.ends:
        return full.end()  # （中国）投资有限公司: a registered name, whatever its words
    k, end = at, at
    for ws, we in ctx.words_in(k, k + 12):
        word = t[ws:we]
        if ws != k or ctx.pos.get(word, "")[:2] not in ("n", "nz", "vn", "j") or word in heads:
            break
        k = we
        if word.endswith(suffixes):
            end = we
    return end


def full_bodies(ctx, ments: list[Ment]) -> tuple[list[Ment], set[int]]:
    """A body named more fully than its entity's mention: with an organisation suffix, a
    bracketed place or a stock code after it (某汽车（中国）投资有限公司, 某公司(01234.HK)); one actor
    written that way, its head the entity's name. Returns them and the ids of the mentions they replace."""
    out, absorbed = [], set()
    by_start = sorted(ments, key=lambda m: m.start)
    starts = [m.start for m in by_start]
    for m in ments:
        if m.entity.label != "ORG" or m.ref is not None:
            continue
        end = _suffix_end(ctx, m.end)
        code = _STOCK_CODE.match(ctx.text, end)
        end = code.end() if code else end
        if end == m.end:
            continue
        inner = by_start[bisect_left(starts, m.end) : bisect_left(starts, end)]
        if any(o.entity.label not in ("GPE", "LOC") for o in inner):
            continue  # (a place inside: （中国）; another body or a person: not one name)
        text, simplified, _, _ = ctx.doc.span(m.start, end)
        ref = EntityRef(text, simplified, "ORG", named=True, head=m.entity.text)
        out.append(Ment(m.start, end, Entity(text, simplified, "ORG", 1), ref))
        absorbed |= {id(m)} | {id(o) for o in inner}
    return out, absorbed


# A body's name in Latin letters in brackets right after its Chinese name: 某汽车（SomeMotors）.
_LATIN_ALIAS = re.compile(r"[（(]\s*[A-Za-z][A-Za-z0-9 .&'-]{1,40}\s*[）)]")


def with_aliases(ctx, ments: list[Ment]) -> list[Ment]:
    """The mentions, a body's or product's written with the Latin name in brackets after it as
    the text gives both (one actor; its head the name without the brackets; an object keeps the
    entity's name)."""
    out = []
    for m in ments:
        alias = _LATIN_ALIAS.match(ctx.text, m.end) if m.entity.label in ("ORG", "PRODUCT") else None
        if alias is None:
            out.append(m)
            continue
        text, simplified, _, _ = ctx.doc.span(m.start, alias.end())
        old = m.actor
        ref = EntityRef(text, simplified, m.entity.label, named=old.named, head=old.head or m.entity.text,
                        affiliation=old.affiliation)
        out.append(Ment(m.start, alias.end(), m.entity, ref))  # (as an object, the entity's name)
    return out
