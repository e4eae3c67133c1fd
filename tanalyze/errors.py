"""Exceptions raised by the library. The CLI turns each into one line on stderr and its exit code."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Process exit codes used by the command-line interface."""

    OK = 0
    ERROR = 1
    USAGE = 2
    INPUT = 3
    OUTPUT = 4
    RESOURCE = 5
    PARTIAL = 6
    INTERRUPTED = 130


class TanalyzeError(Exception):
    """Base class for every error tanalyze reports to a user.

    ``hint`` is an optional short suggestion shown after the message.
    """

    exit_code: int = ExitStatus.ERROR

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(TanalyzeError):
    """An input cannot be found, read or decoded."""

    exit_code = ExitStatus.INPUT


class OutputError(TanalyzeError):
    """An output cannot be written."""

    exit_code = ExitStatus.OUTPUT


class ResourceError(TanalyzeError):
    """A dictionary, model or other shipped resource is missing or malformed."""

    exit_code = ExitStatus.RESOURCE


class UsageError(TanalyzeError):
    """An option value is invalid (a bad --ref-date, an unknown config, ...)."""

    exit_code = ExitStatus.USAGE


class PartialError(TanalyzeError):
    """A corpus run finished but skipped documents it could not analyse (exit code 6)."""

    exit_code = ExitStatus.PARTIAL


#: How a user restores a shipped data file that is missing or damaged.
REINSTALL_HINT = "restore it with: pip install --force-reinstall tanalyze"


def shipped_data_error(path: object, reason: str) -> ResourceError:
    """The error for a shipped data file (dictionary, model, table) that is missing or corrupt."""
    return ResourceError(f"shipped data file {path}: {reason}", REINSTALL_HINT)


class InternalError(TanalyzeError):
    """An unexpected exception inside tanalyze (a bug): where it happened and its cause.

    The pipeline wraps anything that is not a TanalyzeError in one of these, so the library
    raises only TanalyzeError; ``__cause__`` keeps the original exception and its traceback.
    """

    exit_code = ExitStatus.ERROR

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        super().__init__(
            f"internal error in {stage} on {doc_id}: {type(cause).__name__}: {cause}",
            "run with --debug for the traceback",
        )
        self.stage = stage
        self.doc_id = doc_id
        self.cause = cause
