"""Bodies named from other names: a place or body and its department (青禾市百货大楼党委), a
session (第九届XX大会)."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..candidate import Candidate, by_character
from ..context import Context
from ..names import _ATTRIBUTE_PREFIXES, _CAPTION, _GENERIC_AFTER_PLACE, _ends_with_one_of, org_head
from ..resources import _COMMON_FREQ, _FUNCTION_POS, _NOT_NAME, is_han as _is_han, word_list

_ORDINAL = re.compile(r"第[0-9一二三四五六七八九十百]+")
# One-character words that end a department's name after its organisation (经贸委培训司).
_DEPARTMENT_HEADS = set("司局处科室厅部办")
_SESSION = re.compile("第?[一二三四五六七八九十百0-9０-９]+届$")  # ending where the body's name starts
# Words that join two fields inside one body's name (水利和林业局, 园林及景观研究会).
_FIELD_JOINERS = frozenset({"和", "及", "与"})
# What a committee or an office does, in its name (筹备委员会, 组织委员会); jieba tags these as verbs.
_BODY_TASKS = frozenset(word_list("body_tasks.txt"))


def compound_orgs(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """青禾市百货大楼党委, 江西省人大常委会, 公安部网络安全保卫局, 招行杭州分行: a place or an
    organisation, then descriptive words, then a word that ends an organisation name.

    The words between may be nouns, verbal nouns, unknown words and other places (辽宁省
    通化市公安局); a verb, a function word, a number, a person or punctuation ends the walk.
    The longest name within six words wins.
    """
    index_by_start = ctx.word_starting
    covered = by_character(found)
    for a in found:
        if a.label not in ("GPE", "LOC", "ORG", "EVENT") or a.length < 2 or a.end not in index_by_start:
            continue
        best = _compound_end(ctx, a, index_by_start[a.end], covered)
        if best is not None:
            yield Candidate(a.start, best, "ORG", "rule", compound=True)


def _compound_end(ctx: Context, a: Candidate, first: int, covered: dict[int, Candidate]) -> int | None:
    """Where the longest body's name that starts with the name ``a`` ends (None: nowhere), walking
    over at most six words from word ``first``."""
    t, words, pos, freq = ctx.text, ctx.words, ctx.pos_table, ctx.freq_table
    best, prev_end, described, joined_at, named = None, a.end, False, -2, False
    for j in range(first, min(first + 6, len(words))):
        ws, we = words[j]
        w = t[ws:we]
        if ws != prev_end or we - a.end > 16 or not _is_han(w) or w in _ATTRIBUTE_PREFIXES or w[1:] == "政府" and w[0] in _ATTRIBUTE_PREFIXES:
            break  # 叙利亚 + 反政府 (组织): an attribute, not a body
        inner = covered.get(ws)
        tag = pos.get(w)
        # Places right after the first name belong to it (招行杭州分行, 吉林省通化市公安局);
        # a name after the descriptive words starts another name (会同国务院).
        if inner is not None and inner.start < a.end:
            inner = None  # a name that began before (安徽省人大 around 人大) is not a second name
        if inner is not None:
            # A body the model found (人大 + 常委会) belongs to the name; a known name does not.
            body = inner.source != "gazetteer" and inner.label == "ORG" and org_head(ctx, t[inner.start : inner.end])
            if not body and (described or inner.label not in ("GPE", "LOC")):
                break
        # 美国 + 公司, 德国 + 电池 + 公司: a place and trade words before 公司/企业 describe, not name
        generic = a.label in ("GPE", "LOC") and w in _GENERIC_AFTER_PLACE and not named
        if joined_at >= 0 and (inner is not None or tag == "ns" or j == joined_at + 1 and len(w) < 3 and org_head(ctx, w)):
            break  # 人民 + 和 + 政府, 牌手 + 和 + 北京队: after 和 a second body, not a field
        if _heads_body(ctx, a, w, inner is None, described, generic):
            best = we  # 分行 ends a name even where jieba tags it as a verb
        if inner is None:
            # 规划 + 和 + 国土局, 房地产 + 及 + 住宅 + 研究会: fields joined inside one body's name
            # (before its head; after a head, 和 joins two bodies: 市政府和市委)
            joined = described and best is None and a.label in ("GPE", "LOC") and w in _FIELD_JOINERS
            joined_at = j if joined else joined_at
            if not joined and _ends_description(ctx, a, j, w, tag):
                break
            described = True
            named = named or freq.get(w, 0) < _COMMON_FREQ or (tag or "n")[:2] in ("nr", "ns", "nt", "nz", "j")
            named = named or ws - a.end + len(w) >= 4  # 有色金属 (公司): a longer description names one
        elif inner.label not in ("GPE", "LOC"):
            named = True
        prev_end = we
    return best


def _heads_body(ctx: Context, a: Candidate, w: str, plain: bool, described: bool, generic: bool) -> bool:
    """Does the word ``w`` end the name of a body that starts with ``a``? ``plain``: no other
    name starts at ``w``; ``described``: descriptive words came between."""
    return (org_head(ctx, w) and not generic) or (
        # a university's department: 清华大学 + 心理学系
        a.label == "ORG" and plain and len(w) >= 3 and w[-1] == "系"
        and ctx.text.endswith(("大学", "学院"), a.start, a.end)
    ) or (
        # An organisation's department: 经贸委 + 培训 + 司, 平安银行 + 信用卡 + 中心
        a.label == "ORG" and described and plain and (w in _DEPARTMENT_HEADS or w == "中心")
    )


def _ends_description(ctx: Context, a: Candidate, j: int, w: str, tag: str | None) -> bool:
    """Does the word ``w`` (word ``j``) end the words describing a body after ``a``: a function
    word, a caption, 等, a verb that is no department's field or committee's task?"""
    t, words = ctx.text, ctx.words
    ordinal = _ORDINAL.fullmatch(w) is not None  # 第二小学, 第一中学
    # 财政部 + 预算/v + 司: jieba tags the department's field as a verb; so it does the
    # task of a committee (青禾特别行政区 + 筹备/v + 委员会)
    nxt = t[words[j + 1][0] : words[j + 1][1]] if j + 1 < len(words) else ""
    department = tag == "v" and len(w) >= 2 and (
        a.label == "ORG" and nxt in _DEPARTMENT_HEADS
        or w in _BODY_TASKS and len(nxt) >= 3 and org_head(ctx, nxt))
    return w in _NOT_NAME or w in _CAPTION or w[0] == "等" or (
        tag is not None and tag not in ("vn", "an") and tag.startswith(_FUNCTION_POS) and not ordinal
        and not department
    )


def sessions(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """第五届全国青年代表大会, 七届全省人大, 智利—青禾文化协会: the session a body's name starts with, and a
    country joined by a dash to an association of another, are part of the name (as both People's
    Daily and MSRA annotate them)."""
    t = ctx.text
    places_by_end = {c.end: c for c in found if c.label in ("GPE", "LOC")}
    for c in found:
        if c.label != "ORG":
            continue
        window = max(0, c.start - 8)
        m = _SESSION.search(t[window : c.start])
        start = window + m.start() if m else 0
        # not 新一届 (a new term of it)
        if m and (start == 0 or t[start - 1] not in "新本上下每历同首该这那各"):
            yield Candidate(start, c.end, "ORG", "rule", compound=True)
        place = places_by_end.get(c.start - 1)
        if place is not None and t[c.start - 1 : c.start] in "—－–" and _ends_with_one_of(t[c.start : c.end], ("协会", "友协", "商会", "学会", "委员会")):
            yield Candidate(place.start, c.end, "ORG", "rule", compound=True)
