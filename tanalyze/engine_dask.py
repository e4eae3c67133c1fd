"""The Dask engine (``--engine dask``): the same per-document work on a ``dask.distributed`` cluster.

Sources go out in partitions (lists of a few documents); each task runs
:func:`tanalyze.engines.process_batch`, whose pipeline is built once per worker process by the
cached loader :func:`tanalyze.engines.pipeline_for`. Results come back as plain records, in
input order unless ``ordered=False``. Dask does the scheduling; at most a couple of partitions
per worker are in flight, so memory stays flat in the number of documents.
"""

from __future__ import annotations

import itertools
from typing import Any, Iterable, Iterator

from .engines import Job, Result, process_batch, stream
from .errors import ResourceError, UsageError
from .read import Source

#: Documents per Dask task: enough to amortise a task's overhead (~1 ms) over news articles.
PARTITION = 4


def run_dask(
    job: Job,
    sources: Iterable[Source],
    *,
    jobs: int = 2,
    ordered: bool = True,
    scheduler: str | None = None,
    partition: int = PARTITION,
) -> Iterator[Result]:
    """Results of ``job`` over ``sources`` from the cluster at ``scheduler`` (else a LocalCluster)."""
    try:
        from distributed import Client, LocalCluster, wait
    except ImportError as exc:
        raise UsageError("--engine dask needs Dask", "pip install 'tanalyze[dask]'") from exc
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
            client = Client(cluster)
    except OSError as exc:
        raise ResourceError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        submit = _submitter(client, job)
        batches = stream(submit, _partitions(sources, partition), window=2 * workers, ordered=ordered, wait=wait, first="FIRST_COMPLETED")
        for batch in batches:
            yield from batch
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _submitter(client: Any, job: Job) -> Any:
    def submit(part: list[Source]) -> Any:
        return client.submit(process_batch, job, part, pure=False)

    return submit


def _partitions(sources: Iterable[Source], size: int) -> Iterator[list[Source]]:
    it = iter(sources)
    while part := list(itertools.islice(it, size)):
        yield part
