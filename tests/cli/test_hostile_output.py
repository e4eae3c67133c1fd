"""The issue's reproducers for unsafe output, through the commands it names: CSV cells a
spreadsheet would run, and article text read as terminal markup in tables (issue 22)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from .test_cli import invoke, write

FORMULA_SENTENCES = '=HYPERLINK("http://x","y")。+cmd|\' /C calc\'!A0。@SUM(A1)。-2+3。'


def _rows(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out, newline="")))


def test_timeline_all_csv_neutralises_sentences_that_are_formulas(tmp_path):
    path = write(tmp_path, "f.txt", FORMULA_SENTENCES)
    result, out = invoke(["timeline", "--all", "--format", "csv", path])
    assert result.exit_code == 0, result.stderr
    assert [(r["text"], r["start"], r["end"]) for r in _rows(out)] == [
        ("'=HYPERLINK(\"http://x\",\"y\")。", "0", "27"),
        ("'+cmd|' /C calc'!", "27", "43"),
        ("A0。", "43", "46"),
        ("'@SUM(A1)。", "46", "55"),
        ("'-2+3。", "55", "60"),
    ]
    result, out = invoke(["timeline", "--all", "--format", "csv", "--csv-raw", path])
    assert [r["text"] for r in _rows(out)][:2] == ["=HYPERLINK(\"http://x\",\"y\")。", "+cmd|' /C calc'!"]


def test_a_claims_quote_and_a_work_title_are_neutralised(tmp_path):
    path = write(tmp_path, "q.txt", "腾讯表示：“=1+2”。王先生说：“@SUM(A1)”。《=1+2》是一部电影。")
    result, out = invoke(["claims", "--all", "--format", "csv", path])
    assert result.exit_code == 0, result.stderr
    assert [(r["actor.text"], r["quote"]) for r in _rows(out)] == [("腾讯", "'=1+2"), ("王先生", "'@SUM(A1)")]
    result, out = invoke(["entities", "--format", "csv", path])
    # The organisation and the work title (a formula) as written, neutralised; the model's other
    # guesses in this made-up text (王 of 王先生, SUM) are not what this test is about.
    assert [(r["text"], r["label"], r["start"], r["end"]) for r in _rows(out) if r["label"] in ("ORG", "WORK_OF_ART")] == [
        ("腾讯", "ORG", "0", "2"), ("'=1+2", "WORK_OF_ART", "6", "10")]


MARKUP = "騰訊[/bold]宣佈[red]紅色[/red]。[link=http://evil]點我[/link]\x1b[31m完。"


@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_article_text_in_a_table_is_shown_as_written(terminal):
    # The issue's `printf '腾讯[/bold]宣布' | tanalyze convert --format table -` raised MarkupError;
    # here the markup stays whole in the timeline's sentences and in the document id.
    record = json.dumps({"id": "[bold]id[/bold]", "text": MARKUP}) + "\n"
    result, out = invoke(["timeline", "--all", "--jsonl", "--format", "table", "-"], stdin=record.encode(), tty=terminal)
    assert result.exit_code == 0, result.stderr
    assert out.startswith("[bold]id[/bold]: 2 events\n")
    assert "騰訊[/bold]宣佈[red]紅色[/red]。" in out
    assert "[link=http://evil]點我[/link]\\x1b[31m完。" in out
    assert "\x1b]8;" not in out and "\x1b[31m" not in out  # no hyperlink, no colour from the text


def test_the_issues_convert_table_reproducer_exits_0():
    result, out = invoke(["convert", "--format", "table", "-"], stdin="腾讯[/bold]宣布".encode())
    assert (result.exit_code, result.stderr) == (0, "")
    assert out.startswith("stdin: 0 conversion\n")


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_line_and_paragraph_separators_stay_inside_one_jsonl_line(tmp_path, fmt):
    # U+2028/U+2029 end a line for str.splitlines() and old JavaScript: they are written escaped.
    texts = ["星河电子\u2028在宁波开业。", "第二段\u2029林晓峰说好。"]
    records = "".join(json.dumps({"id": f"d{n}", "text": t}, ensure_ascii=False) + "\n" for n, t in enumerate(texts))
    path = write(tmp_path, "in.jsonl", records)
    result, out = invoke(["convert", "--jsonl", "--format", fmt, path])
    assert result.exit_code == 0, result.stderr
    assert "\u2028" not in out and "\u2029" not in out
    if fmt == "jsonl":
        lines = out.splitlines()
        assert len(lines) == 2
        assert [json.loads(line)["text"] for line in lines] == texts
    else:
        assert [d["text"] for d in json.loads(out)] == texts
