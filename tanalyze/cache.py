"""The segmenter's cache: finished dictionaries stored with ``marshal``, keyed by their inputs.

A cache problem only ever costs the cache. A folder that cannot be made or read, that another
user owns or that others may write to, a file that another user owns, that is not marshal
data or that holds data of another shape: each is a cache miss; the first of a process is
noted on the ``tanalyze`` logger (``-v`` shows it). ``marshal`` is not safe against crafted data, so it
is read only from a folder and a file that belong to the current user and no one else may
write to.
"""

from __future__ import annotations

import logging
import marshal
import os
import stat
import tempfile
from pathlib import Path
from typing import Any, Callable

log = logging.getLogger("tanalyze")
_noted: set[str] = set()
#: How many cache files of one kind are kept (one per set of --dict files in use).
KEEP = 3


def cache_dir() -> Path | None:
    """Where the cache lives (``$TANALYZE_CACHE_DIR``, else the user cache); None: disabled."""
    env = os.environ.get("TANALYZE_CACHE_DIR")
    if env == "":
        return None  # explicitly disabled
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tanalyze"


def note(reason: str) -> None:
    """Say why the cache was not used, for the first problem of the process only (INFO: shown with -v)."""
    if not _noted:
        _noted.add(reason)
        log.info("cache not used: %s", reason)


def load(path: Path, valid: Callable[[Any], bool]) -> Any | None:
    """The data cached at ``path`` if it can be trusted and ``valid(data)``; else None."""
    try:
        folder_st = path.parent.stat()
        st = path.stat()
    except FileNotFoundError:
        return None  # not cached yet
    except OSError as exc:
        note(f"cannot read {path}: {exc.strerror}")
        return None
    why = _untrusted(path.parent, folder_st, stat.S_ISDIR) or _untrusted(path, st, stat.S_ISREG)
    if why:
        note(why)
        return None
    try:
        data = marshal.loads(path.read_bytes())
    except OSError as exc:
        note(f"cannot read {path}: {exc.strerror}")
        return None
    except (EOFError, ValueError, TypeError) as exc:
        note(f"{path} is damaged ({exc})")
        return None
    if not valid(data):
        note(f"{path} does not hold what tanalyze writes there")
        return None
    return data


def store(path: Path, data: Any) -> None:
    """Cache ``data`` at ``path`` (temporary file and rename); a failure only loses the cache.

    The folder is made private (mode 700); older files of the same kind beyond KEEP are removed.
    """
    folder = path.parent
    tmp = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        why = _untrusted(folder, folder.stat(), stat.S_ISDIR)
        if why:
            note(why)
            return
        _prune(folder, path)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps(data))
        os.replace(tmp, path)
        tmp = None
    except (OSError, ValueError) as exc:
        note(f"cannot write {folder}: {getattr(exc, 'strerror', None) or exc}")
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _prune(folder: Path, path: Path) -> None:
    kind = path.name.split("-", 1)[0]
    others = sorted((p for p in folder.glob(f"{kind}-*.marshal") if p != path), key=lambda p: p.stat().st_mtime)
    for old in others[: max(0, len(others) - KEEP)]:
        old.unlink(missing_ok=True)


def _untrusted(path: Path, st: os.stat_result, is_kind: Callable[[int], bool]) -> str | None:
    """Why marshal data under ``path`` must not be trusted, or None."""
    if not is_kind(st.st_mode):
        return f"{path} is not a {'folder' if is_kind is stat.S_ISDIR else 'regular file'}"
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        return f"{path} belongs to another user (uid {st.st_uid})"
    if st.st_mode & 0o022:
        return f"{path} may be written by other users (mode {stat.S_IMODE(st.st_mode):o})"
    return None
