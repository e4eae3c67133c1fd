"""The HTML report: exact marks from the findings' offsets, escaping, pages and index."""

from __future__ import annotations

import re

import pytest

import tanalyze
from tanalyze.model import DateMention, Document, Entity, Mention
from tanalyze.report import page_names, render_page, write_report
from tanalyze.report.chart import position
from tanalyze.report.marks import DATE, ENTITY, EVIDENCE, Mark, markup

from .cli.test_cli import invoke, write
from .conftest import SEED


def _mark(start, end, rank, name):
    return Mark(start, end, rank, "b", (("class", name),))


def test_marks_nest_by_length_then_rank():
    text = "騰訊在2018年成立"
    marks = [_mark(0, 10, EVIDENCE, "ev"), _mark(0, 2, ENTITY, "ent"), _mark(3, 8, DATE, "date")]
    assert markup(text, marks) == '<b class="ev"><b class="ent">騰訊</b>在<b class="date">2018年</b>成立</b>'


def test_a_mark_crossing_another_is_split_and_both_pieces_keep_their_attributes():
    # The mention 訊在 runs past the end of the evidence 騰訊.
    out = markup("騰訊在", [_mark(0, 2, EVIDENCE, "ev"), _mark(1, 3, ENTITY, "ent")])
    assert out == '<b class="ev">騰<b class="ent">訊</b></b><b class="ent">在</b>'


def test_article_text_and_attributes_are_escaped():
    text = '<script>alert(1)</script><img src=x onerror="alert(2)">&'
    mark = Mark(0, 8, ENTITY, "mark", (("title", 'a "quoted" <b>'),))
    out = markup(text, [mark])
    assert out == '<mark title="a &quot;quoted&quot; &lt;b&gt;">&lt;script&gt;</mark>alert(1)&lt;/script&gt;&lt;img src=x onerror="alert(2)"&gt;&amp;'


def test_a_date_value_is_a_position_in_years():
    assert position("2018") == 2018
    assert position("2018-07") == pytest.approx(2018.5)
    assert position("P6Y") is None


def _small_doc():
    text = "<b>騰訊</b>於2018年宣布。"
    mention = Mention("騰訊", "腾讯", 3, 5, "ORG", "gazetteer")
    return Document(
        "x<y>.txt", text, text, entities=(Entity("騰訊", "腾讯", "ORG", 1, (), (mention,)),),
        dates=(DateMention("2018年", "2018年", 10, 15, "date", "2018", "year"),), claims=(), timeline=(),
        ref_date="2018", ref_date_source="latest_year",
    )


def test_a_page_marks_mentions_and_dates_and_is_self_contained():
    page = render_page(_small_doc())
    assert '<mark class="ent" data-label="ORG" data-start="3" data-end="5" title="ORG: 騰訊">騰訊</mark>' in page
    assert '<span class="date" data-value="2018" data-start="10" data-end="15" title="2018 (date)">2018年</span>' in page
    assert "&lt;b&gt;" in page and "<title>x&lt;y&gt;.txt: tanalyze report</title>" in page
    assert "reference date 2018, the latest year in the text (year only)" in page
    # Nothing is fetched: no external URL anywhere but the SVG namespace, and the CSP forbids it.
    assert re.findall(r"https?://[^\"' )]+", page) in ([], ["http://www.w3.org/2000/svg"])
    assert "default-src 'none'" in page


def test_page_names_are_numbered_and_safe(tmp_path):
    docs = [Document("a/b c.txt", "x"), Document("../etc/passwd", "y")]
    assert page_names(docs, tmp_path / "report.html") == ["report-01-b-c.html", "report-02-passwd.html"]


def test_several_documents_make_an_index_and_a_page_each(tmp_path):
    a = write(tmp_path, "a.txt", "騰訊在2018年9月進行了架構調整。")
    b = write(tmp_path, "b.txt", "百度宣布。")
    out = tmp_path / "report.html"
    result, _ = invoke(["report", a, b, "-o", str(out)])
    assert result.exit_code == 0, result.output
    index = out.read_text(encoding="utf-8")
    assert 'href="report-01-a.html"' in index and 'href="report-02-b.html"' in index
    page = (tmp_path / "report-01-a.html").read_text(encoding="utf-8")
    assert 'data-label="ORG"' in page and 'href="report.html"' in page


def test_analyze_format_html_is_the_report_page(tmp_path):
    path = write(tmp_path, "a.txt", "騰訊宣布。")
    _, via_analyze = invoke(["analyze", "--format", "html", path])
    _, via_report = invoke(["report", path])
    assert via_analyze == via_report and via_report.startswith("<!DOCTYPE html>")


def test_several_documents_to_standard_output_is_a_usage_error(tmp_path):
    a = write(tmp_path, "a.txt", "騰訊。")
    b = write(tmp_path, "b.txt", "百度。")
    result, _ = invoke(["report", a, b])
    assert result.exit_code == 2 and "-o report.html" in result.output


def test_the_seed_report_is_small():
    doc = tanalyze.analyze(SEED.read_text(encoding="utf-8"))
    page = render_page(doc)
    assert len(page.encode("utf-8")) < 500_000
    assert page.count('class="ent"') >= sum(len(e.mentions) for e in doc.entities)
