"""Golden output for the seed article. Regenerate on purpose: pytest --update-golden, then
review the diff."""

from __future__ import annotations

import json

import tanalyze
from tanalyze.output import VIEWS, document_dict

from .conftest import GOLDEN, SEED


def check_golden(name: str, data: dict, update: bool) -> None:
    path = GOLDEN / name
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if update or not path.exists():
        path.write_text(text, encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == data, f"{name} differs; run pytest --update-golden and review"


def test_seed_segmentation(seed_text, update_golden):
    doc = tanalyze.analyze(seed_text, stages=["segment"], doc_id=SEED.name)
    data = document_dict(doc, VIEWS["segment"])
    # Every token is the original text at its offsets.
    assert all(seed_text[t["start"] : t["end"]] == t["text"] for t in data["tokens"])
    check_golden("seed_segment.json", data, update_golden)
