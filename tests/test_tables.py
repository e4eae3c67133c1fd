"""Tables for a reader: fitted to the terminal, cut at clause boundaries, escaped."""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

import tanalyze
from tanalyze.model import Document, Entity, Mention
from tanalyze.output import VIEWS, document_dict
from tanalyze.tables import NO_LINE_START, cut, print_tables, visible, wrap

from .conftest import GOLDEN, SEED

TABLES = GOLDEN / "tables"
CAPTURES = sorted(TABLES.glob("*.txt"))
SEED_ID = "corpora/tencent-industrial-internet.txt"


def test_cut_goes_back_to_the_last_clause_boundary():
    text = "三十年前,中國開通64K國際專線,與國際互聯網接軌"
    assert cut(text, 40) == "三十年前,中國開通64K國際專線…"
    assert cut(text, 60) == text


def test_cut_without_a_boundary_in_reach_cuts_between_characters():
    # The only comma keeps less than half of the room: the cut falls inside the clause.
    assert cut("三十年前,中國開通64K國際專線,與國際互聯網接軌", 20) == "三十年前,中國開通64…"
    assert cell_len(cut("騰訊" * 30, 11)) == 11


def test_visible_shows_control_characters_as_escapes():
    assert visible("a\x1b[31mb\u202ec\nd") == "a\\x1b[31mb\\u202ec d"


def test_wrap_never_opens_a_line_with_punctuation():
    assert wrap("騰訊宣布、百度。", 4) == ["騰訊", "宣", "布、", "百", "度。"]


words = st.text(alphabet="騰訊百度AB12", min_size=1, max_size=6)
clauses = st.lists(st.tuples(words, st.sampled_from(["", "、", "，", "。", "」。"])), min_size=1, max_size=12)


@given(clauses, st.integers(min_value=4, max_value=30))
def test_wrap_keeps_the_text_and_never_starts_a_line_with_a_mark(parts, width):
    text = "".join(w + p for w, p in parts)
    lines = wrap(text, width)
    assert "".join(lines) == text
    assert all(line[0] not in NO_LINE_START for line in lines)


@given(clauses, st.integers(min_value=2, max_value=40))
def test_cut_fits_and_is_a_prefix(parts, width):
    text = "".join(w + p for w, p in parts)
    out = cut(text, width)
    assert cell_len(out) <= width
    assert out == text or (out.endswith("…") and text.startswith(out[:-1]))


def _render(docs, view, width=80, wide=False):
    out = io.StringIO()
    for doc in docs:
        print_tables(document_dict(doc, VIEWS[view]), VIEWS[view], out, color=False, wide=wide, width=width)
    return out.getvalue()


def test_article_text_is_shown_as_it_is_never_as_markup_or_terminal_codes():
    text = "腾讯[/bold]宣布[link=http://x]a[/link]\x1b[31m"
    m1 = Mention("腾讯[/bold]宣布", "腾讯[/bold]宣布", 0, 10, "ORG", "rule")
    m2 = Mention("[link=http://x]a[/link]", "[link=http://x]a[/link]", 10, 33, "ORG", "rule")
    m3 = Mention("\x1b[31m", "\x1b[31m", 33, 38, "ORG", "rule")
    entities = tuple(Entity(m.text, m.simplified, "ORG", 1, (), (m,)) for m in (m1, m2, m3))
    doc = Document("[b]x[/b].txt", text, text, entities=entities)
    out = _render([doc], "entities", width=160, wide=True)
    assert "腾讯[/bold]宣布" in out
    assert "[link=http://x]a[/link]" in out
    assert "\\x1b[31m" in out and "\x1b" not in out
    assert "[b]x[/b].txt: 3 entities" in out


def test_a_claims_verb_is_in_the_articles_script():
    doc = tanalyze.analyze("騰訊進行了架構調整。", stages=["claims"])
    out = _render([doc], "claims", width=160, wide=True)
    assert "架構調整" in out and "架构调整" not in out


def test_a_claims_co_actors_stand_in_the_wide_table():
    doc = tanalyze.analyze("2023年5月，阿里巴巴和京东同时宣布裁员。", stages=["claims"])
    lines = _render([doc], "claims", width=160, wide=True).splitlines()
    header = next(line for line in lines if "actor" in line).split()
    row = next(line for line in lines if line.lstrip().startswith("阿里巴巴")).split()
    assert header[:4] == ["actor", "label", "with", "kind"] and row[:4] == ["阿里巴巴", "ORG", "京东", "reorg"]


@pytest.fixture(scope="module")
def seed_doc():
    return tanalyze.analyze(SEED.read_text(encoding="utf-8"), stages=["claims", "timeline"], doc_id=SEED_ID)


@pytest.mark.parametrize("capture", CAPTURES, ids=lambda p: p.stem)
def test_the_renderer_draws_what_the_terminal_showed(capture, seed_doc, update_golden):
    view, width = capture.stem.rsplit("-", 1)
    got = "\n".join(line.rstrip() for line in _render([seed_doc], view, int(width)).splitlines()).rstrip("\n")
    if update_golden:
        capture.write_text(got + "\n", encoding="utf-8")
    want = "\n".join(line.rstrip() for line in capture.read_text(encoding="utf-8").splitlines())
    assert got == want


def test_there_are_captures_at_80_and_160_columns():
    assert {p.stem.rsplit("-", 1)[1] for p in CAPTURES} == {"80", "160"}
    assert len(CAPTURES) == 10


@pytest.mark.parametrize("capture", [p for p in CAPTURES if p.stem.endswith("-80")], ids=lambda p: p.stem)
def test_an_80_column_capture_fits_has_whole_headers_and_no_line_opens_with_punctuation(capture):
    lines = capture.read_text(encoding="utf-8").splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    for i, line in enumerate(lines):
        assert line.lstrip()[:1] not in NO_LINE_START, f"line {i + 1} starts with punctuation: {line!r}"
        if i + 1 < len(lines) and set(lines[i + 1]) == {"─"}:  # a header above its rule
            heads = line.split()
            assert all(re.fullmatch(r"[a-z]+", h) for h in heads), f"wrapped header: {line!r}"
            assert lines[i + 2].strip() if i + 2 < len(lines) else True
            assert not (set(lines[i + 2]) <= set(" ") if i + 2 < len(lines) else False)
    assert sum(1 for line in lines if set(line) == {"─"}) >= 1


def test_analyze_overview_fits_the_demo_under_40_lines():
    assert len((TABLES / "analyze-80.txt").read_text(encoding="utf-8").splitlines()) < 40
