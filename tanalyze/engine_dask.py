"""The Dask engine (``--engine dask``): the same per-document work on a ``dask.distributed`` cluster.

Sources go out in partitions (lists of documents of :data:`PARTITION_CHARS` characters or so);
each task runs :func:`tanalyze.engines.process_batch`. A worker plugin builds the pipeline once
per worker process when the run starts (the cached loader :func:`tanalyze.engines.pipeline_for`),
so no task pays for it. Results come back as plain records (for JSONL output, as their lines), in
input order unless ``ordered=False``. Dask does the scheduling; at most three partitions per
worker are in flight, so memory stays flat in the number of documents.

A local cluster is started with :data:`LOCAL_CONFIG`: measured on 80 PFR articles with both
pipelines loaded first, Dask's defaults made the documents cost 50-65 % more CPU than in plain
worker processes, 23-35 % in the task's own thread and the rest in the worker's other threads
(the statistical profiler sampling the task thread every 10 ms, and ``MALLOC_TRIM_THRESHOLD_=65536``
returning memory to the system after every large free). Measured on 1,000 PFR articles (CPU
seconds per thread from the 250th document on), partitions of 4 documents cost the workers' event
loops and the scheduler's 4.2 ms of CPU per document, 13 % of the documents' own time; partitions
of 16,000 characters (~27 articles) cost 1.1 ms.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from .engines import Job, Result, pipeline_for, process_batch, stream
from .errors import ResourceError, UsageError
from .read import Source

try:  # the optional extra; run_dask says what to install when it is missing
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - the test environment has the extra
    _WorkerPlugin = object  # type: ignore[assignment,misc]

#: Characters per Dask task: a partition takes documents until it holds this many (one longer
#: document is a partition of its own). About a second of one worker's time: a task costs ~9 ms
#: of CPU in the worker's event loop and ~8 ms in the main process's (scheduler, client, nannies),
#: which 4-document partitions of news articles (~0.13 s of work) made 13 % of the run.
PARTITION_CHARS = 16_000

#: Dask settings for the local cluster: no statistical profiler, glibc's own trim threshold, and
#: the event loop's health checks and monitors at a slower pace (a worker has one busy core).
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def run_dask(
    job: Job,
    sources: Iterable[Source],
    *,
    jobs: int = 2,
    ordered: bool = True,
    scheduler: str | None = None,
    partition: int = PARTITION_CHARS,
) -> Iterator[Result]:
    """Results of ``job`` over ``sources`` from the cluster at ``scheduler`` (else a LocalCluster)."""
    try:
        import dask
        from distributed import Client, LocalCluster, wait
    except ImportError as exc:
        raise UsageError("--engine dask needs Dask", "pip install 'tanalyze[dask]'") from exc
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            with dask.config.set(LOCAL_CONFIG):
                cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
    except OSError as exc:
        raise ResourceError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    plugin = PipelineLoader(job)
    try:
        client.register_plugin(plugin)
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        submit = _submitter(client, job)
        # Three partitions per worker: each holds two (Dask's worker saturation), the scheduler the
        # rest, so that a worker done early does not wait for the head of the queue to be written.
        batches = stream(submit, _partitions(sources, partition), window=3 * workers, ordered=ordered, wait=wait, first="FIRST_COMPLETED")
        for batch in batches:
            yield from batch
    finally:
        if cluster is None:
            client.unregister_worker_plugin(plugin.name)  # a shared cluster's later workers need not load it
        client.close()
        if cluster is not None:
            cluster.close()


class PipelineLoader(_WorkerPlugin):
    """A Dask worker plugin that loads ``job``'s pipeline when the worker starts or joins."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.name = f"tanalyze-pipeline-{id(self):x}"

    def setup(self, worker: Any) -> None:
        pipeline_for(self.job)


def _submitter(client: Any, job: Job) -> Any:
    def submit(part: list[Source]) -> Any:
        return client.submit(process_batch, job, part, pure=False)

    return submit


def _partitions(sources: Iterable[Source], chars: int) -> Iterator[list[Source]]:
    """Consecutive sources in lists of at least ``chars`` characters (the last one may hold fewer)."""
    part: list[Source] = []
    size = 0
    for source in sources:
        part.append(source)
        size += len(source.text)
        if size >= chars:
            yield part
            part, size = [], 0
    if part:
        yield part
