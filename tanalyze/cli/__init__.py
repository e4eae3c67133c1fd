"""Command-line interface: a thin click layer over the library.

Every command reads inputs the same way (files, folders, ``-``, ``--jsonl``), runs a
Pipeline, and writes through :mod:`tanalyze.output`. Library errors become one line on
stderr (``Error: what (hint)``) and their exit code; usage errors exit 2; Ctrl-C exits 130.

- ``edge``: the process edge (Env, the error boundary, ``main``);
- ``options``: the options every command shares and ``run``;
- ``commands``: the commands themselves (where a new one goes);
- ``batch``: corpus runs (jobs, engines, progress, resume) and the ``corpus`` command's body.
"""

from __future__ import annotations

from .commands import cli
from .edge import Env, main

__all__ = ["Env", "cli", "main"]
