"""Extraction: clause by clause, the triggers of a document and their actor, object, quote,
date and confidence, then one claim per event."""

from __future__ import annotations

from bisect import bisect_right
from typing import Mapping, Sequence

from ..model import Claim, Document
from ..textutil import sentences
from .actors import AGENTLESS, NO_ACTOR, SEPARATE_ACTORS, TWO_PARTY, ActorFinder
from .context import (Clause, Context, DateRef, Enum, Ment, Prefix, clauses, find_enumerations, item_key, negated, paragraphs,
                      skip, skip_back)
from .objects import ObjectFinder
from .rules import candidate_checks
from .events import Candidate, better, join_retellings, join_split_predicates, merge_events, resolve_anaphora, to_claim, who
from .triggers import MIN_CONFIDENCE, Trigger, Triggers, check_kinds, find_triggers, load_triggers
from .lists import word_list
from .words import ANNOUNCE, LIGHT, QUOTE_LEAD, SENTENCING, STRATEGY_NOUNS

class Extractor(ActorFinder, ObjectFinder):
    """Finds the candidate claims of one document."""

    def __init__(self, doc: Document, triggers: Triggers, pos: Mapping[str, str]) -> None:
        self.ctx = Context(doc, pos)
        self.text = self.ctx.text
        self.triggers = triggers
        self.enums: list[Enum] = []
        from ..entities import load_rules

        self.titles = load_rules().titles
        self._clauses: dict[tuple[int, int], list[tuple[int, int, str]]] = {}

    def clauses_of(self, sent: tuple[int, int]) -> list[tuple[int, int, str]]:
        """The clauses of a sentence, read once (the checks ask for them per candidate)."""
        if sent not in self._clauses:
            self._clauses[sent] = clauses(self.text, *sent)
        return self._clauses[sent]

    def find_triggers(self, start: int, end: int) -> list[tuple[int, int, Trigger, str | None]]:
        return find_triggers(self.ctx, self.triggers, start, end)

    # -- dates -------------------------------------------------------------------------------
    def date_for(self, clause: Clause, sent: tuple[int, int], context_start: int, at: int, exclude: tuple[int, int] | None) -> DateRef | None:
        """The clause's date nearest the trigger, else the sentence's, else the last one of
        the two previous sentences of the paragraph (``context_start`` on); never one inside
        the quote of a statement (what is said may be about another time)."""
        def allowed(d: DateRef) -> bool:
            return exclude is None or not (exclude[0] <= d.start < exclude[1])

        in_clause = [d for d in self.ctx.dates_in(clause.start, clause.end) if allowed(d)]
        if in_clause:
            return min(in_clause, key=lambda d: (d.start > at, abs(d.start - at)))
        if self.ctx.unresolved_in(clause.start, clause.end):
            return None  # 经理昨日称 with 昨日 unknown: not the date of an earlier sentence
        in_sent = [d for d in self.ctx.dates_in(*sent) if allowed(d)]
        if in_sent:
            return min(in_sent, key=lambda d: (d.start > at, abs(d.start - at)))
        if any(exclude is None or not exclude[0] <= k < exclude[1] for k in self.ctx.unresolved_in(*sent)):
            return None
        before = [d for d in self.ctx.dates_in(context_start, sent[0])]
        return before[-1] if before else None

    # -- the document ------------------------------------------------------------------------
    def run(self) -> list[Candidate]:
        """Every candidate claim of the document, in text order."""
        t = self.text
        paras = paragraphs(t)
        out: list[Candidate] = []
        history: list[list[Ment]] = []  # the subjects of the previous sentences of the paragraph
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
            sent_clauses = [Clause(s, e, sep) for s, e, sep in self.clauses_of(sent)]
            quotes: list[tuple[int, int]] = []
            sent_subjects: list[Ment] = []
            for ci, clause in enumerate(sent_clauses):
                whole = self.prefix(clause.start, clause.end, before_trigger=False)
                clause.subjects, clause.nominal = whole.subjects, whole.nominal and not whole.subjects
                if clause.nominal and not whole.pronoun:
                    np = self.clause_subject(clause.start, clause.end)  # 苹果举行了WWDC，发布了…
                    clause.subjects, clause.nominal = ([np], False) if np is not None else ([], True)
                found = self.find_triggers(clause.start, clause.end)
                for k, trig in enumerate(found):
                    ts, te, trigger, _ = trig
                    if trigger.kind == "statement" and t[ts:te] in ANNOUNCE and self._announces(te, found[k + 1 :]):
                        continue  # 宣布升级为, 宣布以…收购: the speech verb announces its subject's event
                    prefix = self.prefix(clause.start, ts)
                    quote_start = next((qs for qs, qe in quotes if qs <= ts < qe), None)
                    quoted = quote_start is not None
                    own_subject = self._own_subject(prefix, quote_start, clause.start, ts, trigger.kind) if quoted else True
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
                                    c.quote = (c.quote[0], skip_back(t, clause.start - len(clause.sep), QUOTE_LEAD))
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

    def _announces(self, te: int, later: list) -> bool:
        """An announcing verb (宣布, 决定) whose clause goes on to an event trigger with no subject of
        its own between them (宣布以12亿元收购…, 宣布将于下月发布…): the event is the speaker's, and
        the announcement is no claim of its own. A subject between (宣布张三辞职) keeps both."""
        nxt = next((f for f in later if f[2].kind != "statement"), None)
        if nxt is None:
            return False
        return nxt[0] - te <= 4 or not self.prefix(te, nxt[0]).subjects

    def _jails(self, ts: int, te: int, end: int) -> bool:
        """Does the trigger send someone to prison (有期徒刑, 入狱; 判处 with 有期徒刑 later in its
        clause)? Then the one sentenced is its actor (dictionaries/claims/imprisonment.txt)."""
        jail = word_list("imprisonment")
        word = self.text[ts:te]
        if word in jail:
            return True
        return word in SENTENCING and any(w in self.text[te:end] for w in jail)

    def _sentenced(self, clause: Clause, te: int) -> list[Ment]:
        """The person a sentencing verb of the clause names as its object, before the prison word at
        or after the trigger (法院以受贿罪判处王某有期徒刑十年: 王某)."""
        t = self.text
        verb = next((k for k in (t.find(w, clause.start, te) for w in SENTENCING) if k >= 0), -1)
        if verb < 0:
            return []
        jail = min((k for k in (t.find(w, verb, clause.end) for w in word_list("imprisonment")) if k >= 0), default=clause.end)
        return [m for m in self.ctx.mentions_in(verb, jail) if m.entity.label == "PERSON"][:1]

    def _own_subject(self, prefix: Prefix, quote_start: int, cs: int, ts: int, kind: str) -> bool:
        """Has a trigger inside a quote a subject of its own there (蓝星表示，红河汽车决定召回…: an
        event, not the speaker's words)?"""
        if any(m.start >= quote_start for m in prefix.subjects):
            return True
        return kind in AGENTLESS and kind != "statement" and self.subject_np(max(quote_start, cs), ts, kind) is not None

    def candidate(self, trig, prefix: Prefix, sent, sent_clauses, ci, history, context_start) -> list[Candidate]:
        """The claims (one per actor) of one trigger; one without an actor for an event whose
        agent is not named (only an unambiguous trigger: weight 1), none for a statement."""
        t = self.text
        ts, te, trigger, _ = trig
        clause = sent_clauses[ci]
        kind = trigger.kind
        if prefix.possessor and te < clause.end and t[te] not in "、":
            return []  # 腾讯的变革号角: the trigger names a kind of 号角, not an event
        jailed = kind == "legal" and self._jails(ts, te, clause.end)
        guessed = False  # an actor read past a topic noun: as unsure as none, needing no object
        actors, how = self.actors(kind, prefix, sent_clauses, ci, history, patient=jailed)
        if jailed and not prefix.passive:
            actors = self._sentenced(clause, te) or actors  # 法院判处张某有期徒刑: 张某 goes to prison
        if not actors:
            if kind not in AGENTLESS or prefix.causative or t.startswith(("是", "的"), te):
                return []  # (战略投资是…: the trigger word is a noun here, not an event)
            actors, how = [None], NO_ACTOR  # 四川发生地震: the event is the news, whoever caused it
            if kind != "incident":
                actors = self.earlier_subject(kind, sent_clauses, ci) or actors
                guessed = actors != [None]
        if prefix.passive and kind not in ("incident", "life") and not jailed:
            actors, how = self.passive_actors(kind, prefix, actors, how, sent_clauses, ci)
        if prefix.passive:
            clause.patient, clause.agents = True, [a for a in actors if a is not None]
        conf = trigger.weight * how * negated(t, clause.start, ts)
        if t[sent[1] - 1 : sent[1]] in ("？", "?") and ci == len(sent_clauses) - 1:
            conf *= 0.6  # (祖父被刑拘，其他家人呢？: the question is the last clause's, not the event's)
        quote = None
        obj: str | None = None
        predicate = t[ts:te] if trigger.tail is None else trigger.text
        if kind == "statement":
            if prefix.passive:
                return []  # 被…承认为: not the subject speaking
            after = skip(t, te, LIGHT)
            if t.startswith("的", after):  # X提出的B2B2C的道路: an attribution, not speech
                phrase = t[after + 1 : clause.end]
                if not phrase.endswith(STRATEGY_NOUNS):
                    return []
                kind, obj = "strategy", item_key(phrase)
            else:
                quote = self.quote_of(sent, te, actors[0].start if how == 1.0 else clause.start)
                if quote is None:
                    return []
        else:
            nxt = sent_clauses[ci + 1] if ci + 1 < len(sent_clauses) else None
            obj = self.object_of(kind, trig, clause, nxt, prefix, actors)
            if obj is None and actors != [None] and not guessed:
                conf *= 0.8  # (an event that just happens, 罢工, 地震, needs no object)
            if trigger.tail is None and t.startswith("的", te) and not t.startswith("的是", te):
                conf *= 0.6  # 汽车板块布局的奇兵: the trigger word modifies a noun
        if jailed and obj and actors[0] is not None and obj.startswith(actors[0].actor.simplified):
            obj = obj[len(actors[0].actor.simplified):] or None  # 判处张某有期徒刑五年: the term
        if kind in TWO_PARTY and len(actors) > 1 and prefix.coordinators and prefix.coordinators[0] in ("与", "同", "跟", "和"):
            actors = actors[:1]
        date = self.date_for(clause, sent, context_start, ts, quote)
        if kind not in SEPARATE_ACTORS and len(actors) > 1 and actors[0] is not None:
            # 甲和乙离婚, 马化腾和刘炽平任命…: one event done together, one claim
            co = tuple(a.actor for a in actors[1:] if a is not None and who(a.actor) != who(actors[0].actor))
            return [Candidate(actors[0].actor, kind, predicate, obj, sent, ci, (ts, te), round(conf, 2), quote, date, co)]
        return [Candidate(a.actor if a else None, kind, predicate, obj, sent, ci, (ts, te), round(conf, 2), quote, date) for a in actors]


def _checked(ex: Extractor, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that pass the registered checks (:mod:`.rules`), as the checks left them."""
    checks = candidate_checks()
    out = []
    for c in candidates:
        for rule in checks:
            c = rule.fn(ex, c)
            if c is None:
                break
        else:
            out.append(c)
    return out


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
    ex = Extractor(doc, triggers or load_triggers(), pos or {})
    best: dict[tuple, Candidate] = {}
    order: list[tuple] = []
    joined = join_split_predicates(_checked(ex, ex.run()), ex.text)
    for c in join_retellings(resolve_anaphora(joined, ex.text, paragraphs(ex.text))):
        if wanted and c.kind not in wanted:
            continue
        if c.confidence < min_confidence:
            continue
        # One claim per actor, kind, predicate and sentence: the surest one (李明被停赛3场，罚款2万元:
        # two penalties; merge_events joins two words for one event); for statements one per
        # speaker and sentence, the longest quote.
        key = (who(c.actor), c.sent, c.kind, None if c.kind == "statement" else c.predicate)
        old = best.get(key)
        if old is None:
            best[key] = c
            order.append(key)
        elif better(c, old):
            best[key] = c
    seen: set[tuple] = set()
    claims = []
    for key in order:
        c = best[key]
        same = (who(c.actor), c.kind, c.object, c.sent)
        if same in seen:
            continue
        seen.add(same)
        claims.append(to_claim(doc, ex.text, c))
    claims.sort(key=lambda c: c.start)
    return tuple(merge_events(claims))
