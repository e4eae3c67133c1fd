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
