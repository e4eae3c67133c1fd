"""Corpus runs: streaming, order, --jobs, --resume after a killed run, --on-error and exit 6."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_cli import invoke, write

TEXTS = ["腾讯发布新产品。", "百度宣布合作。", "阿里巴巴在杭州。", "小米推出手机。"]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        write(folder, f"{i}.txt", text)
    return folder


def _ids(out: str) -> list[str]:
    return [json.loads(line)["id"] for line in out.splitlines()]


def test_ids_are_paths_relative_to_the_folder(tmp_path):
    folder = _folder(tmp_path)
    (folder / "sub").mkdir()
    write(folder / "sub", "x.txt", "京东。")
    result, out = invoke(["segment", str(folder)])
    assert result.exit_code == 0 and _ids(out) == ["0.txt", "1.txt", "2.txt", "3.txt", "sub/x.txt"]
    _, out = invoke(["segment", "--id-from", "stem", str(folder)])
    assert _ids(out) == ["0", "1", "2", "3", "x"]


def test_jobs_keep_the_input_order_and_unordered_keeps_every_document(tmp_path):
    folder = _folder(tmp_path)
    _, serial = invoke(["segment", "--format", "jsonl", str(folder)])
    result, parallel = invoke(["segment", "--jobs", "2", str(folder)])
    assert result.exit_code == 0 and parallel == serial
    result, unordered = invoke(["segment", "--jobs", "2", "--unordered", str(folder)])
    assert result.exit_code == 0 and sorted(unordered.splitlines()) == sorted(serial.splitlines())


def test_single_document_json_is_compact_unless_pretty(tmp_path):
    path = write(tmp_path, "a.txt", "腾讯")
    _, out = invoke(["segment", path])
    assert out.count("\n") == 1
    _, pretty = invoke(["segment", "--pretty", path])
    assert pretty.startswith("{\n  ") and json.loads(pretty) == json.loads(out)


def test_a_poisoned_document_is_skipped_with_an_error_record_and_exit_6(tmp_path, monkeypatch):
    import tanalyze.engines as engines

    real = engines.pipeline_for

    def poisoned(job):
        pipeline = real(job)

        def run(source, doc_id="doc"):
            if "毒" in source.text:
                raise ValueError("month must be in 1..12")
            return pipeline(source, doc_id)

        return run

    monkeypatch.setattr(engines, "pipeline_for", poisoned)
    folder = _folder(tmp_path)
    write(folder, "1b.txt", "有毒的文章。")
    (folder / "1c.txt").write_bytes(b"ab\x00cd")
    result, out = invoke(["segment", str(folder)])
    records = [json.loads(line) for line in out.splitlines()]
    assert result.exit_code == 6
    assert [r["id"] for r in records] == ["0.txt", "1.txt", "1b.txt", "1c.txt", "2.txt", "3.txt"]
    assert records[2] == {"id": "1b.txt", "error": "ValueError: month must be in 1..12"}
    assert records[3]["error"].endswith("looks like binary data (NUL byte at offset 2) (tanalyze reads text files)")
    assert "Skipped 1b.txt: ValueError: month must be in 1..12\n" in result.stderr
    assert result.stderr.endswith("Error: 2 of 6 documents skipped (each is named above and has an {\"id\", \"error\"} record)\n")
    result, _ = invoke(["segment", "--on-error", "fail", str(folder)])
    assert result.exit_code == 1
    assert result.stderr == "Error: internal error in segment on -: ValueError: month must be in 1..12 (run with --debug for the traceback)\n"


def test_a_bad_jsonl_record_is_skipped(tmp_path):
    lines = [json.dumps({"id": "a", "text": "腾讯"}, ensure_ascii=False), "{oops", json.dumps({"id": "c", "text": "百度"}, ensure_ascii=False)]
    path = write(tmp_path, "in.jsonl", "\n".join(lines) + "\n")
    result, out = invoke(["segment", "--jsonl", path])
    assert result.exit_code == 6
    assert [json.loads(line).get("error", "ok")[:30] for line in out.splitlines()] == ["ok", f"{path}:2: not JSON (Expecting p"[:30], "ok"]


def test_resume_needs_a_jsonl_output_file(tmp_path):
    folder = _folder(tmp_path)
    result, _ = invoke(["segment", "--resume", str(folder)])
    assert result.exit_code == 2 and "--resume needs -o FILE" in result.stderr


def _open_fifo_for_writing(fifo: Path, proc: subprocess.Popen) -> int:
    """Open FIFO for writing once the child has opened it for reading (never blocks forever)."""
    deadline = time.monotonic() + 120
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            assert proc.poll() is None and time.monotonic() < deadline, "the run never opened its input"
            time.sleep(0.01)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe (POSIX)")
def test_resume_after_a_killed_run_equals_a_clean_run(tmp_path):
    # The killed run reads its corpus through a named pipe that is fed only its first 100 records
    # and kept open, so it is still running when it is killed however loaded the machine is (it
    # once read the whole corpus from a file and could finish before the kill on a busy machine).
    # The clean and resumed runs read the whole corpus from a file at the pipe's path afterwards,
    # so every record names the same source.
    records = [{"id": f"n{i:04d}", "text": f"第{i}篇：腾讯在深圳发布了新的云服务，百度和阿里巴巴随后宣布合作。" * 8} for i in range(300)]
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
    corpus = fifo = tmp_path / "in.jsonl"
    os.mkfifo(fifo)
    clean, killed = tmp_path / "clean.jsonl", tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "tanalyze.cli", "segment", "--jsonl"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen([*command, str(fifo), "-o", str(killed)], env=env, stderr=subprocess.DEVNULL)
    feed = _open_fifo_for_writing(fifo, proc)
    os.set_blocking(feed, True)
    os.write(feed, "".join(lines[:100]).encode("utf-8"))
    part = tmp_path / ".out.jsonl.part"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if part.exists() and part.read_bytes().count(b"\n") >= 50:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    os.close(feed)
    kept = part.read_bytes().count(b"\n")
    assert not killed.exists() and 50 <= kept <= 100
    fifo.unlink()
    corpus.write_text("".join(lines), encoding="utf-8")
    subprocess.run([*command, str(corpus), "-o", str(clean)], env=env, check=True)
    resumed = subprocess.run([*command, str(corpus), "-o", str(killed), "--resume"], env=env)
    assert resumed.returncode == 0 and not part.exists()
    assert killed.read_bytes() == clean.read_bytes()


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_records_stream_to_the_output_file_as_they_finish(tmp_path, fmt):
    folder = _folder(tmp_path)
    target = tmp_path / f"out.{fmt}"
    result, _ = invoke(["segment", "--format", fmt, "-o", str(target), str(folder)])
    assert result.exit_code == 0 and not (tmp_path / f".out.{fmt}.part").exists()
    text = target.read_text(encoding="utf-8")
    assert text.count("0.txt") >= 1 and text.count("3.txt") >= 1


def test_analyze_writes_one_flat_table_as_csv_or_parquet(tmp_path):
    import pandas as pd

    folder = _folder(tmp_path)
    result, out = invoke(["analyze", "--format", "csv", "--table", "entities", str(folder)])
    assert result.exit_code == 0
    lines = out.splitlines()
    assert lines[0] == "doc_id,text,simplified,label,count,aliases,start,end"
    assert "0.txt,腾讯,腾讯,ORG,1,,0,2" in lines
    result, out = invoke(["analyze", "--format", "csv", str(folder)])  # no --table: the documents table
    assert result.exit_code == 0 and out.startswith("doc_id,source,script,ref_date,")
    target = tmp_path / "docs.parquet"
    result, _ = invoke(["analyze", "--format", "parquet", "--table", "documents", "-o", str(target), str(folder)])
    assert result.exit_code == 0
    frame = pd.read_parquet(target)
    assert list(frame.doc_id) == ["0.txt", "1.txt", "2.txt", "3.txt"] and frame.entities.dtype == "int64"
    result, _ = invoke(["analyze", "--format", "parquet", "--table", "documents", str(folder)])
    assert result.exit_code == 2 and "-o FILE" in result.stderr
