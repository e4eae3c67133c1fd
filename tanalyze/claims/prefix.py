"""What stands before a trigger in its clause: subjects, prepositional phrases, pronouns and
the subject slot, read word by word (:func:`scan_prefix`)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..entities import address_length
from .context import Ment, Prefix, skip
from .lists import word_list
from .words import (CLOSE, CONJ, FRAME_END, LIGHT, LOCALIZERS, OPEN, ORG_PRONOUNS, PERSON_PRONOUNS, PREPS, REPORTING,
                    REPORTING_STARTS, SPOKESPERSON, TOPIC_PRONOUNS)


# Between 的 and a trigger used as a noun: at most two characters of manner (全力, 大规模 no).
#: How far back from its trigger a subject is looked for. A clause has no comma for 200 characters
#: only in hostile text (a 10,000-character line), where reading back to the clause's start for
#: each of its triggers took 8 s.
PREFIX_WINDOW = 200
_NOMINAL_GAP = re.compile(r"[\u4e00-\u9fff]{0,2}")
_SCORE_AFTER = re.compile(r"\s*\d+\s*[-－:：比]\s*\d+")  # (以3-0战胜: a score, not a means)
_COUNT = r"[一二两三四五六七八九十几0-9]+(?:位|名|个)"  # a count of people (某市一位…的某人)
_COUNT_AFTER, _COUNT_BEFORE = re.compile(_COUNT), re.compile(_COUNT + "$")


@dataclass
class _Scan:
    """The state of one left-to-right reading of a clause up to a trigger."""

    ts: int
    before_trigger: bool
    ments: dict[int, Ment]
    p: Prefix = field(default_factory=Prefix)
    in_pp: str | None = None  # the open preposition
    pp_counted: bool = False  # it opened right after a count (一位|从…的某人: a relative clause)
    pp_verb: bool = False  # a verb since it opened (在某企业工作的某人: a relative clause)
    seen_verb: bool = False
    after_de: bool = False
    after_de_noun: bool = False
    group: list[Ment] = field(default_factory=list)  # the last free mentions (coordinated)
    adjacent: bool = False  # only adverbs since the group
    pending_conj: str | None = None
    skip_to: int = 0
    reporters: list[Ment] = field(default_factory=list)
    light_after_group: bool = False  # a light verb (决定, 宣布) since the last free mentions


def _restart(st: _Scan, at: int) -> None:
    """The subject slot starts again at ``at`` (after a helper verb or a dateline)."""
    st.p.subjects, st.p.coordinators, st.reporters = [], [], []
    st.seen_verb, st.group, st.adjacent, st.p.nominal, st.p.noun_before = False, [], False, False, False
    st.p.start = at


def _score_gap(t: str, start: int, end: int) -> bool:
    """Is ``t[start:end]`` empty or a score (2-3, 92：105)?"""
    return all(c.isdigit() or c in "-－:：比 " for c in t[start:end])


class PrefixReader:
    """The prefix rules of the extractor (a mixin over its context)."""

    def prefix(self, cs: int, ts: int, before_trigger: bool = True) -> Prefix:
        """Subjects, prepositional mentions and the subject slot of ``text[cs:ts]``.

        The subject is the first mention outside a prepositional phrase that is not a
        possessive (腾讯的…), before any verb or as the head of a modified noun phrase
        (稳坐…头把交椅的易车); mentions joined by 和/与/、 share it. A mention right before the
        trigger (adverbs between) is its subject too (一种是德国和美国提出的…).
        """
        if before_trigger:  # each trigger of a clause reads back at most PREFIX_WINDOW characters
            cs = max(cs, ts - PREFIX_WINDOW)
        st = _Scan(ts, before_trigger, {m.start: m for m in self.ctx.mentions_in(cs, ts)}, skip_to=cs)
        st.p.start, st.p.end = cs, ts
        aside = 0
        for ws, we in self.ctx.words_in(cs, ts):
            if ws < st.skip_to:
                continue
            word = self.text[ws:we]
            if word in ("（", "("):
                aside += 1
            elif word in ("）", ")"):
                aside = max(0, aside - 1)
            if aside or word in ("）", ")"):
                continue  # （记者张三）, （简称X）: an aside names no subject
            if ws in st.ments:
                self._scan_mention(st, ws)
            else:
                self._scan_word(st, ws, we)
        p = st.p
        doer = self._relative_subject(cs, ts) if before_trigger else None
        if doer is not None:
            p.subjects, p.coordinators, p.nominal = [doer], [], False
            return p
        p.causative = st.in_pp in ("让", "使", "令")
        if not p.subjects and st.reporters and not st.group:
            p.subjects, p.reported = st.reporters, True  # 腾讯表示将投资…: the reporter is the subject
        if before_trigger and st.adjacent:
            p.adjacent = list(st.group)
        modifier = st.group and st.group[-1].end == ts and self.text.startswith(tuple(word_list("noun_triggers")), ts)
        if before_trigger and st.group and st.adjacent and (not p.subjects or st.light_after_group) and not modifier:
            # (卫冕联赛冠军: a name right before a noun trigger says which title, not who holds it)
            # 宁德时代关注到蔚来汽车决定召回: a name before a light verb and the trigger is its subject
            p.subjects = list(st.group)
            p.coordinators = [""] * (len(st.group) - 1)
        return p

    def _scan_mention(self, st: _Scan, ws: int) -> None:
        t = self.text
        m = st.ments[ws]
        # 赵女士则称, 江主席指出: a form of address after a surname belongs to the subject
        end = m.end + address_length(t, m.end) if m.entity.label == "PERSON" else m.end
        st.skip_to = end
        after = skip(t, end, CLOSE)
        if st.in_pp in ("在", "从", "自") and st.after_de and st.pp_verb and m.entity.label == "PERSON":
            st.in_pp = None  # 在某企业工作多年的冯女士: the clause on the person ends at 的; she is the subject
        possessive = (t.startswith("的", after) and not t.startswith("的是", after)) or (
            st.ts - end > 2 and self._modifier(end)  # 阿里巴巴全资收购: an adverbial noun, not a head
            and not t.startswith(REPORTING_STARTS, after)  # 工信部证实 (jieba tags 证实 n)
        )
        if st.before_trigger and t.startswith("的", after) and _NOMINAL_GAP.fullmatch(t, after + 1, st.ts):
            st.p.subjects = [m]  # 腾讯的全力加码: the possessor of the trigger used as a noun does it
            st.group, st.adjacent, st.p.possessor = [m], True, True
        elif st.in_pp == "在" and st.before_trigger and _score_gap(t, after, st.ts) and not st.p.subjects and FRAME_END.match(t, st.ts):
            # 就在李明辞职消息前, 在甲队2-3不敌乙队的比赛后: the frame's own clause, whose subject it
            # is (but 在印度发布: a place where the trigger happens)
            st.p.subjects = [m]
            st.group, st.adjacent = [m], True
        elif st.in_pp in ("随着", "伴随") and st.before_trigger and not st.p.subjects and not possessive:
            # 随着甲队2-4不敌乙队…: the frame is a clause, whose subject the name is
            st.p.subjects, st.group, st.adjacent, st.in_pp = [m], [m], True, None
        elif st.in_pp is not None:
            st.p.obliques.append((st.in_pp, m))
            st.group, st.adjacent = [], False
        elif st.pending_conj is not None and st.group:
            if st.p.subjects and st.p.subjects[-1] is st.group[-1]:
                st.p.subjects.append(m)
                st.p.coordinators.append(st.pending_conj)
            st.group.append(m)
            st.adjacent = True
        elif possessive:
            if skip(t, m.end, CLOSE) not in st.ments:  # 越南外交部: the next name is the head
                st.p.nominal = st.p.nominal or not (st.p.subjects or st.seen_verb)
            st.group, st.adjacent = [], False
        else:
            if not st.p.subjects and (st.after_de or (not st.seen_verb and (not st.p.nominal or m.entity.label == "PERSON"))):
                st.p.subjects = [m]
            elif m.entity.label == "PERSON" and st.p.subjects and st.p.subjects[-1].entity.label != "PERSON" and (
                not st.seen_verb or self._titled(st.p.subjects[-1].end, m.start)
                or (m.ref is not None and m.ref.affiliation == st.p.subjects[-1].entity.text)
                or (st.after_de and _COUNT_AFTER.match(t, st.p.subjects[-1].end) is not None)
            ):
                # 腾易科技CEO张序安, X局应急处王处长: the person speaks, the body is the affiliation;
                # 某市一位…的王老板: the place and the count say which person
                st.p.subjects = [m]
            st.group, st.adjacent = [m], True
        st.pending_conj, st.after_de = None, False

    def _scan_word(self, st: _Scan, ws: int, we: int) -> None:
        t, ctx = self.text, self.ctx
        word = t[ws:we]
        if word in OPEN or word in CLOSE or word.isspace():
            return
        if word in CONJ and st.group and st.adjacent and st.in_pp is None and not t[st.group[-1].end : ws].strip(CLOSE + " "):
            # (甲和乙; but 甲宣布与乙解约: after a verb, 与 is a preposition)
            st.pending_conj = word
            return
        st.pending_conj = None
        st.after_de_noun = st.after_de
        st.after_de = word == "的"
        tag = ctx.pos.get(word, "")
        light = word in word_list("light_verbs")
        score = all(ch.isdigit() or ch in "-－:：比" for ch in word) or (word == "以" and _SCORE_AFTER.match(t, we))
        if not (tag[:1] in ("d", "a") or word in LIGHT or word in ("被", "所") or light or score):  # (甲队以3-0战胜)
            st.adjacent = False
            st.p.noun_before = False
        st.light_after_group = st.adjacent and (light or st.light_after_group)
        if word == "电" and ctx.in_date(ws - 1, ws):
            _restart(st, we)  # 新华社北京7月22日电: the dateline names no subject of the news
            return
        if self._scan_frame(st, word, tag, ws, we):
            return
        if st.p.subjects and word in REPORTING and st.in_pp is None:  # (jieba tags 证实 n)
            # 工信部证实比亚迪…发生火灾: the reported clause may name its own subject
            st.reporters, st.p.subjects, st.p.coordinators = st.p.subjects, [], []
            st.seen_verb, st.group, st.adjacent, st.p.nominal = False, [], False, False
            st.p.start = we
            return
        if word in word_list("helpers") and st.in_pp is None:
            _restart(st, we)  # 伦纳德帮助猛龙大胜雄鹿: who is helped does what follows
            return
        if tag.startswith("v") and st.in_pp is not None:
            st.pp_verb = True  # (在公司工作的: jieba tags 工作 vn)
        if tag.startswith("v") and tag != "vn":  # (全场比赛中国女排…战胜: 比赛 names the match)
            st.seen_verb = True
            if st.in_pp not in (None, "在", "从", "于", "自"):
                st.in_pp = None
            return
        # (戏剧性地: manner; 主场, 强势: a noun used as an adverb, dictionaries/claims/adverbial_nouns.txt)
        # (连|扳4球: jieba tags a lone character nr as a surname; alone it names no subject)
        noun = (tag[:1] in ("n", "r", "j") or tag == "eng") and not t.startswith("地", we) and word not in word_list("adverbial_nouns") \
            and not (tag == "nr" and len(word) == 1)
        if st.in_pp is None and not st.p.subjects and (not st.seen_verb or st.after_de_noun):
            if word in PERSON_PRONOUNS | ORG_PRONOUNS | TOPIC_PRONOUNS:
                st.p.pronoun = word
            elif noun:
                st.p.nominal = True
        if noun and st.in_pp is None:
            st.p.noun_before = True  # 医护人员遇袭, 大使被召回: a noun is the trigger's subject

    def _scan_frame(self, st: _Scan, word: str, tag: str, ws: int, we: int) -> bool:
        """A word that opens or closes a prepositional frame (在…上, 从…的, 于8日), or a date:
        updates the scan and says whether the word is used up."""
        t = self.text
        if word in ("被", "由") and st.in_pp is None:
            st.p.passive, st.p.agent_at = True, we
        if word in PREPS and not (word == "将" and st.seen_verb):
            if PREPS[word] != "source":
                st.in_pp = word
                st.pp_counted = _COUNT_BEFORE.search(t, max(0, ws - 4), ws) is not None
                st.pp_verb = False
            return True
        if st.after_de and st.pp_counted and st.in_pp is not None:
            st.in_pp = None  # 某市一位在外打工多年的王先生: the relative clause ends at 的
            return True
        if self.ctx.in_date(ws, we):
            if st.in_pp == "于":
                st.in_pp = None  # 于8日晚被警方逮捕: the date ends the frame
            return True
        if st.in_pp is not None and (word in LOCALIZERS or tag.startswith("f")):
            st.in_pp = None
            return True
        return False

    def _relative_subject(self, cs: int, ts: int) -> Ment | None:
        """X递交的辞职报告, X提出的诉讼: the name before the verb of a relative clause on the trigger
        (a noun here) is its doer, whatever the main clause's subject (董事会收到…)."""
        t = self.text
        if ts - cs < 4 or t[ts - 1] != "的":
            return None
        words = self.ctx.words_in(max(cs, ts - 6), ts - 1)
        if not words or words[-1][1] != ts - 1 or not self.ctx.pos.get(t[slice(*words[-1])], "").startswith("v"):
            return None
        verb = words[-1][0]
        m = next((m for m in self.ctx.mentions_in(max(cs, verb - 40), verb) if m.end == verb), None)
        return m if m is not None and m.entity.label in ("PERSON", "ORG") else None

    def _modifier(self, end: int) -> bool:
        """Is the mention ending at ``end`` a modifier of the noun after it (越南外交部)?

        Not when that noun names who speaks for it (方面, 有关人士, 发言人, 公告 ...).
        """
        t = self.text
        k = bisect_left(self.ctx.word_starts, end)
        if k > 0 and self.ctx.words[k - 1][1] > end:
            return True  # 叙利亚大使 is one word: the name is part of a longer noun
        if k >= len(self.ctx.words) or self.ctx.words[k][0] != end:
            return False
        if end in self.ctx.ment_starts_set:
            return True  # 越南外交部: the place names whose ministry; the ministry is the head
        word = t[slice(*self.ctx.words[k])]
        if word in ("反", "亲", "非"):
            return True  # 越南环保组织: an attribute, then the noun that is the head
        if not self.ctx.pos.get(word, "").startswith("n") or word in self.triggers.by_head:
            return False  # 阿里巴巴任命: the noun-tagged word is the predicate
        # 杭州市质监局食品处处长: a unit and a title still speak for the entity
        for k in range(end, min(end + 5, len(t))):
            if t[k] in "，,。；;：: \n":
                break
            if SPOKESPERSON.match(t, k) or t.startswith(self.titles, k):
                return False
        return True

    def _titled(self, start: int, end: int) -> bool:
        """Is ``text[start:end]`` a short role ending in a title (行业销售运营副总经理)?"""
        between = self.text[start:end]
        return len(between) <= 16 and between.endswith(self.titles) and not re.search(r"[，,。；;：:]", between)
