"""Checks on the use of a trigger word where it names no event of its own: a general word
restating another trigger of its sentence (加盟…签约三年), a trigger governed by a verb that
denies, alleges or demands it (否认离婚), one inside an award's name (荣获改革创新奖), a person's
appearance (亮相). Each is ``fn(extractor, candidate) -> candidate | None``, registered in
:mod:`.rules`; their word lists are in ``dictionaries/claims/``."""

from __future__ import annotations

from dataclasses import replace

from ..entities.resources import is_han
from .events import Candidate
from .lists import word_list
from .words import ADDITIVE


def umbrella(ex, c: Candidate) -> Candidate | None:
    """某前锋加盟某队，签约三年: a general word (签约, 处罚: ``umbrella.txt``) beside a trigger of
    the same kind in the sentence names the event that trigger names: no claim of its own. Not
    after 也 (丙也签约: someone else's event of that kind)."""
    general = word_list("umbrella")
    if c.predicate not in general:
        return c
    ts, te = c.trigger
    cs = ex.clauses_of(c.sent)[c.clause][0]
    if any(w in ex.text[cs:ts] for w in ADDITIVE):
        return c  # 甲加盟乙之后，丙也签约: another actor's event of the same kind
    kinds = {"deal", "personnel"} if c.predicate in word_list("signing") else {c.kind}  # (a hiring or a deal)
    for s, e, trig, _ in ex.find_triggers(*c.sent):
        if trig.kind in kinds and (e <= ts or s >= te) and ex.text[s:e] not in general:
            return None
    return c


def governed(ex, c: Candidate) -> Candidate:
    """要求赔礼道歉, 涉嫌违规, 险些退出, 否认离婚: a trigger that is the object of a verb of
    ``governing.txt`` names an event demanded, alleged, nearly done or denied, not one that
    happened: it keeps 0.4 of its confidence."""
    ts = c.trigger[0]
    cs = ex.clauses_of(c.sent)[c.clause][0]
    words = [ex.text[a:b] for a, b in ex.ctx.words_in(max(cs, ts - 6), ts)]
    while words and words[-1] in ("了", "将"):
        words.pop()
    if words and words[-1] in word_list("governing"):
        return replace(c, confidence=round(c.confidence * 0.4, 2))
    return c


def award_name(ex, c: Candidate) -> Candidate | None:
    """荣获组织工作改革创新三等奖: a trigger word between a verb that confers an award and the
    noun its name ends in (``award_verbs.txt``, ``award_nouns.txt``) is part of that name."""
    t, (ts, te) = ex.text, c.trigger
    cs, ce, _ = ex.clauses_of(c.sent)[c.clause]
    if not any(w in t[cs:ts] for w in word_list("award_verbs")):
        return c
    nouns = tuple(word_list("award_nouns"))
    for ws, we in ex.ctx.words_in(te, min(ce, te + 12)):
        word = t[ws:we]
        if word.endswith(nouns) and ex._tag(word).startswith("n"):
            return None  # (改革|创新|三等奖)
        if not is_han(word[0]):
            return c  # (punctuation, a score: the name has ended)
    return c


def appearance(ex, c: Candidate) -> Candidate | None:
    """导演携主演亮相, 某某首发出场: a person who 亮相 or 首发 (``appearance.txt``) appears; nothing
    is launched."""
    if c.kind == "launch" and c.actor is not None and c.actor.label == "PERSON" and c.predicate in word_list("appearance"):
        return None
    return c
