"""Events: candidate claims become claims, and the mentions of one event one claim."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from ..lexicon import dictionaries_dir, read_lines
from ..model import Claim, Document, EntityRef, Span
from .context import DateRef, negated
from .lists import word_list


@dataclass
class Candidate:
    actor: EntityRef | None  # None: an event without an agent (地震, 火灾)
    kind: str
    predicate: str
    object: str | None
    sent: tuple[int, int]
    clause: int
    trigger: tuple[int, int]
    confidence: float
    quote: tuple[int, int] | None = None
    date: DateRef | None = None
    co_actors: tuple[EntityRef, ...] = ()

def who(actor: EntityRef | None) -> str | None:
    """Whom an actor names: a titled person's bare name (董事长张某 and 张某 are one person), else
    the actor as written."""
    if actor is None:
        return None
    return actor.head if actor.named and actor.head else actor.text


_PUNCT = re.compile(r"[，,。；;：:！？!?、]")


def noun_predicate(predicate: str) -> bool:
    """Does a predicate end in a noun trigger (冠军, 卫冕冠军, 罚金)?"""
    return predicate.endswith(tuple(word_list("noun_triggers")))


def join_split_predicates(cands: list[Candidate], t: str) -> list[Candidate]:
    """夺得冠军, 判处罚金, 斩获金牌: a trigger whose object is a trigger of the same kind right
    after it (no punctuation between) names one event: one candidate whose predicate is both
    (``夺得…冠军``; 坍塌事故 when they touch), with the actor either names (or both, when the same).
    Not when the first has an object of its own that the second, a verb, does not head (甲击败乙夺冠:
    two events; but 判处…的罚金, 夺得联赛冠军: one)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == c.kind != "statement" and prev.sent == c.sent and prev.clause == c.clause
                and "…" not in prev.predicate + c.predicate
                and (0 <= c.trigger[0] - prev.trigger[1] <= 8 or _heads_object(prev, c))
                and not _PUNCT.search(t, prev.trigger[1], c.trigger[0])
                and (prev.object is None or c.predicate in prev.object or t[c.trigger[0] - 1] == "的" or prev.trigger[1] == c.trigger[0]
                     or noun_predicate(c.predicate))
                and (prev.actor is None or c.actor is None or who(prev.actor) == who(c.actor)
                     or noun_predicate(c.predicate))  # (逆转卫冕冠军: the verb's object)
                and negated(t, prev.trigger[1], c.trigger[0]) == 1.0):  # (辞职后不在公司担任: no part of it)
            out[-1] = replace(prev, actor=prev.actor or c.actor, co_actors=prev.co_actors or c.co_actors,
                              predicate=t[prev.trigger[0] : c.trigger[1]] if prev.trigger[1] == c.trigger[0] else f"{prev.predicate}…{c.predicate}",
                              trigger=(prev.trigger[0], c.trigger[1]),
                              object=c.object if prev.object in (None, c.predicate) or (prev.object or "").startswith(c.predicate) else prev.object,
                              confidence=max(prev.confidence, c.confidence), date=prev.date or c.date)
            continue
        out.append(c)
    return out


def _heads_object(verb: Candidate, noun: Candidate) -> bool:
    """Is a noun trigger the head of a verb trigger's long object (夺得2023年全国锦标赛男子组冠军)?"""
    return (noun_predicate(noun.predicate) and verb.object is not None and verb.object.endswith(noun.predicate)
            and 0 <= noun.trigger[0] - verb.trigger[1] <= 40)


# Kinds whose event a sentence often tells twice, with two verbs (正式上市，共推出6款车型): one
# actor's claims of such a kind in one sentence are one event. Not results (击败乙晋级: two events).
RETOLD_KINDS = frozenset({"launch"})


def join_retellings(cands: list[Candidate]) -> list[Candidate]:
    """某车正式上市，共推出6款车型: one actor's triggers of a kind of :data:`RETOLD_KINDS` in one
    sentence name one event when their objects agree (or one has none): one candidate, its
    predicate both words (``正式上市…推出``), its object the first one named. 推出手游，并发布了宣传片:
    two objects, two events."""
    out: list[Candidate] = []
    first: dict[tuple, int] = {}
    for c in cands:
        key = (who(c.actor), c.kind, c.sent)
        i = first.get(key) if c.kind in RETOLD_KINDS and c.actor is not None else None
        if i is None or not _compatible_objects(out[i].object or c.object, c.object or out[i].object):
            first.setdefault(key, len(out))
            out.append(c)
            continue
        a = out[i]
        out[i] = replace(a, predicate=f"{a.predicate}…{c.predicate}", object=a.object or c.object,
                         confidence=max(a.confidence, c.confidence), co_actors=a.co_actors or c.co_actors)
    return out


def resolve_anaphora(cands: list[Candidate], t: str, paras: list[int]) -> list[Candidate]:
    """一起追尾事故…这起事故造成两人受伤: a trigger that is a general event noun alone
    (``anaphora.txt``; or joined to what it caused: 事故…受伤) names the nearest event of its kind before it in its paragraph (else the next
    one in its sentence): it becomes a mention of that event (its actor, predicate, object and date),
    which :func:`merge_events` joins. Not after 另/又/再 (另一起事故: another event). One pass each
    way, linear in the candidates."""
    nouns = word_list("anaphora")
    general = [c.predicate.split("…")[0] in nouns for c in cands]
    following: list[Candidate | None] = [None] * len(cands)  # the next event of its kind in its sentence
    seen: dict[tuple, Candidate] = {}
    for i in range(len(cands) - 1, -1, -1):
        c = cands[i]
        following[i] = seen.get((c.kind, c.sent))
        if not general[i]:
            seen[(c.kind, c.sent)] = c
    out, last = list(cands), {}  # last: the latest event of each kind (a resolved mention counts)
    for i, c in enumerate(cands):
        if general[i] and not any(w in t[max(c.sent[0], c.trigger[0] - 4) : c.trigger[0]] for w in "另又再"):
            para = paras[bisect_right(paras, c.trigger[0]) - 1] if paras and paras[0] <= c.trigger[0] else 0
            before = last.get(c.kind)
            ante = before if before is not None and before.trigger[0] >= para else following[i]
            if ante is not None:
                out[i] = replace(c, actor=ante.actor, co_actors=ante.co_actors, predicate=ante.predicate, object=ante.object,
                                 date=ante.date or c.date, confidence=min(c.confidence, ante.confidence))
        if out[i].predicate.split("…")[0] not in nouns:
            last[c.kind] = out[i]
    return out


def better(new: Candidate, old: Candidate) -> bool:
    if new.kind == "statement" and old.kind == "statement":
        return (new.quote[1] - new.quote[0]) > (old.quote[1] - old.quote[0])
    return new.confidence > old.confidence


def to_claim(doc: Document, t: str, c: Candidate) -> Claim:
    ss, se = c.sent
    if c.quote is not None and c.quote[0] < ss:
        ss = c.quote[0] - 1
    text, simplified, start, end = doc.span(ss, se)
    quote = t[c.quote[0] : c.quote[1]] if c.quote else None
    if quote is not None and doc.offsets is not None:
        quote = doc.span(*c.quote)[0]
    return Claim(
        text, simplified, start, end,
        evidence=(Span(text, simplified, start, end),),
        actor=c.actor,
        co_actors=c.co_actors,
        kind=c.kind,
        predicate=c.predicate,
        object=_original(doc, t, c.object),
        date=c.date.mention.value if c.date else None,
        date_text=c.date.mention.text if c.date else None,
        quote=quote,
        confidence=c.confidence,
    )


def _original(doc: Document, t: str, phrase: str | None) -> str | None:
    """An object phrase in the original script: an entity's name, else the phrase's first occurrence."""
    if phrase is None or doc.offsets is None:
        return phrase
    for ent in doc.entities or ():
        if ent.simplified == phrase:
            return ent.text
    k = t.find(phrase.rstrip("…"))
    if k < 0:
        return phrase
    text = doc.span(k, k + len(phrase.rstrip("…")))[0]
    return text + ("…" if phrase.endswith("…") else "")


def _compatible_dates(a: str | None, b: str | None) -> bool:
    """2018 and 2018-09 (or an undated mention) may be one event; 2018 and 2019 may not."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _compatible_objects(a: str | None, b: str | None) -> bool:
    """The same object, or one naming it more fully (“930”变革 and 930变革); none for both."""
    return a == b or (a is not None and b is not None and (a in b or b in a))


def same_event(a: Claim, b: Claim) -> bool:
    """Are two claims mentions of one event: same actor, kind and object, compatible dates?
    Statements never merge: two sayings are two claims."""
    if a.kind != b.kind or a.kind == "statement":
        return False
    if who(a.actor) != who(b.actor):
        return False
    alike = _alike(a.predicate, b.predicate)
    if a.object is None and b.object is None and not alike:
        return False  # 腾讯构建… and 腾讯加码…: nothing says they are one event
    one_named = alike and (a.object is None or b.object is None)  # 张三辞职。…张三辞去董事职务
    return (one_named or _compatible_objects(a.object, b.object)) and _compatible_dates(a.date, b.date)


@lru_cache(maxsize=1)
def _groups() -> dict[str, int]:
    """Word → its line in ``dictionaries/claims/same_event.txt``."""
    out: dict[str, int] = {}
    for lineno, line in read_lines(dictionaries_dir().joinpath("claims", "same_event.txt")):
        for word in line.split():
            out[word] = lineno
    return out


def _alike(a: str, b: str) -> bool:
    """Do two predicates name an event the same way: equal, sharing a part (事故…受伤 and 受伤),
    or words of one line of ``same_event.txt``?"""
    pa, pb = set(a.split("…")), set(b.split("…"))
    if pa & pb:
        return True
    groups = _groups()
    return bool({groups[w] for w in pa if w in groups} & {groups[w] for w in pb if w in groups})


def _more_specific(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if len(a) >= len(b) else b


def merge_events(claims: list[Claim]) -> list[Claim]:
    """One claim per event: later mentions of an event merge into its first, which keeps every
    evidence span, the most specific date and object, and the highest confidence."""
    out: list[Claim] = []
    spans: list[set[Span]] = []  # the evidence of each claim of ``out``, to look up in constant time
    by_key: dict[tuple[str, object], list[int]] = {}  # same_event needs the same kind and actor
    for c in claims:
        seen = by_key.setdefault((c.kind, who(c.actor)), [])
        for i in seen:
            if same_event(out[i], c):
                out[i] = _merged(out[i], c, spans[i])
                break
        else:
            seen.append(len(out))
            out.append(c)
            spans.append(set(c.evidence))
    return out


def _merged(a: Claim, b: Claim, known: set[Span]) -> Claim:
    """``a`` with ``b``'s mention joined; ``known`` holds ``a``'s evidence and gains ``b``'s."""
    new = tuple(e for e in b.evidence if e not in known)
    known.update(new)
    date = _more_specific(a.date, b.date)
    date_text = a.date_text if date == a.date else b.date_text
    return replace(
        a,
        object=_more_specific(a.object, b.object),
        date=date,
        date_text=date_text,
        confidence=max(a.confidence, b.confidence),
        co_actors=a.co_actors + tuple(x for x in b.co_actors if x not in a.co_actors),
        evidence=a.evidence + new,
    )
