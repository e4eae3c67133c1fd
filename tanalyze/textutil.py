"""Small length-preserving text helpers shared by the stages."""

from __future__ import annotations

import re as _re

# Full-width ASCII (U+FF01..U+FF5E) to ASCII, and the ideographic space to a space:
# one character for one character, so offsets are unchanged.
_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH[0x3000] = 0x20


_last_fold = ("", "")  # the last text folded and its folding


def fold_width(text: str) -> str:
    """Fold full-width digits, letters and symbols to ASCII (same length as ``text``). The
    stages fold the same text several times in a row (segmenter, tagger, features, rules), so
    the last folding is kept and given again for the same text."""
    global _last_fold
    last = _last_fold
    if text == last[0]:
        return last[1]
    folded = text.translate(_WIDTH)
    _last_fold = (text, folded)
    return folded


def is_cjk(ch: str) -> bool:
    """True for a CJK unified ideograph (basic, extension A, or the supplementary planes)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\U00020000" <= ch <= "\U0003134f"


# A sentence ends at 。！？!?； (with closing quotes after it) or at a line break: a newline, a
# Unicode line or paragraph separator, or a private-use character (U+E000..U+F8FF), which text
# scraped from the web carries where the page had an icon or a break (…严惩\ue40c工商部门表示).
_BREAKS = "\n\u2028\u2029\ue000-\uf8ff"
_SENTENCE = _re.compile(rf"[^{_BREAKS}。！？!?；;]*(?:[。！？!?；;]+[”’」』）)]*|[{_BREAKS}]|$)")
_BREAK = _re.compile(rf"[{_BREAKS}]")


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, without surrounding whitespace."""
    out = []
    for m in _SENTENCE.finditer(text):
        s, e = m.span()
        while s < e and (text[s].isspace() or _BREAK.match(text[s])):
            s += 1
        while e > s and (text[e - 1].isspace() or _BREAK.match(text[e - 1])):
            e -= 1
        if e > s:
            out.append((s, e))
    return out
