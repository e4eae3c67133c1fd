"""Claims: who claims, does or stands for what, with the evidence sentence.

A pure function over a Document whose ``entities`` and ``dates`` are already there. It reads
the Simplified text, sentence by sentence and clause by clause (clauses end at ，：—— outside
quotes and brackets), and builds one :class:`~tanalyze.model.Claim` per trigger that has a
named actor:

- **Triggers** come from ``dictionaries/claims/<kind>.txt`` (format in that folder's README).
  A trigger must start and end on word boundaries; ``A…B`` triggers take the words between
  as the object (走C2B2B的道路 → C2B2B).
- **Actor.** The subject of the clause: the first entity mention before the trigger that is
  not inside a prepositional phrase (对易车, 在《人人时代》中; but 在王宏远离职前: a name right
  before the trigger inside a 在-frame is the subject of the frame's clause) and not a
  possessive (腾讯的);
  coordinated mentions (德国和美国) share it; a person after an affiliation and title
  (腾易科技CEO张序安) is the subject. A pronoun (她认为) takes the last person. Without a
  subject (Chinese drops it), the actor is the subject of the previous clause of the sentence,
  else of a following clause when this one is a fronted frame (在…下，腾讯…), else the last
  subject of the two previous sentences of the paragraph. A non-entity noun in subject
  position (公司表示, 这种变革) blocks the carry-over: precision over recall.
- **Object.** The words inside an ``A…B`` trigger; the entity after 对/把/将; the partner of a
  deal or partnership (与X签约, X和Y签署); what follows ``的是``; an appositive after ——/：;
  the first entity after the trigger; else the phrase after it. References to a listed
  alternative (第二种, 后者, 前者, 这种) resolve to the item of the last enumeration
  (一种是…；另一种是…), whose proposer (德国和美国提出的B2B2C的道路) gets its own claim.
- **Statements.** The speaker is the actor and ``quote`` the content: a quotation or the rest of
  the sentence after the speech verb, or the quotation before ``X说``. A speech verb right
  before another trigger announces it (易车宣布升级为…: a rename); triggers inside a quote are
  the speaker's words, not events.
- **Date.** From the clause, else the sentence, else the last dated sentence of the paragraph.
- **Confidence** = trigger weight × how the actor was found (in the clause 1.0, previous clause
  0.85, fronted frame 0.8, pronoun 0.8, previous sentence 0.65), lowered for negation, questions
  and a missing object. Claims under :data:`MIN_CONFIDENCE` are dropped unless asked for.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from .entities import address_length
from .errors import ResourceError, UsageError
from .lexicon import dictionaries_dir, read_lines
from .model import Claim, DateMention, Document, Entity, EntityRef
from .textutil import sentences

KINDS = (
    "strategy", "reorg", "founding", "deal", "investment", "rename",
    "partnership", "launch", "personnel", "statement", "incident", "result",
)
MIN_CONFIDENCE = 0.5

# Which entity labels may be the actor of a kind.
_AGENTS = frozenset({"ORG", "PERSON", "GPE"})
_ACTOR_LABELS = {k: _AGENTS for k in KINDS}
_ACTOR_LABELS.update(
    launch=_AGENTS | {"PRODUCT"},
    result=_AGENTS | {"PRODUCT"},
    incident=_AGENTS | {"PRODUCT", "FAC", "LOC"},
    personnel=frozenset({"ORG", "PERSON"}),
    statement=_AGENTS | {"FAC"},  # 半岛酒店表示: a hotel or airport speaks for its operator
)
_TWO_PARTY = ("deal", "partnership", "investment")  # X和Y签约: Y is the object

_OPEN, _CLOSE = "“‘「『《（(【", "”’」』》）)】"
# Day words counted from the writer's today (昨日, 今天, 明早, 上周, 本月), not from the story's.
_DEICTIC = re.compile("昨|今|明[天日晚早]|前天|前日|后天|上周|本周|下周|上个?月|本月|下个?月")
# Nouns that a trigger modifies as the head of a compound (停电报告, 漏油事件后): no object.
_COMPOUND_HEADS = frozenset({"报告", "事故", "事件", "事件后", "原因", "问题", "情况", "时间", "范围", "损失", "影响",
                             "风险", "消息", "新闻", "案", "案件", "现场", "地点", "期间", "以后", "之后", "以来"})
_CLAUSE_SEP = re.compile(r"——|—|[，,：:]")
_PREPS = {
    "对": "object", "把": "object", "将": "object", "对于": "topic", "关于": "topic", "针对": "topic",
    "向": "oblique", "给": "oblique", "为": "oblique", "替": "oblique", "从": "frame", "在": "frame",
    "于": "frame", "自": "frame", "随着": "frame", "通过": "frame", "经过": "frame", "经历": "frame",
    "凭借": "frame", "依托": "frame", "借助": "frame", "基于": "frame", "作为": "frame", "为了": "frame",
    "面对": "frame", "相比": "frame", "与": "with", "同": "with", "跟": "with", "和": "with",
    "被": "agent", "由": "agent", "让": "oblique", "使": "oblique", "令": "oblique", "以": "frame", "据": "source",
}
_SPOKESPERSON = re.compile(r"(?:有关|相关)?(?:人士|工作人员|负责人|官员|发言人|新闻发言人|公告|声明|方面|官方|官网|新闻稿)")
_ANNOUNCE = ("宣布", "宣告", "公布", "决定")
_CONJ = ("和", "与", "及", "以及", "、", "同", "跟", "并")
_LOCALIZERS = {"中", "下", "上", "里", "内", "后", "前", "时", "期间", "之际", "方面", "来看", "来说", "之中", "当中", "之下", "以来"}
_PERSON_PRONOUNS = {"他", "她"}
_ORG_PRONOUNS = {"该公司", "该集团", "该行", "该机构", "该企业", "公司方面", "该平台"}
_TOPIC_PRONOUNS = {"其"}
_NEGATION = ("没有", "并未", "尚未", "未", "没", "不", "并非", "无")
_LIGHT = ("了", "着", "过")
# Verbs of saying, thinking and finding: what follows is reported, not done by the subject.
_REPORTING = frozenset({"估计", "认为", "表示", "称", "指", "指出", "说", "相信", "怀疑", "预计", "判断", "推测", "证实",
                        "透露", "发现", "确认", "报道", "指称", "声称", "承认", "否认", "说明", "解释", "强调"})
_REPORTING_STARTS = tuple(w for w in _REPORTING if len(w) > 1)  # (指, 称 also start 指导, 称号)
_STRATEGY_NOUNS = ("道路", "路径", "路线", "模式", "战略", "思路", "方向", "方案", "理念", "构想", "打法")
_FRAME_START = re.compile(r"(?:在|通过|随着|为了|作为|凭借|依托|借助|基于|面对|经过|经历|伴随)")

# Enumerations of alternatives and references back to them.
_ORD = "一二三四五"
_ENUM_MARKERS = [
    re.compile(r"(?:一种|一条|一类|一个|其一|第一种|第一条|第一类|一是|首先)(?:是|为|：|:|，|,)?"),
    re.compile(r"(?:另一种|另一条|另一类|另一个|其二|第二种|第二条|第二类|二是|其次)(?:是|为|：|:|，|,)?"),
    re.compile(r"(?:第三种|第三条|第三类|其三|三是)(?:是|为|：|:|，|,)?"),
]
_END_PUNCT = "。！？!?；;…﹗﹖"
_QUOTE_LEAD = "，,：:﹕、 了"
_QUOTED = re.compile(r"“[^“”]*”|「[^「」]*」|『[^『』]*』")
_REFERENCE = re.compile(r"前者|后者|前一种|后一种|第([一二三四五])种|第([一二三四五])条|这种|这条")


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


# -- the document in Simplified coordinates --------------------------------------------------


@dataclass(frozen=True)
class _Ment:
    start: int
    end: int
    entity: Entity


@dataclass(frozen=True)
class _Date:
    start: int
    end: int
    mention: DateMention


@dataclass
class _Clause:
    start: int
    end: int
    sep: str  # the separator before it ("" at the sentence start)
    subjects: list[_Ment] = field(default_factory=list)
    nominal: bool = False  # its subject is a noun that is not an entity


@dataclass
class _Prefix:
    """What stands before a trigger in its clause."""

    subjects: list[_Ment] = field(default_factory=list)
    coordinators: list[str] = field(default_factory=list)  # the word before each later subject
    obliques: list[tuple[str, _Ment]] = field(default_factory=list)
    nominal: bool = False  # a non-entity noun holds the subject slot
    pronoun: str | None = None
    passive: bool = False
    noun_before: bool = False  # a non-entity noun right before the trigger
    causative: bool = False  # the trigger is inside 让/使 X …: X, not the subject, does it
    reported: bool = False  # the subjects say, think or find what follows (机电署估计停电因…)


@dataclass(frozen=True)
class _Enum:
    end: int
    items: tuple[str, ...]


class _Context:
    """Indexes over one document: words, mentions, dates, sentences, paragraphs."""

    def __init__(self, doc: Document, pos: Mapping[str, str]) -> None:
        self.doc = doc
        self.text = doc.simplified
        self.pos = pos
        to_conv = doc.offsets.to_converted if doc.offsets is not None else (lambda a, b: (a, b))
        from .entities import word_spans

        self.words = word_spans(doc)
        self.word_starts = [s for s, _ in self.words]
        self.starts = set(self.word_starts)
        self.ends = {e for _, e in self.words}
        ments = []
        for ent in doc.entities or ():
            for m in ent.mentions:
                s, e = to_conv(m.start, m.end)
                ments.append(_Ment(s, e, ent))
        ments.sort(key=lambda m: (m.start, -m.end))
        self.ments = ments
        self.ment_starts = [m.start for m in ments]
        self.ment_starts_set = set(self.ment_starts)
        # An entity mention is a word boundary too (jieba may join 为 and 腾易 into one word).
        self.starts |= {m.start for m in ments}
        self.ends |= {m.start for m in ments} | {m.end for m in ments}
        dates = []
        for d in doc.dates or ():
            if d.type in ("date", "datetime", "interval") and d.value and not d.value.startswith(("T", "R", "P")):
                s, e = to_conv(d.start, d.end)
                dates.append(_Date(s, e, d))
        dates.sort(key=lambda d: d.start)
        self.dates = dates
        self.date_starts = [d.start for d in dates]
        self.all_date_spans = [to_conv(d.start, d.end) for d in doc.dates or ()]
        # Day words of the writer's today that could not be resolved (昨日 against a year-only
        # reference): the claim has a time of its own, just not one we know. (同日, 次日 follow the
        # narrative, so an earlier sentence's date is theirs.)
        self.unresolved = sorted(to_conv(d.start, d.end)[0] for d in doc.dates or ()
                                 if d.type in ("date", "datetime") and not d.value and _DEICTIC.match(d.simplified))

    def mentions_in(self, start: int, end: int) -> list[_Ment]:
        i = bisect_left(self.ment_starts, start)
        out = []
        while i < len(self.ments) and self.ments[i].start < end:
            if self.ments[i].end <= end:
                out.append(self.ments[i])
            i += 1
        return out

    def dates_in(self, start: int, end: int) -> list[_Date]:
        i = bisect_left(self.date_starts, start)
        out = []
        while i < len(self.dates) and self.dates[i].start < end:
            out.append(self.dates[i])
            i += 1
        return out

    def words_in(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect_left(self.word_starts, start)
        out = []
        while i < len(self.words) and self.words[i][0] < end:
            out.append(self.words[i])
            i += 1
        return out

    def in_date(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.all_date_spans)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, separator before)`` of the clauses of ``text[start:end]``.

    Clauses end at ，：—— (and their ASCII forms) outside quotes and brackets; the sentence's
    final punctuation is not part of the last clause.
    """
    out: list[tuple[int, int, str]] = []
    depth = 0
    cs, sep = start, ""
    i = start
    while i < end:
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            m = _CLAUSE_SEP.match(text, i, end)
            if m:
                if i > cs:
                    out.append((cs, i, sep))
                sep, cs = m.group(), m.end()
                i = m.end()
                continue
        i += 1
    e = end
    while e > cs and text[e - 1] in "。！？!?；;…":
        e -= 1
    if e > cs:
        out.append((cs, e, sep))
    return out


def _paragraphs(text: str) -> list[int]:
    """Start offsets of the paragraphs (lines) of ``text``."""
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


# -- enumerations ----------------------------------------------------------------------------


def find_enumerations(text: str, start: int, end: int) -> list[_Enum]:
    """Listed alternatives in ``text[start:end]``: 一种是A；另一种是B → items (A, B).

    A marker counts at the start of a clause only; the item is the text up to the first
    comma or semicolon after the marker; its key is what names the alternative (the words
    before 的道路/的模式/…, without who proposed it), else the item itself.
    """
    found: list[list[tuple[int, int]]] = []
    for level, marker in enumerate(_ENUM_MARKERS):
        found.append([
            (m.start(), m.end())
            for m in marker.finditer(text, start, end)
            if m.start() == start or text[m.start() - 1] in "，,；;：:。\n "
        ])
    out: list[_Enum] = []
    for first_start, first_end in found[0]:
        bounds = [(first_start, first_end)]
        for level in range(1, len(found)):
            nxt = [m for m in found[level] if m[0] > bounds[-1][1] and m[0] - bounds[-1][1] < 400]
            if not nxt:
                break
            bounds.append(nxt[0])
        if len(bounds) < 2:
            continue
        items = []
        for s, e in bounds:
            m = re.compile(r"[^，,；;。\n]+").match(text, e)
            items.append(_item_key(m.group()) if m else "")
        if all(items):
            out.append(_Enum(bounds[-1][1], tuple(items)))
    return out


def _item_key(item: str) -> str:
    m = re.search(r"([^的]{1,20})的(?:" + "|".join(_STRATEGY_NOUNS) + r")$", item)
    key = m.group(1) if m else item
    return key.strip(_OPEN + _CLOSE + " ")[:24]


def _resolve_reference(phrase: str, at: int, enums: Sequence[_Enum]) -> str | None:
    """The listed item a reference (后者, 第二种 ...) in ``phrase`` points at, if any."""
    m = _REFERENCE.search(phrase)
    if not m:
        return None
    before = [e for e in enums if e.end <= at and at - e.end < 600]
    if not before:
        return None
    items = before[-1].items
    word = m.group()
    if word in ("前者", "前一种"):
        index = 0
    elif word in ("后者", "后一种", "这种", "这条"):
        index = len(items) - 1
    else:
        index = _ORD.index(m.group(1) or m.group(2))
    return items[index] if index < len(items) else None


# -- the extractor ---------------------------------------------------------------------------


@dataclass
class _Candidate:
    actor: Entity
    kind: str
    predicate: str
    object: str | None
    sent: tuple[int, int]
    clause: int
    trigger: tuple[int, int]
    confidence: float
    quote: tuple[int, int] | None = None
    date: _Date | None = None


class _Extractor:
    def __init__(self, doc: Document, triggers: Triggers, pos: Mapping[str, str]) -> None:
        self.ctx = _Context(doc, pos)
        self.text = self.ctx.text
        self.triggers = triggers
        self.enums: list[_Enum] = []
        from .entities import load_rules

        self.titles = load_rules().titles

    # -- triggers ----------------------------------------------------------------------------
    def find_triggers(self, start: int, end: int) -> list[tuple[int, int, Trigger, str | None]]:
        """``(start, end, trigger, middle)`` of every trigger in a clause, longest first at a position."""
        t, ctx = self.text, self.ctx
        blocked: set[int] = set()
        for phrase in self.triggers.exclusions:
            for m in re.finditer(re.escape(phrase), t[start:end]):
                blocked.update(range(start + m.start(), start + m.end()))
        for m in _QUOTED.finditer(t, start, end):
            blocked.update(range(m.start(), m.end()))
        inside_ment = set()
        for m in ctx.mentions_in(start, end):
            inside_ment.update(range(m.start, m.end))
        out = []
        i = start
        while i < end:
            hit = None
            if i in ctx.starts and i not in blocked and i not in inside_ment:
                for n in range(min(self.triggers.max_head, end - i), 0, -1):
                    head = t[i : i + n]
                    if head not in self.triggers.by_head or (i + n) not in ctx.ends:
                        continue
                    for trig in self.triggers.by_head[head]:
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

    # -- what precedes a trigger -------------------------------------------------------------
    def prefix(self, cs: int, ts: int, before_trigger: bool = True) -> _Prefix:
        """Subjects, prepositional mentions and the subject slot of ``text[cs:ts]``.

        The subject is the first mention outside a prepositional phrase that is not a
        possessive (腾讯的…), before any verb or as the head of a modified noun phrase
        (稳坐…头把交椅的易车); mentions joined by 和/与/、 share it. A mention right before the
        trigger (adverbs between) is its subject too (一种是德国和美国提出的…).
        """
        t, ctx = self.text, self.ctx
        p = _Prefix()
        ments = {m.start: m for m in ctx.mentions_in(cs, ts)}
        in_pp: str | None = None
        seen_verb = after_de = after_de_noun = False
        group: list[_Ment] = []  # the last free mentions (coordinated), and whether only adverbs follow them
        adjacent = False
        pending_conj: str | None = None
        skip_to = cs
        reporters: list[_Ment] = []
        for ws, we in ctx.words_in(cs, ts):
            if ws < skip_to:
                continue
            if ws in ments:
                m = ments[ws]
                # 陈先生则表示, 江主席指出: a form of address after a surname belongs to the subject
                end = m.end + address_length(t, m.end) if m.entity.label == "PERSON" else m.end
                skip_to = end
                after = _skip(t, end, _CLOSE)
                possessive = (t.startswith("的", after) and not t.startswith("的是", after)) or (
                    ts - end > 2 and self._modifier(end)  # 阿里巴巴全资收购: an adverbial noun, not a head
                    and not t.startswith(_REPORTING_STARTS, after)  # 工信部证实 (jieba tags 证实 n)
                )
                if in_pp == "在" and before_trigger and after == ts and not p.subjects:
                    p.subjects = [m]  # 就在王宏远离职公告前: the frame's own clause, whose subject it is
                    group, adjacent = [m], True
                elif in_pp is not None:
                    p.obliques.append((in_pp, m))
                    group, adjacent = [], False
                elif pending_conj is not None and group:
                    if p.subjects and p.subjects[-1] is group[-1]:
                        p.subjects.append(m)
                        p.coordinators.append(pending_conj)
                    group.append(m)
                    adjacent = True
                elif possessive:
                    if _skip(t, m.end, _CLOSE) not in ments:  # 叙利亚外交部: the next name is the head
                        p.nominal = p.nominal or not (p.subjects or seen_verb)
                    group, adjacent = [], False
                else:
                    if not p.subjects and (after_de or (not seen_verb and (not p.nominal or m.entity.label == "PERSON"))):
                        p.subjects = [m]
                    elif m.entity.label == "PERSON" and p.subjects and p.subjects[-1].entity.label != "PERSON" and (
                        not seen_verb or self._titled(p.subjects[-1].end, m.start)
                    ):
                        p.subjects = [m]  # 腾易科技CEO张序安: the person speaks, the company is the affiliation
                    group, adjacent = [m], True
                pending_conj, after_de = None, False
                continue
            word = t[ws:we]
            if word in _OPEN or word in _CLOSE or word.isspace():
                continue
            if word in _CONJ and group and adjacent and in_pp is None:
                pending_conj = word
                continue
            pending_conj = None
            after_de_noun = after_de
            after_de = word == "的"
            tag = ctx.pos.get(word, "")
            if not (tag[:1] in ("d", "a") or word in _LIGHT or word in ("被", "所")):
                adjacent = False
                p.noun_before = False
            if word in ("被", "由") and in_pp is None:
                p.passive = True
            if word in _PREPS and not (word == "将" and seen_verb):
                if _PREPS[word] != "source":
                    in_pp = word
                continue
            if ctx.in_date(ws, we):
                continue
            if in_pp is not None and (word in _LOCALIZERS or tag.startswith("f")):
                in_pp = None
                continue
            if p.subjects and word in _REPORTING and in_pp is None:  # (jieba tags 证实 n)
                # 工信部证实比亚迪…发生火灾: the reported clause may name its own subject
                reporters, p.subjects, p.coordinators = p.subjects, [], []
                seen_verb, group, adjacent, p.nominal = False, [], False, False
                continue
            if tag.startswith("v"):
                seen_verb = True
                if in_pp not in (None, "在", "从", "于", "自"):
                    in_pp = None
                continue
            noun = tag[:1] in ("n", "r", "j") or tag == "eng"
            if in_pp is None and not p.subjects and (not seen_verb or after_de_noun):
                if word in _PERSON_PRONOUNS | _ORG_PRONOUNS | _TOPIC_PRONOUNS:
                    p.pronoun = word
                elif noun:
                    p.nominal = True
            if noun and in_pp is None:
                p.noun_before = True  # 医护人员遇袭, 大使被召回: a noun is the trigger's subject
        p.causative = in_pp in ("让", "使", "令")
        if not p.subjects and reporters and not group:
            p.subjects, p.reported = reporters, True  # 腾讯表示将投资…: the reporter is the subject
        if before_trigger and not p.subjects and group and adjacent:
            p.subjects = list(group)
            p.coordinators = [""] * (len(group) - 1)
        return p

    def _modifier(self, end: int) -> bool:
        """Is the mention ending at ``end`` a modifier of the noun after it (叙利亚外交部)?

        Not when that noun names who speaks for it (方面, 有关人士, 发言人, 公告 ...).
        """
        t = self.text
        k = bisect_left(self.ctx.word_starts, end)
        if k > 0 and self.ctx.words[k - 1][1] > end:
            return True  # 叙利亚大使 is one word: the name is part of a longer noun
        if k >= len(self.ctx.words) or self.ctx.words[k][0] != end:
            return False
        if end in self.ctx.ment_starts_set:
            return True  # 叙利亚外交部: the place names whose ministry; the ministry is the head
        word = t[slice(*self.ctx.words[k])]
        if word in ("反", "亲", "非"):
            return True  # 叙利亚反政府组织: an attribute, then the noun that is the head
        if not self.ctx.pos.get(word, "").startswith("n") or word in self.triggers.by_head:
            return False  # 阿里巴巴任命: the noun-tagged word is the predicate
        # 广州市工商局食品处负责人: a unit and a title still speak for the entity
        for k in range(end, min(end + 5, len(t))):
            if t[k] in "，,。；;：: \n":
                break
            if _SPOKESPERSON.match(t, k) or t.startswith(self.titles, k):
                return False
        return True

    def _titled(self, start: int, end: int) -> bool:
        """Is ``text[start:end]`` a short role ending in a title (行业销售运营副总经理)?"""
        between = self.text[start:end]
        return len(between) <= 16 and between.endswith(self.titles) and not re.search(r"[，,。；;：:]", between)

    # -- actor -------------------------------------------------------------------------------
    def actors(self, kind: str, prefix: _Prefix, sent_clauses: list[_Clause], ci: int, history: list[list[_Ment]]) -> tuple[list[_Ment], float]:
        """The actor mentions of a trigger and how sure we are of them."""
        ok = _ACTOR_LABELS[kind]
        if prefix.causative or (kind == "incident" and prefix.reported):
            return [], 0.0  # 机电署估计停电: who estimates the outage's cause did not cause it
        subjects = [m for m in prefix.subjects if m.entity.label in ok]
        if subjects:
            return subjects, 1.0
        if prefix.subjects:
            return [], 0.0
        if prefix.pronoun:
            how = 0.6 if prefix.pronoun in _TOPIC_PRONOUNS else 0.8
            return self._pronoun(prefix.pronoun, sent_clauses[ci].start, ok, sent_clauses, ci, history), how
        if prefix.nominal or prefix.noun_before:
            return [], 0.0
        for prev in reversed(sent_clauses[:ci]):
            if prev.subjects:
                return [m for m in prev.subjects if m.entity.label in ok], 0.85
            if prev.nominal:
                return [], 0.0  # the topic changed to something that is not an entity
        clause = sent_clauses[ci]
        if _FRAME_START.match(self.text, clause.start):
            for nxt in sent_clauses[ci + 1 :]:
                subs = self.prefix(nxt.start, nxt.end, before_trigger=False).subjects
                if subs:
                    return [m for m in subs if m.entity.label in ok], 0.8
        if kind == "statement":
            return [], 0.0  # a statement's speaker is never guessed from earlier sentences
        if history and history[-1]:
            return [m for m in history[-1] if m.entity.label in ok], 0.65
        return [], 0.0

    def _pronoun(self, word: str, at: int, ok: frozenset, sent_clauses, ci, history) -> list[_Ment]:
        if word in _TOPIC_PRONOUNS:
            for prev in reversed(sent_clauses[:ci]):
                if prev.subjects:
                    return [m for m in prev.subjects if m.entity.label in ok][:1]
            for subs in reversed(history[-2:]):
                if subs:
                    return [m for m in subs if m.entity.label in ok][:1]
            return []
        label = "PERSON" if word in _PERSON_PRONOUNS else "ORG"
        i = bisect_left(self.ctx.ment_starts, at) - 1
        while i >= 0 and at - self.ctx.ments[i].end < 300:
            if self.ctx.ments[i].entity.label == label and label in ok:
                return [self.ctx.ments[i]]
            i -= 1
        return []

    # -- object ------------------------------------------------------------------------------
    def object_of(self, kind: str, trig: tuple, clause: _Clause, nxt: _Clause | None, prefix: _Prefix, actors: list[_Ment]) -> str | None:
        t = self.text
        ts, te, trigger, middle = trig
        if middle is not None:
            phrase = _clean(middle)
            return self._resolved(phrase, ts) or phrase or None
        if kind in _TWO_PARTY and len(actors) > 1:
            return actors[1].entity.simplified
        for prep, m in prefix.obliques:
            if _PREPS.get(prep) == "object" or (kind in _TWO_PARTY and _PREPS.get(prep) == "with"):
                return m.entity.simplified
        if prefix.passive and prefix.subjects and actors and actors[0] not in prefix.subjects:
            return prefix.subjects[0].entity.simplified
        rest_start = te
        while rest_start < clause.end and t[rest_start] in _LIGHT:
            rest_start += 1
        rest = t[rest_start : clause.end]
        if rest.startswith("的是"):
            phrase = _clean(rest[2:])
            return self._resolved(phrase, ts) or phrase or None
        if not rest.strip() and nxt is not None and nxt.sep in ("——", "—", "：", ":"):
            return _clean(t[nxt.start : nxt.end]) or None
        near = [
            m for m in self.ctx.mentions_in(te, clause.end)
            if m.start < rest_start + 8 and m.entity not in [a.entity for a in actors] and not self._modifier(m.end)
        ]
        if near:
            return near[0].entity.simplified  # 成立云与智慧产业事业群, 收购了美国的X
        named = self._named_modifier(clause.start, ts, te)
        if named:
            return named
        phrase = _clean(rest)
        if len(phrase) >= 2 and self._starts_content(rest_start) and not self._one_modifier_word(phrase):
            return self._resolved(phrase, ts) or phrase
        return None

    def _one_modifier_word(self, phrase: str) -> bool:
        """成立不久: a lone adjective, adverb, numeral or time word is no object; nor is the head noun
        of a compound the trigger modifies (停电|报告, 泄漏|事件: the report, the event of it)."""
        return self.ctx.pos.get(phrase, "n")[:1] in ("a", "d", "t", "m") or phrase in _COMPOUND_HEADS

    def _starts_content(self, i: int) -> bool:
        """Does a content word (not an adverb, time word, localizer or particle) start at ``i``?"""
        k = bisect_left(self.ctx.word_starts, i)
        if k >= len(self.ctx.words) or self.ctx.words[k][0] != i:
            return True
        word = self.text[slice(*self.ctx.words[k])]
        tag = self.ctx.pos.get(word, "")
        return not (tag[:1] in ("d", "t", "f", "u", "c", "p", "y") or word in _LOCALIZERS)

    def _named_modifier(self, cs: int, ts: int, te: int) -> str | None:
        """开启“930”变革: a quoted or numbered name right before a noun trigger."""
        m = re.search(r"[“「『]([^”」』]{1,12})[”」』]$|[A-Za-z0-9]{2,}$", self.text[cs:ts])
        if m:
            return self.text[cs + m.start() : te]
        return None

    def _resolved(self, phrase: str, at: int) -> str | None:
        return _resolve_reference(phrase, at, self.enums)

    # -- statements --------------------------------------------------------------------------
    def quote_of(self, sent: tuple[int, int], te: int, subject_start: int) -> tuple[int, int] | None:
        """The span of what a speaker said: after the verb, or a quotation before the speaker."""
        t = self.text
        ss, se = sent
        end = se
        while end > te and t[end - 1] in _END_PUNCT + " ":
            end -= 1
        start = te
        if t[start : start + 1] in ("说", "道", "称"):  # 介绍说, 表示称
            start += 1
        while start < end and t[start] in _QUOTE_LEAD:
            start += 1
        if end - start >= 2:
            if t[start] in "“「『" and t[end - 1] in "”」』" and not re.search("[”」』]", t[start + 1 : end - 1]):
                return start + 1, end - 1
            if t[start] in "“「『" and not re.search("[”」』]", t[start + 1 : end]):
                start += 1  # the quotation goes on in the next sentence
            return start, end
        # "……，张三说。" / "“……”张三说。": what comes before the speaker
        qend = subject_start
        while qend > ss and t[qend - 1] in _QUOTE_LEAD:
            qend -= 1
        if qend > ss and t[qend - 1] in "”」』":
            k = max(t.rfind("“", 0, qend - 1), t.rfind("「", 0, qend - 1), t.rfind("『", 0, qend - 1))
            if k >= 0:
                qe = qend - 1
                while qe > k + 1 and t[qe - 1] in _QUOTE_LEAD + _END_PUNCT:
                    qe -= 1
                return k + 1, qe
        if qend - ss >= 2:
            return ss, qend
        return None

    # -- dates -------------------------------------------------------------------------------
    def date_for(self, clause: _Clause, sent: tuple[int, int], context_start: int, at: int, exclude: tuple[int, int] | None) -> _Date | None:
        """The clause's date nearest the trigger, else the sentence's, else the last one of
        the two previous sentences of the paragraph (``context_start`` on); never one inside
        the quote of a statement (what is said may be about another time)."""
        def allowed(d: _Date) -> bool:
            return exclude is None or not (exclude[0] <= d.start < exclude[1])

        in_clause = [d for d in self.ctx.dates_in(clause.start, clause.end) if allowed(d)]
        if in_clause:
            return min(in_clause, key=lambda d: (d.start > at, abs(d.start - at)))
        if any(clause.start <= k < clause.end for k in self.ctx.unresolved):
            return None  # 负责人昨日表示 with 昨日 unknown: not the date of an earlier sentence
        in_sent = [d for d in self.ctx.dates_in(*sent) if allowed(d)]
        if in_sent:
            return min(in_sent, key=lambda d: (d.start > at, abs(d.start - at)))
        if any(sent[0] <= k < sent[1] and (exclude is None or not exclude[0] <= k < exclude[1]) for k in self.ctx.unresolved):
            return None
        before = [d for d in self.ctx.dates_in(context_start, sent[0])]
        return before[-1] if before else None

    # -- the document ------------------------------------------------------------------------
    def run(self) -> list[_Candidate]:
        """Every candidate claim of the document, in text order."""
        t = self.text
        paras = _paragraphs(t)
        out: list[_Candidate] = []
        history: list[list[_Ment]] = []  # the subjects of the previous sentences of the paragraph
        sent_starts: list[int] = []
        current_para = -1
        for sent in sentences(t):
            para = bisect_right(paras, sent[0]) - 1
            if para != current_para:
                current_para, history, sent_starts = para, [], []
                para_end = paras[para + 1] if para + 1 < len(paras) else len(t)
                self.enums.extend(find_enumerations(t, paras[para], para_end))
            context_start = sent_starts[-2] if len(sent_starts) >= 2 else paras[para]
            sent_starts.append(sent[0])
            sent_clauses = [_Clause(s, e, sep) for s, e, sep in clauses(t, *sent)]
            quotes: list[tuple[int, int]] = []
            sent_subjects: list[_Ment] = []
            for ci, clause in enumerate(sent_clauses):
                whole = self.prefix(clause.start, clause.end, before_trigger=False)
                clause.subjects, clause.nominal = whole.subjects, whole.nominal and not whole.subjects
                found = self.find_triggers(clause.start, clause.end)
                for k, trig in enumerate(found):
                    ts, te, trigger, _ = trig
                    if trigger.kind == "statement" and any(
                        f[2].kind != "statement" and f[0] - te <= 4 for f in found[k + 1 :]
                    ) and t[ts:te] in _ANNOUNCE:
                        continue  # 宣布升级为: the speech verb announces the event
                    prefix = self.prefix(clause.start, ts)
                    quote_start = next((qs for qs, qe in quotes if qs <= ts < qe), None)
                    quoted = quote_start is not None
                    own_subject = any(m.start >= quote_start for m in prefix.subjects) if quoted else True
                    if quoted and not (own_subject or (prefix.pronoun and trigger.kind == "statement")):
                        continue  # the speaker's words, not an event of the article
                    cand = self.candidate(trig, prefix, sent, sent_clauses, ci, history, context_start)
                    if not cand:
                        continue
                    if quoted:
                        for c in cand:
                            c.confidence = round(c.confidence * 0.9, 2)
                        if cand[0].kind == "statement":  # 她分享…，她认为，…: a new speaker ends the quote
                            for c in out:
                                if c.sent == sent and c.quote and c.quote[0] < clause.start < c.quote[1]:
                                    c.quote = (c.quote[0], _skip_back(t, clause.start - len(clause.sep), _QUOTE_LEAD))
                    quotes.extend(c.quote for c in cand[:1] if c.quote)
                    out.extend(cand)
                    if prefix.subjects:
                        clause.subjects = prefix.subjects
                if clause.subjects:
                    sent_subjects = clause.subjects
                elif clause.nominal:
                    sent_subjects = []
            history.append(sent_subjects)
        return out

    def candidate(self, trig, prefix: _Prefix, sent, sent_clauses, ci, history, context_start) -> list[_Candidate]:
        """The claims (one per actor) of one trigger; empty when it has no named actor."""
        t = self.text
        ts, te, trigger, _ = trig
        clause = sent_clauses[ci]
        kind = trigger.kind
        actors, how = self.actors(kind, prefix, sent_clauses, ci, history)
        if not actors:
            return []
        if prefix.passive and kind != "incident":
            agents = [m for prep, m in prefix.obliques if _PREPS.get(prep) == "agent" and m.entity.label in _ACTOR_LABELS[kind]]
            if agents:
                actors = agents
            else:
                how *= 0.8
        conf = trigger.weight * how * _negated(t, clause.start, ts)
        if t[sent[1] - 1 : sent[1]] in ("？", "?"):
            conf *= 0.6
        quote = None
        obj: str | None = None
        predicate = t[ts:te] if trigger.tail is None else trigger.text
        if kind == "statement":
            if prefix.passive:
                return []  # 被…承认为: not the subject speaking
            after = _skip(t, te, _LIGHT)
            if t.startswith("的", after):  # X提出的B2B2C的道路: an attribution, not speech
                phrase = t[after + 1 : clause.end]
                if not phrase.endswith(_STRATEGY_NOUNS):
                    return []
                kind, obj = "strategy", _item_key(phrase)
            else:
                quote = self.quote_of(sent, te, actors[0].start if how == 1.0 else clause.start)
                if quote is None:
                    return []
        else:
            nxt = sent_clauses[ci + 1] if ci + 1 < len(sent_clauses) else None
            obj = self.object_of(kind, trig, clause, nxt, prefix, actors)
            if obj is None:
                conf *= 0.8
            if trigger.tail is None and t.startswith("的", te) and not t.startswith("的是", te):
                conf *= 0.6  # 汽车板块布局的奇兵: the trigger word modifies a noun
        if kind in _TWO_PARTY and len(actors) > 1 and prefix.coordinators and prefix.coordinators[0] in ("与", "同", "跟", "和"):
            actors = actors[:1]
        date = self.date_for(clause, sent, context_start, ts, quote)
        return [_Candidate(a.entity, kind, predicate, obj, sent, ci, (ts, te), round(conf, 2), quote, date) for a in actors]

def _skip(t: str, i: int, chars: str) -> int:
    while i < len(t) and t[i] in chars:
        i += 1
    return i


def _skip_back(t: str, i: int, chars: str) -> int:
    while i > 0 and t[i - 1] in chars:
        i -= 1
    return i


def _clean(phrase: str) -> str:
    """An object phrase without particles, punctuation or quote marks around it (max 30 chars)."""
    phrase = phrase.strip(" 了着过的为于在")
    phrase = re.sub(r"^(?:一场|一次|一个|一项|一家|一款)", "", phrase)
    phrase = phrase.strip(" ，,。")
    if _QUOTED.fullmatch(phrase) or re.fullmatch(r"《[^《》]*》", phrase):
        phrase = phrase[1:-1]
    if len(phrase) > 30:
        phrase = phrase[:30] + "…"
    return phrase


def _negated(t: str, cs: int, ts: int) -> float:
    before = t[max(cs, ts - 3) : ts]
    return 0.4 if any(before.endswith(n) or before[:-1].endswith(n) for n in _NEGATION) else 1.0


def check_kinds(kinds: Iterable[str]) -> frozenset[str]:
    """The set of claim kinds named in ``kinds`` (blanks ignored); a UsageError for an unknown one."""
    wanted = frozenset(k.strip() for k in kinds if k.strip())
    unknown = wanted - set(KINDS)
    if unknown:
        raise UsageError(f"unknown claim kind {sorted(unknown)[0]!r}", "kinds: " + ", ".join(KINDS))
    return wanted


def extract_claims(
    doc: Document,
    triggers: Triggers | None = None,
    pos: Mapping[str, str] | None = None,
    *,
    kinds: Sequence[str] = (),
    min_confidence: float = MIN_CONFIDENCE,
) -> tuple[Claim, ...]:
    """The claims of ``doc`` (which needs ``entities`` and ``dates``), in document order.

    ``pos`` maps words to jieba POS tags (the segmenter's ``pos_table()``); ``kinds`` keeps
    only those kinds; candidates under ``min_confidence`` are dropped.
    """
    if doc.entities is None or doc.dates is None:
        raise ValueError("claims need the entities and dates of the document")
    wanted = check_kinds(kinds)
    ex = _Extractor(doc, triggers or load_triggers(), pos or {})
    best: dict[tuple, _Candidate] = {}
    order: list[tuple] = []
    for c in ex.run():
        if wanted and c.kind not in wanted:
            continue
        if c.confidence < min_confidence:
            continue
        # One claim per actor, kind and sentence: the surest one; for statements the longest quote.
        key = (c.actor.text, c.sent, c.kind)
        old = best.get(key)
        if old is None:
            best[key] = c
            order.append(key)
        elif _better(c, old):
            best[key] = c
    seen: set[tuple] = set()
    claims = []
    for key in order:
        c = best[key]
        same = (c.actor.text, c.kind, c.object, c.sent)
        if same in seen:
            continue
        seen.add(same)
        claims.append(_to_claim(doc, ex.text, c))
    claims.sort(key=lambda c: c.start)
    return tuple(claims)


def _better(new: _Candidate, old: _Candidate) -> bool:
    if new.kind == "statement" and old.kind == "statement":
        return (new.quote[1] - new.quote[0]) > (old.quote[1] - old.quote[0])
    return new.confidence > old.confidence


def _to_claim(doc: Document, t: str, c: _Candidate) -> Claim:
    ss, se = c.sent
    if c.quote is not None and c.quote[0] < ss:
        ss = c.quote[0] - 1
    text, simplified, start, end = doc.span(ss, se)
    actor = EntityRef(c.actor.text, c.actor.simplified, c.actor.label)
    quote = t[c.quote[0] : c.quote[1]] if c.quote else None
    if quote is not None and doc.offsets is not None:
        quote = doc.span(*c.quote)[0]
    return Claim(
        text, simplified, start, end,
        actor=actor,
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
