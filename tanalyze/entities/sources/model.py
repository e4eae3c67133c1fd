"""The model source: the statistical NER model's names (:mod:`tanalyze.ner.load`), checked.

The model's spans are moved to where a name starts and cut where it ends (:mod:`.model_spans`),
dropped where no name can be (one character, a clause's punctuation, a byline's 文 or 摄, the
inside of a Latin word), and
relabelled where the span's own shape says what it names: a place ending in a body's word is
that body (青禾市消防局), a "person" ending in 村 a village, one ending in 岛 an island.
"""

from __future__ import annotations

import re
from typing import Callable

from ...gazetteer import latin_bounded
from ..candidate import Candidate
from ..context import Context
from ..names import _EVENT_NOUNS, ROAD_WORDS, ends_like_facility, ends_like_org
from ..resources import _NAME_DOTS, address_length, is_han as _is_han, word_list
from .model_spans import model_start, quoted_part, trim_model_span

_BYLINE_ROLE = re.compile(r"[/／](?:文|摄|图|编译)")  # 曾芳/文, 李明/摄: who wrote or shot the piece
# Punctuation no name runs across (蓝星石油，保安人员 is two phrases).
_CLAUSE_PUNCT = re.compile("[，。；：！？、,;:!?\n]")
_PLACE_AFTER = re.compile("附近|一带|周边|周围|旁边|门口|内外|沿岸")
_VILLAGE_UNITS = frozenset("村镇乡庄屯寨")
# Endings of Slavic surnames that few places share (武西尼奇, 布拉戈耶维奇, 科瓦尔斯基).
_SURNAME_ENDINGS = word_list("slavic_surname_endings.txt")
_PLACE_WORD_AFTER = re.compile("[州市省县区镇村河江湖山岛港]|地区|共和国")
# The last character of a site's name and the site's label (岛: an island, 港: a port, 寺: a temple).
_SITE_ENDS = {"岛": "LOC", "湾": "LOC", "邑": "GPE", "港": "LOC", "寺": "FAC", "窟": "FAC"}  # 港: a port or a city (张家港)
_ISLAND_AFTER = ("群岛", "半岛", "岛")
# What ends a social-media handle after @: its colon (//@handle:), the next @, a space, a line or a clause.
_HANDLE_END = re.compile(r"[:：@\s,，。!！?？]|$")


def model_candidates(ctx: Context, text: str, predict: Callable) -> list[Candidate]:
    """The model's candidates: ``predict(text, word_spans)`` reads the unfolded ``text`` and
    gives ``(start, end, label)`` or ``(start, end, label, confidence)`` per name."""
    from ...segment import WordSpan

    folded, words = ctx.text, ctx.words
    out: list[Candidate] = []
    for s, predicted_end, label, *confidence in predict(text, [WordSpan(a, b) for a, b in words]):
        s = model_start(ctx, folded, words, ctx.starts, s, predicted_end)
        if s is None:
            continue
        e = trim_model_span(ctx, folded, words, s, predicted_end, label)
        if e <= s:
            continue
        if s > 0 and _BYLINE_ROLE.match(folded, s - 1):
            continue  # 记者曾芳/文|博时肖华: the byline's 文 (text) or 摄 (photo) starts no name
        s, e = quoted_part(folded, s, e)
        if not latin_bounded(folded, s, e):
            continue  # Microso|ft, #ciAward|s2013#: a name neither starts nor ends inside a Latin word
        if _may_name(ctx, s, e, label):
            e, label = _relabel(ctx, s, e, predicted_end, label)
            out.append(Candidate(s, e, label, "model", confidence=confidence[0] if confidence else None,
                                 precise=whole_handle(folded, s, e)))
    return _not_placed(ctx, out)


def whole_handle(t: str, s: int, e: int) -> bool:
    """Is ``t[s:e]`` a whole social-media handle, from the @ before it to the handle's end
    (//@青禾公益:)? A model name there is as sure of its span as a listed one: the handle says
    where the name starts and ends, and a listed brand inside it (青禾 of 青禾公益) is no mention
    of its own. Weibo dev even half 0.6203 -> 0.6329, odd half unchanged."""
    return s > 0 and t[s - 1] == "@" and _HANDLE_END.match(t, e) is not None


def _may_name(ctx: Context, s: int, e: int, label: str) -> bool:
    """One character is a name only as an abbreviated place (中美, 俄方) or as a surname before a
    title or form of address (江主席, 王大夫); no name is a listed common word, holds half a
    bracket pair or runs across a clause's punctuation."""
    folded = ctx.text
    addressed = label == "PERSON" and address_length(folded, e) > 0
    return ((e - s >= 2 or label in ("GPE", "LOC") or addressed) and folded[s:e] not in ctx.gazetteer.stoplist
            and _balanced(folded[s:e]) and not _CLAUSE_PUNCT.search(folded[s:e])
            and not (label in ("GPE", "LOC") and doubled(folded[s:e])))


def doubled(name: str) -> bool:
    """Is ``name`` one Han character written twice (东东, 萌萌)? That is a nickname's shape and never
    a place's: the training corpora hold 86 persons of it (MSRA 50, Weibo 29, CLUENER 7) and no
    place, so a model place of that shape is dropped (a chat post's 东东 read as a place). Weibo dev
    even half 0.6329 -> 0.6369, odd half and every other split unchanged."""
    return len(name) == 2 and name[0] == name[1] and _is_han(name)


def _relabel(ctx: Context, s: int, e: int, predicted_end: int, label: str) -> tuple[int, str]:
    """The end and label of a model name, as its own shape says (the first that applies)."""
    folded = ctx.text
    name = folded[s:e]
    if label in ("GPE", "LOC") and ends_like_org(ctx, name):
        label = "ORG"  # 青禾市消防局, 布莱克本队: a place's body or team
    elif label == "PERSON" and e - s >= 4 and ends_like_org(ctx, name):
        label = "ORG"  # No person's name ends in a team or body word
    elif label == "ORG" and e - s >= 3 and (folded[e - 1] == "节" or name.endswith(_EVENT_NOUNS)):
        label = "EVENT"  # 哈尔滨冰灯节: a festival or an auction, not a body
    elif label in ("GPE", "LOC") and name.endswith(_SURNAME_ENDINGS) and not _PLACE_WORD_AFTER.match(folded, e) and (
            all(ch in ctx.rules.transliteration for ch in name)):
        label = "PERSON"  # 武西尼奇: Slavic surname endings (not before a place word: 州, 市)
    elif label in ("GPE", "LOC") and any(ch in _NAME_DOTS for ch in name):
        label = "PERSON"  # A dotted foreign name is a person's, not a place's
    elif label == "PERSON" and village(ctx, folded, s, e):
        label = "GPE"  # 特雷姆萨村, 梁二村: a village, not a person
    elif label == "PERSON" and (site := site_at(ctx, folded, s, e)) is not None:
        e, label = site  # 摩顿|岛: an island, a port, a temple
    elif (label in ("GPE", "LOC", "PERSON") or label == "ORG" and e < predicted_end) and ends_like_facility(ctx, name):
        label = "FAC"  # 重庆大厦, 首都机场: a building or site
    elif label in ("GPE", "LOC") and e - s >= 3 and name.endswith(ROAD_WORDS):
        label = "FAC"  # 长安街, 南昌街: a street, as the street rule labels it
    return e, label


def _not_placed(ctx: Context, cands: list[Candidate]) -> list[Candidate]:
    """涼亭附近, 该涼亭: a model "person" the text treats as a place is no person, at any mention."""
    folded = ctx.text
    placed = {folded[c.start : c.end] for c in cands if c.label == "PERSON"
              and (_PLACE_AFTER.match(folded, c.end) or folded[max(0, c.start - 1) : c.start] == "该")}
    return [c for c in cands if not (c.label == "PERSON" and folded[c.start : c.end] in placed)]


def village(ctx: Context, t: str, s: int, e: int) -> bool:
    """Is the model's "person" ``t[s:e]`` a village, town or city (青山村特困户, 杏林镇的农民)? It
    ends in 村/镇/乡/庄/屯/寨 (or, four characters or more, 市/县/州/省/郡: 施罗普郡) and nothing says it is a
    person: no title before it (歌唱家李青村), no speech verb after it (移民王家屯说)."""
    if e - s < 3 or not _is_han(t[s:e]):
        return False
    if t[e - 1] not in _VILLAGE_UNITS and not (e - s >= 4 and t[e - 1] in "市县州省郡"):
        return False  # (a foreign city; a three-character name may end in 州)
    return not titled_before(ctx, t, s) and not spoken_after(ctx, t, e)


def titled_before(ctx: Context, t: str, s: int) -> bool:
    """Does a title end right before ``s`` (歌唱家|吴国村)?"""
    return any(m.end() == s for m in ctx.patterns.titles.finditer(t, max(0, s - 8), s))


def spoken_after(ctx: Context, t: str, e: int) -> bool:
    """Does a speech verb or a colon follow ``e`` (移民王家屯说, 陈祖屯：)?"""
    return ctx.patterns.speech.match(t, e) is not None or t.startswith(("说", "：", ":"), e)


def site_at(ctx: Context, t: str, s: int, e: int) -> tuple[int, str] | None:
    """Is the model's "person" ``t[s:e]`` an island, a bay, a port, a temple or a cave
    (吴哥窟), or the name of an island the text goes on to (摩顿|岛上)?
    Returns the site's end and label, or None. Three characters at least, and nothing may say it
    is a person (a title before it, a speech verb after it), as for villages."""
    if not _is_han(t[s:e]) or titled_before(ctx, t, s):
        return None
    after = next((x for x in _ISLAND_AFTER if t.startswith(x, e)), None)
    if after is not None and e - s >= 2 and ctx.patterns.speech.match(t, e + len(after)) is None:
        return e + len(after), "LOC"
    if e - s >= 3 and t[e - 1] in _SITE_ENDS and not spoken_after(ctx, t, e):
        return e, _SITE_ENDS[t[e - 1]]
    return None


def _balanced(s: str) -> bool:
    """No bracket in ``s`` is left open or closed without its partner (香港）有限公司 is a fragment)."""
    depth = 0
    for ch in s:
        depth += ch in "(（[【"
        depth -= ch in ")）]】"
        if depth < 0:
            return False
    return depth == 0
