"""What says a text is about sport, and where a team's name stands: the cues of :mod:`.sports_teams`.

Match reports name a club by its city (罗马 2比0 击败拉齐奥) or a short transliteration
(霍芬海vs比勒菲), and a national team by its country. These pure functions read the local
context only: ``vs``, a score, a record, a match verb, a sports word in the sentence (the words
are in ``dictionaries/rules/sports_*.txt``).
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from functools import lru_cache
from typing import Callable, Sequence

from ...textutil import is_cjk, sentences
from ..resources import word_list

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_NUM = "0-9０-９"
# A score: 2比0, 2:1, 0-3 (not a clock time: 10月29日08:41).
_SCORE = rf"(?<![{_NUM}.:：\-日号时点])[{_NUM}]{{1,3}}\s?(?:比|:|：|-|–|∶)\s?[{_NUM}]{{1,3}}(?![{_NUM}.%％:：])"
_SCORE_RE = re.compile(_SCORE)
_VS = r"\s*(?:[vV][sS]\.?|ＶＳ|ｖｓ|[vV]\.)\s*"
# Words that say the sentence is about sport (a league, a season, a goal, the odds).
SPORTS_WORDS = word_list("sports_words.txt")
# A sport played by teams (a person's name becomes a team only here): no tennis, no chess.
TEAM_SPORT_WORDS = word_list("team_sport_words.txt")
_ROUND = re.compile(rf"第[{_NUM}一二三四五六七八九十]+轮")
# One search each instead of a test per word (the sports rule asks this of every sentence).
_SPORTY = re.compile("|".join(map(re.escape, SPORTS_WORDS)) + "|" + _ROUND.pattern)
# A draw, win or loss at home or away (客平, 主胜), before or after a team.
_HOME_AWAY_RESULTS = ("客平", "主平", "客胜", "主胜", "客负", "主负")
# A match verb after the team (X战胜Y, X客场负于Y, X遭遇两连败), after a few words of time or place.
_MATCH_AFTER = word_list("match_verbs_after.txt")
_RESULT = rf"(?:[{_NUM}一二三四五六七八九十两]*(?:连胜|连败|连平|(?:场|轮)(?:比赛)?(?:不胜|不败|全胜))|首胜|首败)"
_FILLER = (
    rf"(?:队|也|则|又|还|再|更是|更|已|曾|将|仅|均|都|在|本轮|上轮|下轮|此役|首回合|次回合|今天|昨天|今晚|昨晚|周[一二三四五六日末]|"
    rf"近年|近期|最近|近来|此前|本季|本赛季|上赛季|新赛季|近[{_NUM}一二三四五六七八九十]+轮|"
    rf"第[{_NUM}一二三四五六七八九十]+轮|联赛|比赛|德比|中|主场|客场|本场|[{_HAN}]{{1,4}}杯|在[^，,。；;！？!?\s]{{1,14}}?中)"
)
# A team's record: 6胜10平12负, 3胜1负.
_RECORD = rf"[{_NUM}一二三四五六七八九十]+胜(?:[{_NUM}一二三四五六七八九十]+平)?[{_NUM}一二三四五六七八九十]+负"
_AFTER_RE = re.compile(
    rf"{_FILLER}{{0,4}}(?:以\s?{_SCORE}\s?)?[“\"]?(?:{'|'.join(sorted(_MATCH_AFTER, key=len, reverse=True))})|"
    rf"{_FILLER}{{0,3}}(?:(?:遭遇|取得|豪取|收获|迎来|保持|遭)了?)?{_RESULT}|"
    # the team's home or away games, a match or half against it, its form (米兰的客场让人担忧)
    r"的(?:主场|客场|上半场|下半场|比赛)|状态(?:不佳|低迷|出色|火热|正佳|回升|下滑|不稳)"
)
# A match verb before the team (战胜X, 做客X, 2比0轻取X, 面对X).
_MATCH_BEFORE = word_list("match_verbs_before.txt")
# A one-character result after a score is a verb too
_VERB_AFTER_SCORE = re.compile(rf"\s?(?:{'|'.join(_MATCH_BEFORE)}|[胜平负](?![{_NUM}一二三四五六七八九十]))")
# 胜拉齐奥、, 7:4胜X: a one-character result after a pause or a score
_BEFORE_RE = re.compile(rf"(?:(?:{'|'.join(_MATCH_BEFORE)})了?|(?:^|(?<=[，,、；;：:\s{_NUM}]))[胜平负])$")
# Words in apposition before a team: 主队罗马, 客队米兰.
_APPOSITION = ("主队", "客队", "球队")
# Strong cues that need no sports word: a fixture, a score, home and away.
_VS_ONLY = re.compile(_VS)
_VS_AFTER = re.compile(_VS + rf"(?=[{_HAN}A-Za-z])")
_VS_BEFORE = re.compile(rf"(?<=[{_HAN}A-Za-z]){_VS}$")
_SCORE_AFTER = re.compile(rf"\s?(?:(?:在?主场|在?客场)?以)?\s?{_SCORE}")
_DRAW_RECORD = re.compile(rf"[{_NUM}一二三四五六七八九十]+胜[{_NUM}一二三四五六七八九十]+平")  # draws: football
_TEAM_SPORT = re.compile("|".join(map(re.escape, TEAM_SPORT_WORDS)) + "|" + _DRAW_RECORD.pattern)
_RECORD_AFTER = re.compile(rf"\s?(?:对[{_HAN}]{{2,6}}?\s?)?{_RECORD}")
_SCORE_BEFORE = re.compile(rf"{_SCORE}\s?(?:(?:{'|'.join(_MATCH_BEFORE)})\s?)?$")
_HOME_AWAY = re.compile(r"(?:坐镇)?(?:主场|客场)(?:以|作战|迎战|挑战|对阵|战平|逼平|击败|战胜|负于|输给|不敌|取胜|获胜|失利|告负)")
# Words after a place that make it a modifier: 法国选手, 福建女排, 法国总统, 罗马城.
_MODIFIED = word_list("team_modifiers.txt")
# Words before a place that say where something happens (来自荷兰).
_AT = ("在", "于", "到", "赴", "自", "往", "抵达", "来到")
# Characters that may follow or precede a team's name within a sentence.
_AFTER_NAME = set("队从更仍却才便了在和与及并也都又还再就则而但将以对已曾后今昨本上下要能")
_BEFORE_NAME = set("的了是在和与及并也都又还就则而但把被让给为到从于对向将由这与")
_PLACES = ("GPE", "LOC")
_LIST_JOINERS = ("、", "和", "与", "及", "以及")
_CLAUSE_OPENERS = frozenset("，,。；;！!？?：:\n “”\"")


# What follows a bookmaker in a betting report: its odds, or what it did to them.
_ODDS_AFTER = re.compile(
    rf"的?(?:赔率|相同赔率|同赔率|凯比值|初盘|即时盘|主胜|客胜|平赔|(?:都|也|则|已|早早|再次)*(?:降低|抬高|调低|调高|上调|下调|开出))"
    rf"|[：:]\s?[{_NUM}]+\.[{_NUM}]+/")  # 威廉：2.40/3.10/2.80, a bookmaker's odds for win, draw and loss


def odds_after(t: str, e: int) -> bool:
    """Whether the odds of a bookmaker follow ``e`` in a sentence about sport (snai凯比值, bwin早早降低)."""
    if not _ODDS_AFTER.match(t, e):
        return False
    spans = _sentences(t)  # the sentences holding e: found by bisection, not by a scan of all
    i = bisect_right(spans, (e, sys.maxsize))
    return any(a <= e <= b and is_sporty(t[a:b]) for a, b in spans[max(0, i - 2) : i + 1])


@lru_cache(maxsize=1)
def _sentences(t: str) -> list[tuple[int, int]]:
    return sentences(t)


def is_sporty(s: str) -> bool:
    """Whether a sentence has a sports word (or a round: 第10轮)."""
    return _SPORTY.search(s) is not None


def is_team_sport(s: str) -> bool:
    """Whether a sentence is about a team sport (a league, home and away, goals)."""
    return _TEAM_SPORT.search(s) is not None


def team_cue(t: str, s: int, e: int, sporty: bool, plain_at: Callable[[int], bool] = lambda e: False) -> str | None:
    """What says the name ``t[s:e]`` is a team: ``"vs"``, ``"fixture"`` (a score, a record, home
    and away, 主队/客队 before it), ``"match"`` (a match verb next to it in a sentence about
    sport) or ``None``."""
    after, before = t[e : e + 24], t[max(0, s - 12) : s]
    if after.startswith(_MODIFIED):
        return None
    if _VS_AFTER.match(after) or _VS_BEFORE.search(before):
        return "vs"
    if _HOME_AWAY.match(after) or _RECORD_AFTER.match(after):
        return "fixture"
    score = _SCORE_AFTER.match(after)
    if score and ("比" in score.group() or sporty):  # 2:1 and 0-3 only in a sentence about sport
        return "fixture"
    if before.endswith(_APPOSITION):
        return "fixture"
    if sporty and _AFTER_RE.match(after) and not before.endswith(_AT):
        return "match"  # not 在X赢球: where the match is, a place
    if not (ends_name(t, e) or plain_at(e)):
        return None  # 险胜浙江的李静: the place is only the front of a name
    score = _SCORE_BEFORE.search(before)
    if score and ("比" in score.group() or sporty):
        return "fixture"
    if sporty and _BEFORE_RE.search(before):
        return "match"
    return None


def _subject_at(t: str, s: int, e: int, plain_at: Callable[[int], bool]) -> bool:
    """Whether ``t[s:e]`` opens a clause as its subject (at the start of the text or after a
    clause's punctuation, a name of its own: no modifier after it such as 选手, 总统, and no
    list going on: 山东和辽宁男篮)."""
    if s > 0 and t[s - 1] not in _CLAUSE_OPENERS or t.startswith(_LIST_JOINERS, e):
        return False
    return not t.startswith(_MODIFIED, e) and (ends_name(t, e) or plain_at(e))


def ends_name(t: str, e: int) -> bool:
    """Whether a name may end at ``e``: punctuation, the end, 队, a function character or a cue."""
    return e >= len(t) or not _is_han(t[e]) or t[e] in _AFTER_NAME or bool(_AFTER_RE.match(t, e))


def starts_name(t: str, s: int) -> bool:
    """Whether a name may start at ``s``: punctuation, the start, or a function character."""
    return s == 0 or not _is_han(t[s - 1]) or t[s - 1] in _BEFORE_NAME


def _fixture_pair(t: str, a: tuple[int, int], b: tuple[int, int], sporty: bool) -> bool:
    """``A对B`` with a score after it, or in a sentence about sport (罗马对拉齐奥的比赛)."""
    if t[a[1] : b[0]] != "对":
        return False
    rest = t[b[1] : b[1] + 8]
    if _SCORE_AFTER.match(rest) or _RECORD_AFTER.match(rest):
        return True
    return sporty and (rest[:1] in "，,：:。 \n（(" or rest.startswith(("的比赛", "之战", "一战", "的较量")))


def _is_han(s: str) -> bool:
    return bool(s) and all(is_cjk(c) for c in s)


def _transliterated(name: str, translit: frozenset[str]) -> bool:
    """A foreign name of transliteration characters, not a dotted personal name (克莱·舍基)."""
    return len(name) >= 2 and all(ch in translit for ch in name)


SPLIT = "split"  # the source of a part of a name the model ran across vs


def vs_spans(t: str) -> list[tuple[int, int]]:
    """Where ``vs`` (VS, v.) stands between two names."""
    return [m.span() for m in re.finditer(_VS, t) if m.group().strip()]


def split_at_vs(t: str, spans: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The parts of each span outside ``vs``: the model reads 霍芬海姆vs奥格斯堡 or 希洪v as one
    name; its names are the Han runs of two characters or more on either side (``[]``: none)."""
    vs = vs_spans(t)
    vs_starts = [a for a, _ in vs]
    longest = max((b - a for a, b in vs), default=0)
    out = []
    for s, e in spans:
        near = vs[bisect_right(vs_starts, s - longest - 1) : bisect_right(vs_starts, e)]
        cuts = [(a, b) for a, b in near if a < e and s < b]
        if not cuts:
            out.append([(s, e)])
            continue
        parts, p = [], s
        for a, b in cuts + [(e, e)]:
            if a - p >= 2 and _is_han(t[p:a]):
                parts.append((p, a))
            p = max(p, b)
        out.append(parts)
    return out
