"""The document in Simplified coordinates: words, entity mentions, dates, clauses and
paragraphs, with the listed alternatives (一种是…；另一种是…) that later references resolve to."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from ..dates.isotime import is_calendar
from ..entities.resources import is_han
from ..model import DateMention, Document, Entity, EntityRef
from .index import Marks, Words
from .words import (CLAUSE_SEP, CLOSE, DEICTIC, ENUM_MARKERS, NEGATION, OPEN, ORD, QUOTED, REFERENCE,
                    STRATEGY_NOUNS)

# -- the document in Simplified coordinates --------------------------------------------------


@dataclass(frozen=True)
class Ment:
    start: int
    end: int
    entity: Entity
    ref: EntityRef | None = None  # a titled or described actor's reference, or a body named in full (people.py, bodies.py)

    @property
    def actor(self) -> EntityRef:
        """The claim's actor for this mention."""
        if self.ref is not None:
            return self.ref
        return EntityRef(self.entity.text, self.entity.simplified, self.entity.label)


@dataclass(frozen=True)
class DateRef:
    start: int
    end: int
    mention: DateMention


@dataclass
class Clause:
    start: int
    end: int
    sep: str  # the separator before it ("" at the sentence start)
    subjects: list[Ment] = field(default_factory=list)
    nominal: bool = False  # its subject is a noun that is not an entity
    patient: bool = False  # its subject undergoes a passive trigger (李明被停赛): what follows befalls it too
    agents: list[Ment] = field(default_factory=list)  # who does that passive trigger, if named


@dataclass
class Prefix:
    """What stands before a trigger in its clause."""

    subjects: list[Ment] = field(default_factory=list)
    coordinators: list[str] = field(default_factory=list)  # the word before each later subject
    obliques: list[tuple[str, Ment]] = field(default_factory=list)
    nominal: bool = False  # a non-entity noun holds the subject slot
    pronoun: str | None = None
    passive: bool = False
    noun_before: bool = False  # a non-entity noun right before the trigger
    adjacent: list[Ment] = field(default_factory=list)  # the mentions right before the trigger (adverbs between)
    causative: bool = False  # the trigger is inside 让/使 X …: X, not the subject, does it
    reported: bool = False  # the subjects say, think or find what follows (机电署估计停电因…)
    possessor: bool = False  # the subject is the possessor of the trigger used as a noun (腾讯的加码)
    start: int = 0  # where the subject slot starts (after a helper or reporting verb: 帮助X战胜)
    agent_at: int | None = None  # where the agent after 被/由 starts
    end: int = 0  # the trigger's start


@dataclass(frozen=True)
class Enum:
    end: int
    items: tuple[str, ...]


def _as_written(doc: Document, ments: list[Ment]) -> list[Ment]:
    """The mentions, each acting as written: an alias (青禾汽车 of 青禾汽车集团) is the actor under
    the name the sentence gives, linked to its entity by ``head``."""
    out = []
    for m in ments:
        if m.ref is None and doc.simplified[m.start : m.end] != m.entity.simplified:
            text, simplified, _, _ = doc.span(m.start, m.end)
            m = Ment(m.start, m.end, m.entity, EntityRef(text, simplified, m.entity.label, head=m.entity.text))
        out.append(m)
    return out


class Context:
    """Indexes over one document: words, mentions, dates, sentences, paragraphs."""

    def __init__(self, doc: Document, pos: Mapping[str, str]) -> None:
        self.doc = doc
        self.text = doc.simplified
        self.pos = pos
        to_conv = doc.offsets.to_converted if doc.offsets is not None else (lambda a, b: (a, b))
        from ..entities import iter_word_spans

        n = len(self.text)
        self.words = Words(iter_word_spans(doc))
        self.word_starts = self.words.starts
        self.starts = Marks(n, self.words.starts)
        self.ends = Marks(n, self.words.ends)
        ments = []
        for ent in doc.entities or ():
            for m in ent.mentions:
                s, e = to_conv(m.start, m.end)
                ments.append(Ment(s, e, ent))
        ments.sort(key=lambda m: (m.start, -m.end))
        from .people import add_people

        self._cut_words(ments)  # (jieba's 中国男篮 is 中国|男篮 where 中国 is a mention)
        self.ments = ments = _as_written(doc, add_people(self, ments))
        self.ment_starts = [m.start for m in ments]
        self.ment_starts_set = set(self.ment_starts)
        self._cut_words(ments)
        # An entity mention is a word boundary too (jieba may join 为 and 腾易 into one word).
        self.starts.add_all(m.start for m in ments)
        self.ends.add_all(b for m in ments for b in (m.start, m.end))
        dates = []
        for d in doc.dates or ():
            if d.type in ("date", "datetime", "interval") and is_calendar(d.value):
                s, e = to_conv(d.start, d.end)
                dates.append(DateRef(s, e, d))
        dates.sort(key=lambda d: d.start)
        self.dates = dates
        self.date_starts = [d.start for d in dates]
        self.date_cover = Cover(to_conv(d.start, d.end) for d in doc.dates or ())
        # Day words of the writer's today that could not be resolved (昨日 against a year-only
        # reference): the claim has a time of its own, just not one we know. (同日, 次日 follow the
        # narrative, so an earlier sentence's date is theirs.)
        self.unresolved = sorted(to_conv(d.start, d.end)[0] for d in doc.dates or ()
                                 if d.type in ("date", "datetime") and not d.value and DEICTIC.match(d.simplified))

    def _cut_words(self, ments: list[Ment]) -> None:
        self.words = self.words.split_at(Marks(len(self.text), (b for m in ments for b in (m.start, m.end))))
        self.word_starts = self.words.starts
        self.starts.add_all(self.words.starts)
        self.ends.add_all(self.words.ends)

    def mentions_in(self, start: int, end: int) -> list[Ment]:
        i = bisect_left(self.ment_starts, start)
        out = []
        while i < len(self.ments) and self.ments[i].start < end:
            if self.ments[i].end <= end:
                out.append(self.ments[i])
            i += 1
        return out

    def dates_in(self, start: int, end: int) -> list[DateRef]:
        i = bisect_left(self.date_starts, start)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            out.append(self.dates[i])
            i += 1
        return out

    def words_in(self, start: int, end: int) -> list[tuple[int, int]]:
        i, j = bisect_left(self.word_starts, start), bisect_left(self.word_starts, end)
        return self.words[i:j]

    def in_date(self, start: int, end: int) -> bool:
        return self.date_cover.holds(start, end)

    def unresolved_in(self, start: int, end: int) -> list[int]:
        """Starts of the unresolved day words in ``start:end`` (a bisection, not a scan)."""
        return self.unresolved[bisect_left(self.unresolved, start) : bisect_left(self.unresolved, end)]


class Cover:
    """Spans, asked whether one of them holds ``start:end``: a bisection over the spans by start
    with the furthest end so far, not a scan of every date for every word (which was quadratic
    in a long text full of dates)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))

    def holds(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end


_HEADLINE_GAP = re.compile(r"[^\S\n]+")  # any space but a line break (a no-break space too)


def _between_han(text: str, i: int, j: int, end: int) -> bool:
    return i > 0 and j < end and is_han(text[i - 1]) and is_han(text[j])


def clauses(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, separator before)`` of the clauses of ``text[start:end]``.

    Clauses end at ，：—— (and their ASCII forms) outside quotes and brackets, and at a space
    between Han characters (a headline's clauses: 甲队主帅下课 乙队击败丙队); the sentence's final
    punctuation is not part of the last clause.
    """
    out: list[tuple[int, int, str]] = []
    depth = 0
    cs, sep = start, ""
    i = start
    while i < end:
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            m = CLAUSE_SEP.match(text, i, end) or _HEADLINE_GAP.match(text, i, end)
            if m and not _in_score(text, i, m.end()) and (m.group().strip() or _between_han(text, i, m.end(), end)):
                if i > cs:
                    out.append((cs, i, sep))
                sep, cs = m.group(), m.end()
                i = m.end()
                continue
        i += 1
    e = end
    while e > cs and text[e - 1] in "。！？!?；;…":
        e -= 1
    if e > cs:
        out.append((cs, e, sep))
    return out


def _in_score(text: str, s: int, e: int) -> bool:
    """Is the colon at ``text[s:e]`` inside a score or a time (92：105, 3:0, 13:40)?"""
    return text[s:e] in ("：", ":") and text[s - 1 : s].isdigit() and text[e : e + 1].isdigit()


def paragraphs(text: str) -> list[int]:
    """Start offsets of the paragraphs (lines) of ``text``."""
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


# -- enumerations ----------------------------------------------------------------------------


def find_enumerations(text: str, start: int, end: int) -> list[Enum]:
    """Listed alternatives in ``text[start:end]``: 一种是A；另一种是B → items (A, B).

    A marker counts at the start of a clause only; the item is the text up to the first
    comma or semicolon after the marker; its key is what names the alternative (the words
    before 的道路/的模式/…, without who proposed it), else the item itself.
    """
    found: list[list[tuple[int, int]]] = []
    for level, marker in enumerate(ENUM_MARKERS):
        found.append([
            (m.start(), m.end())
            for m in marker.finditer(text, start, end)
            if m.start() == start or text[m.start() - 1] in "，,；;：:。\n "
        ])
    out: list[Enum] = []
    for first_start, first_end in found[0]:
        bounds = [(first_start, first_end)]
        for level in range(1, len(found)):
            nxt = [m for m in found[level] if m[0] > bounds[-1][1] and m[0] - bounds[-1][1] < 400]
            if not nxt:
                break
            bounds.append(nxt[0])
        if len(bounds) < 2:
            continue
        items = []
        for s, e in bounds:
            m = re.compile(r"[^，,；;。\n]+").match(text, e)
            items.append(item_key(m.group()) if m else "")
        if all(items):
            out.append(Enum(bounds[-1][1], tuple(items)))
    return out


def item_key(item: str) -> str:
    m = re.search(r"([^的]{1,20})的(?:" + "|".join(STRATEGY_NOUNS) + r")$", item)
    key = m.group(1) if m else item
    return key.strip(OPEN + CLOSE + " ")[:24]


def resolve_reference(phrase: str, at: int, enums: Sequence[Enum]) -> str | None:
    """The listed item a reference (后者, 第二种 ...) in ``phrase`` points at, if any."""
    m = REFERENCE.search(phrase)
    if not m:
        return None
    before = [e for e in enums if e.end <= at and at - e.end < 600]
    if not before:
        return None
    items = before[-1].items
    word = m.group()
    if word in ("前者", "前一种"):
        index = 0
    elif word in ("后者", "后一种", "这种", "这条"):
        index = len(items) - 1
    else:
        index = ORD.index(m.group(1) or m.group(2))
    return items[index] if index < len(items) else None


def skip(t: str, i: int, chars: str) -> int:
    while i < len(t) and t[i] in chars:
        i += 1
    return i


def skip_back(t: str, i: int, chars: str) -> int:
    while i > 0 and t[i - 1] in chars:
        i -= 1
    return i


def clean(phrase: str) -> str:
    """An object phrase without particles, punctuation or quote marks around it (max 30 chars)."""
    phrase = phrase.strip(" 了着过的为于在")
    phrase = re.sub(r"^(?:一场|一次|一个|一项|一家|一款)", "", phrase)
    phrase = phrase.strip(" ，,。")
    if QUOTED.fullmatch(phrase) or re.fullmatch(r"《[^《》]*》", phrase):
        phrase = phrase[1:-1]
    if len(phrase) > 30:
        phrase = phrase[:30] + "…"
    return phrase


# A negation before a prepositional phrase negates the verb after it (不在公司担任, 没有向法院起诉).
_NEGATED_FRAME = re.compile("(?:" + "|".join(NEGATION) + ")再?(?:在|于|从|向|对|给|为|和|与)[^，,。；;：:！？!?]{1,12}$")


def negated(t: str, cs: int, ts: int) -> float:
    before = t[max(cs, ts - 3) : ts]
    if any(before.endswith(n) or before[:-1].endswith(n) for n in NEGATION):
        return 0.4
    return 0.4 if _NEGATED_FRAME.search(t, max(cs, ts - 16), ts) else 1.0
