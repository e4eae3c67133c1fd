"""Inputs: files, folders, standard input and JSONL records, with encoding detection.

Every input becomes a :class:`Source` (an ``id`` and the decoded text). Offsets in all
outputs refer to the text exactly as decoded here: nothing is normalised (CRLF stays CRLF).
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from .errors import InputError, InternalError, TanalyzeError, UsageError, shipped_data_error

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
#: How undecodable input is handled: an input error, or U+FFFD in its place (--errors).
ERROR_MODES = ("strict", "replace")
#: The longest JSONL record read (characters of one line): a larger one is an input error.
MAX_RECORD_CHARS = 16 * 1024 * 1024
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Source:
    """One decoded input text."""

    id: str
    text: str
    path: str | None = None
    encoding: str | None = None
    ref_date: str | None = None
    ref_date_source: str | None = None  # where ref_date came from, when not the input record: "mtime" | "name"
    error: TanalyzeError | None = None  # set instead of text when the document could not be read


#: How ``--id-from`` names a document read from a file.
ID_FROM = ("path", "name", "stem")


@lru_cache(maxsize=1)
def common_chars() -> frozenset[str]:
    """The most frequent Chinese characters, Simplified and Traditional (for detection)."""
    path = resources.files("tanalyze.data").joinpath("common_chars.txt")
    try:
        data = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise shipped_data_error(path, "missing") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise shipped_data_error(path, f"unreadable ({exc})") from exc
    chars = frozenset(data.replace("\n", ""))
    if len(chars) < 1000:
        raise shipped_data_error(path, f"damaged ({len(chars)} characters, expected thousands)")
    return chars


def check_encoding(encoding: str) -> str:
    """``encoding`` if Python knows it as a text encoding; a UsageError otherwise."""
    try:
        info = codecs.lookup(encoding)
    except (LookupError, ValueError) as exc:
        raise UsageError(f"unknown encoding {encoding!r}", "for example utf-8, gb18030, big5hkscs, utf-16") from exc
    if not getattr(info, "_is_text_encoding", True):
        raise UsageError(f"{encoding!r} is not a text encoding", "for example utf-8, gb18030, big5hkscs, utf-16")
    return info.name


def check_text(text: str, name: str, errors: str = "strict", line: int | None = None) -> str:
    """``text`` without lone surrogates (which no output can encode).

    ``errors="replace"`` puts U+FFFD in their place (offsets do not move); otherwise an
    InputError names ``name`` and the line (``line``, else the line of the surrogate in ``text``).
    """
    m = _SURROGATE.search(text)
    if m is None:
        return text
    if errors == "replace":
        return _SURROGATE.sub("\ufffd", text)
    if line is None:
        line = text.count("\n", 0, m.start()) + 1
    raise InputError(
        f"{name}:{line}: lone surrogate U+{ord(m.group()):04X} (not a character)",
        "fix the input, or read it as U+FFFD with --errors replace",
    )


def decode(data: bytes, name: str, encoding: str | None = None, errors: str = "strict") -> tuple[str, str]:
    """Decode ``data`` (named ``name`` in errors); return ``(text, encoding_used)``.

    With ``encoding`` given, only that is tried. Otherwise: a BOM decides; then strict UTF-8;
    then GB18030 and Big5-HKSCS, keeping the one whose characters are common Chinese.
    ``errors="replace"`` reads what cannot be decoded (and lone surrogates) as U+FFFD instead of failing.
    """
    text, used = _decode(data, name, encoding, errors)
    return check_text(text, name, errors), used


def _decode(data: bytes, name: str, encoding: str | None, errors: str) -> tuple[str, str]:
    if errors not in ERROR_MODES:
        raise UsageError(f"unknown error mode {errors!r}", "strict or replace")
    if encoding:
        check_encoding(encoding)
        try:
            return data.decode(encoding, errors), encoding
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{name}: cannot decode as {encoding}: invalid byte 0x{data[exc.start]:02x} at offset {exc.start}"
            ) from exc
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc, errors), enc
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
        if errors == "replace":
            return data.decode("utf-8", "replace"), "utf-8"
        pos = utf8_error.start
        raise InputError(
            f"{name}: cannot decode: not UTF-8 (invalid byte 0x{data[pos]:02x} at offset {pos}), "
            "and not Chinese text in GB18030 or Big5",
            "name the encoding with --encoding, or read bad bytes as U+FFFD with --errors replace",
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


def read_path(path: Path, encoding: str | None = None, name: str | None = None, errors: str = "strict") -> Source:
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
    text, used = decode(data, name, encoding, errors)
    return Source(id=name, text=text, path=name, encoding=used)


def read_stream(stream: BinaryIO, name: str = "stdin", encoding: str | None = None, errors: str = "strict") -> Source:
    """Read and decode a binary stream (standard input)."""
    text, used = decode(stream.read(), name, encoding, errors)
    return Source(id=name, text=text, path=None, encoding=used)


def parse_jsonl(text: str, name: str, *, skip_errors: bool = False, errors: str = "strict") -> Iterator[Source]:
    """JSONL records ``{"id", "text", "ref_date"?}``, one per line; blank lines are skipped.

    Lines end at ``\\n`` only (U+2028, U+2029, U+0085 inside a string are text, not line breaks).
    A line over MAX_RECORD_CHARS, nested too deeply to parse, or with a lone surrogate
    (unless ``errors="replace"``) is an input error naming the file and line.
    """
    return _records(enumerate(text.split("\n"), 1), name, skip_errors, errors)


def _records(
    lines: Iterable[tuple[int, str | InputError]], name: str, skip_errors: bool, errors: str = "strict"
) -> Iterator[Source]:
    """Sources from numbered JSONL lines; a bad line raises, or with ``skip_errors`` is an error Source."""
    for lineno, line in lines:
        if isinstance(line, str) and not line.strip():
            continue
        try:
            yield _record(line, name, lineno, errors)
        except InputError as exc:
            if not skip_errors:
                raise
            yield Source(id=f"{name}:{lineno}", text="", path=name, error=exc)


def _record(line: str | InputError, name: str, lineno: int, errors: str = "strict") -> Source:
    if isinstance(line, InputError):
        raise line
    if len(line) > MAX_RECORD_CHARS:
        raise InputError(f"{name}:{lineno}: record too large (over {MAX_RECORD_CHARS:,} characters)")
    try:
        record = json.loads(line)
    except RecursionError as exc:
        raise InputError(f"{name}:{lineno}: record nested too deeply") from exc
    except ValueError as exc:  # JSONDecodeError, or an integer too long to convert
        raise InputError(f"{name}:{lineno}: not JSON ({getattr(exc, 'msg', exc)})") from exc
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f"{name}:{lineno}: a record needs a string field 'text'")
    ref_date = record.get("ref_date")
    if ref_date is not None and not isinstance(ref_date, str):
        raise InputError(f"{name}:{lineno}: 'ref_date' must be a string like 2024-11-14")
    doc_id = record.get("id")
    doc_id = str(doc_id) if doc_id is not None else f"{name}:{lineno}"
    return Source(
        id=check_text(doc_id, name, errors, lineno),
        text=check_text(record["text"], name, errors, lineno),
        path=name,
        encoding="utf-8",
        ref_date=check_text(ref_date, name, errors, lineno) if ref_date is not None else None,
    )


def _jsonl_lines(
    stream: BinaryIO, name: str, encoding: str | None, errors: str = "strict"
) -> Iterator[tuple[int, str | InputError]]:
    """Numbered lines of a JSONL stream, read lazily (a corpus file is never held whole).

    A line is never read past 4 bytes per character of MAX_RECORD_CHARS: a longer one is an
    error line (its rest is skipped in chunks), so a file without newlines cannot fill memory.
    """
    limit = 4 * MAX_RECORD_CHARS + 1
    lineno = 0
    while raw := stream.readline(limit):
        lineno += 1
        if len(raw) == limit and not raw.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield lineno, InputError(f"{name}:{lineno}: record too large (over {MAX_RECORD_CHARS:,} characters)")
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        try:
            yield lineno, raw.decode(encoding or "utf-8", errors)
        except UnicodeDecodeError as exc:
            yield lineno, InputError(f"{name}:{lineno}: not {encoding or 'utf-8'} (invalid byte at offset {exc.start} of the line)")
        except LookupError as exc:
            raise UsageError(f"unknown encoding {encoding!r}") from exc


def iter_sources(
    inputs: Iterable[str],
    *,
    glob: str = "*.txt",
    jsonl: bool = False,
    encoding: str | None = None,
    stdin: BinaryIO | None = None,
    id_from: str = "path",
    skip_errors: bool = False,
    errors: str = "strict",
) -> Iterator[Source]:
    """Every input as Sources, lazily: ``-`` is standard input, folders are walked for ``glob``.

    A file's id is its path as given, or inside a folder its path relative to the folder
    (``id_from="name"``: the file name, ``"stem"``: the name without its extension).
    With ``skip_errors`` a document that cannot be read is a Source with ``error`` set
    instead of an exception, so that a corpus run can go on without it. ``errors="replace"``
    reads undecodable bytes and lone surrogates as U+FFFD. Raises only TanalyzeError: an
    unexpected failure is an InternalError of the stage "read".
    """
    if errors not in ERROR_MODES:
        raise UsageError(f"unknown error mode {errors!r}", "strict or replace")
    for item in inputs:
        try:
            yield from _item_sources(item, glob, jsonl, encoding, stdin, id_from, skip_errors, errors)
        except TanalyzeError:
            raise
        except Exception as exc:  # a bug in reading: name the input, keep the cause
            raise InternalError("read", item, exc) from exc


def _item_sources(
    item: str, glob: str, jsonl: bool, encoding: str | None, stdin: BinaryIO | None,
    id_from: str, skip_errors: bool, errors: str,
) -> Iterator[Source]:
    if item == "-":
        if stdin is None:
            raise InputError("standard input is not available")
        if jsonl:
            yield from _records(_jsonl_lines(stdin, "stdin", encoding, errors), "stdin", skip_errors, errors)
        else:
            yield _read_or_error(lambda: read_stream(stdin, "stdin", encoding, errors), "stdin", skip_errors)
        return
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
            yield from _jsonl_file(p, name, encoding, skip_errors, errors)
        else:
            yield _read_or_error(lambda: replace(read_path(p, encoding, name, errors), id=ident), ident, skip_errors)


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


def _jsonl_file(path: Path, name: str, encoding: str | None, skip_errors: bool, errors: str) -> Iterator[Source]:
    try:
        fh = path.open("rb")
    except FileNotFoundError as exc:
        raise InputError(f"no such file: {name}") from exc
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from exc
    with fh:
        yield from _records(_jsonl_lines(fh, name, encoding, errors), name, skip_errors, errors)


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
        except RecursionError as exc:
            raise InputError(f"{name}:{lineno}: record nested too deeply") from exc
        except ValueError as exc:  # JSONDecodeError, or an integer too long to convert
            raise InputError(f"{name}:{lineno}: not JSON ({getattr(exc, 'msg', exc)})", "give the JSONL that analyze writes") from exc
        if not isinstance(record, dict) or "id" not in record:
            raise InputError(f"{name}:{lineno}: not a document record (no 'id')", "give the JSONL that analyze writes")
        yield record
