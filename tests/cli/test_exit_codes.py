"""The README's exit-code table, code by code: each documented code has a run that exits with it
and says why in one line (issue 22)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tanalyze.errors import ExitStatus

from .test_cli import invoke, write
from .test_robustness_cli import _break_dates, _patch_dates

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_codes() -> dict[int, str]:
    """The codes of the README's table ``| code | meaning |`` and what each means."""
    text = README.read_text(encoding="utf-8")
    table = text.split("| code | meaning |", 1)[1].split("\n\n", 1)[0]
    return {int(m.group(1)): m.group(2) for m in re.finditer(r"^\| (\d+) \| (.+) \|$", table, re.M)}


def _interrupt(monkeypatch):
    def interrupt(*a, **k):
        raise KeyboardInterrupt

    _patch_dates(monkeypatch, interrupt)


def _read_only(tmp_path) -> str:
    target = tmp_path / "out.json"
    target.write_text("keep", encoding="utf-8")
    target.chmod(0o444)
    return str(target)


# code -> (arguments, a setup taking (tmp_path, monkeypatch), the last line of stderr)
CASES = {
    0: (["dates", "{a}"], None, None),
    1: (["dates", "{a}"], lambda tmp, mp: _break_dates(mp), "Error: internal error in dates on {a}: ZeroDivisionError: division by zero (run with --debug for the traceback)"),
    2: (["dates", "--ref-date", "", "{a}"], None, "Error: invalid reference date '' (use YYYY-MM-DD or YYYY-MM-DDTHH:MM, e.g. 2024-11-14 or 2024-11-14T09:30)"),
    3: (["dates", "{tmp}/missing.txt"], None, "Error: no such file: {tmp}/missing.txt"),
    4: (["dates", "-o", "{tmp}/out.json", "{a}"], lambda tmp, mp: _read_only(tmp), "Error: {tmp}/out.json is read-only (use --force to replace it)"),
    5: (["segment", "--dict", "{tmp}/lex.txt", "{a}"], lambda tmp, mp: write(tmp, "lex.txt", "腾讯云 ² n\n"), "Error: {tmp}/lex.txt:1: '²' is neither a frequency nor a POS tag"),
    6: (["dates", "{a}", "{tmp}/missing.txt"], None, "Error: 1 of 2 documents skipped (each is named above and has an {{\"id\", \"error\"}} record)"),
    130: (["dates", "{a}"], lambda tmp, mp: _interrupt(mp), "Interrupted"),
}


def test_the_readme_documents_exactly_the_exit_statuses():
    assert readme_codes().keys() == CASES.keys() == {int(s) for s in ExitStatus}


@pytest.mark.parametrize("code", CASES, ids=lambda c: f"exit-{c}")
def test_each_documented_exit_code(tmp_path, monkeypatch, code):
    args, setup, last_line = CASES[code]
    a = write(tmp_path, "a.txt", "2024年3月腾讯宣布")
    if setup is not None:
        setup(tmp_path, monkeypatch)
    fill = {"a": a, "tmp": str(tmp_path)}
    result, out = invoke([x.format(**fill) for x in args])
    assert result.exit_code == code
    if code == 0:
        assert result.stderr == "" and out.startswith("{")
        return
    assert result.stderr.splitlines()[-1] == last_line.format(**fill)
    if code not in (2, 6):  # usage errors show the usage first; a partial run names each skipped document
        assert result.stderr.count("\n") == 1
