"""tanalyze: entities, dates, a timeline and claims from Chinese articles, with exact offsets.

    >>> import tanalyze
    >>> doc = tanalyze.analyze("騰訊在2018年9月進行了架構調整。")
    >>> doc.tokens[0].text
    '騰訊'

Heavy modules (jieba, spaCy) load lazily, inside the stage that needs them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["analyze", "Document", "__version__"]

if TYPE_CHECKING:
    from .model import Document
    from .pipeline import analyze


def __getattr__(name: str) -> Any:
    if name == "analyze":
        from .pipeline import analyze

        return analyze
    if name == "Document":
        from .model import Document

        return Document
    raise AttributeError(f"module 'tanalyze' has no attribute {name!r}")
