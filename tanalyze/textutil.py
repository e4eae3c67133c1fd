"""Small length-preserving text helpers shared by the stages."""

from __future__ import annotations

import re as _re

# Full-width ASCII (U+FF01..U+FF5E) to ASCII, and the ideographic space to a space:
# one character for one character, so offsets are unchanged.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20


def fold_width(text: str) -> str:
    """Fold full-width digits, letters and symbols to ASCII (same length as ``text``)."""
    return text.translate(_WIDTH)


def is_cjk(ch: str) -> bool:
    """True for a CJK unified ideograph (basic, extension A, or the supplementary planes)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0003134f"


# A sentence ends at 。！？!?； (with closing quotes after it) or at a line break.
_SENTENCE = _re.compile(r"[^\n。！？!?；;]*(?:[。！？!?；;]+[”’」』）)]*|\n|$)")


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, without surrounding whitespace."""
    out = []
    for m in _SENTENCE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
