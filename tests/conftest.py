"""Shared fixtures. The segmenter cache goes to a per-session folder so tests never depend on
(or pollute) the user's cache. ``pytest --update-golden`` rewrites golden files on purpose."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpora" / "tencent-industrial-internet.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"

_cache = tempfile.mkdtemp(prefix="tanalyze-test-cache-")
os.environ["TANALYZE_CACHE_DIR"] = _cache


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def segmenter():
    from tanalyze.pipeline import segmenter as shared

    return shared(())


@pytest.fixture(scope="session")
def claims_nlp():
    """The claims pipeline on the gazetteer and rules alone (no NER model): fast, and what the
    claims tests' exact expectations are written for."""
    from tanalyze.pipeline import Options, Pipeline

    return Pipeline(["claims"], Options(extra={"model": False}))


@pytest.fixture(scope="session")
def claims_nlp_model():
    """The claims pipeline with the shipped NER model, as the CLI runs it."""
    from tanalyze.pipeline import Options, Pipeline

    return Pipeline(["claims"], Options(extra={"model": True}))
