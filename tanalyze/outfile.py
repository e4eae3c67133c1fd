"""Where output goes (``-o PATH``): standard output, a device written in place, or a file
replaced only when the run has finished.

- A character device (``/dev/null``, a terminal) or a FIFO is written in place: renaming a
  file over it would replace the device node.
- A read-only file is refused unless ``force``.
- JSONL (``resumable``) goes through ``.NAME.part``: its finished lines survive Ctrl-C or a
  kill for ``--resume``; any other failure removes it.
- Any other format goes through an anonymous temporary file (Linux ``O_TMPFILE``; elsewhere a
  named ``.NAME.XXXX.tmp``) that gets a name only to be renamed over ``PATH`` at the end, so a
  failure, Ctrl-C or even SIGKILL leaves the old file as it was and no temporary file behind.

Every OSError becomes an OutputError naming the path (exit code 4).
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Any

from .errors import OutputError

#: Errors of a write to standard output that are the output's fault (exit 4, one line).
STDOUT_ERRORS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EFBIG, errno.EDQUOT})


def whole_write_stdout(stdout: IO[str]) -> IO[str]:
    """``stdout`` (the process's standard output) rebuilt so that each write writes all its bytes
    or raises: CPython's own buffered stdout returns a short count when the reader of a pipe goes
    away in the middle of a large write, its text layer drops the rest, and the run exits 0."""
    try:
        fd = stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test's stream)
        return stdout
    buffer = io.BufferedWriter(_WholeWrites(fd))
    return io.TextIOWrapper(buffer, encoding=stdout.encoding, errors=stdout.errors, line_buffering=stdout.line_buffering)


class _WholeWrites(io.RawIOBase):
    """A file descriptor whose write() loops until every byte is written (EPIPE then raises)."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self.fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        return os.isatty(self.fd)

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        done = 0
        while done < len(view):
            done += os.write(self.fd, view[done:])
        return done


class OutputFile:
    """A context manager giving the text stream to write to; ``done`` holds resumed ids."""

    def __init__(
        self, path: str | Path | None, stdout: IO[str], *, resume: bool = False, resumable: bool = False, force: bool = False
    ) -> None:
        self.path = None if path is None or str(path) == "-" else Path(path)
        if self.path is not None and self.path.is_symlink():  # write where it points, as `>` does
            self.path = Path(os.path.realpath(self.path))
        self.stdout = stdout
        self.resume = resume
        self.resumable = resumable or resume
        self.force = force
        self.done: dict[str, int] = {}  # resume: ids already written (with their line number)
        self._fh: IO[str] | None = None
        self._temp: _Temp | None = None
        self._old: os.stat_result | None = None
        self._in_place = False

    @property
    def part(self) -> Path:
        assert self.path is not None
        return self.path.with_name(f".{self.path.name}.part")

    def __enter__(self) -> IO[str]:
        if self.path is None:
            return self.stdout
        st = self._old = _stat(self.path)
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise OutputError(f"cannot write {self.path}: it is a directory")
        self._in_place = st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode))
        if not self._in_place and st is not None and _read_only(self.path, st) and not self.force:
            raise OutputError(f"{self.path} is read-only", "use --force to replace it")
        try:
            if self._in_place:
                self._fh = open(self.path, "w", encoding="utf-8", newline="")
            elif self.resumable:
                kept = self._resumable() if self.resume else []
                self._fh = open(self.part, "w", encoding="utf-8", newline="")
                self._fh.writelines(kept)
                self._fh.flush()
            else:
                self._temp = _Temp(self.path)
                self._fh = os.fdopen(os.dup(self._temp.fd), "w", encoding="utf-8", newline="")
        except OSError as exc:
            if self._temp is not None:
                self._temp.discard()
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
            if exc_type is None:
                self._flush_stdout()
            elif isinstance(exc, OSError) and exc.errno in STDOUT_ERRORS:
                raise OutputError(f"cannot write to standard output: {exc.strerror}") from exc
            return
        try:
            self._finish(exc_type)
        except OSError as e:
            raise OutputError(f"cannot write {self.path}: {e.strerror or e}") from e
        if isinstance(exc, OSError):  # a write to the file failed (a full disk ...)
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    def _flush_stdout(self) -> None:
        try:
            self.stdout.flush()
        except OSError as exc:
            raise OutputError(f"cannot write to standard output: {exc.strerror}") from exc

    def _finish(self, exc_type: Any) -> None:
        """Close the stream; on success put the file in place, on failure leave what the kind allows."""
        assert self._fh is not None and self.path is not None
        try:
            self._fh.close()
        except OSError:
            if exc_type is None:
                self._discard(exc_type)
                raise
        if exc_type is not None:
            self._discard(exc_type)
        elif self._temp is not None:
            try:
                self._temp.commit(self._old)
            finally:
                self._temp.discard()
        elif not self._in_place:
            try:
                os.chmod(self.part, stat.S_IMODE(self._old.st_mode) if self._old else 0o666 & ~_umask())
                os.replace(self.part, self.path)
            except OSError:
                self.part.unlink(missing_ok=True)
                raise

    def _discard(self, exc_type: Any) -> None:
        if self._temp is not None:
            self._temp.discard()
        elif not self._in_place:
            # An interrupted run keeps its finished lines for --resume; any other failure leaves nothing.
            part = self.part
            if exc_type is not KeyboardInterrupt or not part.exists() or part.stat().st_size == 0:
                part.unlink(missing_ok=True)


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


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from exc


def _read_only(path: Path, st: os.stat_result) -> bool:
    """No write permission for us; for root (whom access() always allows) no write bit at all."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return not st.st_mode & 0o222
    return not os.access(path, os.W_OK)


class _Temp:
    """The temporary file beside ``path``: anonymous (O_TMPFILE) where the system allows."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder = path.parent if str(path.parent) else Path(".")
        self.name: str | None = None  # the named temporary file, once there is one
        self.fd = self._open()

    def _open(self) -> int:
        flag = getattr(os, "O_TMPFILE", 0)
        if flag:
            try:
                return os.open(self.folder, flag | os.O_RDWR, 0o666)
            except OSError:
                pass  # the file system has no anonymous files: use a named one
        fd, self.name = tempfile.mkstemp(dir=self.folder, prefix=f".{self.path.name}.", suffix=".tmp")
        os.chmod(self.name, 0o666 & ~_umask())
        return fd

    def commit(self, old: os.stat_result | None) -> None:
        """Give the data a name beside the target, then rename it over the target."""
        if old is not None:
            os.fchmod(self.fd, stat.S_IMODE(old.st_mode))
        os.fsync(self.fd)
        if self.name is None:
            self._name_anonymous()
        assert self.name is not None
        os.replace(self.name, self.path)
        self.name = None

    def _name_anonymous(self) -> None:
        """Link the anonymous file into the folder (or, without /proc, copy it to a named one)."""
        prefix = f".{self.path.name}."
        for _ in range(5):
            name = tempfile.mktemp(dir=self.folder, prefix=prefix, suffix=".tmp")
            try:
                os.link(f"/proc/self/fd/{self.fd}", name, follow_symlinks=True)
            except FileExistsError:
                continue
            except OSError:
                break
            self.name = name
            return
        fd, self.name = tempfile.mkstemp(dir=self.folder, prefix=prefix, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            os.fchmod(fd, stat.S_IMODE(os.fstat(self.fd).st_mode))
            os.lseek(self.fd, 0, os.SEEK_SET)
            while chunk := os.read(self.fd, 1 << 20):
                out.write(chunk)

    def discard(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
        if self.name is not None:
            try:
                os.unlink(self.name)
            except OSError:
                pass
            self.name = None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
