"""Where output goes: standard output, or a file written through its ``.part`` file.

A corpus run writes each finished record at once; with ``-o PATH`` the lines go to
``.PATH.part`` (flushed as they come) and the part file becomes ``PATH`` only when the run is
done, so an existing file is never truncated and a killed run leaves its finished lines for
``--resume``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any

from .errors import OutputError


class OutputFile:
    """Where records go: standard output, or ``path`` through ``.NAME.part`` renamed at the end.

    Lines written to the part file are flushed as they come, so a run that is killed or
    interrupted keeps them there for ``--resume``; any other failure removes the part file.
    An existing ``path`` is replaced only by a finished run.
    """

    def __init__(self, path: str | Path | None, stdout: IO[str], *, resume: bool = False) -> None:
        self.path = None if path is None or str(path) == "-" else Path(path)
        self.stdout = stdout
        self.resume = resume
        self.done: dict[str, int] = {}  # resume: ids already written (with their line number)
        self._fh: IO[str] | None = None

    @property
    def part(self) -> Path:
        assert self.path is not None
        return self.path.with_name(f".{self.path.name}.part")

    def __enter__(self) -> IO[str]:
        if self.path is None:
            return self.stdout
        if self.path.is_dir():
            raise OutputError(f"cannot write {self.path}: it is a directory")
        kept = self._resumable() if self.resume else []
        try:
            self._fh = open(self.part, "w", encoding="utf-8", newline="")
            self._fh.writelines(kept)
            self._fh.flush()
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror}", "check the folder exists and is writable") from exc
        return self._fh

    def _resumable(self) -> list[str]:
        """The finished lines of an earlier run (its part file, else the output), ids noted."""
        assert self.path is not None
        source = self.part if self.part.exists() else self.path
        kept: list[str] = []
        if not source.exists():
            return kept
        with open(source, encoding="utf-8", newline="") as fh:
            for line in fh:
                record = _finished(line)
                if record is not None:
                    self.done[str(record["id"])] = len(kept)
                    kept.append(line)
        return kept

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if self._fh is None:
            return
        self._fh.close()
        if exc_type is not None:
            # An interrupted run keeps its finished lines for --resume; any other failure leaves nothing.
            if exc_type is not KeyboardInterrupt or self.part.stat().st_size == 0:
                self.part.unlink(missing_ok=True)
            return
        try:
            mode = self.path.stat().st_mode & 0o777 if self.path.exists() else 0o666 & ~_umask()
            os.chmod(self.part, mode)
            os.replace(self.part, self.path)
        except OSError as e:
            self.part.unlink(missing_ok=True)
            raise OutputError(f"cannot write {self.path}: {e.strerror}") from e


def _finished(line: str) -> dict[str, Any] | None:
    """A JSONL line's record if it is a whole document's record (not an error, not cut short)."""
    if not line.endswith("\n"):
        return None
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict) or "id" not in record or "error" in record:
        return None
    return record


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
