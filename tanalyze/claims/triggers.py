"""Trigger lexicons: the words that signal a claim of each kind, read from
``dictionaries/claims/<kind>.txt`` (format in ``dictionaries/claims/README.md``), and the
search for them in a clause."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from ..errors import ResourceError, UsageError
from ..lexicon import dictionaries_dir, read_lines
from .lists import word_list
from .words import ASIDE, BOOK_TITLE, QUOTED

KINDS = (
    "strategy", "reorg", "founding", "deal", "investment", "rename", "partnership", "launch", "personnel",
    "statement", "incident", "result", "price", "recall", "response", "meeting", "legal", "life", "protest",
)
MIN_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: ``head`` (and ``tail`` for ``A…B``) of a kind, with a weight."""

    text: str
    kind: str
    weight: float = 1.0
    head: str = ""
    tail: str | None = None


@dataclass(frozen=True)
class Triggers:
    """All trigger lexicons: heads by surface form, and phrases that are not triggers."""

    by_head: Mapping[str, tuple[Trigger, ...]]
    exclusions: tuple[str, ...]
    max_head: int


def parse_triggers(kind: str, lines: Iterable[tuple[int, str]], where: str = "") -> tuple[list[Trigger], list[str]]:
    """Parse the lines of a trigger lexicon (``trigger [weight]`` or ``!phrase``)."""
    triggers, exclusions = [], []
    for lineno, line in lines:
        parts = line.split()
        if parts[0].startswith("!"):
            exclusions.append(parts[0][1:])
            continue
        if len(parts) > 2:
            raise ResourceError(f"{where}:{lineno}: expected 'trigger [weight]', got {len(parts)} fields")
        weight = 1.0
        if len(parts) == 2:
            try:
                weight = float(parts[1])
            except ValueError:
                raise ResourceError(f"{where}:{lineno}: weight {parts[1]!r} is not a number") from None
            if not 0 < weight <= 1:
                raise ResourceError(f"{where}:{lineno}: weight {weight} is not in (0, 1]")
        head, _, tail = parts[0].partition("…")
        if not head or (_ and not tail):
            raise ResourceError(f"{where}:{lineno}: {parts[0]!r}: 'A…B' needs both A and B")
        triggers.append(Trigger(parts[0], kind, weight, head, tail or None))
    return triggers, exclusions


@lru_cache(maxsize=1)
def load_triggers() -> Triggers:
    """The shipped trigger lexicons ``dictionaries/claims/<kind>.txt`` (loaded once)."""
    by_head: dict[str, list[Trigger]] = {}
    exclusions: list[str] = []
    for kind in KINDS:
        path = dictionaries_dir().joinpath("claims", f"{kind}.txt")
        triggers, excl = parse_triggers(kind, read_lines(path), f"dictionaries/claims/{kind}.txt")
        exclusions.extend(excl)
        for t in triggers:
            by_head.setdefault(t.head, []).append(t)
    return Triggers(
        {h: tuple(ts) for h, ts in by_head.items()},
        tuple(sorted(set(exclusions), key=len, reverse=True)),
        max(len(h) for h in by_head),
    )


def check_kinds(kinds: Iterable[str]) -> frozenset[str]:
    """The set of claim kinds named in ``kinds`` (blanks ignored); a UsageError for an unknown one."""
    wanted = frozenset(k.strip() for k in kinds if k.strip())
    unknown = wanted - set(KINDS)
    if unknown:
        raise UsageError(f"unknown claim kind {sorted(unknown)[0]!r}", "kinds: " + ", ".join(KINDS))
    return wanted


def find_triggers(ctx, triggers: Triggers, start: int, end: int) -> list[tuple[int, int, Trigger, str | None]]:
    """``(start, end, trigger, middle)`` of every trigger in a clause, longest first at a position."""
    t = ctx.text
    blocked: set[int] = set()
    for phrase in triggers.exclusions:
        for m in _exclusion(phrase).finditer(t, start, end):
            blocked.update(range(m.start(), m.end()))
    for m in (m for pattern in (QUOTED, ASIDE) for m in pattern.finditer(t, start, end)):
        blocked.update(range(m.start(), m.end()))
    for m in BOOK_TITLE.finditer(t, max(0, start - 60), end + 60):  # (a title may hold a sentence's end: 《好！…》)
        blocked.update(range(max(m.start(), start), min(m.end(), end)))
    inside_ment = set()
    for m in ctx.mentions_in(start, end):
        inside_ment.update(range(m.start, m.end))
    out = []
    i = start
    while i < end:
        hit = None
        if i in ctx.starts and i not in blocked and i not in inside_ment:
            for n in range(min(triggers.max_head, end - i), 0, -1):
                head = t[i : i + n]
                if head not in triggers.by_head or ((i + n) not in ctx.ends and not _record_follows(ctx, i + n)):
                    continue
                for trig in triggers.by_head[head]:
                    if trig.tail is None:
                        if hit is None:
                            hit = (i, i + n, trig, None)
                        continue
                    k = t.find(trig.tail, i + n, min(end, i + n + 16))
                    if k > i + n and k + len(trig.tail) in ctx.ends:
                        hit = (i, k + len(trig.tail), trig, t[i + n : k])
                        break
                if hit is not None:
                    break
        if hit is not None:
            head_end = hit[0] + len(hit[2].head)
            tail_start = hit[1] - len(hit[2].tail or hit[2].head)
            if any(k in blocked for k in (*range(hit[0], head_end), *range(tail_start, hit[1]))):
                hit = None  # 可以说, “拥抱…”: not a trigger here (the object of 走…道路 may be quoted)
        if hit is not None:
            out.append(hit)
            i = hit[1] if hit[3] is None else i + len(hit[2].head)
        else:
            i += 1
    return out


def _record_follows(ctx, at: int) -> bool:
    """Does a noun naming the event or its record end a word at ``at`` (辞职报告 is one word
    to the segmenter: 辞职 is still a trigger in it)?"""
    return any(ctx.text.startswith(w, at) and at + len(w) in ctx.ends for w in word_list("event_nouns"))


@lru_cache(maxsize=None)
def _exclusion(phrase: str) -> re.Pattern[str]:
    """An exclusion's pattern: the phrase, or for ``!A…B`` A and then B in the same clause
    (发布…通报: 发布 announces a notice, it launches nothing)."""
    head, _, tail = phrase.partition("…")
    if not tail:
        return re.compile(re.escape(phrase))
    return re.compile(re.escape(head) + r"[^，,。；;：:！？!?]{0,12}?" + re.escape(tail))
