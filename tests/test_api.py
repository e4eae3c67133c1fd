"""The Python API: analyze() runs everything, load() gives a reusable pipeline, short reprs,
Document conveniences, `python -m tanalyze`, and the README's Python section as written."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys

import pytest

import tanalyze
from tanalyze.model import Entity, Mention

from .conftest import ROOT

TEXT = "騰訊在2018年9月進行了架構調整。馬化騰表示，騰訊要擁抱產業互聯網。"


@pytest.fixture(scope="module")
def doc():
    return tanalyze.analyze(TEXT)


def test_analyze_runs_the_whole_pipeline_by_default(doc):
    assert [(e.text, e.label, e.count) for e in doc.entities] == [("騰訊", "ORG", 2), ("馬化騰", "PERSON", 1)]
    assert [(d.text, d.value) for d in doc.dates] == [("2018年9月", "2018-09")]
    assert [(c.actor.text, c.kind) for c in doc.claims] == [("騰訊", "reorg"), ("馬化騰", "statement"), ("騰訊", "strategy")]
    assert [e.date for e in doc.timeline] == ["2018-09", "2018-09"]


def test_stages_narrow_it():
    words = tanalyze.analyze("騰訊走C2B2B的道路", stages=["segment"])
    assert [t.text for t in words.tokens] == ["騰訊", "走", "C2B2B", "的", "道路"]
    assert words.entities is None and words.claims is None


def test_load_returns_a_reusable_pipeline(doc):
    nlp = tanalyze.load()
    assert repr(nlp) == "Pipeline(convert -> segment -> entities -> dates -> claims -> timeline)"
    again = nlp(TEXT)
    assert again.to_dict() == doc.to_dict()
    assert [d.id for d in nlp.pipe(["腾讯宣布。", "百度。"])] == ["doc0", "doc1"]


def test_sentences_carry_original_text_and_offsets(doc):
    assert [(s.text, s.start, s.end) for s in doc.sentences] == [
        ("騰訊在2018年9月進行了架構調整。", 0, 18),
        ("馬化騰表示，騰訊要擁抱產業互聯網。", 18, 35),
    ]
    assert doc.sentences[1].simplified == "马化腾表示，腾讯要拥抱产业互联网。"


def test_to_dict_and_to_json_are_the_wire_format(doc):
    record = doc.to_dict()
    assert list(record) == ["schema_version", "id", "script", "ref_date", "ref_date_source", "tokens", "entities", "dates", "claims", "timeline"]
    assert json.loads(doc.to_json()) == record
    assert [(m["start"], m["end"]) for m in record["entities"][0]["mentions"]] == [(0, 2), (24, 26)]


def test_reprs_are_short(doc):
    assert repr(doc) == "Document('doc', traditional, 35 chars: 17 tokens, 2 entities, 1 dates, 3 claims, 2 events)"
    assert repr(doc.claims[0]) == "Claim('騰訊', reorg, '架构调整', date='2018-09')"
    assert repr(doc.timeline[0]) == "TimelineEvent('2018-09', '騰訊在2018年9月進行了架構調整。')"
    mentions = tuple(Mention("騰訊", "腾讯", i, i + 2, "ORG", "model") for i in range(0, 400, 4))
    entity = Entity("騰訊", "腾讯", "ORG", 100, ("腾讯控股",), mentions)
    assert repr(entity) == "Entity('騰訊', ORG, count=100, aliases=('腾讯控股',))"


def test_original_within_maps_a_simplified_phrase_through_the_offsets():
    doc = tanalyze.analyze("我用網際網路上網。", stages=["convert"], config="tw2sp")
    assert doc.simplified == "我用互联网上网。"
    assert doc.original_within("互联网", 0, 9) == "網際網路"
    assert doc.original_within("用…上网", 0, 9) == "用…上網"
    assert doc.original_within("百度", 0, 9) is None


def test_python_dash_m_tanalyze_is_the_command_line():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "tanalyze", "segment", "-f", "text", "-"], input="騰訊走C2B2B的道路", capture_output=True, text=True, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "騰訊 / 走 / C2B2B / 的 / 道路\n"


def _readme_python() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```python", readme.index("## Python")) + len("```python")
    return readme[start : readme.index("```", start)]


def test_the_readme_python_section_runs_as_written(monkeypatch):
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(_readme_python(), "README.md", "exec"), {})
    printed = out.getvalue().splitlines()
    # What the README's comments say it prints.
    for comment in ("騰訊 ORG 2 0 2", "騰訊 reorg 架构调整 None 2018-09", "2018-09 2018 latest_year", "['騰訊', '走', 'C2B2B', '的', '道路']"):
        assert comment in printed
    assert printed[0] == "Document('doc', traditional, 35 chars: 17 tokens, 2 entities, 1 dates, 3 claims, 2 events)"
