"""Actors a reader would name without a full name: people named by surname and title or form
of address (王处长, 李先生: the surface as written) and described actors (村民, 工作人员, 警方:
``named: false`` with their head noun, ``dictionaries/claims/described.txt``). Both join the
entity mentions the actor rules read; a named body right before them is their affiliation
(杭州市环保局应急处王处长 → 杭州市环保局)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import ResourceError
from ..lexicon import dictionaries_dir, read_lines
from ..model import Entity, EntityRef
from .bodies import Bodies, full_bodies, place_bodies, synthetic, with_aliases
from .context import Ment
from .index import Marks
from .lists import word_list
from .words import ORG_PRONOUNS

_UNIT_ENDS = "处科局室部厅办组队所站院委司"
_NUMERALS = frozenset("0123456789０１２３４５６７８９一二两三四五六七八九十百千万几")


@lru_cache(maxsize=1)
def load_described() -> dict[str, str]:
    """Head noun → label (PERSON or ORG) of ``dictionaries/claims/described.txt``."""
    out: dict[str, str] = {}
    path = dictionaries_dir().joinpath("claims", "described.txt")
    for lineno, line in read_lines(path):
        parts = line.split()
        if len(parts) != 2 or parts[1] not in ("PERSON", "ORG"):
            raise ResourceError(f"dictionaries/claims/described.txt:{lineno}: expected 'head PERSON|ORG'")
        out[parts[0]] = parts[1]
    return out


def _covered(n: int, ments: list[Ment]) -> Marks:
    """The characters inside a mention, one byte each (a set of every position was ~60 bytes each)."""
    out = Marks(n)
    for m in ments:
        out.add_range(m.start, m.end)
    return out


def _surname_len(rules, t: str, i: int) -> int:
    """The length of the surname starting at ``i`` (2 compound, 1 single), or 0."""
    return 2 if t[i : i + 2] in rules.compound_surnames else 1 if t[i : i + 1] in rules.surnames else 0


def titled_people(ctx, ments: list[Ment]) -> list[Ment]:
    """王处长, 李先生: a surname right before a title or form of address, where no entity of a
    full name stands (邱先生 of 邱国鹭 stays 邱国鹭)."""
    from ..entities import address_length, load_rules

    rules = load_rules()
    t = ctx.text
    bodies = Bodies(ments)
    by_start = {m.start: m for m in ments}
    covered = _covered(len(t), ments)
    out = []
    for i in range(len(t)):
        n = _surname_len(rules, t, i)
        if not n or not (i in ctx.starts or (t[i - 1 : i] in _UNIT_ENDS and t[i - 1 : i + 1] not in ctx.pos)):
            continue  # (应急处|王处长: jieba may glue the unit's last character to the surname; 部门 is a word)
        if t[i - 1 : i] in _NUMERALS:
            continue  # 一位村民, 第二任: after a numeral the "surname" is a classifier
        if i + n in ctx.ends and i in ctx.starts and ctx.pos.get(t[i : i + n], "")[:1] in ("c", "p", "u"):
            continue  # 甲和演员乙: the word 和 is a conjunction here, not a surname
        m = by_start.get(i)
        if m is not None and not (m.entity.label == "PERSON" and m.end == i + n and len(m.entity.simplified) <= n):
            continue  # a mention of another kind, or of a person named in full
        if m is None and i in covered:
            continue
        k = address_length(t, i + n)
        if k and ((end := i + n + k) in ctx.ends or end in ctx.starts or end == len(t)):
            out.append(synthetic(ctx, i, end, "PERSON", True, None, bodies))
    return out


def familiar_people(ctx, ments: list[Ment]) -> list[Ment]:
    """老赵, 小李: a surname after 老 or 小, a familiar form of address before it, on word
    boundaries and outside any mention, that is no common word (老师, 小时, 老公:
    ``dictionaries/claims/familiar_not_names.txt``)."""
    from ..entities import load_rules

    rules, not_names = load_rules(), word_list("familiar_not_names")
    t = ctx.text
    bodies = Bodies(ments)
    covered = _covered(len(t), ments)
    out = []
    for hit in _FAMILIAR_PREFIX.finditer(t):
        i = hit.start()
        if i not in ctx.starts or i in covered:
            continue
        n = _surname_len(rules, t, i + 1)
        end = i + 1 + n
        word = t[i:end]
        if not n or end - 1 in covered or not (end in ctx.ends or end in ctx.starts or end == len(t)
                                               or _verb_glued(ctx, end)):
            continue
        if word in not_names:
            continue
        out.append(synthetic(ctx, i, end, "PERSON", True, None, bodies))
    return out


def _verb_glued(ctx, end: int) -> bool:
    """老|赵说: the segmenter glued the surname to the verb after it (a word starting at ``end - 1``
    whose rest is a verb of the dictionary)."""
    word = next(((ws, we) for ws, we in ctx.words_in(end - 1, end) if ws == end - 1), None)
    rest = ctx.text[end : word[1]] if word is not None else ""
    return bool(rest) and ctx.pos.get(rest, "")[:1] == "v"


_FAMILIAR_PREFIX = re.compile(r"[老小](?=[\u4e00-\u9fff])")


def described_people(ctx, ments: list[Ment]) -> list[Ment]:
    """村民, 警方, X公司工作人员: a described actor's head noun on word boundaries, outside any mention,
    unless a named person follows it (村民李先生: the person is the actor)."""
    heads = load_described()
    pattern = _heads_pattern(tuple(heads))
    t = ctx.text
    bodies = Bodies(ments)
    covered = _covered(len(t), ments)
    person_starts = {m.start for m in ments if m.entity.label == "PERSON"}
    out = []
    for hit in pattern.finditer(t):
        s, e = hit.span()
        if s in covered or e in person_starts or s not in ctx.starts or (e not in ctx.ends and e != len(t)):
            continue
        out.append(synthetic(ctx, s, e, heads[hit.group()], False, hit.group(), bodies))
    return out


@lru_cache(maxsize=1)
def _heads_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True)))


@lru_cache(maxsize=1)
def roles() -> tuple[str, ...]:
    """Titles and roles that may stand before a name, longest first."""
    from ..entities import load_rules

    words = set(load_rules().titles) | word_list("roles")
    return tuple(sorted(words - word_list("reporters"), key=len, reverse=True))


_AGE = re.compile(r"\d{1,3}岁$")


def _role_before(ctx, at: int, start: int) -> int:
    """Where a title or role ending at ``at`` starts (on a word start, not before ``start``), or -1."""
    t = ctx.text
    for role in roles():
        k = at - len(role)
        if k >= start and t.startswith(role, k) and k in ctx.starts:
            return k
    return -1


def _body_before(ctx, at: int, start: int, bodies: dict[int, Ment]) -> Ment | None:
    """The body whose name ends at ``at``, or before a unit of it named by nouns only (某公司|行业
    销售运营|副总经理; but not 某公司|宣布|副总经理…, a verb between)."""
    if at in bodies:
        return bodies[at]
    from .triggers import load_triggers

    heads = load_triggers().by_head
    for ws, we in reversed(ctx.words_in(max(start, at - 10), at)):
        word = ctx.text[ws:we]
        if ctx.pos.get(word, "")[:2] not in ("n", "nz", "nt", "vn", "j") or word in heads:
            return None
        if ws in bodies:
            return bodies[ws]
    return None


def _titled_span(ctx, m: Ment, bodies: dict[int, Ment]) -> tuple[int, Ment | None]:
    """Where the name of ``m`` as the text gives it starts: over its titles or roles (joined by
    、 or 兼, maybe 前/原/副 before one), the body they belong to and an age before them
    (国家某局局长李某, 公司董事、副总经理兼董事会秘书董某, 27岁球员王某); ``m.start`` without a title."""
    t = ctx.text
    start = max(0, m.start - 40)
    pos = _role_before(ctx, m.start, start)
    if pos < 0:
        age = _AGE.search(t, start, m.start)  # 27岁王某: an age is how the text names them too
        return (age.start(), None) if age and age.start() in ctx.starts else (m.start, None)
    body = None
    while pos > start:
        if t[pos - 1] in "、兼" and (k := _role_before(ctx, pos - 1, start)) >= 0:
            pos = k
        elif (k := _role_before(ctx, pos, start)) >= 0:
            pos = k  # 国家安全|顾问, 独立|董事 (a role of two words)
        elif t[pos - 1] in "前原副" and (pos - 1 in ctx.starts or pos - 1 in ctx.ends):
            pos -= 1  # 前董事长, 原局长, 副县长 (the segmenter may cut 副|县长)
        elif body is None and (b := _body_before(ctx, pos, start, bodies)) is not None:
            body, pos = b, b.start
        elif body is None and pos < m.start and (k := _body_word_before(ctx, pos, start)) >= 0:
            pos = k  # 公司董事张某, 该集团高级投资董事王某: the company the text spoke of
            break
        elif (age := _AGE.search(t, max(start, pos - 4), pos)) and age.start() in ctx.starts:
            pos = age.start()
        else:
            break
    return pos, body


def _body_word_before(ctx, at: int, start: int) -> int:
    """Where a word naming the body the text speaks of (公司, 该集团: words.ORG_PRONOUNS) ends at
    ``at`` on word boundaries, or -1."""
    for word in sorted(ORG_PRONOUNS, key=len, reverse=True):
        k = at - len(word)
        if k >= start and ctx.text.startswith(word, k) and k in ctx.starts:
            return k
    return -1


def _honorific(t: str, at: int) -> int:
    """Length of a form of address right after a full name (张某先生), or 0."""
    from ..entities import load_rules

    return next((len(h) for h in load_rules().honorifics if len(h) > 1 and t.startswith(h, at)), 0)


def titled_names(ctx, ments: list[Ment]) -> tuple[list[Ment], set[int]]:
    """国务院总理李某, 某公司董事长张某, 张某先生: a named person with the title, role, body and age the
    text gives before the name and a form of address after it, as one actor written that way; its ``head`` is the bare name (the entity), its
    affiliation the body. Returns them and the ids of the mentions they absorb."""
    near = Bodies(ments)
    bodies = dict(zip(near.ends, near.ments))
    out, absorbed = [], set()
    for m in ments:
        if m.entity.label != "PERSON" or m.ref is not None:
            continue
        pos, body = _titled_span(ctx, m, bodies)
        cut = near.holding(pos)
        if cut is not None:  # (某能源证券|证券事务代表: a role read from inside a body's name starts with that name)
            pos, body = cut.start, cut
        end = m.end + _honorific(ctx.text, m.end)
        if pos == m.start and end == m.end:
            continue
        text, simplified, _, _ = ctx.doc.span(pos, end)
        ref = EntityRef(text, simplified, "PERSON", named=True, head=m.entity.text,
                        affiliation=body.entity.text if body else near.affiliation(ctx.text, pos))
        out.append(Ment(pos, end, Entity(text, simplified, "PERSON", 1), ref))
        absorbed |= {id(m)} | ({id(body)} if body else set())
    return out, absorbed


def add_people(ctx, ments: list[Ment]) -> list[Ment]:
    """The entity mentions with bodies by their full name, titled and described people and
    place-named bodies added (each replaces the mentions it covers), sorted by start."""
    full, absorbed = full_bodies(ctx, ments)
    ments = [m for m in ments if id(m) not in absorbed] + full
    titled = titled_people(ctx, ments) + familiar_people(ctx, ments)
    replaced = {m.start for m in titled}
    kept = [m for m in ments if not (m.start in replaced and m.entity.label == "PERSON")]
    named, absorbed = titled_names(ctx, kept)
    kept = [m for m in kept if id(m) not in absorbed] + named
    titled = [m for m in titled if not any(n.start < m.end and m.start < n.end for n in named)]
    described = described_people(ctx, kept + titled)
    bodies, absorbed = place_bodies(ctx, kept + titled + described)
    out = with_aliases(ctx, [m for m in kept + titled + described if id(m) not in absorbed] + bodies)
    out.sort(key=lambda m: (m.start, -m.end))
    return out
