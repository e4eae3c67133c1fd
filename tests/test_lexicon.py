from __future__ import annotations

import pytest

from tanalyze.errors import ResourceError
from tanalyze.lexicon import LexiconEntry, load_lexicon, shipped_lexicons


def test_parses_words_frequencies_and_tags(tmp_path):
    p = tmp_path / "d.txt"
    p.write_bytes("\ufeff# comment\r\n产业互联网 n\r\nC2B2B 50 eng  \r\n\r\n4S店\r\n不能 0\n".encode())
    assert load_lexicon(p) == [
        LexiconEntry("产业互联网", None, "n"),
        LexiconEntry("C2B2B", 50, "eng"),
        LexiconEntry("4S店", None, None),
        LexiconEntry("不能", 0, None),
    ]


@pytest.mark.parametrize(
    "line, reason",
    [
        ("一 二 三 四", "expected 'word [frequency] [pos]', got 4 fields"),
        ("词 x1", "'x1' is neither a frequency nor a POS tag"),
        ("词 n 5", "'5' is neither a frequency nor a POS tag"),
    ],
)
def test_bad_line_is_reported_as_file_line_reason(tmp_path, line, reason):
    p = tmp_path / "bad.txt"
    p.write_text(f"好词\n{line}\n", encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        load_lexicon(p)
    assert str(info.value) == f"{p}:2: {reason}"


def test_not_utf8_names_the_line(tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes("好词\n".encode() + "坏词\n".encode("gbk"))
    with pytest.raises(ResourceError, match=r"gbk.txt:2: not UTF-8"):
        load_lexicon(p)


def test_missing_lexicon(tmp_path):
    with pytest.raises(ResourceError, match="no such dictionary"):
        load_lexicon(tmp_path / "none.txt")


def test_shipped_lexicons_are_valid():
    files = shipped_lexicons("segment")
    assert any(f.name == "domain.txt" for f in files)
    for f in files:
        assert load_lexicon(f)


def test_the_dictionary_checker_passes_on_the_shipped_dictionaries():
    # The checker rejects, among others, a surface form listed twice across the gazetteers.
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    run = subprocess.run([sys.executable, str(root / "scripts" / "check_dictionaries.py")], capture_output=True, text=True, cwd=root)
    assert run.returncode == 0, run.stdout + run.stderr
