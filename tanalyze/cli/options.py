"""The options every command shares (inputs, output, reference date) and run(), which reads
the inputs, runs the stages and writes each document's record as it is done."""

from __future__ import annotations

import itertools
from typing import Any, Callable, Iterator, Sequence

import click

from ..errors import PartialError
from .batch import BATCH, batch_options, check_encoding, diagnostic_options, flag, shared, write_results
from .edge import Env


def input_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """INPUTS plus --glob, --jsonl, --encoding, --errors, --id-from, --debug, -v: the one reader every command shares."""
    fn = shared("--id-from", type=click.Choice(["path", "name", "stem"]), default="path", show_default=True, help="Document ids: the path (relative to the input folder), the file name, or the name without extension.")(fn)
    fn = diagnostic_options(fn)
    fn = shared("--errors", type=click.Choice(["strict", "replace"]), default="strict", show_default=True, help="Undecodable bytes and lone surrogates: an input error, or read as U+FFFD.")(fn)
    fn = click.option("--encoding", metavar="NAME", callback=check_encoding, help="Input encoding (default: detect UTF-8/16, GB18030, Big5).")(fn)
    fn = click.option("--jsonl", is_flag=True, help="Inputs are JSONL records {id, text, ref_date?}.")(fn)
    fn = click.option("--glob", default="*.txt", show_default=True, help="Files to read inside folders.")(fn)
    fn = click.argument("inputs", nargs=-1, metavar="[INPUT]...")(fn)
    return fn


#: What --format does when it is not given: the table on a terminal, JSON when piped.
TTY_DEFAULT = "table on a terminal; json when piped or written to a file, jsonl for several documents"


def output_options(formats: Sequence[str] = ("table", "json", "jsonl", "csv", "parquet"), default: str = TTY_DEFAULT) -> Callable[..., Any]:
    """--format and -o/--output, the same on every command, and the corpus-run options;
    ``default`` says what run() writes when --format is not given."""

    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        fn = batch_options(fn)
        if "csv" in formats:
            fn = flag("--csv-raw", help="Write CSV cells as they are (by default a cell starting with = + - @ tab or CR gets a ' so that spreadsheets do not run it).")(fn)
        fn = flag("--force", help="Replace a read-only output file.")(fn)
        fn = click.option(
            "-o", "--output", metavar="PATH", help="Write to PATH (through PATH's .part file, renamed when done)."
        )(fn)
        fn = click.option(
            "-f",
            "--format",
            "fmt",
            type=click.Choice(list(formats)),
            help=f"Output format (default: {default}).",
        )(fn)
        if "table" in formats:
            fn = shared("--wide", is_flag=True, help="Tables: every column, long text wrapped instead of cut.")(fn)
        return fn

    return decorate


def _sources(env: Env, inputs: Sequence[str], glob: str, jsonl: bool, encoding: str | None, id_from: str, errors: str = "strict") -> Iterator[Any]:
    from ..read import iter_sources

    if not inputs:
        if env.stdin_isatty:
            raise click.UsageError("no input: give a file, a folder, or - for standard input")
        inputs = ("-",)
    return iter_sources(inputs, glob=glob, jsonl=jsonl, encoding=encoding, stdin=env.stdin, id_from=id_from, skip_errors=True, errors=errors)


def _with_file_ref_dates(sources: Iterator[Any], how: str) -> Iterator[Any]:
    """Give each file without a ref_date of its own the one its mtime or name holds."""
    from dataclasses import replace

    from ..dates import ref_date_from_path

    for s in sources:
        found = ref_date_from_path(s.path, how) if s.path and not s.ref_date else None
        yield replace(s, ref_date=found, ref_date_source=how) if found else s


def run(
    ctx: click.Context,
    view_name: str,
    stages: Sequence[str],
    inputs: Sequence[str],
    *,
    glob: str,
    jsonl: bool,
    encoding: str | None,
    fmt: str | None,
    output: str | None,
    default_format: str | None = None,
    **options: Any,
) -> None:
    """Read inputs, run the stages, write each document's record as it is done."""
    from ..engines import Job
    from ..pipeline import Options

    env: Env = ctx.obj
    batch = {"id_from": "path", "jobs": 1, "unordered": False, "engine": "local", "scheduler": None, "progress": None, "on_error": "skip", "resume": False, "pretty": False, "wide": False, "sep": " / ", "table": None, "errors": "strict", "force": False, "csv_raw": False, "window": 50_000}
    batch.update(ctx.meta.get(BATCH, {}))
    sources = _sources(env, inputs, glob, jsonl, encoding, batch["id_from"], batch["errors"])
    if ctx.meta.get("ref_date_from"):
        sources = _with_file_ref_dates(sources, ctx.meta["ref_date_from"])
    first = list(itertools.islice(sources, 2))
    several = len(first) > 1
    if fmt is None:
        fmt = default_format or ("table" if env.stdout_isatty and output is None else "jsonl" if several else "json")
    if view_name == "segment" and fmt == "text":
        view_name = "segment-text"  # the words of each line, joined by --sep
    if batch["resume"] and (output is None or fmt != "jsonl"):
        raise click.UsageError("--resume needs -o FILE and --format jsonl (or several documents)")
    # A lone document that fails is the run's error; among several it is skipped (or stops the run).
    job = Job(tuple(stages), Options(**options, window=batch["window"]), view_name, batch["on_error"] if several else "fail")
    skipped, total = write_results(ctx, job, itertools.chain(first, sources), fmt, output, batch)
    if skipped:
        raise PartialError(f"{skipped} of {total} documents skipped", "each is named above and has an {\"id\", \"error\"} record")


def ref_date_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--ref-date and --ref-date-from, on every command that resolves dates."""
    fn = click.option(
        "--ref-date-from", type=click.Choice(["mtime", "name"]), expose_value=False,
        callback=lambda ctx, _param, value: ctx.meta.__setitem__("ref_date_from", value),
        help="Each file's reference date from its modification time, or from a date in its name (news_20120724.txt).",
    )(fn)
    return click.option(
        "--ref-date",
        metavar="YYYY-MM-DD[THH:MM]",
        help="Reference date for relative expressions (default: a dateline, else the latest year in the text).",
    )(fn)


def _ref(ref_date: str | None) -> Any:
    from ..pipeline import parse_ref_date

    return parse_ref_date(ref_date) if ref_date is not None else None
