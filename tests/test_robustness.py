"""Hostile and broken input in the library: only TanalyzeError, a cache problem costs only the
cache, damaged shipped data names the file and how to restore it (issue 22)."""

from __future__ import annotations

import logging
import marshal
import os
import shutil

import pytest

import tanalyze
from tanalyze.errors import REINSTALL_HINT, InputError, InternalError, ResourceError
from tanalyze.lexicon import MAX_WORD_CHARS, load_lexicon
from tanalyze.segment import Segmenter

TEXT = "腾讯走C2B2B的道路，产业互联网不能停"


# -- the library raises only TanalyzeError ------------------------------------------------------


def test_a_lone_surrogate_is_an_input_error_naming_the_line():
    with pytest.raises(InputError) as info:
        tanalyze.analyze("第一行\n腾讯\ud800宣布", doc_id="memo")
    assert str(info.value) == "memo:2: lone surrogate U+D800 (not a character) (fix the input, or read it as U+FFFD with --errors replace)"


def test_a_bug_in_a_stage_is_an_internal_error_with_its_cause(monkeypatch):
    import tanalyze.dates
    from tanalyze import pipeline

    def boom(*a, **k):
        raise AttributeError("'NoneType' object has no attribute 'year'")

    monkeypatch.setattr(tanalyze.dates, "extract_dates", boom)
    pipeline._pipeline.cache_clear()
    try:
        with pytest.raises(InternalError) as info:
            tanalyze.analyze("2024年", stages=["dates"], doc_id="d1")
    finally:
        pipeline._pipeline.cache_clear()
    assert (info.value.stage, info.value.doc_id) == ("dates", "d1")
    assert isinstance(info.value.__cause__, AttributeError)
    assert str(info.value).startswith("internal error in dates on d1: AttributeError: 'NoneType' object")


# -- --dict lines ---------------------------------------------------------------------------------


def test_a_superscript_digit_is_not_a_frequency(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text("好词\n腾讯云 ² n\n", encoding="utf-8")  # '²'.isdigit() is true, int('²') fails
    with pytest.raises(ResourceError) as info:
        load_lexicon(p)
    assert str(info.value) == f"{p}:2: '²' is neither a frequency nor a POS tag"


def test_a_word_longer_than_the_cap_is_a_file_line_error(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text("好词\n" + "字" * 100_000 + " 5\n", encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        load_lexicon(p)
    assert str(info.value) == f"{p}:2: a word of 100,000 characters (at most {MAX_WORD_CHARS})"
    p.write_text("字" * MAX_WORD_CHARS + "\n", encoding="utf-8")
    assert load_lexicon(p)[0].word == "字" * MAX_WORD_CHARS


# -- the segmenter's cache --------------------------------------------------------------------------


@pytest.fixture
def cache(tmp_path, monkeypatch, caplog):
    """A fresh cache folder, and the notes the cache logs (each noted once per process)."""
    import tanalyze.cache

    folder = tmp_path / "cache"
    monkeypatch.setenv("TANALYZE_CACHE_DIR", str(folder))
    monkeypatch.setattr(tanalyze.cache, "_noted", set())
    caplog.set_level(logging.INFO, logger="tanalyze")
    return folder


def _notes(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "tanalyze"]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_bytes(marshal.dumps({"FREQ": 1})), id="marshal data of another shape"),
        pytest.param(lambda p: p.write_bytes(marshal.dumps(({}, "x", {}, [], []))), id="a total that is not a number"),
        pytest.param(lambda p: p.write_bytes(marshal.dumps(({"腾讯": "many"}, 1, {}, [], []))), id="a frequency that is not a number"),
        pytest.param(lambda p: p.write_bytes(b"\x00garbage"), id="not marshal data"),
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
    ],
)
def test_a_damaged_cache_file_is_a_miss(cache, caplog, damage):
    expected = Segmenter(use_cache=False).words(TEXT)
    Segmenter()
    (path,) = cache.glob("prefix-*.marshal")
    damage(path)
    assert Segmenter().words(TEXT) == expected
    notes = _notes(caplog)
    assert len(notes) == 1 and notes[0].startswith(f"cache not used: {path}")
    Segmenter()  # rebuilt and stored again: read without a note
    assert len(_notes(caplog)) == 1


def test_a_damaged_pos_cache_is_a_miss(cache, caplog):
    expected = Segmenter(use_cache=False).pos_table()["腾讯"]
    Segmenter().pos_table()
    (path,) = cache.glob("pos-*.marshal")
    path.write_bytes(marshal.dumps(["nt"]))
    assert Segmenter().pos_table()["腾讯"] == expected
    assert _notes(caplog) == [f"cache not used: {path} does not hold what tanalyze writes there"]


def test_a_cache_folder_others_may_write_to_is_not_read(cache, caplog):
    expected = Segmenter(use_cache=False).words(TEXT)
    Segmenter()
    cache.chmod(0o777)
    assert Segmenter().words(TEXT) == expected
    assert _notes(caplog) == [f"cache not used: {cache} may be written by other users (mode 777)"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a folder to another user needs root")
def test_a_cache_folder_of_another_user_is_not_read(cache, caplog):
    Segmenter()
    for p in [cache, *cache.iterdir()]:
        os.chown(p, 65534, 65534)
    assert Segmenter().words(TEXT) == Segmenter(use_cache=False).words(TEXT)
    assert _notes(caplog)[0] == f"cache not used: {cache} belongs to another user (uid 65534)"


def test_a_cache_folder_of_mode_000_is_a_miss(cache, caplog):
    Segmenter()
    cache.chmod(0)
    try:
        assert Segmenter().words(TEXT) == Segmenter(use_cache=False).words(TEXT)
    finally:
        cache.chmod(0o700)
    if os.geteuid() != 0:  # root reads it anyway, which is fine: it is root's own folder
        assert _notes(caplog)[0].startswith("cache not used: cannot read")


def test_a_cache_that_cannot_be_written_is_a_miss(tmp_path, monkeypatch, caplog):
    import tanalyze.cache

    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TANALYZE_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(tanalyze.cache, "_noted", set())
    caplog.set_level(logging.INFO, logger="tanalyze")
    assert Segmenter().words(TEXT) == Segmenter(use_cache=False).words(TEXT)
    (note,) = _notes(caplog)  # reading failed, then writing: the first problem is noted
    assert note.startswith(f"cache not used: cannot read {blocker / 'cache'}/prefix-") and note.endswith(": Not a directory")


def test_verbose_notes_a_cache_problem_once_on_stderr(tmp_path):
    import subprocess
    import sys

    cache = tmp_path / "cache"
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)
    text = tmp_path / "a.txt"
    text.write_text("腾讯宣布", encoding="utf-8")
    env = {**os.environ, "TANALYZE_CACHE_DIR": str(cache)}
    run = [sys.executable, "-m", "tanalyze.cli", "segment", str(text)]
    quiet = subprocess.run(run, env=env, capture_output=True, text=True)
    loud = subprocess.run([*run, "-v"], env=env, capture_output=True, text=True)
    assert (quiet.returncode, quiet.stderr) == (0, "")
    assert loud.returncode == 0 and loud.stdout == quiet.stdout
    assert loud.stderr == f"note: cache not used: {cache} may be written by other users (mode 777)\n"


# -- shipped data -----------------------------------------------------------------------------------


def test_missing_common_chars_is_a_resource_error_naming_the_file(tmp_path, monkeypatch):
    import tanalyze.read

    monkeypatch.setattr(tanalyze.read.resources, "files", lambda package: tmp_path)
    tanalyze.read.common_chars.cache_clear()
    try:
        with pytest.raises(ResourceError) as info:
            tanalyze.read.decode("中文".encode("gb18030"), "g.txt")
    finally:
        tanalyze.read.common_chars.cache_clear()
    assert str(info.value) == f"shipped data file {tmp_path / 'common_chars.txt'}: missing ({REINSTALL_HINT})"
    assert info.value.exit_code == 5


def test_a_missing_shipped_dictionary_says_how_to_restore_it():
    from tanalyze.lexicon import dictionaries_dir, read_lines

    path = dictionaries_dir().joinpath("segment", "deleted.txt")
    with pytest.raises(ResourceError) as info:
        list(read_lines(path))
    assert str(info.value) == f"shipped data file {path}: missing ({REINSTALL_HINT})"


@pytest.mark.parametrize("config", ["[nlp\nlang = ", "", "[nlp]\nlang = \"zz\"\n"])
def test_a_corrupt_shipped_model_config_names_the_file_and_a_reason(tmp_path, monkeypatch, config):
    from tanalyze.ner import load

    model = tmp_path / "ner"
    shutil.copytree(load.model_dir(), model)
    (model / "config.cfg").write_text(config, encoding="utf-8")
    monkeypatch.setattr(load, "model_dir", lambda: model)
    with pytest.raises(ResourceError) as info:
        load.NerModel()
    message = str(info.value)
    assert message.startswith(f"shipped data file {model}: cannot load the NER model: ")
    reason = message.split("cannot load the NER model: ", 1)[1]
    assert reason.removesuffix(f" ({REINSTALL_HINT})").strip(), "the reason is empty"
    assert message.endswith(f"({REINSTALL_HINT})")
