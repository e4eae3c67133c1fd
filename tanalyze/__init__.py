"""tanalyze: entities, dates, a timeline and claims from Chinese articles, with exact offsets.

    >>> import tanalyze
    >>> doc = tanalyze.analyze("騰訊在2018年9月進行了架構調整。")
    >>> [(e.text, e.label) for e in doc.entities]
    [('騰訊', 'ORG')]
    >>> nlp = tanalyze.load()          # a reusable pipeline: doc = nlp(text)

Heavy modules (jieba, spaCy) load lazily, inside the stage that needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["analyze", "load", "Document", "Pipeline", "__version__"]

if TYPE_CHECKING:
    from .model import Document
    from .pipeline import Pipeline, analyze, load

_LAZY = {"analyze": "pipeline", "load": "pipeline", "Pipeline": "pipeline", "Document": "model"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'tanalyze' has no attribute {name!r}")
