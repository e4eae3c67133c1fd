"""jieba's joint word/POS HMM, for the POS tag of a word its dictionary lacks.

``import jieba.posseg`` costs 0.4-1.3 s: its tables are Python modules of 8 MB and its
module-level ``POSTokenizer`` reads the whole of jieba's dictionary again. tanalyze needs only
the tables and the Viterbi search, so it reads the tables from jieba's own pickles (the same
data as those modules) once, keeps them in the marshal cache (:mod:`tanalyze.cache`, 0.06 s
to load), and runs :func:`viterbi`, which follows ``jieba.posseg.viterbi`` step by step.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import cache

_CACHE_FORMAT = "tanalyze-hmmpos-1"
_TABLES = ("char_state_tab", "prob_start", "prob_trans", "prob_emit")
MIN_FLOAT = -3.14e100
MIN_INF = float("-inf")

State = tuple[str, str]  # (B|M|E|S, POS tag)


def _folder() -> Path:
    from .segment import import_jieba

    return Path(import_jieba().__file__).parent / "posseg"


@lru_cache(maxsize=1)
def tables() -> tuple[dict, dict, dict, dict]:
    """(char -> possible states, start, transition, emission log-probabilities)."""
    folder = _folder()
    files = [folder / f"{name}.p" for name in _TABLES]
    h = hashlib.sha1(_CACHE_FORMAT.encode())
    for f in files:
        st = f.stat()
        h.update(f"|{f}|{st.st_size}|{st.st_mtime_ns}".encode())
    where = cache.cache_dir()
    path = where / f"hmmpos-{h.hexdigest()[:20]}.marshal" if where else None
    data = cache.load(path, _valid) if path is not None else None
    if data is None:
        data = tuple(pickle.loads(f.read_bytes()) for f in files)  # jieba's installed files
        if path is not None:
            cache.store(path, data)
    return data


def _valid(data: Any) -> bool:
    return isinstance(data, tuple) and len(data) == 4 and all(isinstance(t, dict) for t in data)


def viterbi(obs: str) -> list[State]:
    """The most probable state of each character of ``obs`` (``jieba.posseg.viterbi``).

    The same search and the same result as jieba's, tie for tie: a state is reached only from
    the previous states with a transition into it (:func:`_into`), which are exactly the ones
    jieba's ``max`` can pick (the others score minus infinity, and every state searched has at
    least one such predecessor), instead of trying every previous state for every state. The
    first step and each character's states and emissions are the same wherever the character
    occurs, so they are kept per character (:func:`_start`, :func:`_char_emits`).
    """
    _, _, trans_p, emit_p = tables()
    into = _into_sets()
    all_states = trans_p.keys()
    first, prev_states, expect_next = _start(obs[0])
    v: list[dict] = [first]
    mem_path: list[dict] = [dict.fromkeys(first, "")]
    for t in range(1, len(obs)):
        v.append({})
        mem_path.append({})
        prev_v = v[t - 1]
        if t > 1:
            prev_states = [x for x in mem_path[t - 1] if len(trans_p[x]) > 0]
            expect_next = {y for x in prev_states for y in trans_p[x]}
        emits = _char_emits(obs[t])
        obs_states = emits.keys() & expect_next
        if not obs_states:
            obs_states = expect_next if expect_next else all_states
        live = set(prev_states)
        for y in obs_states:
            emit = emits[y] if y in emits else emit_p[y].get(obs[t], MIN_FLOAT)
            best = [(prev_v[y0] + trans_p[y0][y] + emit, y0) for y0 in into.get(y, _NONE) & live]
            if best:
                prob, state = max(best)
            else:  # no transition into y (jieba's fallback to every state): all score minus infinity
                prob, state = max((prev_v[y0] + trans_p[y0].get(y, MIN_INF) + emit, y0) for y0 in prev_states)
            v[t][y] = prob
            mem_path[t][y] = state
    _, state = max((v[-1][y], y) for y in mem_path[-1])
    route: list[Any] = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = mem_path[i][state]
    return route


@lru_cache(maxsize=1)
def _into() -> dict[State, tuple[tuple[State, float], ...]]:
    """State -> the states with a transition into it, with that transition's log-probability."""
    into: dict[State, list[tuple[State, float]]] = {}
    for y0, nexts in tables()[2].items():
        for y, p in nexts.items():
            into.setdefault(y, []).append((y0, p))
    return {y: tuple(pairs) for y, pairs in into.items()}


_NONE: frozenset = frozenset()


def _start(char: str) -> tuple[dict[State, float], list[State], frozenset[State]]:
    """The first step of :func:`viterbi` at ``char`` (the same for every word it begins): each
    state's score, the states with a transition out, and the states those lead to. Kept for
    the characters the HMM knows (a fixed set), computed each time for the others."""
    return _known_start(char) if char in tables()[0] else _first_step(char)


def _char_emits(char: str) -> dict[State, float]:
    """The states the HMM allows at ``char`` (all of them for a character it does not know),
    each with its emission log-probability of ``char``; kept as :func:`_start` keeps its step."""
    return _known_emits(char) if char in tables()[0] else _emits(char)


def _first_step(char: str) -> tuple[dict[State, float], list[State], frozenset[State]]:
    states, start_p, trans_p, emit_p = tables()
    first = {y: start_p[y] + emit_p[y].get(char, MIN_FLOAT) for y in states.get(char, trans_p.keys())}
    prev_states = [x for x in first if len(trans_p[x]) > 0]
    return first, prev_states, frozenset(y for x in prev_states for y in trans_p[x])


def _emits(char: str) -> dict[State, float]:
    states, _, trans_p, emit_p = tables()
    return {y: emit_p[y].get(char, MIN_FLOAT) for y in states.get(char, trans_p.keys())}


_known_start = lru_cache(maxsize=None)(_first_step)
_known_emits = lru_cache(maxsize=None)(_emits)


@lru_cache(maxsize=1)
def _into_sets() -> dict[State, frozenset[State]]:
    """State -> the states with a transition into it (a set: intersected with the live states
    in C, where a loop over the list of :func:`_into` tested each one)."""
    return {y: frozenset(y0 for y0, _ in pairs) for y, pairs in _into().items()}


@lru_cache(maxsize=65536)
def tag(word: str) -> str:
    """The HMM's POS tag of a word: the tag of its first character's state ("x" for no word)."""
    return viterbi(word)[0][1] if word else "x"


def shape_tag(word: str) -> str | None:
    """A POS tag from the word's shape, for words the dictionary lacks; None: ask the HMM.

    Numbers with units (1997年, 25%, 3.5亿元) are m and runs of punctuation (———, ……) x: the
    HMM tags them x, y or yg at random and costs a third of the entity stage's time on news.
    """
    if word.isspace():
        return "x"
    if word.isascii() and word.replace(".", "").replace("-", "").isdigit():
        return "m"
    if word.isascii() and any(c.isalpha() for c in word):
        return "eng"
    if word[0].isdigit():
        return "m"
    if not any(c.isalnum() for c in word):
        return "x"
    return None
