"""The commands: each reads its options and calls run() (options.py) over library stages.

To add a command, write a function here decorated with ``@cli.command()``, ``@input_options``
and ``@output_options()``, and call ``run`` with the stages it needs and the view it writes.
"""

from __future__ import annotations

from typing import Sequence

import click

from .. import __version__
from .batch import BATCH, diagnostic_options, keyword_idf
from .edge import Env, TanalyzeGroup
from .options import _ref, _sources, input_options, output_options, ref_date_option, run, shared


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
    from ..gazetteer import LABELS

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
    from ..pipeline import ALL_STAGES, Options, Pipeline
    from ..report import write_report

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
    from .batch import write_corpus

    write_corpus(ctx, inputs, min_docs, corpus_fmt, output)
