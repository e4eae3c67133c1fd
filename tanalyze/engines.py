"""Where documents run: in this process, in worker processes (``--jobs N``), or on Dask.

Every engine takes :class:`~tanalyze.read.Source` objects and yields :class:`Result` objects,
one per document: the document's plain JSON record (what the output layer writes) or an
``{"id", "error"}`` record. Workers load the pipeline's resources once and ship back plain
dicts, never Document or spaCy objects. Memory stays flat in the number of documents: at
most a few documents per worker are in flight at any time.
"""

from __future__ import annotations

import pickle
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from .errors import TanalyzeError, UsageError
from .pipeline import Options, Pipeline
from .read import Source

ENGINES = ("local", "dask")
ON_ERROR = ("skip", "fail")


@dataclass(frozen=True)
class Job:
    """What to do with each document: the stages, their options and the view to record.

    ``on_error="skip"`` turns a failing document into an error record; ``"fail"`` re-raises.
    ``lines``: a worker hands back each record as its JSONL line (:attr:`Result.line`), so that
    the main process, which the workers wait on, only writes it (JSON output is then encoded
    where the documents run, in parallel, and a short string crosses between processes instead
    of a pickled tree of findings).
    """

    stages: tuple[str, ...]
    options: Options = field(default_factory=Options)
    view: str = "analyze"
    on_error: str = "skip"
    lines: bool = False


@dataclass(frozen=True)
class Result:
    """One finished document: its record, its size in characters and, if it failed, why.

    With :attr:`Job.lines`, a document that did not fail comes as ``line`` (its record's JSONL
    line, without the line break) and ``record`` is None."""

    id: str
    record: dict[str, Any] | None
    chars: int = 0
    error: str | None = None
    warnings: tuple[str, ...] = ()  # for stderr (no reference year ...)
    line: str | None = None


# -- one document ---------------------------------------------------------------------------------

_PIPELINES: dict[bytes, Pipeline] = {}


def pipeline_for(job: Job) -> Pipeline:
    """The pipeline of ``job`` in this process, built (and its resources loaded) once."""
    key = pickle.dumps((job.stages, job.options, job.options.extra))
    pipeline = _PIPELINES.get(key)
    if pipeline is None:
        pipeline = Pipeline(job.stages, job.options)
        pipeline.load()
        _PIPELINES[key] = pipeline
    return pipeline


def process(job: Job, source: Source, lazy: bool = False) -> Result:
    """Analyse one source into its Result; errors become error records unless ``on_error="fail"``.

    ``lazy``: a long document's finding lists stay :class:`~tanalyze.streams.Stream` objects, read
    (its words segmented window by window) only as the output writes them; otherwise, as for a
    record sent to another process, they are lists (or, with ``job.lines``, its JSONL line).
    """
    from .streams import iter_json, materialize

    try:
        if source.error is not None:
            raise source.error
        pipeline = pipeline_for(job)
        doc = pipeline(source)
        record = _record(job, doc) if lazy else materialize(_record(job, doc))
        line = "".join(iter_json(record)) if job.lines and not lazy else None
    except Exception as exc:  # noqa: BLE001 - one bad document must not end a corpus run
        if job.on_error != "skip":
            raise
        reason = str(exc) if isinstance(exc, TanalyzeError) else f"{type(exc).__name__}: {exc}"
        return Result(source.id, {"id": source.id, "error": reason}, len(source.text), reason)
    warnings = tuple(doc.meta.get("warnings", ()))
    return Result(source.id, None if line is not None else record, len(source.text), warnings=warnings, line=line)


def _record(job: Job, doc: Any) -> dict[str, Any]:
    from .output import VIEWS, document_dict

    filters = job.options.extra.get("entity_filters")
    if filters:
        from .entities import filter_entities

        doc = doc.with_(entities=filter_entities(doc.entities or (), filters["labels"], filters["min_count"]))
    return document_dict(doc, VIEWS[job.view])


def process_batch(job: Job, sources: list[Source]) -> list[Result]:
    """A partition of sources, one after the other, with one pipeline (the Dask task)."""
    return [process(job, s) for s in sources]


# -- engines ---------------------------------------------------------------------------------------


def run(
    job: Job,
    sources: Iterable[Source],
    *,
    jobs: int = 1,
    ordered: bool = True,
    engine: str = "local",
    scheduler: str | None = None,
    lazy: bool = False,
) -> Iterator[Result]:
    """Results for ``sources``: in input order, or as they finish with ``ordered=False``.

    ``lazy`` (one job in this process): records of long documents are written as they are read
    (see :func:`process`)."""
    if jobs < 1:
        raise UsageError(f"--jobs must be 1 or more, not {jobs}")
    if engine == "dask":
        from .engine_dask import run_dask

        return run_dask(job, sources, jobs=jobs, ordered=ordered, scheduler=scheduler)
    if engine != "local":
        raise UsageError(f"unknown engine {engine!r}", "one of: " + ", ".join(ENGINES))
    if jobs == 1:
        return (process(job, s, lazy) for s in sources)
    return run_processes(job, sources, jobs, ordered)


_WORKER_JOB: Job | None = None


def _init_worker(job: Job) -> None:
    """Process-pool initializer: load the pipeline once per worker process."""
    global _WORKER_JOB
    _WORKER_JOB = job
    pipeline_for(job)


def _work(source: Source) -> Result:
    assert _WORKER_JOB is not None, "worker not initialised"
    return process(_WORKER_JOB, source)


def run_processes(job: Job, sources: Iterable[Source], jobs: int, ordered: bool = True) -> Iterator[Result]:
    """Long-lived worker processes (spawned, so no state is shared by accident)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(job,)) as pool:
        yield from stream(lambda s: pool.submit(_work, s), sources, window=4 * jobs, ordered=ordered)


def stream(
    submit: Callable[[Any], Any], items: Iterable[Any], *, window: int, ordered: bool, wait: Callable | None = None, first: Any = None
) -> Iterator[Any]:
    """Submit ``items`` keeping at most ``window`` futures in flight; yield their results.

    In order, a slow document holds back later ones (up to ``window``); unordered, each
    result comes as soon as it is done. ``wait``/``first``: the futures' own wait function and
    its FIRST_COMPLETED (concurrent.futures' by default; Dask passes its own).
    """
    if wait is None:
        from concurrent.futures import FIRST_COMPLETED, wait

        first = FIRST_COMPLETED
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        while len(pending) >= window:
            yield from _drain(pending, ordered, wait, first)
    while pending:
        yield from _drain(pending, ordered, wait, first)


def _drain(pending: deque, ordered: bool, wait: Callable, first: Any) -> Iterator[Any]:
    if ordered:
        yield pending.popleft().result()
        return
    done, _ = wait(list(pending), return_when=first)
    for future in [f for f in pending if f in done]:
        pending.remove(future)
        yield future.result()
