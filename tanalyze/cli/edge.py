"""The process edge of the command line: the environment a command sees, the one error
boundary (every failure becomes one line on stderr and an exit code) and the console entry point.
"""

from __future__ import annotations

import io
import os
import sys
import traceback
from dataclasses import dataclass
from typing import IO, Any, BinaryIO, Sequence

import click

from .batch import BATCH
from ..errors import ExitStatus, InternalError, TanalyzeError


@dataclass
class Env:
    """The process environment a command sees; tests replace it (httpie's idea)."""

    stdin: BinaryIO
    stdout: IO[str]
    stdin_isatty: bool
    stdout_isatty: bool

    @classmethod
    def from_process(cls) -> Env:
        # (click.get_binary_stream/get_text_stream are deprecated in Click 8.2 and go in Click 9)
        return cls(
            stdin=sys.stdin.buffer if sys.stdin is not None else io.BytesIO(),
            stdout=sys.stdout,
            stdin_isatty=sys.stdin.isatty() if sys.stdin else False,
            stdout_isatty=sys.stdout.isatty() if sys.stdout else False,
        )


class CliError(click.ClickException):
    """A library error shown as ``Error: message (hint)`` with the error's exit code."""

    def __init__(self, error: TanalyzeError) -> None:
        super().__init__(str(error))
        self.exit_code = int(error.exit_code)


class TanalyzeGroup(click.Group):
    """The one error boundary: every failure becomes one line on stderr and an exit code.

    TanalyzeError -> its exit code; any other exception -> an internal error (exit 1) naming
    where it happened, with the traceback under --debug; Ctrl-C -> 130.
    """

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except OSError as exc:  # --help or --version could not be written (click's own EPIPE exit is 1)
            raise CliError(_stdout_error(exc)) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            _flush(ctx.obj.stdout if isinstance(ctx.obj, Env) else sys.stdout)  # inside the boundary: exit 4
            return result
        except TanalyzeError as exc:
            raise CliError(_debug(ctx, exc)) from exc
        except OSError as exc:  # a write to stdout outside the output layer (a command's --help)
            raise CliError(_debug(ctx, _stdout_error(exc))) from exc
        except KeyboardInterrupt:
            click.echo("Interrupted", err=True)
            raise click.exceptions.Exit(int(ExitStatus.INTERRUPTED)) from None
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug outside the pipeline's stages
            name = ctx.invoked_subcommand or "tanalyze"
            raise CliError(_debug(ctx, InternalError(name, "-", exc))) from exc


def _debug(ctx: click.Context, exc: TanalyzeError) -> TanalyzeError:
    """Under --debug, print the traceback of the error's cause to stderr first."""
    if ctx.meta.get(BATCH, {}).get("debug"):
        cause = exc.__cause__ or exc
        click.echo("".join(traceback.format_exception(type(cause), cause, cause.__traceback__)), err=True, nl=False)
    return exc


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point. Exit codes: 0 ok, 1 error, 2 usage, 3 input, 4 output, 5 resource,
    6 partial (a corpus run that skipped documents), 130 interrupted (Ctrl-C)."""
    from ..outfile import whole_write_stdout

    from .commands import cli as group

    sys.stdout = whole_write_stdout(sys.stdout)
    try:
        group.main(args=argv, prog_name="tanalyze", standalone_mode=True)
        code: Any = 0
    except KeyboardInterrupt:  # before or after the command (click handles it inside)
        click.echo("Interrupted", err=True)
        code = int(ExitStatus.INTERRUPTED)
    except SystemExit as exc:
        code = exc.code or 0
    sys.exit(_settle_stdout(code))


def _flush(stream: IO[str]) -> None:
    try:
        stream.flush()
    except OSError as exc:
        raise _stdout_error(exc) from exc


def _stdout_error(exc: OSError) -> TanalyzeError:
    from ..errors import OutputError
    from ..outfile import STDOUT_ERRORS

    return OutputError(f"cannot write to standard output: {exc.strerror}") if exc.errno in STDOUT_ERRORS else InternalError("output", "-", exc)


def _settle_stdout(code: Any) -> Any:
    """The last flush of stdout (what click itself wrote: help, version). If it fails, a run that
    had succeeded says so in one line and exits 4; in any case stdout then goes to the null device,
    so the interpreter's own flush at exit cannot fail again ("Exception ignored ...")."""
    try:
        sys.stdout.flush()
        return code
    except (OSError, ValueError) as exc:
        failure = exc
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    if code == 0 and isinstance(failure, OSError):
        error = _stdout_error(failure)
        click.echo(f"Error: {error}", err=True)
        return int(error.exit_code)
    return code
