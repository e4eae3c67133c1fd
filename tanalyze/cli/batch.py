"""The click side of corpus runs: the options every command shares, writing results as they
come with a progress bar on stderr, and the ``corpus`` command's body (commands.py registers it)."""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from typing import Any, Callable, Iterator, Sequence

import click

BATCH = "tanalyze.batch"  # ctx.meta key of the options every command shares for corpus runs


def _store(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta.setdefault(BATCH, {})[param.name] = value
    return value


def shared(*decls: str, **attrs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """An option every command takes, kept out of the command's arguments (run() reads it)."""
    return click.option(*decls, expose_value=False, callback=_store, **attrs)


def flag(*decls: str, help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A shared flag that may be given to the group or the command (set by either, never unset)."""

    def store(ctx: click.Context, param: click.Parameter, value: bool) -> None:
        if value:
            _store(ctx, param, value)
            if param.name == "verbose":
                _log_to_stderr()

    return click.option(*decls, is_flag=True, expose_value=False, callback=store, help=help)


def _log_to_stderr() -> None:
    """-v: the library's notes (a cache that could not be used, ...) go to stderr."""
    log = logging.getLogger("tanalyze")
    if not any(getattr(h, "_tanalyze", False) for h in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("note: %(message)s"))
        handler._tanalyze = True  # type: ignore[attr-defined]
        log.addHandler(handler)
    log.setLevel(logging.INFO)


def diagnostic_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--debug and -v/--verbose, on the group and on every command."""
    fn = flag("--debug", help="Show the traceback of an internal error.")(fn)
    fn = flag("-v", "--verbose", help="Note on stderr what tanalyze had to work around (an unusable cache, ...).")(fn)
    return fn


def check_encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--encoding's callback: an unknown codec is a usage error (exit 2) before any input is read."""
    from ..errors import TanalyzeError
    from ..read import check_encoding as check

    if value is not None:
        try:
            check(value)
        except TanalyzeError as exc:
            raise click.BadParameter(str(exc)) from exc
    return value


def batch_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """How a corpus runs: workers, engine, order, progress, errors, resuming, JSON layout."""
    for decls, attrs in reversed(_BATCH_OPTIONS):
        fn = shared(*decls, **attrs)(fn)
    return fn


_BATCH_OPTIONS: list[tuple[tuple[str, ...], dict[str, Any]]] = [
    (("-j", "--jobs"), dict(type=click.IntRange(1), default=1, show_default=True, help="Worker processes (each loads the resources once).")),
    (("--unordered",), dict(is_flag=True, help="Write each document as it finishes, not in input order.")),
    (("--engine",), dict(type=click.Choice(["local", "dask"]), default="local", show_default=True, help="Run here, or on a Dask cluster (pip install 'tanalyze[dask]').")),
    (("--scheduler",), dict(metavar="ADDRESS", help="Dask scheduler address (default: a local cluster of --jobs workers).")),
    (("--progress/--no-progress",), dict(default=None, help="Progress bar on stderr (default: when stderr is a terminal).")),
    (("--on-error",), dict(type=click.Choice(["skip", "fail"]), default="skip", show_default=True, help="A failing document among several: skip it (exit 6 at the end) or stop.")),
    (("--resume",), dict(is_flag=True, help="With -o FILE (jsonl): skip the documents FILE (or its .part) already holds.")),
    (("--table",), dict(type=click.Choice(["documents", "entities", "mentions", "dates", "claims", "timeline", "tokens"]), help="One flat table with a doc_id column (for --format csv|parquet; parquet needs -o).")),
    (("--window",), dict(type=click.IntRange(1000), default=50_000, show_default=True, metavar="CHARS", help="Read a longer document in windows of whole sentences (memory stays bounded; the findings are the same).")),
    (("--pretty",), dict(is_flag=True, help="Indent JSON (the default on a terminal; compact otherwise).")),
]


def write_results(ctx: click.Context, job: Any, sources: Iterator[Any], fmt: str, output: str | None, batch: dict[str, Any]) -> tuple[int, int]:
    """Run ``job`` over ``sources`` and write the records as they come; return (skipped, written)."""
    from ..engines import run as run_engine
    from ..outfile import OutputFile
    from ..output import VIEWS, RecordWriter

    env = ctx.obj
    to_terminal = env.stdout_isatty and output is None
    out = OutputFile(output, env.stdout, resume=batch["resume"], resumable=fmt == "jsonl", force=batch["force"])
    skipped = written = 0
    with out as stream:
        # CSV or Parquet of analyze, no --table named: the documents table (one row each).
        table = batch["table"] or (_default_table(job.view) if fmt == "parquet" or (fmt == "csv" and job.view == "analyze") else None)
        writer = RecordWriter(VIEWS[job.view], fmt, stream, color=to_terminal, pretty=batch["pretty"] or to_terminal, wide=batch["wide"], sep=batch["sep"], table=table, csv_raw=batch["csv_raw"])
        todo = (s for s in sources if s.id not in out.done) if out.done else sources
        if fmt == "jsonl" and table is None:
            job = replace(job, lines=True)  # workers encode the lines; this process only writes them
        results = run_engine(job, todo, jobs=batch["jobs"], ordered=not batch["unordered"], engine=batch["engine"], scheduler=batch["scheduler"], lazy=True)
        with _Progress(batch["progress"], ctx) as progress:
            for result in results:
                if result.error is not None:
                    skipped += 1
                    progress.note(f"Skipped {result.id}: {result.error}")
                for warning in result.warnings:
                    progress.note(f"{result.id}: {warning}")
                _write_record(writer, result)
                written += 1
                progress.advance(result.chars)
        writer.close()
    return skipped, written + len(out.done)


def _write_record(writer: Any, result: Any) -> None:
    """Write one record; a failure that is not the output's (a bug in rendering) names the document."""
    from ..errors import InternalError, TanalyzeError

    try:
        if result.line is not None:
            writer.write_line(result.line)
        else:
            writer.write(result.record)
    except (TanalyzeError, OSError):
        raise
    except Exception as exc:
        raise InternalError("output", result.id, exc) from exc


def _default_table(view: str) -> str | None:
    from ..frames import COMMAND_TABLES

    return COMMAND_TABLES.get(view, (None,))[0]


class _Progress:
    """A rich progress bar on stderr (documents, characters/s, ETA), or nothing."""

    def __init__(self, wanted: bool | None, ctx: click.Context) -> None:
        self.on = wanted if wanted is not None else sys.stderr.isatty()
        self.ctx = ctx
        self._bar: Any = None
        self.chars = 0

    def __enter__(self) -> _Progress:
        if self.on:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("documents"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[rate]} chars/s"), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=_stderr_console(), transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task("documents", total=_count(self.ctx), rate="-")
        return self

    def advance(self, chars: int) -> None:
        self.chars += chars
        if self._bar is not None:
            elapsed = self._bar.tasks[0].elapsed or 0.0
            rate = f"{self.chars / elapsed:,.0f}" if elapsed > 0 else "-"
            self._bar.update(self._task, advance=1, rate=rate)

    def note(self, message: str) -> None:
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            click.echo(message, err=True)

    def __exit__(self, *exc: Any) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def _count(ctx: click.Context) -> int | None:
    """How many documents the inputs hold, for the progress bar's ETA (None: unknown, stdin)."""
    from pathlib import Path

    params = ctx.params
    total = 0
    for item in params.get("inputs") or ("-",):
        if item == "-":
            return None
        path = Path(item)
        files = [p for p in path.rglob(params["glob"]) if p.is_file()] if path.is_dir() else [path]
        if params.get("jsonl"):
            total += sum(p.read_bytes().count(b"\n") for p in files if p.exists())
        else:
            total += len(files)
    return total


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def write_corpus(ctx: click.Context, inputs: Sequence[str], min_docs: int, fmt: str | None, output: str | None) -> None:
    """Aggregate the records of ``inputs`` and write one row per entity."""
    from ..corpus import COLUMNS, aggregate
    from ..outfile import OutputFile
    from ..tablewriter import TableWriter

    env = ctx.obj
    if not inputs and env.stdin_isatty:
        raise click.UsageError("no input: give the JSONL file analyze wrote, articles, or - for records on standard input")
    rows = [r for r in aggregate(_corpus_records(env, inputs or ("-",))) if r["documents"] >= min_docs]
    fmt = fmt or ("table" if env.stdout_isatty and output is None else "jsonl")
    with OutputFile(output, env.stdout) as stream:
        writer = TableWriter(COLUMNS, fmt, stream, title=f"{len(rows)} entities across documents")
        writer.write_rows(rows)
        writer.close()


def _corpus_records(env: Any, inputs: Sequence[str]) -> Iterator[dict[str, Any]]:
    """Records from JSONL files (or - ), and from articles analysed on the way (skipping failures)."""
    from ..engines import Job, run
    from ..read import iter_records, iter_sources

    job = Job(("entities", "dates", "timeline"), view="analyze")
    for item in inputs:
        if item == "-" or item.endswith(".jsonl"):
            yield from iter_records([item], env.stdin)
        else:
            yield from (r.record for r in run(job, iter_sources([item], skip_errors=True)))


#: What --idf takes besides a file: the corpus's own table, the shipped one, or the first when the inputs make a corpus.
IDF_CHOICES = ("auto", "corpus", "shipped")


def keyword_idf(ctx: click.Context, idf: str | None, inputs: Sequence[str], glob: str, jsonl: bool, encoding: str | None) -> str | None:
    """The IDF table file for ``analyze --idf``: a FILE as given; ``shipped``: None (the shipped
    table); ``corpus``: one built from the inputs in a first pass over them (they must be files or
    folders: standard input cannot be read twice); ``auto`` (the default): ``corpus`` when the
    inputs are files holding at least MIN_CORPUS documents, else the shipped table."""
    from ..keywords import MIN_CORPUS, corpus_idf

    mode = idf or "auto"
    if mode not in IDF_CHOICES:
        return mode
    rereadable = bool(inputs) and "-" not in inputs
    if mode == "shipped" or (mode == "auto" and not (rereadable and (jsonl or len(inputs) > 1 or any(_is_dir(i) for i in inputs)))):
        return None
    if not rereadable:
        raise click.UsageError("--idf corpus reads the inputs twice: give files or folders, not standard input")
    table, n = corpus_idf(_simplified_texts(ctx, inputs, glob, jsonl, encoding), _tokenizer(ctx))
    if mode == "auto" and n < MIN_CORPUS:
        logging.getLogger("tanalyze").info("keywords: %d documents make no corpus; IDF from the shipped table", n)
        return None
    return _temporary_idf(ctx, table, n)


def _is_dir(item: str) -> bool:
    from pathlib import Path

    return Path(item).is_dir()


def _simplified_texts(ctx: click.Context, inputs: Sequence[str], glob: str, jsonl: bool, encoding: str | None) -> Iterator[str]:
    """The first pass: each readable input document in Simplified (unreadable ones are left to the run)."""
    from ..convert import to_simplified
    from ..read import iter_sources

    batch = ctx.meta.get(BATCH, {})
    for source in iter_sources(inputs, glob=glob, jsonl=jsonl, encoding=encoding, skip_errors=True, errors=batch.get("errors", "strict")):
        if source.error is None:
            yield to_simplified(source.text).text


def _tokenizer(ctx: click.Context) -> Any:
    from ..pipeline import segmenter

    return segmenter(()).tokenizer


def _temporary_idf(ctx: click.Context, table: Any, n: int) -> str:
    """Write the corpus table where the run's workers read it; removed when the command ends."""
    import os
    import tempfile

    from ..keywords import write_idf

    fd, path = tempfile.mkstemp(prefix="tanalyze-idf-", suffix=".txt")
    os.close(fd)
    ctx.call_on_close(lambda: os.path.exists(path) and os.unlink(path))
    write_idf(table, path)
    logging.getLogger("tanalyze").info("keywords: IDF from the %d input documents (%d words)", n, len(table))
    return path
