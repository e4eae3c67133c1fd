"""Hostile and broken input at the CLI: one line and a documented exit code, never a traceback,
a destroyed file or half a record (issue 22)."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from .test_cli import invoke, write

PYTHON = sys.executable


def run_cli(*args: str, stdin: bytes = b"", **kw) -> subprocess.CompletedProcess:
    """tanalyze in a real process (for signals, devices and stdout errors)."""
    return subprocess.run([PYTHON, "-m", "tanalyze.cli", *args], input=stdin, capture_output=True, **kw)


# -- the error boundary ------------------------------------------------------------------------


def _patch_dates(monkeypatch, fn):
    """Replace the date extractor (and drop the pipelines built with the real one)."""
    import tanalyze.dates
    import tanalyze.engines
    from tanalyze import pipeline

    monkeypatch.setattr(tanalyze.dates, "extract_dates", fn)
    monkeypatch.setattr(tanalyze.engines, "_PIPELINES", {})
    pipeline._pipeline.cache_clear()


def _break_dates(monkeypatch):
    def boom(*a, **k):
        raise ZeroDivisionError("division by zero")

    _patch_dates(monkeypatch, boom)


def test_an_unexpected_exception_is_one_line_naming_stage_and_document(tmp_path, monkeypatch):
    _break_dates(monkeypatch)
    path = write(tmp_path, "a.txt", "2024年3月腾讯宣布")
    result, out = invoke(["dates", path])
    assert result.exit_code == 1 and out == ""
    assert result.stderr == (
        f"Error: internal error in dates on {path}: ZeroDivisionError: division by zero "
        "(run with --debug for the traceback)\n"
    )


def test_debug_shows_the_traceback(tmp_path, monkeypatch):
    _break_dates(monkeypatch)
    path = write(tmp_path, "a.txt", "2024年3月腾讯宣布")
    result, _ = invoke(["dates", "--debug", path])
    assert result.exit_code == 1
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    assert "in boom\n" in result.stderr and "ZeroDivisionError: division by zero\n" in result.stderr
    assert result.stderr.endswith("(run with --debug for the traceback)\n")


def test_an_interrupt_exits_130(tmp_path, monkeypatch):
    def interrupt(*a, **k):
        raise KeyboardInterrupt

    _patch_dates(monkeypatch, interrupt)
    path = write(tmp_path, "a.txt", "2024年")
    result, out = invoke(["dates", path])
    assert (result.exit_code, result.stderr, out) == (130, "Interrupted\n", "")


@pytest.mark.parametrize(
    "args, message",
    [
        (["segment", "--encoding", "nope", "{a}"], "Invalid value for '--encoding': unknown encoding 'nope'"),
        (["segment", "--encoding", "rot13", "{a}"], "Invalid value for '--encoding': 'rot13' is not a text encoding"),
        (["dates", "--ref-date", "", "{a}"], "Error: invalid reference date ''"),
        (["timeline", "--ref-date", " ", "{a}"], "Error: invalid reference date ' '"),
    ],
)
def test_usage_mistakes_exit_2(tmp_path, args, message):
    a = write(tmp_path, "a.txt", "腾讯")
    result, out = invoke([x.format(a=a) for x in args])
    assert result.exit_code == 2 and out == ""
    assert message in result.stderr


# -- inputs ------------------------------------------------------------------------------------

SURROGATE = '\n{"id":"y","text":"\\ud800abc"}\n'  # the record is on line 2


@pytest.mark.parametrize("command", ["convert", "segment", "entities", "dates", "timeline", "claims", "analyze", "report"])
def test_a_lone_surrogate_is_an_input_error_naming_file_and_line(tmp_path, command):
    path = write(tmp_path, "s.jsonl", SURROGATE)
    result, out = invoke([command, "--jsonl", path])
    assert result.exit_code == 3 and out == ""
    assert result.stderr == (
        f"Error: {path}:2: lone surrogate U+D800 (not a character) "
        "(fix the input, or read it as U+FFFD with --errors replace)\n"
    )


def test_a_lone_surrogate_in_a_corpus_skips_its_record_and_exits_6(tmp_path):
    path = write(tmp_path, "s.jsonl", '{"id":"x","text":"腾讯"}' + SURROGATE)
    result, out = invoke(["segment", "--jsonl", path])
    records = [json.loads(line) for line in out.splitlines()]
    assert result.exit_code == 6
    assert records[1] == {
        "id": f"{path}:2",
        "error": f"{path}:2: lone surrogate U+D800 (not a character) (fix the input, or read it as U+FFFD with --errors replace)",
    }


def test_errors_replace_reads_a_lone_surrogate_as_fffd(tmp_path):
    path = write(tmp_path, "s.jsonl", '{"id":"\\udc80","text":"\\ud800腾讯"}\n')
    result, out = invoke(["segment", "--jsonl", "--errors", "replace", path])
    assert result.exit_code == 0
    doc = json.loads(out)
    assert doc["id"] == "\ufffd"
    assert [(t["text"], t["start"], t["end"]) for t in doc["tokens"]] == [("\ufffd", 0, 1), ("腾讯", 1, 3)]


def test_errors_replace_reads_bad_bytes_as_fffd(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"ab\xff\xfecd")
    result, out = invoke(["convert", "--errors", "replace", str(path)])
    assert (result.exit_code, out) == (0, "ab\ufffd\ufffdcd")
    result, out = invoke(["convert", str(path)])
    assert result.exit_code == 3 and "invalid byte 0xff at offset 2" in result.stderr


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085"])
def test_jsonl_lines_end_at_newline_only(tmp_path, sep):
    path = write(tmp_path, "a.jsonl", json.dumps({"id": "a", "text": f"腾讯{sep}阿里"}, ensure_ascii=False) + "\n")
    result, out = invoke(["segment", "--jsonl", "--format", "jsonl", path])
    assert result.exit_code == 0, result.stderr
    assert [t["text"] for t in json.loads(out)["tokens"]] == ["腾讯", "阿里"]


def test_a_record_nested_too_deeply_is_an_input_error(tmp_path):
    path = write(tmp_path, "deep.jsonl", "[" * 100_000 + "\n")
    result, out = invoke(["segment", "--jsonl", path])
    assert (result.exit_code, out) == (3, "")
    assert result.stderr == f"Error: {path}:1: record nested too deeply\n"


def test_a_number_too_long_to_convert_is_an_input_error(tmp_path):
    path = write(tmp_path, "n.jsonl", '{"text":"a","n":' + "9" * 5000 + "}\n")
    result, _ = invoke(["segment", "--jsonl", path])
    assert result.exit_code == 3 and result.stderr.startswith(f"Error: {path}:1: not JSON (Exceeds the limit")


@pytest.mark.parametrize("text", ["字" * 200, "a" * 200])  # over the byte limit of a line; over the character limit only
def test_a_record_too_large_is_an_input_error(tmp_path, monkeypatch, text):
    import tanalyze.read

    monkeypatch.setattr(tanalyze.read, "MAX_RECORD_CHARS", 100)
    path = write(tmp_path, "big.jsonl", '{"text":"' + text + '"}\n')
    result, _ = invoke(["segment", "--jsonl", path])
    assert result.exit_code == 3
    assert result.stderr == f"Error: {path}:1: record too large (over 100 characters)\n"


@pytest.mark.parametrize(
    "line, reason",
    [("腾讯云 ² n", "'²' is neither a frequency nor a POS tag"), ("字" * 100_000, "a word of 100,000 characters (at most 64)")],
)
def test_a_bad_dict_line_is_exit_5_naming_file_and_line(tmp_path, line, reason):
    a = write(tmp_path, "a.txt", "腾讯")
    lexicon = write(tmp_path, "lex.txt", "好词\n" + line + "\n")
    result, out = invoke(["segment", "--dict", lexicon, a])
    assert (result.exit_code, out, result.stderr) == (5, "", f"Error: {lexicon}:2: {reason}\n")


# -- CSV ---------------------------------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_csv_cells_that_spreadsheets_run_get_a_quote(tmp_path):
    lines = [json.dumps({"id": f, "text": "腾讯"}) for f in FORMULAS]
    path = write(tmp_path, "f.jsonl", "\n".join(lines) + "\n")
    result, out = invoke(["segment", "--jsonl", "--format", "csv", path])
    assert result.exit_code == 0
    ids = [row["id"] for row in csv.DictReader(io.StringIO(out))]
    assert ids == ["'" + f for f in FORMULAS]
    result, out = invoke(["segment", "--jsonl", "--format", "csv", "--csv-raw", path])
    assert [row["id"] for row in csv.DictReader(io.StringIO(out, newline=""))] == FORMULAS


def test_csv_neutralises_a_work_title_and_the_text_of_findings(tmp_path):
    path = write(tmp_path, "w.txt", "=1+2")
    result, out = invoke(["segment", "--format", "csv", path])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["text"], r["start"], r["end"]) for r in rows] == [("'=", "0", "1"), ("1", "1", "2"), ("'+", "2", "3"), ("2", "3", "4")]


# -- output paths ------------------------------------------------------------------------------


def _null_device(tmp_path) -> Path:
    """A character device to write to: our own null device node (as root), else /dev/null."""
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        return node
    except (PermissionError, AttributeError):
        if not stat.S_ISCHR(os.stat("/dev/null").st_mode):
            pytest.skip("no character device to write to")
        return Path("/dev/null")


def test_output_to_a_character_device_writes_in_place(tmp_path):
    a = write(tmp_path, "a.txt", "腾讯")
    device = _null_device(tmp_path)
    for fmt in ("json", "jsonl", "csv"):
        result, out = invoke(["segment", "--format", fmt, "-o", str(device), a])
        assert (result.exit_code, out) == (0, "")
        assert stat.S_ISCHR(device.stat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.txt", *([device.name] if device.parent == tmp_path else [])])


def test_output_to_a_fifo_writes_in_place(tmp_path):
    a = write(tmp_path, "a.txt", "腾讯")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result, _ = invoke(["segment", "--format", "jsonl", "-o", str(fifo), a])
    got = reader.communicate(timeout=30)[0].decode()
    assert result.exit_code == 0 and stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(got)["tokens"][0]["text"] == "腾讯"


def test_a_read_only_output_is_refused_unless_forced(tmp_path):
    a = write(tmp_path, "a.txt", "腾讯")
    target = tmp_path / "out.json"
    target.write_text("keep", encoding="utf-8")
    target.chmod(0o444)
    result, _ = invoke(["segment", "-o", str(target), a])
    assert result.exit_code == 4
    assert result.stderr == f"Error: {target} is read-only (use --force to replace it)\n"
    assert target.read_text(encoding="utf-8") == "keep"
    result, _ = invoke(["segment", "--force", "-o", str(target), a])
    assert result.exit_code == 0 and json.loads(target.read_text(encoding="utf-8"))["tokens"][0]["text"] == "腾讯"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_any_failure_while_writing_removes_the_temp_file(tmp_path, monkeypatch):
    import tanalyze.outfile
    import tanalyze.output

    def boom(*a, **k):
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(tanalyze.output, "csv_line", boom)
    monkeypatch.setattr(tanalyze.outfile.os, "O_TMPFILE", 0, raising=False)  # a named temp file
    a = write(tmp_path, "a.txt", "腾讯")
    target = tmp_path / "out.csv"
    target.write_text("keep", encoding="utf-8")
    result, _ = invoke(["segment", "--format", "csv", "-o", str(target), a])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: internal error in output on {a}: RuntimeError: renderer bug")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.csv"]
    assert target.read_text(encoding="utf-8") == "keep"


def test_output_through_a_symlink_keeps_the_link(tmp_path):
    a = write(tmp_path, "a.txt", "腾讯")
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    result, _ = invoke(["segment", "-o", str(link), a])
    assert result.exit_code == 0 and link.is_symlink()
    assert json.loads(real.read_text(encoding="utf-8"))["tokens"][0]["text"] == "腾讯"


# -- real processes: signals (stdout errors are in test_stdout_errors.py) -----------------------


_HOLD_FINISH = """
import os, sys, time
import tanalyze.outfile as outfile
real = outfile.OutputFile._finish
def held(self, exc_type):
    print("ready", flush=True)
    time.sleep(60)
    real(self, exc_type)
outfile.OutputFile._finish = held
from tanalyze.cli import main
sys.argv = ["tanalyze", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("fmt", ["json", "csv", "jsonl"])
@pytest.mark.parametrize("signal_name, code", [("SIGINT", 130), ("SIGKILL", -9)])
def test_a_signal_while_writing_leaves_the_old_file_and_no_temp_file(tmp_path, signal_name, code, fmt):
    import signal

    a = write(tmp_path, "a.txt", "腾讯宣布")
    target = tmp_path / f"out.{fmt}"
    target.write_text("old", encoding="utf-8")
    # A runner started in the background (nohup, `cmd &`) ignores SIGINT, and the child would
    # inherit that; the test is about a user's Ctrl-C, so the child starts with the default.
    proc = subprocess.Popen(
        [PYTHON, "-c", _HOLD_FINISH, "segment", "--format", fmt, "-o", str(target), a],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout.readline() == b"ready\n"  # the output is written, not yet in place
    proc.send_signal(getattr(signal, signal_name))
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == code
    if code == 130:
        assert err.decode() == "Interrupted\n"
    assert target.read_text(encoding="utf-8") == "old"
    left = sorted(p.name for p in tmp_path.iterdir())
    if fmt != "jsonl":
        assert left == ["a.txt", target.name]
    else:  # JSONL keeps its finished lines in .out.jsonl.part for --resume (README, issue 23)
        assert left == [".out.jsonl.part", "a.txt", "out.jsonl"]
        assert json.loads((tmp_path / ".out.jsonl.part").read_text(encoding="utf-8"))["tokens"][0]["text"] == "腾讯"
