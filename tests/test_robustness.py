"""Hostile and broken input in the library: only TanalyzeError, a cache problem costs only the
cache, damaged shipped data names the file and how to restore it (issue 22). The cache and
--dict cases themselves are in test_cache_and_data.py."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tanalyze
from tanalyze.errors import REINSTALL_HINT, InputError, InternalError, ResourceError


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


# -- the segmenter's cache --------------------------------------------------------------------------


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




# -- long lines: nothing reads a line again from every position of it -------------------------------
# (found by benchmarks/bench_robustness.py: a 10,000-character line of Han without punctuation took
# 20-27 s through all stages, 10 s of it in one regex and 8 s in the claims' subject search)

@pytest.fixture(scope="module")
def finder():
    from tanalyze.entities import EntityFinder
    from tanalyze.gazetteer import shipped_gazetteer
    from tanalyze.pipeline import segmenter

    return EntityFinder(shipped_gazetteer(), segmenter(()), None)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="克莱舍基汤姆鲁斯的是在·・-－ a", max_size=40))
def test_name_patterns_match_only_from_a_runs_start_and_find_what_they_found(finder, text):
    import re

    from tanalyze.entities.resources import HAN as _HAN, patterns

    # The pattern without the lookbehind, as it was: tried at every position of a run.
    dotted = re.compile(rf"[{_HAN}]+(?:[·•・‧\-－‐][{_HAN}]+)+")
    for old, new in ((dotted, patterns().dotted),):
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
        assert all(m.start() == 0 or not old.match(text, m.start() - 1) for m in new.finditer(text))


@given(
    raw=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=12),
    start=st.integers(0, 70),
    width=st.integers(0, 20),
)
def test_a_date_cover_holds_a_range_when_some_date_span_holds_it(raw, start, width):
    from tanalyze.claims.context import Cover

    spans = [(s, s + w) for s, w in raw]
    end = start + width
    assert Cover(spans).holds(start, end) == any(s <= start and end <= e for s, e in spans)


def test_a_subject_is_looked_for_at_most_prefix_window_characters_before_its_trigger():
    from tanalyze.claims.prefix import PREFIX_WINDOW

    near = "腾讯" + "又" * (PREFIX_WINDOW - 10) + "宣布收购青禾科技。"
    far = "腾讯" + "又" * (PREFIX_WINDOW + 10) + "宣布收购青禾科技。"
    actors = [[c.actor.text if c.actor else None for c in tanalyze.analyze(t, stages=["claims"]).claims] for t in (near, far)]
    assert actors == [["腾讯"], [None]]


# -- every finding's text is original[start:end] ----------------------------------------------------


def test_an_entitys_span_is_where_its_canonical_name_occurs():
    # The canonical name is the gazetteer's 华为; the first mention reads 华为公司 (found by
    # bench_robustness: the entity's start/end were the first mention's, of another form).
    text = "华为公司签约。华为宣布。"
    (e,) = tanalyze.analyze(text, stages=["entities"]).entities
    assert (e.text, e.start, e.end, text[e.start : e.end]) == ("华为", 7, 9, "华为")
    assert [(m.text, m.start, m.end) for m in e.mentions] == [("华为公司", 0, 4), ("华为", 7, 9)]


_WORDS = ["华为公司", "华为", "腾讯", "北京", "张伟", "宣布", "收购", "2024年3月5日", "昨天", "表示", "的", "，", "。", "\n"]
_HOSTILE = st.sampled_from(["\u0301", "\u202e", "\u200b", "\x1b", "\U0001F44D\U0001F3FD", "ギ", "\u3000", "\r"])


def _spans(data, path=""):
    """(path, text, start, end) of every object in ``data`` that has text, start and end."""
    if isinstance(data, dict):
        if isinstance(data.get("start"), int) and isinstance(data.get("text"), str):
            yield path, data["text"], data["start"], data["end"]
        for key, value in data.items():
            yield from _spans(value, f"{path}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _spans(value, f"{path}[{i}]")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), _HOSTILE), max_size=40).map("".join))
def test_every_finding_is_original_text_between_its_offsets(text):
    from tanalyze.output import VIEWS, document_dict

    doc = tanalyze.analyze(text, ref_date="2024-11-14")
    data = {**document_dict(doc, VIEWS["analyze"]), "tokens": document_dict(doc, VIEWS["segment"])["tokens"]}
    assert [(p, t, text[s:e]) for p, t, s, e in _spans(data) if text[s:e] != t] == []
