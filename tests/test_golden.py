"""Golden output for the seed article. Regenerate on purpose: pytest --update-golden, then
review the diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import tanalyze
from tanalyze.output import VIEWS, document_dict

from .conftest import GOLDEN, SEED


def check_golden(name: str, data: dict, update: bool, folder: Path = GOLDEN) -> None:
    """``data`` equals the golden file ``name``; only ``--update-golden`` writes one."""
    path = folder / name
    if update:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not path.exists():
        pytest.fail(f"golden file {name} is missing; run pytest --update-golden and review it")
    assert json.loads(path.read_text(encoding="utf-8")) == data, f"{name} differs; run pytest --update-golden and review"


def test_a_missing_golden_file_fails_and_is_not_written(tmp_path):
    with pytest.raises(pytest.fail.Exception, match="golden file new.json is missing"):
        check_golden("new.json", {"a": 1}, update=False, folder=tmp_path)
    assert not (tmp_path / "new.json").exists()
    check_golden("new.json", {"a": 1}, update=True, folder=tmp_path)
    check_golden("new.json", {"a": 1}, update=False, folder=tmp_path)


def test_seed_segmentation(seed_text, update_golden):
    doc = tanalyze.analyze(seed_text, stages=["segment"], doc_id=SEED.name)
    data = document_dict(doc, VIEWS["segment"])
    # Every token is the original text at its offsets.
    assert all(seed_text[t["start"] : t["end"]] == t["text"] for t in data["tokens"])
    check_golden("seed_segment.json", data, update_golden)


def test_seed_entities(seed_text, update_golden):
    doc = tanalyze.analyze(seed_text, stages=["entities"], doc_id=SEED.name)
    data = document_dict(doc, VIEWS["entities"])
    for ent in data["entities"]:
        for m in ent["mentions"]:
            assert seed_text[m["start"] : m["end"]] == m["text"]
    check_golden("seed_entities.json", data, update_golden)


def test_seed_timeline(seed_text, update_golden):
    doc = tanalyze.analyze(seed_text, stages=["claims", "timeline"], doc_id=SEED.name)
    data = document_dict(doc, VIEWS["timeline"])
    assert [e["date"][:4] for e in data["timeline"]] == sorted(e["date"][:4] for e in data["timeline"])
    check_golden("seed_timeline.json", data, update_golden)
