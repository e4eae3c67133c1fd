"""Sports teams named by their city, their country or a transliterated name (metonymy).

Match reports name a club by its city (罗马 2比0 击败拉齐奥) or a short transliteration
(霍芬海vs比勒菲), and a national team by its country (意大利 2比1 冰岛). The gazetteer and the
model read these as places or people; these pure functions say which of them is a team, in
the local context only:

- a fixture or a result around the name is enough for a place: ``X vs Y``, a score
  (``X 2比0 Y``, ``X以2:1击败Y``; 2:1 and 0-3 only in a sentence about sport), a record
  (X对Y 6胜1平3负), ``X对Y`` with a score or a sports word in the sentence, 主队/客队/球队
  before it, 主场/客场 and a match verb after it;
- a match verb next to the name (X战胜Y, 做客X, 负于X, X遭遇两连败, X最近5轮比赛不胜, 胜X、平Y
  after a pause, the words of a pools tip: 大热X), the team's home games
  or form (X的客场, X状态不佳) need a sports word in the same sentence (赛季, 联赛, 意甲, 进球,
  赔率 ...), so that 访问罗马 stays a place; after 在/于/到 it
  is where the match is;
- a place opening a clause as its subject in a report on a team sport (博洛尼亚在新帅上任后连续两场
  不败) is a team, unless a list goes on after it (山东和辽宁男篮);
- a country or city of the gazetteer is a team in any of these contexts (the national team:
  意大利2比1冰岛, as CLUENER annotates it; People's Daily tags a country alone as ns even
  there, 负于丹麦); a place only the model found may be a player it misread (费德勒淘汰纳尔班迪)
  and becomes a team next to vs or in a sentence about a team sport (联赛, 主场, 进球, 6胜1平 ...);
- a name the model took for a person becomes a team only when it is written in
  transliteration characters (no middle dot) and the sentence is about a team sport, or it
  faces a team across vs: 费德勒击败纳达尔 and 费德勒vs纳达尔 stay two people;
- a place followed by a word for players, people or a squad (法国选手, 福建女排, 法国总统,
  俄罗斯、巴西等女排) is a modifier and stays a place, and so is a place that is only the front
  of a longer name;
- an unknown name (a run of transliteration characters, or a word of its own) right next to
  ``vs``, or next to a score or after a match verb in a sentence about a team sport, is a team too.

The other items of a list with a team, or with a listed club (皇马), in a sentence
about sport are teams too. Every other mention of a relabelled surface in a sentence with a sports
word follows, so the grouping step counts the team's mentions together.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Sequence

from ...textutil import sentences
from ..candidate import Candidate
from ..context import Context
from ..names import name_like
from ..resolve import sure
from ..resources import _COMMON_FREQ
from .sports import (
    _LIST_JOINERS,
    _MATCH_AFTER,
    _MATCH_BEFORE,
    _MODIFIED,
    _PLACES,
    _SCORE_RE,
    _VERB_AFTER_SCORE,
    _VS_ONLY,
    SPLIT,
    _fixture_pair,
    _is_han,
    _subject_at,
    _transliterated,
    ends_name,
    is_sporty,
    is_team_sport,
    odds_after,
    split_at_vs,
    starts_name,
    team_cue,
    vs_spans,
)

# Tags of common words no name runs on with (jieba tags 好手 and 选手 as verbs, so not v).
_PLAIN_POS = ("d", "c", "p", "r", "t", "m", "f", "u", "y")


def sports_teams(ctx: Context, mentions: list[Candidate]) -> list[Candidate]:
    """Places and transliterated "people" that name a team in a match report become ORG
    (:mod:`tanalyze.entities.rules.sports`), and unknown names next to vs or a score are added. A
    name the model ran across vs (希洪v, 霍芬海姆vs奥格斯堡) is cut to the names on each side."""
    t, words, starts, ends = ctx.text, ctx.words, ctx.starts, ctx.ends
    index_by_start = {ws: i for i, (ws, _) in enumerate(words)}
    word_end = dict(words)

    def new_name(s: int, e: int) -> bool:
        w = t[s:e]
        if e not in ends or w in ctx.gazetteer.stoplist:
            return False
        if s not in starts:  # The segmenter glued a one-character result to the name
            return s - 1 in starts and t[s - 1] in "胜平负" and word_end.get(s - 1) == e and name_like(ctx, w)
        i, parts = index_by_start.get(s), []
        while i is not None and i < len(words) and words[i][1] <= e:
            parts.append(t[words[i][0] : words[i][1]])
            i += 1
        return "".join(parts) == w and all(name_like(ctx, p) for p in parts)

    freq, pos = ctx.freq_table, ctx.pos_table

    def plain_at(k: int) -> bool:  # 必须, 目前, 发挥: a common adverb, conjunction, pronoun, time word, verb ...
        w = t[k : word_end.get(k, k)]
        return len(w) >= 2 and freq.get(w, 0) >= _COMMON_FREQ and (pos.get(w) or "n").startswith((*_PLAIN_POS, "v"))

    # Only the model's names and the rules' (not a gazetteer name or a 《title》) may run across vs.
    cuttable = [c.source != "gazetteer" and not c.precise and c.label in ("PERSON", "GPE", "LOC", "ORG") for c in mentions]
    parts = split_at_vs(t, [(c.start, c.end) for c in mentions])
    split: list[bool] = []
    cut: list[Candidate] = []
    for c, p, ok in zip(mentions, parts, cuttable):
        whole = not ok or p == [(c.start, c.end)]
        for s, e in [(c.start, c.end)] if whole else p:
            cut.append(c if whole else replace(c, start=s, end=e))
            split.append(not whole)
    mentions = cut
    chosen, new = teams(
        t,
        [(c.start, c.end, c.label, SPLIT if cs else c.source) for c, cs in zip(mentions, split)],
        words,
        ctx.rules.transliteration,
        new_name,
        plain_at,
    )
    # A place or person the model is sure of stays one (a city in a report on a youth tennis camp):
    # without this check the rule cost MSRA held-out 0.0011 (entity_dev), with it nothing, and it
    # still adds 0.0019 on CLUENER, whose match reports name a club by a city the model hesitates over.
    out = [replace(c, label="ORG", key=None, source="rule") if i in chosen and not sure(c) else c for i, c in enumerate(mentions)]
    out.extend(Candidate(s, e, "ORG", "rule") for s, e in new)
    return sorted(out, key=lambda c: c.start)


def teams(
    t: str,
    mentions: Sequence[tuple[int, int, str, str]],
    words: Sequence[tuple[int, int]],
    translit: frozenset[str],
    new_name: Callable[[int, int], bool],
    plain_at: Callable[[int], bool] = lambda e: False,
) -> tuple[set[int], list[tuple[int, int]]]:
    """Which mentions name a team (indices into ``mentions``) and which unknown spans do.

    ``mentions`` are ``(start, end, label, source)`` in text order, not overlapping (source
    :data:`SPLIT` for the parts of a name the model ran across vs, :func:`split_at_vs`);
    ``words`` the word spans; ``translit`` the transliteration characters; ``new_name(start, end)`` accepts a span
    nobody found as a possible name (whole words, not common ones); ``plain_at(k)`` says the word
    at ``k`` is a common word no name goes on with (两队, 必须), so a name may end before it.
    """
    vs = vs_spans(t)
    sporty_at, team_sport_at, own_sporty_at = _sport_flags(t)

    def may_be_team(i: int, cue: str | None = None) -> bool:
        s, e, label, source = mentions[i]
        if label in _PLACES and (source == "gazetteer" or team_sport_at[s] or cue == "vs"):
            return True  # a place the model found may be a player (库尔尼科娃/GPE) outside team sports
        if source == SPLIT and cue == "vs":
            return True  # the model ran this name across vs (希洪v): it did not read a person there
        name = t[s:e]
        return label == "PERSON" and team_sport_at[s] and _transliterated(name, translit)

    chosen: set[int] = set()
    for i, (s, e, label, _) in enumerate(mentions):
        cue = team_cue(t, s, e, sporty_at[s], plain_at)
        if cue is None and label in _PLACES and team_sport_at[s] and _subject_at(t, s, e, plain_at):
            cue = "subject"
        if cue and may_be_team(i, cue):
            chosen.add(i)
        elif label in ("PERSON", *_PLACES) and odds_after(t, e):
            chosen.add(i)  # a bookmaker (威廉：2.40/3.10) or a team before its odds, not a person or place
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if may_be_team(i) and may_be_team(i + 1) and _fixture_pair(t, a[:2], b[:2], sporty_at[a[0]]):
            chosen.update((i, i + 1))
    # A transliterated "person" across vs from a team is a team (桑德兰vs博尔顿), not a player.
    for i in range(len(mentions) - 1):
        (a, b, la, _), (c, _, lc, _) = mentions[i], mentions[i + 1]
        if _VS_ONLY.fullmatch(t[b:c]):
            for j, other, lo in ((i, i + 1, lc), (i + 1, i, la)):
                name = t[mentions[j][0] : mentions[j][1]]
                if mentions[j][2] == "PERSON" and (other in chosen or lo == "ORG") and _transliterated(name, translit):
                    chosen.add(j)
    _spread_along_lists(t, mentions, chosen, sporty_at, may_be_team)
    _drop_modified_lists(t, mentions, chosen)
    # Other mentions of a team's name in sentences about sport follow it.
    names = {t[mentions[i][0] : mentions[i][1]] for i in chosen}
    for i, (s, e, _, _) in enumerate(mentions):
        if i not in chosen and t[s:e] in names and own_sporty_at[s] and may_be_team(i, "vs"):
            chosen.add(i)
    return chosen, _unknown_teams(t, mentions, words, translit, new_name, plain_at, team_sport_at, vs)


def _sport_flags(t: str) -> tuple[list[bool], list[bool], list[bool]]:
    """Per character: is its sentence (with its neighbours) about sport, about a team sport, and
    does its own sentence hold a sports word? A cue reads the sentence and its neighbours
    (击败意大利！本场做客: the sports word need not share the team's sentence); a mere other mention
    of a team's name needs a sports word of its own."""
    sporty_at, team_sport_at, own_sporty_at = [False] * (len(t) + 1), [False] * (len(t) + 1), [False] * (len(t) + 1)
    spans = sentences(t)
    for n, (a, b) in enumerate(spans):
        lo, hi = spans[max(0, n - 1)][0], spans[min(len(spans) - 1, n + 1)][1]
        sporty, team_sport, own = is_sporty(t[lo:hi]), is_team_sport(t[lo:hi]), is_sporty(t[a:b])
        for k in range(a, b + 1):
            sporty_at[k], team_sport_at[k], own_sporty_at[k] = sporty, team_sport, own
    return sporty_at, team_sport_at, own_sporty_at


def _spread_along_lists(t: str, mentions, chosen: set[int], sporty_at: list[bool], may_be_team: Callable[[int], bool]) -> None:
    """The other items of a list with a team in a sentence about sport (乌迪内斯), or with a
    listed club (皇马), join ``chosen``."""
    clubs = {i for i, (s, _, label, source) in enumerate(mentions) if label == "ORG" and source == "gazetteer" and sporty_at[s]}
    changed = True
    while changed:
        changed = False
        for i in range(len(mentions) - 1):
            (a, b, _, _), (c, _, _, _) = mentions[i], mentions[i + 1]
            teams_ = chosen | clubs
            if t[b:c] in _LIST_JOINERS and sporty_at[a] and {i, i + 1} & teams_ and not {i, i + 1} <= teams_:
                j = i + 1 if i in teams_ else i
                if may_be_team(j):
                    chosen.add(j)
                    changed = True


def _drop_modified_lists(t: str, mentions, chosen: set[int]) -> None:
    """A list that a word for players or a squad ends is a list of places (俄罗斯、巴西和古巴等女排)."""
    i = 0
    while i < len(mentions):
        j = i
        while j + 1 < len(mentions) and t[mentions[j][1] : mentions[j + 1][0]] in _LIST_JOINERS:
            j += 1
        tail = t[mentions[j][1] : mentions[j][1] + 8]
        if tail.lstrip("等").startswith(_MODIFIED):
            chosen -= set(range(i, j + 1))
        i = j + 1


def _unknown_teams(t, mentions, words, translit, new_name, plain_at, team_sport_at, vs) -> list[tuple[int, int]]:
    """霍芬海vs比勒菲: a name nobody found right next to vs (unless a person
    stands on the other side: 费德勒vs纳达尔), or next to a score (a run of transliteration
    characters or a word of its own), or after a match verb (a run of transliteration characters)
    in a sentence about a team sport (``team_sport_at``)."""
    person_at = {k for s, e, label, source in mentions if label == "PERSON" and source != SPLIT for k in (s, e)}
    word_ending = {e: s for s, e in words}
    word_starting = {s: e for s, e in words}
    taken = [False] * len(t)
    for s, e, _, _ in mentions:
        for k in range(s, e):
            taken[k] = True
    spans: list[tuple[int, int]] = []

    verbs = set(_MATCH_BEFORE) | set(_MATCH_AFTER)

    def ends(t: str, e: int) -> bool:
        return ends_name(t, e) or plain_at(e) or t[e - 1] == "队"

    def free(s: int, e: int, outer: Callable[[str, int], bool], at: int) -> bool:
        """A name of 2-6 characters nobody took, delimited on its outer side (the cue is on the other)."""
        return 2 <= e - s <= 6 and not any(taken[s:e]) and outer(t, at) and t[s:e] not in verbs and new_name(s, e)

    def run_before(p: int, word: bool) -> tuple[int, int] | None:
        q = p - 1 if p > 0 and t[p - 1] == "队" and not taken[p - 1] else p
        s = q
        while s > 0 and q - s < 6 and t[s - 1] in translit and not taken[s - 1]:
            s -= 1
        if free(s, q, starts_name, s):
            return s, p
        s = word_ending.get(q, q)
        return (s, p) if word and _is_han(t[s:q]) and free(s, q, starts_name, s) else None

    def run_after(p: int, word: bool) -> tuple[int, int] | None:
        e = p
        while e < len(t) and e - p < 6 and t[e] in translit and not taken[e]:
            e += 1
        if not free(p, e, ends, e):
            e = word_starting.get(p, p)
            if not (word and _is_han(t[p:e]) and free(p, e, ends, e)):
                return None
        return p, e + 1 if t[e : e + 1] == "队" else e

    for a, b in _cue_spans(t, vs, person_at, team_sport_at):
        for span in (run_before(a, True), run_after(b, True)):
            if span:
                spans.append(span)
    for m in re.finditer("|".join(_MATCH_BEFORE), t):
        if team_sport_at[m.start()]:
            span = run_after(m.end(), False)
            if span and not t[span[1] : span[1] + 2].startswith(_MODIFIED):
                spans.append(span)
    out: list[tuple[int, int]] = []
    reach = -1  # the furthest end of a span kept: a later span (by start) overlaps one iff it starts before
    for span in sorted(set(spans)):
        if span[0] >= reach:
            out.append(span)
            reach = max(reach, span[1])
    return out


def _cue_spans(t: str, vs, person_at: set[int], team_sport_at: list[bool]) -> list[tuple[int, int]]:
    """vs with no person on either side, and scores in a sentence about a team sport, with the
    match verb after a score (2比0击败)."""
    cues = [(a, b) for a, b in vs if a not in person_at and b not in person_at]
    cues += [m.span() for m in _SCORE_RE.finditer(t) if team_sport_at[m.start()]]
    return [(a, b + len(v.group())) if (v := _VERB_AFTER_SCORE.match(t, b)) else (a, b) for a, b in cues]
