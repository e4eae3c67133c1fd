"""Command-line interface: a thin click layer over the library.

Every command reads inputs the same way (files, folders, ``-``, ``--jsonl``), runs a
Pipeline, and writes through :mod:`tanalyze.output`. Library errors become one line on
stderr (``Error: what (hint)``) and their exit code; usage errors exit 2; Ctrl-C exits 130.
"""

from __future__ import annotations

import io
import itertools
import os
import sys
import traceback
from dataclasses import dataclass
from typing import IO, Any, BinaryIO, Callable, Iterator, Sequence

import click

from . import __version__
from .cli_batch import BATCH, batch_options, check_encoding, diagnostic_options, flag, keyword_idf, shared, write_results
from .errors import ExitStatus, InternalError, PartialError, TanalyzeError


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


@click.group(cls=TanalyzeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tanalyze")
@diagnostic_options
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Structured findings from Chinese articles, Traditional or Simplified.

    Every finding carries the original text, its Simplified form and character offsets
    into the original input. Output is a table on a terminal and JSON when piped.
    """
    if ctx.obj is None:
        ctx.obj = Env.from_process()


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
    from .read import iter_sources

    if not inputs:
        if env.stdin_isatty:
            raise click.UsageError("no input: give a file, a folder, or - for standard input")
        inputs = ("-",)
    return iter_sources(inputs, glob=glob, jsonl=jsonl, encoding=encoding, stdin=env.stdin, id_from=id_from, skip_errors=True, errors=errors)


def _with_file_ref_dates(sources: Iterator[Any], how: str) -> Iterator[Any]:
    """Give each file without a ref_date of its own the one its mtime or name holds."""
    from dataclasses import replace

    from .dates import ref_date_from_path

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
    from .engines import Job
    from .pipeline import Options

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


@cli.command()
@input_options
@click.option("--config", type=click.Choice(["t2s", "tw2s", "hk2s", "tw2sp", "hk2sp", "s2t", "s2tw", "s2hk", "s2twp", "t2tw", "t2hk"]), help="OpenCC config (default: t2s for Traditional input, hk2s when it has Hong Kong glyphs such as 衞; Simplified input is left as it is).")
@output_options(("text", "json", "jsonl", "csv", "table"), default="text, on a terminal and when piped")
@click.pass_context
def convert(ctx: click.Context, inputs: Sequence[str], glob: str, jsonl: bool, encoding: str | None, config: str | None, fmt: str | None, output: str | None) -> None:
    """Convert Traditional Chinese to Simplified.

    Writes the converted text as plain text, on a terminal and when piped (like the opencc
    command); --format json adds the script detected, the config used and the offset map
    back to the original. Simplified input is left as it is unless --config says otherwise.

    \b
    $ tanalyze convert article.txt > simplified.txt
    $ tanalyze convert --config tw2sp --format json article.txt
    """
    run(ctx, "convert", ["convert"], inputs, glob=glob, jsonl=jsonl, encoding=encoding, fmt=fmt, output=output, default_format="text", config=config, extra={"any_config": True})


@cli.command()
@input_options
@click.option("--dict", "lexicons", multiple=True, metavar="FILE", help="Extra lexicon (word [freq] [pos] per line); repeatable.")
@click.option("--pos", is_flag=True, help="Add part-of-speech tags (slower).")
@click.option("--config", type=click.Choice(["t2s", "tw2s", "hk2s", "tw2sp", "hk2sp"]), help="OpenCC config for Traditional input.")
@shared("--sep", default=" / ", show_default=True, help="With --format text: what separates the words.")
@output_options(("table", "text", "json", "jsonl", "csv"))
@click.pass_context
def segment(ctx: click.Context, inputs: Sequence[str], glob: str, jsonl: bool, encoding: str | None, lexicons: tuple[str, ...], pos: bool, config: str | None, fmt: str | None, output: str | None) -> None:
    """Split text into words, with offsets into the original.

    Traditional input is segmented through its Simplified conversion; each token carries
    the original text, the Simplified text and its offsets. --format text writes the words
    in the original script separated by " / " (--sep), one line per line of the input, like
    `python -m jieba -d`; with --pos each word is 词/pos.

    \b
    $ tanalyze segment --format text --pos article.txt
    $ tanalyze segment --format jsonl corpora/ | jq -c '.tokens | length'
    """
    run(ctx, "segment", ["segment"], inputs, glob=glob, jsonl=jsonl, encoding=encoding, fmt=fmt, output=output, lexicons=lexicons, pos=pos, config=config)


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
    from .pipeline import parse_ref_date

    return parse_ref_date(ref_date) if ref_date is not None else None


@cli.command()
@input_options
@click.option("--label", "labels", metavar="LABELS", help="Only these labels, comma-separated (ORG,PERSON).")
@click.option("--min-count", type=click.IntRange(1), default=1, show_default=True, help="Only entities mentioned at least this often.")
@click.option("--dict", "lexicons", multiple=True, metavar="FILE", help="Extra segmentation lexicon; repeatable.")
@output_options()
@click.pass_context
def entities(ctx: click.Context, inputs: Sequence[str], glob: str, jsonl: bool, encoding: str | None, labels: str | None, min_count: int, lexicons: tuple[str, ...], fmt: str | None, output: str | None) -> None:
    """People, organisations, places, products, events and works named in the text.

    One row per real-world entity: its canonical name in the original script, label
    (PERSON, ORG, GPE, LOC, FAC, PRODUCT, EVENT, WORK_OF_ART, NORP), mention count,
    other surface forms (aliases) and every mention with offsets and source
    (gazetteer, model or rule).

    \b
    $ tanalyze entities article.txt
    $ tanalyze entities --label ORG,PERSON --min-count 2 --format csv article.txt
    """
    wanted = tuple(l.strip().upper() for l in (labels or "").split(",") if l.strip())
    from .gazetteer import LABELS

    unknown = [l for l in wanted if l not in LABELS]
    if unknown:
        raise click.BadParameter(f"unknown label {unknown[0]!r} (one of {', '.join(sorted(LABELS))})", param_hint="--label")
    filters = {"labels": wanted, "min_count": min_count}
    # The labels only filter what the full detection finds (they never change what is found).
    run(ctx, "entities", ["entities"], inputs, glob=glob, jsonl=jsonl, encoding=encoding, fmt=fmt, output=output, lexicons=lexicons, extra={"entity_filters": filters})


@cli.command()
@input_options
@ref_date_option
@output_options()
@click.pass_context
def dates(ctx: click.Context, inputs: Sequence[str], glob: str, jsonl: bool, encoding: str | None, ref_date: str | None, fmt: str | None, output: str | None) -> None:
    """Dates, times and durations with ISO 8601 values.

    Relative expressions (今年, 三十年前, 前日) are resolved against --ref-date, else a
    dateline, else the latest explicit year; the choice is reported as ref_date and
    ref_date_source.

    \b
    $ tanalyze dates --ref-date 2024-11-14 article.txt
    $ tanalyze dates --format csv article.txt > dates.csv
    """
    run(ctx, "dates", ["dates"], inputs, glob=glob, jsonl=jsonl, encoding=encoding, fmt=fmt, output=output, ref_date=_ref(ref_date))


@cli.command()
@input_options
@ref_date_option
@click.option("--all", "all_sentences", is_flag=True, help="Also list undated sentences (after the dated ones).")
@output_options()
@click.pass_context
def timeline(ctx: click.Context, inputs: Sequence[str], glob: str, jsonl: bool, encoding: str | None, ref_date: str | None, all_sentences: bool, fmt: str | None, output: str | None) -> None:
    """What happened when: dated sentences in chronological order.

    Each event has the ISO date, the expression that dates it, the sentence in the original
    script, the entities named in it and, when a claim explains it, its kind.

    \b
    $ tanalyze timeline article.txt
    $ tanalyze timeline --format csv article.txt > timeline.csv
    """
    run(ctx, "timeline", ["claims", "timeline"], inputs, glob=glob, jsonl=jsonl, encoding=encoding, fmt=fmt, output=output, ref_date=_ref(ref_date), extra={"all_sentences": all_sentences})


@cli.command()
@input_options
@ref_date_option
@click.option("--kind", "kinds", metavar="KINDS", help="Only these kinds, comma-separated (statement,deal).")
@click.option("--all", "all_claims", is_flag=True, help="Keep low-confidence claims too (confidence under 0.5).")
@output_options()
@click.pass_context
def claims(ctx: click.Context, inputs: Sequence[str], glob: str, jsonl: bool, encoding: str | None, ref_date: str | None, kinds: str | None, all_claims: bool, fmt: str | None, output: str | None) -> None:
    """Who claims, does or stands for what, with the evidence sentence.

    One record per claim: the actor (an entity of the text), the kind (strategy, reorg,
    founding, deal, investment, rename, partnership, launch, personnel, statement, incident,
    result), the trigger word as predicate, the object, the date, the quote of a statement,
    the sentence with offsets into the original, and a confidence.

    \b
    $ tanalyze claims article.txt
    $ tanalyze claims --kind statement,deal --format csv article.txt
    """
    extra = {"claim_kinds": tuple((kinds or "").split(",")), "all_claims": all_claims}
    run(ctx, "claims", ["claims"], inputs, glob=glob, jsonl=jsonl, encoding=encoding, fmt=fmt, output=output, ref_date=_ref(ref_date), extra=extra)


@cli.command()
@input_options
@ref_date_option
@click.option("--idf", metavar="auto|corpus|shipped|FILE", help="IDF for keywords: the inputs' own (corpus: a first pass over the files; auto, the default: when they hold 20 documents or more), the shipped news table, or a FILE ('word idf' per line).")
@output_options(("table", "json", "jsonl", "html", "csv", "parquet"))
@click.pass_context
def analyze(ctx: click.Context, inputs: Sequence[str], glob: str, jsonl: bool, encoding: str | None, ref_date: str | None, idf: str | None, fmt: str | None, output: str | None) -> None:
    """Everything at once: entities, dates, claims, the timeline, keywords and stats.

    JSON holds every finding; the table is an overview (the reference date, the most
    mentioned entities, the first claims and events; --wide shows them all); html is the
    page `tanalyze report` writes. Keywords are the top terms by TF-IDF, with the IDF of the
    corpus when the inputs are files holding 20 documents or more (a first pass reads them),
    else of the shipped news table (--idf chooses); stats are the document's characters,
    sentences, script and reference date.

    \b
    $ tanalyze analyze --format table article.txt
    $ tanalyze analyze article.txt | jq '.entities[] | select(.label == "PERSON") | .text'
    $ tanalyze analyze --format csv --table documents corpora/ > documents.csv
    """
    if fmt == "html":
        return _report(ctx, inputs, glob, jsonl, encoding, ref_date, output)
    stages = ["entities", "dates", "claims", "timeline", "keywords", "stats"]
    idf = keyword_idf(ctx, idf, inputs, glob, jsonl, encoding)
    run(ctx, "analyze", stages, inputs, glob=glob, jsonl=jsonl, encoding=encoding, fmt=fmt, output=output, ref_date=_ref(ref_date), extra={"idf": idf})


@cli.command()
@input_options
@ref_date_option
@click.option("-o", "--output", metavar="PATH", help="The page to write; for several documents the index page, with one page each beside it (default: standard output, one document).")
@click.pass_context
def report(ctx: click.Context, inputs: Sequence[str], glob: str, jsonl: bool, encoding: str | None, ref_date: str | None, output: str | None) -> None:
    """An HTML page to read and share, one per document (writes html only).

    The article in its own script with every entity mention highlighted by label (and a
    legend), dates underlined with their ISO value on hover, the claims with their evidence
    linked to its place in the text, the timeline as a chart, tables of entities, dates and
    claims, and the reference date with its source. The page is self-contained (inline CSS
    and JS, nothing fetched) and all article text is escaped.

    \b
    $ tanalyze report article.txt -o report.html
    $ tanalyze report corpora/ -o report.html
    """
    _report(ctx, inputs, glob, jsonl, encoding, ref_date, output)


def _report(ctx: click.Context, inputs: Sequence[str], glob: str, jsonl: bool, encoding: str | None, ref_date: str | None, output: str | None) -> None:
    """Analyse the inputs fully and write their report pages (the report needs the whole text)."""
    from .pipeline import ALL_STAGES, Options, Pipeline
    from .report import write_report

    env: Env = ctx.obj
    shared_opts = ctx.meta.get(BATCH, {})
    sources = _sources(env, inputs, glob, jsonl, encoding, shared_opts.get("id_from", "path"), shared_opts.get("errors", "strict"))
    pipeline = Pipeline(ALL_STAGES, Options(ref_date=_ref(ref_date)))
    docs = []
    for source in sources:
        if source.error is not None:
            raise source.error
        docs.append(pipeline(source))
    write_report(docs, output, env.stdout)


@cli.command()
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("--min-docs", type=click.IntRange(1), default=1, show_default=True, help="Only entities seen in at least this many documents.")
# One table of entities, not documents: its own option name, outside the per-document defaults.
@click.option("-f", "--format", "corpus_fmt", type=click.Choice(["table", "json", "jsonl", "csv", "parquet"]), help="Output format (default: table on a terminal, jsonl when piped).")
@click.option("-o", "--output", metavar="PATH", help="Write to PATH (through PATH's .part file, renamed when done).")
@click.pass_context
def corpus(ctx: click.Context, inputs: Sequence[str], min_docs: int, corpus_fmt: str | None, output: str | None) -> None:
    """Entities across documents: from the JSONL analyze wrote, or from articles.

    INPUT is a .jsonl file of analyze (or entities) records, - for such records on standard
    input, or articles (files, folders), which are analysed first. One row per entity of the
    corpus: canonical name, label, number of documents, mentions, first and last date seen,
    aliases, the documents, and the entities named most often in the same documents. Name
    variants (青禾基金 / 青禾基金公司) merge by the same alias rules that group the mentions of
    one document.

    \b
    $ tanalyze corpus corpora/
    $ tanalyze corpus corpora/ --min-docs 1 --format csv -o entities.csv
    """
    from .cli_batch import write_corpus

    write_corpus(ctx, inputs, min_docs, corpus_fmt, output)


def main(argv: Sequence[str] | None = None) -> None:
    """Console entry point. Exit codes: 0 ok, 1 error, 2 usage, 3 input, 4 output, 5 resource,
    6 partial (a corpus run that skipped documents), 130 interrupted (Ctrl-C)."""
    from .outfile import whole_write_stdout

    sys.stdout = whole_write_stdout(sys.stdout)
    try:
        cli.main(args=argv, prog_name="tanalyze", standalone_mode=True)
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
    from .errors import OutputError
    from .outfile import STDOUT_ERRORS

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


if __name__ == "__main__":  # pragma: no cover
    main()
