"""Checks on a candidate claim after its clause was read: the sense of a trigger in its sentence,
a trigger used as a modifier, a wish or condition, a reporter as actor. Each is
``fn(extractor, candidate) -> candidate | None`` (None drops it), registered in :mod:`.rules`;
their word lists are in ``dictionaries/claims/``."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache

from ..errors import ResourceError
from ..lexicon import dictionaries_dir, read_lines
from ..model import EntityRef
from .actors import AGENTLESS, NO_ACTOR
from .events import Candidate, noun_predicate
from .lists import word_list
from .people import load_described
from .subjects import word_at
from .words import CLOSE, COMPOUND_HEADS, OPEN, PREPS, REPORTING


@lru_cache(maxsize=1)
def load_senses() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Trigger → ((kind, cues), ...) of ``dictionaries/claims/senses.txt``."""
    from .triggers import KINDS

    out: dict[str, list] = {}
    for lineno, line in read_lines(dictionaries_dir().joinpath("claims", "senses.txt")):
        parts = line.split("\t")
        if len(parts) != 3 or parts[1] not in KINDS:
            raise ResourceError(f"dictionaries/claims/senses.txt:{lineno}: expected 'trigger<TAB>kind<TAB>cue|cue'")
        out.setdefault(parts[0], []).append((parts[1], tuple(parts[2].split("|"))))
    return {k: tuple(v) for k, v in out.items()}


def trigger_sense(ex, c: Candidate) -> Candidate:
    """上市 with 科创板 in its sentence: a listing (investment), not a product on sale."""
    sentence = ex.text[c.sent[0] : c.sent[1]]
    for word, senses in load_senses().items():
        if c.predicate.endswith(word):  # (正式上市)
            for kind, cues in senses:
                if any(cue in sentence for cue in cues):
                    return replace(c, kind=kind)
    return c


# A count right before a trigger and a noun (两大夺冠热门, 三名辞职员工): the count is the noun's.
_COUNTED = re.compile("[一二两三四五六七八九十几0-9]+[大名位个支家类]$")


def attributive(ex, c: Candidate) -> Candidate | None:
    """A trigger that modifies the noun after it (一则处罚通知, 全部的首发球员, 上映时间, 增长模式逐渐
    失灵) names no event: the noun is the head of a phrase that a classifier, 的 or a verb after it
    shows to be one."""
    if c.kind == "statement" or "…" in c.predicate:
        return c
    t, (ts, te) = ex.text, c.trigger
    if noun_predicate(c.predicate) and any(m.start == te and m.entity.label == "PERSON" for m in ex.ctx.mentions_in(te, te + 12)):
        return None  # 前奥运冠军王某: a title before a name, not a title won here
    noun = word_at(ex, te)
    named_after = te in ex.ctx.ment_starts_set and any(
        m.start == te and (m.ref is None or m.ref.named) for m in ex.ctx.mentions_in(te, te + 40))  # (首发球员: a described noun)
    if not noun or named_after or not ex.ctx.pos.get(noun, "").startswith("n"):
        return c
    if noun in word_list("event_nouns"):
        return c  # 坍塌事故, 辞职报告: the noun names the event or its record
    if noun in COMPOUND_HEADS:
        return None
    before = ex.ctx.words_in(max(0, ts - 4), ts)
    prev = t[before[-1][0] : before[-1][1]] if before else ""
    after = word_at(ex, te + len(noun))
    if prev == "的" or ex.ctx.pos.get(prev, "")[:1] in ("m", "q") or ex.ctx.pos.get(after, "")[:1] in ("d", "v") or _COUNTED.search(t, max(0, ts - 4), ts):
        return None
    return c


def irrealis(ex, c: Candidate) -> Candidate:
    """希望战胜, 如果夺冠, 无缘冠军 (or after the trigger: 获胜的机会很小, 对冠军发起冲击): a wish, a
    condition, a chance or a failure keeps 0.4 of its confidence."""
    cs = ex.clauses_of(c.sent)[c.clause][0]
    before = ex.text[cs : c.trigger[0]]
    after = ex.text[c.trigger[1] : c.trigger[1] + 6]  # (获胜的机会很小, 对冠军发起冲击)
    aims = word_list("irrealis_after")
    if (any(w in before for w in word_list("irrealis")) or any(0 <= after.find(w) <= 2 for w in aims)
            or any(w in (c.object or "") for w in aims if len(w) > 2)):  # (卫冕世界杯冠军又近了一步)
        return replace(c, confidence=round(c.confidence * 0.4, 2))
    return c


def round_investor(ex, c: Candidate) -> Candidate | None:
    """甲公司完成A轮融资，由乙资本领投，丙创投跟投: the investors' words name the participants of
    the round the sentence reports, not events of their own (so does 由乙投资 there): one claim,
    the round's."""
    if c.kind != "investment" or "…" in c.predicate:
        return c
    t, (ts, te) = ex.text, c.trigger
    sentence = t[c.sent[0] : ts] + " " + t[te : c.sent[1]]
    if not any(w in sentence for w in word_list("financing")):
        return c
    cs = ex.clauses_of(c.sent)[c.clause][0]
    if c.predicate in word_list("round_investors") or "由" in t[cs:ts]:
        return None
    return c


def signing_person(ex, c: Candidate) -> Candidate:
    """前锋某某签约白鹭俱乐部, 白鹭队与中场某某签约: a person signing with a body (or signed by one) is
    hired (personnel); a person named with their body (青禾集团董事长某某) signs for it (a deal)."""
    a = c.actor
    if c.kind != "deal" or a is None or c.predicate not in word_list("signing"):
        return c
    if a.label == "PERSON" and a.affiliation is None:
        return replace(c, kind="personnel")
    persons = [m for m in ex.ctx.mentions_in(*c.sent) if m.entity.label == "PERSON"]
    if a.label == "ORG" and c.object and any(c.object.endswith(m.entity.simplified) for m in persons):
        return replace(c, kind="personnel")
    return c


def reporter_actor(ex, c: Candidate) -> Candidate | None:
    """记者从警方获悉，…发生坍塌: the reporter reports the event, someone else does it."""
    a = c.actor
    if a is None or c.kind == "statement":
        return c
    reporters = word_list("reporters")
    if a.simplified not in reporters and (a.head is None or a.head not in reporters):
        return c
    if c.kind not in AGENTLESS:
        return None
    return replace(c, actor=None, confidence=round(min(c.confidence, NO_ACTOR), 2))


# A product named by its maker and a model code: 新款雷克萨斯RX, 华为Mate30, 东风雷诺K-ZE.
_MAKER_MODEL = re.compile(r"(?:新款|全新|新一代|新)?([\u4e00-\u9fff]{2,6})[A-Za-z0-9][A-Za-z0-9\-+ ]*(?:系列|款)?")


def product_maker(ex, c: Candidate) -> Candidate:
    """华为Mate30系列正式发布: the product is what is launched or recalled, its maker the actor."""
    a = c.actor
    if a is None or c.kind not in ("launch", "recall", "price"):
        return c
    m = _MAKER_MODEL.fullmatch(a.simplified)
    if m is None or m.group(1) in load_described():
        return c
    k = m.start(1)
    text = a.text[k : m.end(1)] if len(a.text) == len(a.simplified) else m.group(1)
    maker = EntityRef(text, m.group(1), "ORG")
    return replace(c, actor=maker, object=a.simplified)


# The longest noun phrase read before an actor (an age, a bureau, its brigade, a role and a name
# come to 20): a longer run of nouns is no name, and the reading stays linear in hostile text.
_PHRASE_MAX = 40
# A count or an age opening a noun phrase (一名, 10名, 22岁的): how many or how old, not who.
_COUNT_OR_AGE = re.compile(r"(?:[一二两三四五六七八九十几百千0-9]+(?:名|位|个|支|家|岁)的?)+")


def _modifier_word(ex, word: str, prev: str) -> bool:
    """May ``word`` stand in the noun phrase before an actor (著名|的|网约车|公司, “|网红|”)? Not a
    preposition (经某院起诉), a bracket (an aside: （记者某某）), a dateline's 电, a verb of saying
    (jieba tags 证实 a noun) or a helper verb."""
    if word in "“”‘’「」『』《》·":
        return True
    if word == "的":
        return bool(prev) and prev != "的"
    if word in PREPS or word in ("经", "电") or word in OPEN + CLOSE or word in REPORTING or word in word_list("helpers"):
        return False
    tag = ex._tag(word)
    return ex._nominal(word, tag) or tag in ("a", "an")


def _phrase_start(ex, lead: int, k: int) -> int | None:
    """Where the noun phrase before an actor starting at ``k`` starts (``lead`` the subject slot's
    start), or None when a word between is no modifier. A count or an age opening it (一名, 22岁的)
    says how many or how old, not who; a phrase before 的 that names someone or a work (某片的导演)
    is a possessor: the phrase starts after it."""
    t = ex.text
    count = _COUNT_OR_AGE.match(t, lead, k)
    start, prev = (count.end() if count else lead), ""
    for ws, we in ex.ctx.words_in(lead, k):
        word = t[ws:we]
        if ws >= start and not _modifier_word(ex, word, prev):
            return None
        if word == "的" and ws >= start and (ex.ctx.mentions_in(start, ws) or "《" in t[start:ws]):
            start = we
        prev = word
    depth = 0
    for i in range(start, k):  # (“某广告”与…: a quote mark whose pair closes after the actor is not its)
        depth += (t[i] in OPEN) - (t[i] in CLOSE)
        if depth < 0 or (t[i] in OPEN and not any(t[j] in CLOSE for j in range(i + 1, k))):
            start, depth = i + 1, 0
    return start if prev != "的" or start < k - 1 else None


def actor_phrase(ex, c: Candidate) -> Candidate:
    """著名的网约车公司某某, 归国青年女教师, 某公司独立董事某某: the noun phrase of the subject slot
    that ends in the actor is how the text names it, and the actor is written that way (its
    ``head`` stays the name, or the head noun of a described actor)."""
    a = c.actor
    if a is None or c.kind in ("statement", "strategy"):
        return c  # (a speaker stays as the issue names them: 市民赵先生称 → 赵先生)
    t = ex.text
    k = t.rfind(a.simplified, c.sent[0], c.trigger[0])
    if k < 0:
        return c
    spans = ex.clauses_of(c.sent)
    cs = spans[bisect_right(spans, (k, len(t))) - 1][0]  # the clause holding the actor
    lead = ex._lead(cs, k)
    start = None if lead is None or not 0 < k - lead <= _PHRASE_MAX else _phrase_start(ex, lead, k)
    if start is None or start >= k:
        return c
    text, simplified, _, _ = ex.ctx.doc.span(start, k + len(a.simplified))
    body = next((m.entity.text for m in ex.ctx.mentions_in(start, k) if m.entity.label in ("ORG", "GPE")), None)
    head = a.head if a.head or not a.named else a.text
    ref = EntityRef(text, simplified, a.label, named=a.named, head=head, affiliation=a.affiliation or body)
    return replace(c, actor=ref)
