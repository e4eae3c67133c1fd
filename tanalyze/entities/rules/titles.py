"""《Titles》: a work (《远山的回声》), or the press (《晨光日报》: an organisation), and titles an
excerpt cuts in half at its edges."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..candidate import Candidate
from ..context import Context

_TITLE = re.compile(r"《([^《》\n]{1,40})》")
# A periodical's name: 投资者报, 理财周报, 新民周刊 (not 年度发展报告, 天气预报, 公报 or 捷报).
_PERIODICAL = re.compile(r"^[^《》\s]{1,12}(?:日报|晚报|周报|时报|早报|晨报|商报|导报|快报|画报|学报|周刊|月刊|杂志|(?<![告道简通海公情电喜捷警汇预])报)$")
# A title cut by the edge of an excerpt: its 《 before the text starts, or its 》 after it ends.
_TITLE_CUT_AT_START = re.compile(r"\s*([^《》\n。！？；，、“”\"]{1,30})》")
_TITLE_CUT_AT_END = re.compile(r"《([^《》\n。！？；，、“”\"(（]{1,30})[(（]?[^《》\n]{0,20}$")


def titles(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    """Every 《title》 of the text, without its marks."""
    for m in _TITLE.finditer(ctx.text):
        yield Candidate(m.start(1), m.end(1), _title_label(m.group(1)), "rule", precise=True)


def cut_titles(ctx: Context, found: Sequence[Candidate]) -> Iterable[Candidate]:
    return _cut_titles(ctx.text)


def _title_label(title: str) -> str:
    """A 《title》 is a work, except a newspaper or magazine (《投资者报》, 《商业周刊》): the press is
    an organisation, as the gazetteer labels 人民日报 and 财新."""
    return "ORG" if _PERIODICAL.search(title) else "WORK_OF_ART"


def _cut_titles(t: str) -> Iterable[Candidate]:
    """Titles an excerpt cuts in half: "杀破狼》在吸引……" (the 《 came before the excerpt) and
    "……公布了《古墓丽影(Tomb" (the 》 comes after it). Only at the text's edges, where an
    unmatched mark is explained by the cut."""
    first_close, first_open = t.find("》"), t.find("《")
    if first_close >= 0 and (first_open < 0 or first_close < first_open):
        m = _TITLE_CUT_AT_START.match(t)
        if m:
            yield Candidate(m.start(1), m.end(1), "WORK_OF_ART", "rule", precise=True)
    last_open = t.rfind("《")
    if last_open >= 0 and t.rfind("》") < last_open:
        m = _TITLE_CUT_AT_END.match(t, last_open)
        if m and len(m.group(1).strip()) >= 2:
            yield Candidate(m.start(1), m.start(1) + len(m.group(1).rstrip()), "WORK_OF_ART", "rule", precise=True)
