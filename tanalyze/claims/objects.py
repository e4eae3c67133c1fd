"""Objects and quotes: what a trigger acts on, and what a speaker said."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .actors import TWO_PARTY
from .context import Clause, Ment, Prefix, clean, resolve_reference
from .lists import word_list
from .words import COMPOUND_HEADS, END_PUNCT, LIGHT, LOCALIZERS, PREPS, QUOTE_LEAD

class ObjectFinder:
    """The object and quote rules of the extractor (a mixin over its context)."""

    # -- object ------------------------------------------------------------------------------
    def object_of(self, kind: str, trig: tuple, clause: Clause, nxt: Clause | None, prefix: Prefix, actors: list[Ment]) -> str | None:
        t = self.text
        ts, te, trigger, middle = trig
        if middle is not None:
            phrase = clean(middle)
            return self._resolved(phrase, ts) or phrase or None
        if kind in TWO_PARTY and len(actors) > 1:
            return actors[1].entity.simplified
        for prep, m in prefix.obliques:
            if PREPS.get(prep) == "object" or (kind in TWO_PARTY and PREPS.get(prep) == "with"):
                return m.entity.simplified
        if prefix.passive and prefix.subjects and actors and actors[0] not in prefix.subjects:
            return prefix.subjects[0].entity.simplified
        rest_start = te
        while rest_start < clause.end and t[rest_start] in LIGHT:
            rest_start += 1
        rest = t[rest_start : clause.end]
        if rest.startswith("的是"):
            phrase = clean(rest[2:])
            return self._resolved(phrase, ts) or phrase or None
        if not rest.strip() and nxt is not None and nxt.sep in ("——", "—", "：", ":"):
            return clean(t[nxt.start : nxt.end]) or None
        near = [
            m for m in self.ctx.mentions_in(te, clause.end)
            if m.start < rest_start + 8 and (m.ref is None or m.ref.named) and m.entity not in [a.entity for a in actors if a]
            and not self._modifier(m.end)
        ]
        if near:
            return near[0].entity.simplified  # 成立云与智慧产业事业群, 收购了美国的X
        named = self._named_modifier(clause.start, ts, te)
        if named:
            return named
        phrase = clean(rest)
        if len(phrase) >= 2 and self._starts_content(rest_start) and not self._one_modifier_word(phrase):
            return self._resolved(phrase, ts) or phrase
        return None

    def _one_modifier_word(self, phrase: str) -> bool:
        """成立不久: a lone adjective, adverb, numeral or time word is no object; nor is the head noun
        of a compound the trigger modifies (停电|报告, 泄漏|事件: the report, the event of it)."""
        return self.ctx.pos.get(phrase, "n")[:1] in ("a", "d", "t", "m") or phrase in COMPOUND_HEADS

    def _starts_content(self, i: int) -> bool:
        """Does a content word (not an adverb, time word, localizer or particle) start at ``i``?"""
        k = bisect_left(self.ctx.word_starts, i)
        if k >= len(self.ctx.words) or self.ctx.words[k][0] != i:
            return True
        word = self.text[slice(*self.ctx.words[k])]
        tag = self.ctx.pos.get(word, "")
        return not (tag[:1] in ("d", "t", "f", "u", "c", "p", "y") or word in LOCALIZERS)

    def _named_modifier(self, cs: int, ts: int, te: int) -> str | None:
        """开启“930”变革: a quoted or numbered name right before a noun trigger."""
        m = re.search(r"[“「『]([^”」』]{1,12})[”」』]$|(?<![0-9：:\-])[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*$|(?<![0-9：:\-])[0-9]{2,}$", self.text[cs:ts])
        if m:
            return self.text[cs + m.start() : te]
        return None

    def _resolved(self, phrase: str, at: int) -> str | None:
        return resolve_reference(phrase, at, self.enums)

    # -- statements --------------------------------------------------------------------------
    def quote_of(self, sent: tuple[int, int], te: int, subject_start: int) -> tuple[int, int] | None:
        """The span of what a speaker said: after the verb, or a quotation before the speaker."""
        t = self.text
        ss, se = sent
        end = se
        while end > te and t[end - 1] in END_PUNCT + " ":
            end -= 1
        start = te
        if t[start : start + 1] in ("说", "道", "称"):  # 介绍说, 表示称
            start += 1
        start = _past_addressee(t, start)
        while start < end and t[start] in QUOTE_LEAD:
            start += 1
        if end - start >= 2:
            if t[start] in "“「『" and t[end - 1] in "”」』" and not re.search("[”」』]", t[start + 1 : end - 1]):
                return start + 1, end - 1
            if t[start] in "“「『" and not re.search("[”」』]", t[start + 1 : end]):
                start += 1  # the quotation goes on in the next sentence
            return start, end
        # "……，张三说。" / "“……”张三说。": what comes before the speaker
        qend = subject_start
        while qend > ss and t[qend - 1] in QUOTE_LEAD:
            qend -= 1
        qend = _before_role(t, ss, qend)
        if qend > 0 and t[qend - 1] in "”」』":  # (“……。”张三说。: the quotation ends the sentence before)
            k = max(t.rfind("“", 0, qend - 1), t.rfind("「", 0, qend - 1), t.rfind("『", 0, qend - 1))
            if k >= 0:
                qe = qend - 1
                while qe > k + 1 and t[qe - 1] in QUOTE_LEAD.replace("了", "") + END_PUNCT:  # (…涨了。”: 了 is said)
                    qe -= 1
                return k + 1, qe
        if qend - ss >= 2:
            return ss, qend
        return None


def _past_addressee(t: str, at: int) -> int:
    """告诉记者，……: where the quotation starts when a reporter (``reporters.txt``) or 我们/大家 is
    addressed right after the verb, before a comma or colon; else ``at``."""
    m = _addressee().match(t, at)
    return m.end() if m else at


@lru_cache(maxsize=1)
def _addressee() -> re.Pattern[str]:
    words = sorted(word_list("reporters") | {"我们", "大家"}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")(?=[，,：:])")


def _before_role(t: str, ss: int, at: int) -> int:
    """“……”市民张女士说: where a role or title before the speaker starts, when a closing quotation
    mark stands right before it (the quotation is the speaker's); else ``at``."""
    from .people import roles

    for role in roles():
        k = at - len(role)
        if k >= max(ss, 1) and t.startswith(role, k) and t[k - 1] in "”」』":
            return k
    return at

