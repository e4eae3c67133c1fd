"""Subjects that are no entity: the noun phrase before a trigger when the entity stage named no
one there (勇士92：105不敌猛龙, 游戏开发人员最后却集体辞职, 机上9人全部遇难).

The phrase starts after the clause's frames (dates, time words, adverbs, prepositional phrases
up to their localizer) and runs over nouns, names, numbers with their classifier and quoted
modifiers; between it and the trigger may stand only adverbs, localizers, scores, prepositional
phrases, adverbial nouns (主场, 一审) and light verbs (宣布, 举行). A common-noun phrase is a
described actor (``named: false``, its last word the head); a word jieba tags as a person's,
place's or body's name is a named actor of that label.
"""

from __future__ import annotations

import re

from ..model import Entity, EntityRef
from .context import Ment
from .lists import word_list
from .words import CLOSE, FRAME_END, SHARES, LIGHT, LOCALIZERS, OPEN, PREPS, REPORTING, REPORTING_STARTS

# Labels of a name by its jieba tag; a phrase of other words takes its kind's usual actor.
_NAME_LABELS = {"nr": "PERSON", "nrt": "PERSON", "nrfg": "PERSON", "ns": "GPE", "nt": "ORG"}
_PERSON_KINDS = frozenset({"life", "personnel"})
_SCORE = frozenset("-－:：比/")
_CODE = re.compile(r"[（(][0-9]{6}(?:\.[A-Z]{2})?[）)]")  # a stock code in brackets: (600123), （000001.SZ）
_CURRENCY = ("元", "美元", "欧元", "英镑", "日元", "港元", "港币")  # (绿城24亿元竞得: an amount after the subject)
_NUMBER_CHARS = frozenset(".,，%％十百千万亿余多")
_FUNCTION_CHARS = frozenset("已将被在了的是也都就又再还从向对把给于与和")


def word_at(ex, i: int) -> str:
    """The word starting at ``i`` ("" if none does)."""
    return next((ex.text[ws:we] for ws, we in ex.ctx.words_in(i, i + 8) if ws == i), "")


class SubjectFinder:
    """The noun-phrase subject rule of the extractor (a mixin over its context)."""

    def _tag(self, word: str) -> str:
        tag = self.ctx.pos.get(word, "")
        if not tag and any(ch.isdigit() for ch in word) and all(ch.isdigit() or ch in _NUMBER_CHARS for ch in word):
            return "m"  # (12.3亿, 5万, 3.5%: an amount, not a name)
        if not tag and any(ch.isalpha() for ch in word):
            return "?"  # a word jieba does not know: a name (恒大, MBP)
        return tag

    def _nominal(self, word: str, tag: str) -> bool:
        if word in word_list("adverbial_nouns") or word in word_list("light_verbs") or word in self.triggers.by_head:
            return False
        if tag == "?" and any(ch in _FUNCTION_CHARS for ch in word):
            return False  # 凶手|已割|颈: jieba's guess joined a function character, not a name
        return tag[:1] == "n" or tag in ("j", "eng", "?", "vn", "b", "m", "q") or (tag == "a" and len(word) == 1) or word in "·"

    def _lead(self, start: int, ts: int) -> int | None:
        """Where the subject slot starts: after the frames at the clause's start (None: the
        clause has no free subject slot before ``ts``)."""
        t = self.text
        words = self.ctx.words_in(start, ts)
        i = 0
        while i < len(words):
            ws, we = words[i]
            word, tag = t[ws:we], self._tag(t[ws:we])
            if word in ("将", "把") and i + 1 < len(words) and self._tag(t[slice(*words[i + 1])])[:1] in ("n", "?", "j") \
                    and not self.ctx.in_date(*words[i + 1]):
                return None  # 将利率下调: what follows 将 is what the verb acts on, not its subject
            if word.isspace() or word in "，,：:、" or tag[:1] in ("c", "d", "t", "f", "s") or self.ctx.in_date(ws, we):
                i += 1
            elif word in ("据", "经") and i + 1 < len(words):
                i += 2  # 据了解, 据悉
            elif word in PREPS and word not in ("被", "由", "将", "把", "对"):
                k = next((k for k in range(i + 1, len(words)) if t[slice(*words[k])] in LOCALIZERS
                          or self._tag(t[slice(*words[k])])[:1] == "f"), None)
                if k is None and not FRAME_END.match(t, ts):
                    return None
                i = i + 1 if k is None else k + 1  # (在甲队2-3不敌乙队的比赛后: the frame's own subject)
            else:
                return ws
        return None

    def _gap_ok(self, start: int, ts: int) -> bool:
        """May the words of ``text[start:ts]`` stand between a subject and its trigger? Before a
        trigger that is a noun (事故, 冠军) only with a light verb between (发生事故, 获得冠军):
        a noun right before it is its modifier (世界冠军), not its subject."""
        t = self.text
        in_pp = False
        if any(t.startswith(w, ts) for w in word_list("noun_triggers")) and not any(t[ws:we] in word_list("light_verbs") for ws, we in self.ctx.words_in(start, ts)):
            return False
        for ws, we in self.ctx.words_in(start, ts):
            word, tag = t[ws:we], self._tag(t[ws:we])
            if word in PREPS and word not in ("被", "由"):
                in_pp = True
            elif in_pp:
                in_pp = not (word in LOCALIZERS or tag[:1] == "f")  # 在得知中奖后: the frame ends
            elif word in word_list("light_verbs") or word in word_list("adverbial_nouns") or word in LIGHT:
                in_pp = False
            elif tag[:1] in ("d", "f") or tag in ("ad", "a", "m", "q") or all(c in _SCORE or c.isdigit() for c in word):
                continue  # 最终, 轻松, 92：105
            elif word.isspace() or word == "分" and ws > 0 and t[ws - 1].isdigit() or self.ctx.in_date(ws, we):
                continue
            else:
                return False
        return True

    def subject_np(self, start: int, ts: int, kind: str | None) -> Ment | None:
        """The noun phrase in the subject slot of ``text[start:ts]`` (``ts`` a trigger), if any;
        else the one after the clause's last verb when a light verb follows it (关注到红河汽车决定
        召回: 红河汽车 decides; but 湖人击败勇士夺冠: 勇士 is what 击败 acts on)."""
        found = self._np_from(start, ts, kind)
        if found is not None:
            return found
        t = self.text
        verbs = [we for ws, we in self.ctx.words_in(start, ts) if self._tag(t[ws:we])[:1] == "v"
                 and t[ws:we] not in word_list("light_verbs")]
        if not verbs or verbs[-1] == start:
            return None
        found = self._np_from(verbs[-1], ts, kind)
        if found is None or not any(t[ws:we] in word_list("light_verbs") for ws, we in self.ctx.words_in(found.end, ts)):
            return None
        return found

    def clause_subject(self, start: int, end: int) -> Ment | None:
        """The noun phrase that is the subject of a whole clause (苹果举行了WWDC): one followed
        by its verb, an adverb or a preposition, for the clauses after it to carry on."""
        t = self.text
        s = self._lead(start, end)
        if s is None:
            return None
        verb = next((ws for ws, we in self.ctx.words_in(s, end) if self._tag(t[ws:we])[:1] in ("v", "d", "p")
                     or t[ws:we] in word_list("light_verbs")), None)
        if verb is None or verb <= s or t.startswith(REPORTING_STARTS, verb) or word_at(self, verb) in REPORTING:
            return None  # 公司表示，将推出…: what a noun says is not carried on as its deed
        return self._np_from(s, verb, None)

    def _np_from(self, start: int, ts: int, kind: str | None) -> Ment | None:
        t = self.text
        s = self._lead(start, ts)
        if s is None:
            return None
        end = s
        head = None
        words = self.ctx.words_in(s, ts)
        for k, (ws, we) in enumerate(words):
            word = t[ws:we]
            tag = self._tag(word)
            nxt = t[slice(*words[k + 1])] if k + 1 < len(words) else ""
            if tag == "m" and (not nxt or self._tag(nxt)[:1] not in ("q", "n", "m") or nxt.endswith(_CURRENCY)):
                break  # 蓝鲸88：90不敌: a score after the subject (5人, 一名男子: a count in it)
            if ws == end and end > s and word in LOCALIZERS:
                s, end, head = we, we, None  # 高速公路上: a place, then the subject slot
                continue
            if word == "的" and end > s:
                s, end, head = we, we, None  # 41岁的梁静茹: the head after the last 的
                continue
            code = _CODE.match(t, ws) if ws == end and end > s else None
            if code is not None:
                end = code.end()  # 蓝天科技(600123): a listed company's stock code is part of its name
                head = (head[0], end, head[2]) if head is not None else None
                continue
            if ws < end:
                continue  # (a word inside the code)
            if end > s and self.ctx.in_date(ws, we):
                break  # 青禾科技10月21日发布: a date after the subject is when, not part of it
            if word in OPEN + CLOSE and ws == end and word not in "（(":
                end = we
                continue
            if not self._nominal(word, tag):
                break
            end = we
            counted = tag == "q" and k > 0 and self._tag(t[slice(*words[k - 1])]) == "m"
            if tag[:1] not in ("m", "q", "a", "b") or (tag == "q" and head is not None and not counted):
                head = (ws, we, tag)  # (Mate30|系列: a classifier after a name ends it; 温州一|位: a count)
        if head is None or head[1] != end or end - s < 2 or not self._gap_ok(end, ts):
            return None
        return self._np_ment(s, end, head, kind)

    def _np_ment(self, s: int, e: int, head: tuple[int, int, str], kind: str | None) -> Ment | None:
        t = self.text
        phrase, last = t[s:e], t[head[0] : head[1]]
        if phrase in word_list("reporters") or last in word_list("reporters") or self._tag(phrase)[:1] in ("r", "t"):
            return None
        if phrase in SHARES:
            return None  # 股价连续两日涨停: the shares of a company named before, not an actor
        from .people import load_described

        described = load_described()
        affiliation = next((m.entity.text for m in self.ctx.mentions_in(s, e) if m.start == s
                            and m.entity.label in ("ORG", "GPE") and m.end < e), None)
        suffix = next((last[k:] for k in range(len(last)) if last[k:] in described), None)
        if suffix is not None:
            label, named, noun = described[suffix], False, suffix
        elif head[2] in _NAME_LABELS and head[0] == s:
            label, named, noun = _NAME_LABELS[head[2]], True, None
        else:
            label = "PERSON" if kind in _PERSON_KINDS else "ORG"
            tags = {self._tag(t[ws:we]) for ws, we in self.ctx.words_in(s, e)}
            named = bool(tags & {"?", "eng", "nz", *_NAME_LABELS})  # 星河|科技, 恒大: a name in it
            noun = None if named else last
        text, simplified, _, _ = self.ctx.doc.span(s, e)
        ref = EntityRef(text, simplified, label, named=named, head=noun, affiliation=affiliation)
        return Ment(s, e, Entity(text, simplified, label, 1), ref)
