"""Inputs: files, folders, standard input and JSONL records, with encoding detection.

Every input becomes a :class:`Source` (an ``id`` and the decoded text). Offsets in all
outputs refer to the text exactly as decoded here: nothing is normalised (CRLF stays CRLF).
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from .errors import InputError, TanalyzeError

#: Candidate legacy encodings tried (strictly) when the bytes are not UTF-8.
LEGACY_ENCODINGS = ("gb18030", "big5hkscs")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Below this share of common characters a legacy decoding is taken for mojibake.
_MIN_COMMON_SHARE = 0.6


@dataclass(frozen=True)
class Source:
    """One decoded input text."""

    id: str
    text: str
    path: str | None = None
    encoding: str | None = None
    ref_date: str | None = None
    error: TanalyzeError | None = None  # set instead of text when the document could not be read


#: How ``--id-from`` names a document read from a file.
ID_FROM = ("path", "name", "stem")


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """The most frequent Chinese characters, Simplified and Traditional (for detection)."""
    data = resources.files("tanalyze.data").joinpath("common_chars.txt").read_text(encoding="utf-8")
    return frozenset(data.replace("\n", ""))


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` (named ``name`` in errors); return ``(text, encoding_used)``.

    With ``encoding`` given, only that is tried. Otherwise: a BOM decides; then strict UTF-8;
    then GB18030 and Big5-HKSCS, keeping the one whose characters are common Chinese.
    """
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError as exc:
            raise InputError(f"unknown encoding {encoding!r}") from exc
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: cannot decode as {encoding}: invalid byte 0x{data[exc.start]:02x} at offset {exc.start}"
            ) from exc
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: invalid {enc} after its byte order mark at offset {exc.start}") from exc
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(f"{name}: looks like binary data (NUL byte at offset {nul})", "tanalyze reads text files")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    best: tuple[float, str, str] | None = None
    for enc in LEGACY_ENCODINGS:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        share = _common_share(text)
        if best is None or share > best[0]:
            best = (share, text, enc)
    if best is None or best[0] < _MIN_COMMON_SHARE:
        pos = utf8_error.start
        raise InputError(
            f"{name}: cannot decode: not UTF-8 (invalid byte 0x{data[pos]:02x} at offset {pos}), "
            "and not Chinese text in GB18030 or Big5",
            "name the encoding with --encoding",
        )
    return best[1], best[2]


def _common_share(text: str) -> float:
    """Share of non-ASCII, non-space characters that are common Chinese characters or punctuation."""
    common = common_chars()
    considered = hits = 0
    for c in text:
        if c.isascii() or c.isspace():
            continue
        considered += 1
        if c in common or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef":
            hits += 1
    return hits / considered if considered else 0.0


def read_path(path: Path, encoding: str | None = None, name: str | None = None) -> Source:
    """Read and decode one file."""
    name = name or str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"no such file: {name}") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{name} is a directory") from exc
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from exc
    text, used = decode(data, name, encoding)
    return Source(id=name, text=text, path=name, encoding=used)


def read_stream(stream: BinaryIO, name: str = "stdin", encoding: str | None = None) -> Source:
    """Read and decode a binary stream (standard input)."""
    text, used = decode(stream.read(), name, encoding)
    return Source(id=name, text=text, path=None, encoding=used)


def parse_jsonl(text: str, name: str, *, skip_errors: bool = False) -> Iterator[Source]:
    """JSONL records ``{"id", "text", "ref_date"?}``, one per line; blank lines are skipped.

    Lines end at ``\\n`` only (U+2028 inside a string is text, not a line break).
    """
    return _records(enumerate(text.split("\n"), 1), name, skip_errors)


def _records(lines: Iterable[tuple[int, str | InputError]], name: str, skip_errors: bool) -> Iterator[Source]:
    """Sources from numbered JSONL lines; a bad line raises, or with ``skip_errors`` is an error Source."""
    for lineno, line in lines:
        if isinstance(line, str) and not line.strip():
            continue
        try:
            yield _record(line, name, lineno)
        except InputError as exc:
            if not skip_errors:
                raise
            yield Source(id=f"{name}:{lineno}", text="", path=name, error=exc)


def _record(line: str | InputError, name: str, lineno: int) -> Source:
    if isinstance(line, InputError):
        raise line
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{lineno}: not JSON ({exc.msg})") from exc
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{name}:{lineno}: a record needs a string field 'text'")
    ref_date = record.get("ref_date")
    if ref_date is not None and not isinstance(ref_date, str):
        raise InputError(f"{name}:{lineno}: 'ref_date' must be a string like 2024-11-14")
    doc_id = record.get("id")
    return Source(
        id=str(doc_id) if doc_id is not None else f"{name}:{lineno}",
        text=record["text"],
        path=name,
        encoding="utf-8",
        ref_date=ref_date,
    )


def _jsonl_lines(stream: BinaryIO, name: str, encoding: str | None) -> Iterator[tuple[int, str | InputError]]:
    """Numbered lines of a JSONL stream, read lazily (a corpus file is never held whole)."""
    for lineno, raw in enumerate(stream, 1):
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            yield lineno, raw.decode(encoding or "utf-8")
        except UnicodeDecodeError as exc:
            yield lineno, InputError(f"{name}:{lineno}: not {encoding or 'utf-8'} (invalid byte at offset {exc.start} of the line)")
        except LookupError as exc:
            raise InputError(f"unknown encoding {encoding!r}") from exc


def iter_sources(
    inputs: Iterable[str],
    *,
    glob: str = "*.txt",
    jsonl: bool = False,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
    id_from: str = "path",
    skip_errors: bool = False,
) -> Iterator[Source]:
    """Every input as Sources, lazily: ``-`` is standard input, folders are walked for ``glob``.

    A file's id is its path as given, or inside a folder its path relative to the folder
    (``id_from="name"``: the file name, ``"stem"``: the name without its extension).
    With ``skip_errors`` a document that cannot be read is a Source with ``error`` set
    instead of an exception, so that a corpus run can go on without it.
    """
    for item in inputs:
        if item == "-":
            if stdin is None:
                raise InputError("standard input is not available")
            if jsonl:
                yield from _records(_jsonl_lines(stdin, "stdin", encoding), "stdin", skip_errors)
            else:
                yield _read_or_error(lambda: read_stream(stdin, "stdin", encoding), "stdin", skip_errors)
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob(glob) if p.is_file())
            if not files:
                raise InputError(f"no files matching {glob!r} in {item}", "use --glob to choose files")
            named = [(p, str(p), doc_id(p, path, id_from)) for p in files]
        else:
            named = [(path, item, doc_id(path, None, id_from, item))]
        for p, name, ident in named:
            if jsonl:
                yield from _jsonl_file(p, name, encoding, skip_errors)
            else:
                yield _read_or_error(lambda: replace(read_path(p, encoding, name), id=ident), ident, skip_errors)


def doc_id(path: Path, folder: Path | None, id_from: str = "path", given: str | None = None) -> str:
    """The id of a document read from ``path`` (found inside ``folder``, or named as ``given``)."""
    if id_from == "name":
        return path.name
    if id_from == "stem":
        return path.stem
    if folder is not None:
        return path.relative_to(folder).as_posix()
    return given if given is not None else str(path)


def _read_or_error(read: Callable[[], Source], ident: str, skip_errors: bool) -> Source:
    try:
        return read()
    except InputError as exc:
        if not skip_errors:
            raise
        return Source(id=ident, text="", error=exc)


def _jsonl_file(path: Path, name: str, encoding: str | None, skip_errors: bool) -> Iterator[Source]:
    try:
        fh = path.open("rb")
    except FileNotFoundError as exc:
        raise InputError(f"no such file: {name}") from exc
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from exc
    with fh:
        yield from _records(_jsonl_lines(fh, name, encoding), name, skip_errors)


def iter_records(inputs: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[dict]:
    """The JSON records of JSONL files (``-``: standard input), lazily: tanalyze's own output."""
    for item in inputs:
        if item == "-":
            if stdin is None:
                raise InputError("standard input is not available")
            yield from _json_objects(_jsonl_lines(stdin, "stdin", None), "stdin")
            continue
        try:
            fh = Path(item).open("rb")
        except OSError as exc:
            raise InputError(f"cannot read {item}: {exc.strerror}") from exc
        with fh:
            yield from _json_objects(_jsonl_lines(fh, item, None), item)


def _json_objects(lines: Iterable[tuple[int, str | InputError]], name: str) -> Iterator[dict]:
    for lineno, line in lines:
        if isinstance(line, InputError):
            raise line
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{lineno}: not JSON ({exc.msg})", "give the JSONL that analyze writes") from exc
        if not isinstance(record, dict) or "id" not in record:
            raise InputError(f"{name}:{lineno}: not a document record (no 'id')", "give the JSONL that analyze writes")
        yield record
