"""Lists of people: every name of a 、 list that is clearly a list of people is one PERSON.

Attendance lists, delegations and award lists name people one after another
(王德炳、牛东平、方廷钰、巴德年(满族)、龙致贤、印木泉). A statistical model reads each name
on its own and gets some of them wrong: it cuts a name short (刘敦 for 刘敦一), reads a place
inside it (东平 in 牛东平, 迪拜 in 艾迪拜·伊斯哈克娃), takes it for a place (印木泉) or misses a
name without a common surname (劲松). In a list that is clearly a list of people, each item
that looks like a name is one person, from the 、 before it to the 、 (or note) after it.

The function here is pure: it reads the resolved mentions, the text and its words, and
callables of the entity finder for what it needs to know about words and names.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable, Sequence, TypeVar

from ..candidate import Candidate
from ..context import Context
from ..names import name_at
from ..resources import _COMMON_FREQ, _FUNCTION_POS, HAN as _HAN, is_han as _is_han

M = TypeVar("M")  # a mention: has start, end, label and source

_DOTTED = re.compile(rf"[{_HAN}]+(?:[·•・‧][{_HAN}]+)+")
# Punctuation that ends a list (a 、 continues it; a bracket opens a note).
_STOPS = set("，。；：,;:!?！？“”\"‘’《》〈〉【】[]\n\r\t 　—")
# Words after which the first item of a list starts (出席会议的有王德炳、…, 他们是…).
_LEADS = set("有是为括如")
# Words that end the last item (…、印木泉等, …、王文及其他).
_TAIL_STOPS = set("等及")
# Words that join the last two items (…、李四和王五).
_LAST_JOINS = set("和与")
# A note on a person: gender and ethnic group (女), (女,满族), (藏族).
_PERSON_NOTE = re.compile(rf"(?:[男女]|[{_HAN}]{{1,5}}族)(?:[,，、](?:[男女]|[{_HAN}]{{1,5}}族))*")
_HONORIFICS = ("同志", "先生", "女士", "夫人", "小姐", "老师", "师傅")
_MAX_NOTE = 14


@dataclass
class Item:
    """One item of a 、 list: the name [start, end) and a note in brackets after it."""

    start: int
    end: int
    note: tuple[int, int] | None = None
    clean: bool = True  # just a name and its note (not 曹(凡音)生)
    person_note: bool = False  # the note is about a person: (女), (女,满族)


def _note_end(t: str, i: int) -> int:
    """End of the bracketed note opening at ``i`` (and of notes right after it), or -1."""
    end = -1
    while i < len(t) and t[i] in "(（":
        j = i + 1
        while j < len(t) and j - i <= _MAX_NOTE and t[j] not in ")）(（\n。；":
            j += 1
        if j >= len(t) or t[j] not in ")）" or j == i + 1:
            break
        end = i = j + 1
    return end


def list_runs(t: str) -> list[list[Item]]:
    """Runs of two or more items separated by 、 (an item's note in brackets is kept apart).

    The first item runs back to the punctuation before it and the last one on to the
    punctuation after it; :func:`_edges` trims them.
    """
    if "、" not in t:
        return []
    runs: list[list[Item]] = []
    current: list[Item] = []
    start, i, note = 0, 0, None
    clean = True

    def close(end: int, last: bool = False) -> Item:
        # The last item's note may be followed by the rest of the sentence (李四(女)出席).
        noted = note is not None and all(
            _PERSON_NOTE.fullmatch(x) for x in re.findall(r"[(（]([^()（）]*)[)）]", t[note[0] : note[1]])
        )
        return Item(start, note[0] if note else end, note, clean or last, noted)

    while i < len(t):
        ch = t[i]
        if ch in "(（":
            e = _note_end(t, i)
            if e > 0:
                if note is None:
                    note = (i, e)
                else:
                    clean = False  # 曹(凡音)生(…): text between notes
                i = e
                continue
            ch = "\n"  # an unclosed bracket ends the list
        if ch == "、":
            current.append(close(i))
            start, note, clean = i + 1, None, True
        elif ch in _STOPS or ch in ")）":
            current.append(close(i, last=True))
            if len(current) >= 2:
                runs.append(current)
            current = []
            start, note, clean = i + 1, None, True
        elif note is not None:
            clean = False  # text after a note: 曹(凡音)生
        i += 1
    current.append(close(len(t), last=True))
    if len(current) >= 2:
        runs.append(current)
    return runs


def _name_shape(name: str, noted: bool) -> bool:
    """Two to four Han characters (up to six with a note on a person: 阿拉坦敖其尔(蒙古族)), or a
    dotted name of up to sixteen (强俄巴·多吉欧珠)."""
    if _is_han(name):
        return 2 <= len(name) <= (6 if noted else 4)
    return len(name) <= 16 and _DOTTED.fullmatch(name) is not None


def repair_person_lists(
    mentions: Sequence[M],
    t: str,
    words: Sequence[tuple[int, int]],
    *,
    person: Callable[[int, int], M],
    name_length: Callable[[int], int],
    known_label: Callable[[str], str | None],
    ordinary: Callable[[str], bool],
    function_word: Callable[[str], bool],
    title_before: Callable[[int], bool],
) -> list[M]:
    """The mentions with the items of every list of people as one PERSON each.

    - ``person(start, end)`` makes a PERSON mention;
    - ``name_length(i)`` is the length of a Chinese personal name (surname + 1-2) at ``i``, or 0;
    - ``known_label(surface)`` is the label a gazetteer gives the surface, or None;
    - ``ordinary(surface)`` says the surface is not a name (a common word, a title, a stop word);
    - ``function_word(word)`` says a dictionary word is a verb or function word (出席, 有);
    - ``title_before(i)`` says a job title (委员, 教授) ends at ``i``.

    A run is a list of people when at least two items, and at least half of them, are exactly a
    PERSON mention or carry a note on a person ((女), (满族)). Items that are exactly a known
    place or organisation, start with a known place (江苏伍霞), or read as an ordinary word keep
    their mentions; one character is never a name.
    """
    runs = list_runs(t)
    if not runs:
        return list(mentions)
    lists = _Lists(t, words, mentions, name_length, function_word, title_before)
    starts, ends, exact = lists.starts, lists.ends, lists.exact
    out = _Spans(mentions)
    for run in runs:
        first = lists.first_item(run[0])
        items = ([first] if first else []) + run[1:-1] + lists.last_items(run[-1])
        items = [x for x in items if x.end - x.start >= 1]
        evidence = sum(1 for x in items if (x.start, x.end) in exact or x.person_note)
        if evidence < 2 or 2 * evidence < len(items):
            for m in _beside_a_person(items, exact, out, t, starts, ends, lists.words_in, person, name_length, ordinary, function_word):
                out.add(m)
            continue
        for x in items:
            name = t[x.start : x.end]
            if not x.clean or (x.start, x.end) in exact or not _name_shape(name, x.person_note):
                continue
            if x.start not in starts and x.start not in ends:
                continue
            label = known_label(name)
            if (label is not None and label != "PERSON") or ordinary(name) or name.endswith(_HONORIFICS):
                continue
            inside = out.overlapping(x.start, x.end)
            # 江苏伍霞(2232分): a known place the item starts with is a place, not part of a name.
            if any(m.start == x.start and m.end < x.end and known_label(t[m.start : m.end]) not in (None, "PERSON") for m in inside):
                continue
            for m in inside:
                out.remove(m)
            out.add(person(x.start, x.end))
        _drop_notes(items, out)
    return sorted(out.mentions(), key=lambda m: m.start)


def _drop_notes(items: list[Item], out: "_Spans") -> None:
    """A note on a person ((赫哲族), (女,布朗族)) names a group, not a person, place or organisation."""
    for x in items:
        if x.person_note and x.note is not None:
            ns, ne = x.note
            for m in out.overlapping(ns, ne):
                if ns <= m.start and m.end <= ne and m.label != "NORP":
                    out.remove(m)


class _Lists:
    """What the first and last item of a list are, read from the text, its words and mentions."""

    def __init__(self, t: str, words: Sequence[tuple[int, int]], mentions: Sequence[M], name_length: Callable[[int], int],
                 function_word: Callable[[str], bool], title_before: Callable[[int], bool]) -> None:
        self.t, self.words = t, words
        self.name_length, self.function_word, self.title_before = name_length, function_word, title_before
        self.starts = {s for s, _ in words} | {len(t)}
        self.ends = {e for _, e in words} | {0}
        self.exact = {(m.start, m.end) for m in mentions if m.label == "PERSON"}
        self.by_start: dict[int, list[M]] = {}
        self.persons_by_end: dict[int, list[M]] = {}
        for m in mentions:
            self.by_start.setdefault(m.start, []).append(m)
            if m.label == "PERSON":
                self.persons_by_end.setdefault(m.end, []).append(m)
        self.word_starts = [a for a, _ in words]

    def words_in(self, s: int, e: int) -> list[str]:
        t, words = self.t, self.words
        out, i = [], bisect_left(self.word_starts, s)
        while i < len(words) and words[i][0] < e:
            if words[i][1] <= e:
                out.append(t[words[i][0] : words[i][1]])
            i += 1
        return out

    def person_ending(self, e: int, s0: int) -> int | None:
        return next((m.start for m in self.persons_by_end.get(e, ()) if m.start >= s0), None)

    def first_item(self, item: Item) -> Item | None:
        """出席会议的有王德炳、…: the first item starts after the phrase that introduces the list."""
        t = self.t
        s0, e = item.start, item.end
        if e - s0 <= 4 or not _is_han(t[s0:e]):
            inner = self.words_in(s0, e)
            if (s0, e) in self.exact or self.name_length(s0) == e - s0 or not any(self.function_word(w) for w in inner):
                return item
        s = self.person_ending(e, s0)
        if s is None:
            s = next(
                (e - n for n in (4, 3, 2) if e - n > s0 and e - n in self.starts
                 and (t[e - n - 1] in _LEADS or self.title_before(e - n))),
                None,
            )
        return None if s is None else Item(s, e, item.note, item.clean, item.person_note)

    def last_items(self, item: Item) -> list[Item]:
        """…、印木泉等, …、李四和王五, …、王五出席: the last item ends before 等, a verb or a join."""
        t = self.t
        s, e = item.start, item.end
        cut = next((k for k in range(s, e) if t[k] in _TAIL_STOPS), e)
        if cut > s and t[cut - 1 : cut + 1] == "以及":
            cut -= 1  # 林永建以及…
        out: list[Item] = []
        join = next((k for k in range(s + 2, min(cut, s + 5)) if t[k] in _LAST_JOINS and cut - k > 2), None)
        if join is not None:  # 李四和王五: two items (not 刘景和, where nothing follows)
            out.append(Item(s, join))
            s = join + 1
        whole = Item(s, cut, item.note, item.clean, item.person_note) if cut == e else Item(s, cut)
        later = self.words_in(s, cut)[1:]
        if cut == e and item.note is not None:  # 李四(女)出席: the note closes the name
            return [*out, whole]
        if cut - s <= 4 and ((s, cut) in self.exact or self.name_length(s) == cut - s or not any(self.function_word(w) for w in later)):
            return [*out, whole]
        # A name, then the rest of the sentence: the person found there or a Chinese name.
        n = max((m.end - s for m in self.by_start.get(s, ()) if m.label == "PERSON"), default=0) or self.name_length(s)
        if n and s + n in self.starts:
            out.append(Item(s, s + n))
        return out


class _Spans:
    """Mentions in the order they were added, with removal and overlap look-ups that cost the
    number of mentions near a span (an index by start, read back as far as the longest one)."""

    def __init__(self, mentions: Sequence[M]) -> None:
        self._order: list[M] = []
        self._gone: set[int] = set()
        self._by_start: dict[int, list[M]] = {}
        self._longest = 0
        for m in mentions:
            self.add(m)

    def add(self, m: M) -> None:
        self._order.append(m)
        self._by_start.setdefault(m.start, []).append(m)
        self._longest = max(self._longest, m.end - m.start)

    def remove(self, m: M) -> None:
        self._gone.add(id(m))
        self._by_start[m.start] = [o for o in self._by_start[m.start] if o is not m]

    def overlapping(self, s: int, e: int) -> list[M]:
        """The mentions that share a character with [s, e)."""
        return [m for k in range(s - self._longest, e) for m in self._by_start.get(k, ()) if m.start < e and s < m.end]

    def mentions(self) -> list[M]:
        return [m for m in self._order if id(m) not in self._gone]


def _beside_a_person(items, exact, mentions, t, starts, ends, words_in, person, name_length, ordinary, function_word) -> list:
    """Little evidence of a list of people: an item found by no source, listed right beside a
    person, is one too when it reads as a Chinese personal name (马化腾、苗永明: a surname and
    one or two characters), not as a phrase of words (马化腾、研究)."""
    out = []
    for k, x in enumerate(items):
        beside = [items[n] for n in (k - 1, k + 1) if 0 <= n < len(items)]
        if not x.clean or not any((y.start, y.end) in exact for y in beside):
            continue
        if x.start not in starts or x.end not in ends or mentions.overlapping(x.start, x.end):
            continue
        name = t[x.start : x.end]
        if not _is_han(name) or name_length(x.start) != len(name) or ordinary(name) or any(function_word(w) for w in words_in(x.start, x.end)):
            continue
        out.append(person(x.start, x.end))
    return out


def person_lists(ctx: Context, mentions: list[Candidate]) -> list[Candidate]:
    """Every name of a list of people is one PERSON (:mod:`tanalyze.entities.rules.person_lists`)."""
    t, words, starts = ctx.text, ctx.words, ctx.starts
    freq = ctx.freq_table
    pos = ctx.pos_table

    def known_label(surface: str) -> str | None:
        entry = ctx.gazetteer.lookup(surface)
        return entry.label if entry else None

    def ordinary(surface: str) -> bool:
        common = freq.get(surface, 0) >= _COMMON_FREQ and not (pos.get(surface) or "").startswith("nr")
        return common or surface in ctx.gazetteer.stoplist or ctx.patterns.titles.search(surface) is not None

    return repair_person_lists(
        mentions,
        t,
        words,
        person=lambda s, e: Candidate(s, e, "PERSON", "rule"),
        name_length=lambda i: name_at(ctx, t, i, starts),
        known_label=known_label,
        ordinary=ordinary,
        function_word=lambda w: (pos.get(w) or "").startswith(_FUNCTION_POS),
        title_before=lambda i: t.endswith(ctx.rules.titles, 0, i),
    )
