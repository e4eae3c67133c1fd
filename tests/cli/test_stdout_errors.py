"""A standard output that cannot be written (a closed pipe, a full disk) is exit 4 and one line on
stderr, for every format, in a real process: the interpreter's own buffering and its flush at exit
are part of what is tested (issue 22)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .test_cli import invoke, write

TANALYZE = [sys.executable, "-m", "tanalyze"]
BROKEN_PIPE = "Error: cannot write to standard output: Broken pipe\n"
DISK_FULL = "Error: cannot write to standard output: No space left on device\n"


def _into_head(args: list[str]) -> tuple[int, str]:
    """Run tanalyze into `head -c 1`, which leaves after the first byte; (exit code, stderr)."""
    proc = subprocess.Popen([*TANALYZE, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    head = subprocess.Popen(["head", "-c", "1"], stdin=proc.stdout, stdout=subprocess.DEVNULL)
    proc.stdout.close()  # head holds the only reading end
    err = proc.stderr.read().decode()
    head.wait(timeout=60)
    return proc.wait(timeout=300), err


def _into_closed_pipe(args: list[str]) -> tuple[int, str]:
    """Run tanalyze with stdout a pipe whose reading end is already closed."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([*TANALYZE, *args], stdout=write_end, stderr=subprocess.PIPE, timeout=300)
    finally:
        os.close(write_end)
    return proc.returncode, proc.stderr.decode()


def _into_full_disk(args: list[str]) -> tuple[int, str]:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([*TANALYZE, *args], stdout=full, stderr=subprocess.PIPE, timeout=300)
    return proc.returncode, proc.stderr.decode()


needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    """An article whose segmentation (JSON, CSV, table) is far larger than a pipe holds (230-670 KB)."""
    folder = tmp_path_factory.mktemp("big")
    return write(folder, "big.txt", "2024年3月5日腾讯在北京宣布收购阿里。\n" * 800)


@pytest.mark.parametrize(
    "args, copies",
    [
        (["segment", "--format", "json"], 1),
        (["segment", "--format", "jsonl"], 1),
        (["segment", "--format", "csv"], 1),
        (["segment", "--format", "table"], 1),
        (["segment", "--format", "text"], 3),  # 190 KB
        (["convert"], 3),  # 125 KB
    ],
    ids=["json", "jsonl", "csv", "table", "segment-text", "convert-text"],
)
def test_one_large_document_into_head_is_exit_4_and_one_line(article, args, copies):
    # CPython's stdout dropped the rest of a write the closed pipe cut short, and exited 0.
    assert _into_head([*args, *[article] * copies]) == (4, BROKEN_PIPE)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    article = write(folder, "a.txt", "2024年3月5日腾讯在北京宣布收购阿里。")
    result, out = invoke(["entities", "--format", "jsonl", article])
    assert result.exit_code == 0, result.stderr
    return {"a": article, "records": write(folder, "records.jsonl", out)}


# The cheapest command that writes each format, and each command whose writing path is its own.
STDOUT_CASES = {
    "json": ["dates", "--format", "json", "{a}"],
    "jsonl": ["dates", "--format", "jsonl", "{a}"],
    "csv": ["dates", "--format", "csv", "{a}"],
    "table": ["dates", "--format", "table", "{a}"],
    "text": ["segment", "--format", "text", "{a}"],
    "convert-text": ["convert", "{a}"],
    "html": ["report", "{a}"],
    "corpus-table": ["corpus", "--format", "table", "{records}"],
    "help": ["--help"],
    "command-help": ["segment", "--help"],
}


@pytest.mark.parametrize("case", STDOUT_CASES, ids=str)
def test_a_closed_pipe_is_exit_4_and_one_line(small, case):
    args = [a.format(**small) for a in STDOUT_CASES[case]]
    assert _into_closed_pipe(args) == (4, BROKEN_PIPE)


@needs_dev_full
@pytest.mark.parametrize("case", STDOUT_CASES, ids=str)
def test_a_full_disk_on_stdout_is_exit_4_and_one_line(small, case):
    args = [a.format(**small) for a in STDOUT_CASES[case]]
    assert _into_full_disk(args) == (4, DISK_FULL)


@needs_dev_full
@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table", "parquet"])
def test_a_full_disk_with_o_is_exit_4_and_one_line(small, fmt):
    # /dev/full is a character device, so -o writes it in place.
    code, err = _into_full_disk(["dates", "--format", fmt, "-o", "/dev/full", small["a"]])
    assert (code, err) == (4, "Error: cannot write /dev/full: No space left on device\n")


def test_parquet_into_a_fifo_whose_reader_leaves_is_exit_4(tmp_path):
    # 6,000 different dates: a Parquet file of about 220 KB, more than the pipe holds.
    article = write(tmp_path, "dates.txt", "".join(f"{1900 + i % 200}年{1 + i % 12}月{1 + i % 28}日事件{i}。\n" for i in range(6_000)))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    head = subprocess.Popen(["head", "-c", "1", str(fifo)], stdout=subprocess.DEVNULL)
    proc = subprocess.run([*TANALYZE, "dates", "--format", "parquet", "-o", str(fifo), article], capture_output=True, timeout=300)
    head.wait(timeout=60)
    assert (proc.returncode, proc.stderr.decode()) == (4, f"Error: cannot write {fifo}: Broken pipe\n")
