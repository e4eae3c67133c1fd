"""Actors: what stands before a trigger in its clause (subjects, prepositional phrases,
pronouns, the subject slot), and the named actor a trigger gets from it or from the context."""

from __future__ import annotations

from bisect import bisect_left

from .context import Clause, Ment, Prefix
from .lists import word_list
from .prefix import PrefixReader
from .subjects import SubjectFinder
from .triggers import KINDS
from .words import CONJ, FRAME_START, FRONTED_ENDS, FRONTED_SCORE, PERSON_PRONOUNS, PREPS, TOPIC_PRONOUNS

# Which entity labels may be the actor of a kind.
AGENTS = frozenset({"ORG", "PERSON", "GPE"})
ACTOR_LABELS = {k: AGENTS for k in KINDS}
ACTOR_LABELS.update(
    launch=AGENTS | {"PRODUCT"},
    result=AGENTS | {"PRODUCT"},
    incident=AGENTS | {"PRODUCT", "FAC", "LOC"},
    personnel=frozenset({"ORG", "PERSON"}),
    statement=AGENTS | {"FAC"},  # 半岛酒店表示: a hotel or airport speaks for its operator
    life=frozenset({"PERSON"}),
    meeting=AGENTS | {"EVENT"},  # 博览会开幕: the event opens
    recall=frozenset({"ORG", "GPE", "PRODUCT"}),
    legal=AGENTS | {"PRODUCT"},
    price=frozenset({"ORG", "GPE", "PRODUCT"}),
    protest=frozenset({"ORG", "PERSON", "NORP"}),
    response=AGENTS | {"PRODUCT"},
)
TWO_PARTY = ("deal", "partnership", "investment")  # X和Y签约: Y is the object
# Kinds whose coordinated actors each get a claim (德国和美国提出的道路: two proposals, two
# speakers); other events done by several are one claim with ``co_actors``.
SEPARATE_ACTORS = frozenset({"statement", "strategy"})
# Kinds that are nothing without who: a statement needs its speaker, a strategy its holder. Other
# events are news without a named agent too (四川发生地震, 新车上市, 嫌疑人被刑拘, 展会开幕).
NEEDS_ACTOR = frozenset({"statement", "strategy", "rename", "partnership", "founding"})
AGENTLESS = frozenset(KINDS) - NEEDS_ACTOR
# How sure an event is when no actor is named: under MIN_CONFIDENCE unless the trigger's weight is 1.
NO_ACTOR = 0.56


class ActorFinder(PrefixReader, SubjectFinder):
    """The actor rules of the extractor (a mixin over its context)."""

    # -- actor -------------------------------------------------------------------------------
    def actors(self, kind: str, prefix: Prefix, sent_clauses: list[Clause], ci: int, history: list[list[Ment]],
               patient: bool = False) -> tuple[list[Ment], float]:
        """The actor mentions of a trigger and how sure we are of them (``patient``: the subject of
        a passive trigger is its actor, as who is sentenced to prison)."""
        ok = ACTOR_LABELS[kind]
        if prefix.causative or (kind == "incident" and prefix.reported):
            return [], 0.0  # 机电署估计停电: who estimates the outage's cause did not cause it
        subjects = [m for m in prefix.subjects if m.entity.label in ok]
        if len(subjects) == 1 and subjects[0].entity.label == "GPE":
            np = self.subject_np(prefix.start, prefix.end, kind)
            if np is not None and np.start <= subjects[0].start and np.end > subjects[0].end and np.entity.label in ok:
                return [np], 1.0  # 青山一酒吧坍塌, 青山19岁小将逆转: the place only says which
        if subjects:
            return subjects, 1.0
        if prefix.subjects:
            # 某音乐App下架某软件，某某卸任: the subject cannot do this kind; a name right before
            # the trigger starts a clause of its own (a headline without commas)
            near = [m for m in prefix.adjacent if m.entity.label in ok and m not in prefix.subjects]
            return (near, 0.9) if near else ([], 0.0)
        if prefix.pronoun:
            how = 0.6 if prefix.pronoun in TOPIC_PRONOUNS else 0.8
            return self._pronoun(prefix.pronoun, sent_clauses[ci].start, ok, sent_clauses, ci, history), how
        if kind in AGENTLESS and kind != "incident" and (not prefix.passive or kind == "life" or patient):
            # (王某某被判刑: the subject stands before 被)
            end = prefix.agent_at - 1 if patient and prefix.passive and prefix.agent_at else prefix.end
            np = self.subject_np(prefix.start, end, kind)
            if np is not None and np.entity.label in ok:
                return self._coordinated(np, ok, end), 0.9  # 游戏开发人员集体辞职: a subject the entity stage does not name
        if prefix.nominal or prefix.noun_before:
            return [], 0.0
        for prev in reversed(sent_clauses[:ci]):
            if prev.patient:  # 李明被停赛3场，罚款2万元: he is fined too, by whoever banned him
                prefix.passive = True
                return [m for m in prev.agents if m.entity.label in ok], 0.85
            if prev.subjects:
                return [m for m in prev.subjects if m.entity.label in ok], 0.85
            if prev.nominal:
                return [], 0.0  # the topic changed to something that is not an entity
        clause = sent_clauses[ci]
        t = self.text
        opening = ci == 0 and kind not in ("incident", "statement")  # 裁员止损，某公司酝酿…: the sentence's subject comes after
        if FRAME_START.match(t, clause.start) or FRONTED_SCORE.match(t, clause.start) or t.endswith(FRONTED_ENDS, clause.start, clause.end) or opening:
            # 在…时, 险胜乙后，甲…, 1:3不敌乙，甲…: a fronted clause shares the main clause's subject
            for nxt in sent_clauses[ci + 1 :]:
                subs = self.prefix(nxt.start, nxt.end, before_trigger=False).subjects
                np = None if subs or nxt is not sent_clauses[ci + 1] else self.clause_subject(nxt.start, nxt.end)
                subs = subs or ([np] if np is not None and np.entity.label in ok else [])
                if subs:
                    return [m for m in subs if m.entity.label in ok], 0.8
        if kind == "statement":
            return [], 0.0  # a statement's speaker is never guessed from earlier sentences
        if history and history[-1]:
            return [m for m in history[-1] if m.entity.label in ok], 0.65
        return [], 0.0

    def _coordinated(self, first: Ment, ok: frozenset, end: int) -> list[Ment]:
        """``first`` and the mentions joined to it by 和, 与, 、 before ``end`` (在甲和乙宣布加入…后:
        both join)."""
        out, k = [first], first.end
        while (conj := next((c for c in CONJ if self.text.startswith(c, k)), None)) is not None:
            m = next((m for m in self.ctx.mentions_in(k + len(conj), end) if m.start == k + len(conj)), None)
            if m is None or m.entity.label not in ok:
                break
            out.append(m)
            k = m.end
        return out

    def earlier_subject(self, kind: str, sent_clauses: list[Clause], ci: int) -> list[Ment]:
        """The subjects of the nearest earlier clause of the sentence that names some of this kind,
        past a clause whose subject is no entity (甲公司发布公告，股价连续两日涨停: 甲公司): for an
        event that would otherwise have no actor, at the confidence of none."""
        ok = ACTOR_LABELS[kind]
        for prev in reversed(sent_clauses[:ci]):
            subjects = [m for m in prev.subjects if m.entity.label in ok]
            if subjects:
                return subjects[:1]
        return []

    def passive_actors(self, kind: str, prefix: Prefix, actors: list, how: float, sent_clauses: list[Clause], ci: int) -> tuple[list, float]:
        """The actors of a passive trigger: the agent after 被 acts (嫌疑人被警方刑拘; 被省政府约谈, a
        noun phrase the entity stage does not name); without one, the body whose notice an earlier
        clause of the sentence reports (警方通报称，王某已被拘留); else (李某被判处) the subject is only
        what was acted on: an event without a named agent, or none for a kind that needs one."""
        agents = [m for prep, m in prefix.obliques if PREPS.get(prep) == "agent" and m.entity.label in ACTOR_LABELS[kind]]
        if not agents and prefix.agent_at is not None:
            np = self.subject_np(prefix.agent_at, prefix.end, kind)
            agents = [np] if np is not None and np.entity.label in ACTOR_LABELS[kind] else []
        if not agents:
            agents = self.announcer(kind, sent_clauses, ci)
            how = 0.8 if agents else how
        if agents:
            return agents, (0.9 if actors == [None] else how)
        if actors == [None]:
            return actors, how
        if kind in AGENTLESS and kind != "statement":
            return [None], NO_ACTOR
        return actors, how * 0.8

    def announcer(self, kind: str, sent_clauses: list[Clause], ci: int) -> list[Ment]:
        """The body that an earlier clause of the sentence says issued a notice (市公安局发布通报称,
        足协开出罚单) or told the news (记者从市公安局获悉): who acted in a passive event it reports."""
        t, notices = self.text, word_list("notice")
        for prev in reversed(sent_clauses[:ci]):
            for m in self.ctx.mentions_in(prev.start, prev.end):
                if m.entity.label not in ("ORG", "GPE") or m.entity.label not in ACTOR_LABELS[kind]:
                    continue
                source = t[max(prev.start, m.start - 1) : m.start] == "从"
                if m in prev.subjects or source:
                    words = {t[ws:we] for ws, we in self.ctx.words_in(m.end, prev.end)}
                    if words & notices:
                        return [m]
        return []

    def _pronoun(self, word: str, at: int, ok: frozenset, sent_clauses, ci, history) -> list[Ment]:
        if word in TOPIC_PRONOUNS:
            for prev in reversed(sent_clauses[:ci]):
                if prev.subjects:
                    return [m for m in prev.subjects if m.entity.label in ok][:1]
            for subs in reversed(history[-2:]):
                if subs:
                    return [m for m in subs if m.entity.label in ok][:1]
            return []
        label = "PERSON" if word in PERSON_PRONOUNS else "ORG"
        reporters = word_list("reporters")
        i = bisect_left(self.ctx.ment_starts, at) - 1
        while i >= 0 and at - self.ctx.ments[i].end < 300:
            m = self.ctx.ments[i]
            if m.entity.label == label and label in ok and m.entity.simplified not in reporters:
                return [m]  # (…她告诉记者，…他说: the reporter who narrates is no one's antecedent)
            i -= 1
        return []
