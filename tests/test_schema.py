from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

import tanalyze
from tanalyze.output import VIEWS, document_dict


@pytest.fixture(scope="module")
def schema():
    return json.loads(resources.files("tanalyze").joinpath("schema/tanalyze.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("view", ["segment", "convert", "entities", "dates", "claims", "timeline"])
def test_outputs_match_the_schema(schema, seed_text, view):
    doc = tanalyze.analyze(seed_text, stages=[view])
    jsonschema.validate(document_dict(doc, VIEWS[view]), schema)


def test_analyze_output_matches_the_schema(schema, seed_text):
    doc = tanalyze.analyze(seed_text, stages=["claims", "timeline"])
    data = document_dict(doc, VIEWS["analyze"])
    assert {"entities", "dates", "claims", "timeline"} <= set(data)
    jsonschema.validate(data, schema)


def test_schema_rejects_a_token_without_offsets(schema):
    bad = {"schema_version": "1.0", "id": "x", "script": "none", "tokens": [{"text": "a", "simplified": "a"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
