"""Records whose finding lists are produced as they are written: a long document's words are
never one list, and its JSON is never one string.

A :class:`Stream` stands for a list in a record (``record["tokens"]``); :func:`iter_json` writes
the record in pieces, exactly as ``json.dumps`` would write it whole (compact or indented).
"""

from __future__ import annotations

import json
from typing import Any, Callable, Iterable, Iterator

#: Items per piece written: few enough to keep a piece small, enough to keep writes few.
CHUNK = 2000


class Stream:
    """A lazy list: ``convert`` applied to each item of ``items`` every time it is read.

    ``len()`` is the length of ``items`` (a window-by-window token source counts by reading).
    """

    def __init__(self, items: Iterable[Any], convert: Callable[[Any], Any] = lambda x: x) -> None:
        self.items, self.convert = items, convert

    def __iter__(self) -> Iterator[Any]:
        return map(self.convert, self.items)

    def __len__(self) -> int:
        return len(self.items)  # type: ignore[arg-type]

    def __bool__(self) -> bool:
        return bool(self.items)

    def __repr__(self) -> str:
        return f"Stream({self.items!r})"


def materialize(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with every Stream read into a list (to send to another process, or to draw a table)."""
    if not any(isinstance(v, Stream) for v in record.values()):
        return record
    return {k: list(v) if isinstance(v, Stream) else v for k, v in record.items()}


#: U+2028/U+2029 are legal raw in a JSON string, but Python's ``str.splitlines()`` and
#: JavaScript before ES2019 end a line at them: written escaped, a JSONL record stays one line.
_LINE_SEPARATORS = {0x2028: "\\u2028", 0x2029: "\\u2029"}


def iter_json(record: dict[str, Any], indent: int | None = None) -> Iterator[str]:
    """``json.dumps(record, ensure_ascii=False, indent=indent)`` in pieces, each Stream read item by
    item, with U+2028 and U+2029 escaped (they can only stand inside strings, so the value is the same)."""
    for piece in _iter_json(record, indent):
        yield piece.translate(_LINE_SEPARATORS) if "\u2028" in piece or "\u2029" in piece else piece


def _iter_json(record: dict[str, Any], indent: int | None) -> Iterator[str]:
    if not any(isinstance(v, Stream) for v in record.values()):
        yield json.dumps(record, ensure_ascii=False, indent=indent)
        return
    # Where json.dumps puts line breaks: none (compact), or a newline and the depth's indentation.
    key_pad, item_pad, close_pad = (" ", " ", "") if indent is None else ("\n" + " " * indent, "\n" + " " * 2 * indent, "\n" + " " * indent)
    yield "{"
    for n, (key, value) in enumerate(record.items()):
        lead = key_pad if indent is not None or n else ""
        yield ("," if n else "") + lead + json.dumps(key, ensure_ascii=False) + ": "
        if not isinstance(value, Stream):
            yield _dump(value, indent, key_pad)
            continue
        yield "["
        piece: list[str] = []
        count = 0
        for item in value:
            piece.append(("," if count else "") + (item_pad if indent is not None or count else "") + _dump(item, indent, item_pad))
            count += 1
            if len(piece) >= CHUNK:
                yield "".join(piece)
                piece = []
        yield "".join(piece) + (close_pad if count else "") + "]"
    yield ("\n" if indent is not None else "") + "}"


def _dump(value: Any, indent: int | None, pad: str) -> str:
    """One value as JSON, its later lines indented to where it stands (``pad``: a newline and spaces)."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return text if indent is None else text.replace("\n", pad)


def iter_joined(words: Iterable[str], sep: str) -> Iterator[str]:
    """``segment --format text``: the words joined by ``sep``, a line per line of the input
    (``"\\n"`` items), in pieces; the last piece ends the line."""
    piece: list[str] = []
    previous = "\n"
    for word in words:
        if word != "\n" and previous != "\n":
            piece.append(sep)
        piece.append(word)
        previous = word
        if len(piece) >= CHUNK:
            yield "".join(piece)
            piece = []
    yield "".join(piece) + "\n"


class WordsWithBreaks:
    """``segment --format text``'s words (``词/pos`` with tags) with a ``"\\n"`` item for each
    line break between two words, read from the document's tokens each time it is iterated."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc

    def __iter__(self) -> Iterator[str]:
        prev_end = 0
        for t in self.doc.tokens or ():
            yield from "\n" * self.doc.text.count("\n", prev_end, t.start)
            yield f"{t.text}/{t.pos}" if t.pos else t.text
            prev_end = t.end

    def __bool__(self) -> bool:
        return bool(self.doc.tokens)
