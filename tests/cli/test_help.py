"""Every command's help is true: its examples run, and the formats it names work as it says."""

from __future__ import annotations

import io
import json
import re
import shlex
import shutil
import subprocess

import click
import pytest

from tanalyze.cli import cli

from .test_cli import invoke, write

ARTICLE = "騰訊於2018年9月進行了架構調整。馬化騰表示，騰訊要擁抱產業互聯網。\n"
COMMANDS = sorted(cli.commands)
#: The commands with --format (report writes HTML only).
FORMATTED = [n for n in COMMANDS if any(p.name == "fmt" for p in cli.commands[n].params)]


def _examples(name: str) -> list[str]:
    return [line.strip()[2:] for line in (cli.commands[name].help or "").splitlines() if line.strip().startswith(f"$ tanalyze {name}")]


def _format_option(name: str) -> click.Option:
    return next(p for p in cli.commands[name].params if p.name == "fmt")


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_two_examples(name):
    assert len(_examples(name)) >= 2


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    write(tmp_path, "article.txt", ARTICLE)
    (tmp_path / "corpora").mkdir()
    write(tmp_path / "corpora", "a.txt", ARTICLE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("example", [(n, e) for n in COMMANDS for e in _examples(n)], ids=lambda x: x[1])
def test_help_examples_run(example, workdir):
    _, line = example
    command, _, jq = line.partition("| jq")
    command = command.split(" > ")[0]
    args = shlex.split(command)[1:]
    result, out = invoke(args)
    assert result.exit_code == 0, result.output
    written = (workdir / args[args.index("-o") + 1]).read_text(encoding="utf-8") if "-o" in args else out
    assert written.strip()
    if jq and shutil.which("jq"):
        done = subprocess.run(["jq", *shlex.split(jq)], input=out, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


def test_report_says_it_writes_html_only():
    assert "html only" in cli.commands["report"].help
    assert "report" not in FORMATTED


@pytest.mark.parametrize("name", FORMATTED)
def test_every_format_a_command_names_works(name, workdir):
    for fmt in _format_option(name).type.choices:
        binary = ["-o", "out.parquet"] if fmt == "parquet" else []  # parquet is binary: a file
        result, out = invoke([name, "--format", fmt, *binary, "article.txt"])
        assert result.exit_code == 0, (fmt, result.output)
        if fmt == "json":
            json.loads(out)
        elif fmt == "jsonl":
            [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("name", FORMATTED)
def test_the_default_format_is_the_one_the_help_names(name, workdir):
    said = re.search(r"\(default: ([^)]*)\)", _format_option(name).help).group(1)
    piped = invoke([name, "article.txt"])[1]
    on_terminal = invoke([name, "article.txt"], tty=True)[1]
    if said.startswith("text"):  # convert: plain text both ways
        assert "on a terminal and when piped" in said
        assert piped == on_terminal == "腾讯于2018年9月进行了架构调整。马化腾表示，腾讯要拥抱产业互联网。\n"
    else:
        assert said.startswith("table on a terminal; json when piped")
        assert json.loads(piped)["id"] == "article.txt"
        assert not on_terminal.lstrip().startswith("{")


def test_segment_text_writes_words_with_separators_line_by_line(tmp_path):
    path = write(tmp_path, "a.txt", "騰訊走C2B2B的道路\n\n百度")
    result, out = invoke(["segment", "-f", "text", path])
    assert result.exit_code == 0
    assert out == "騰訊 / 走 / C2B2B / 的 / 道路\n\n百度\n"
    result, out = invoke(["segment", "--format", "text", "--sep", "|", path])
    assert out == "騰訊|走|C2B2B|的|道路\n\n百度\n"


def test_segment_text_with_pos_writes_word_slash_tag(tmp_path):
    path = write(tmp_path, "a.txt", "騰訊走C2B2B的道路")
    result, out = invoke(["segment", "-f", "text", "--pos", path])
    assert result.exit_code == 0
    assert out == "騰訊/nt / 走/v / C2B2B/eng / 的/uj / 道路/n\n"
