"""Engines: worker processes and Dask give the records of the in-process run, in input order."""

from __future__ import annotations

import json
from dataclasses import replace

from tanalyze.engines import Job, run
from tanalyze.pipeline import Options
from tanalyze.read import Source

TEXTS = ["腾讯在深圳发布新产品。", "百度宣布与小米合作。", "南方基金公司今天表示。", "", "阿里巴巴在杭州。", "京东。"]


def _sources():
    return [Source(id=f"d{i}", text=t) for i, t in enumerate(TEXTS)]


JOB = Job(("dates", "segment"), Options(), "segment")


def test_worker_processes_equal_the_local_run():
    local = [r.record for r in run(JOB, _sources())]
    assert [r["id"] for r in local] == [f"d{i}" for i in range(len(TEXTS))]
    assert [r.record for r in run(JOB, _sources(), jobs=2)] == local
    unordered = [r.record for r in run(JOB, _sources(), jobs=2, ordered=False)]
    assert sorted(unordered, key=lambda r: r["id"]) == local


def test_workers_hand_back_each_record_as_its_jsonl_line():
    local = [r.record for r in run(JOB, _sources())]
    lines = list(run(replace(JOB, lines=True), _sources(), jobs=2))
    assert [r.record for r in lines] == [None] * len(TEXTS)
    assert [r.line for r in lines] == [json.dumps(record, ensure_ascii=False) for record in local]
    # Read lazily in this process (one job), a record stays a record: the writer streams its findings.
    assert [r.record for r in run(replace(JOB, lines=True), _sources(), lazy=True)] == local


def test_dask_equals_the_local_run():
    import distributed  # the dask extra, which `make test` installs

    from tanalyze.engine_dask import run_dask

    local = [r.record for r in run(JOB, _sources())]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask = list(run(JOB, _sources(), engine="dask", scheduler=cluster.scheduler_address))
        # Partitions of two or three of these short texts: the order holds across partitions.
        lines = [r.line for r in run_dask(replace(JOB, lines=True), _sources(), scheduler=cluster.scheduler_address, partition=12)]
        with distributed.Client(cluster) as client:
            loaded = client.run(_loaded_pipelines)
            plugins = client.run(lambda dask_worker: sorted(p for p in dask_worker.plugins if p.startswith("tanalyze")))
    assert [r.record for r in dask] == local
    assert lines == [json.dumps(record, ensure_ascii=False) for record in local]
    # The plugin loaded one pipeline in each worker, and left the shared cluster when the run ended.
    assert sorted(loaded.values()) == [1, 1]
    assert list(plugins.values()) == [[], []]


def _loaded_pipelines() -> int:
    from tanalyze.engines import _PIPELINES

    return len(_PIPELINES)


def test_dask_starts_its_own_local_cluster_without_a_scheduler():
    local = [r.record for r in run(JOB, _sources(), ordered=False)]
    dask = [r.record for r in run(JOB, _sources(), engine="dask", jobs=2, ordered=False)]
    assert sorted(dask, key=lambda r: r["id"]) == local


def test_dask_partitions_hold_a_number_of_characters_not_of_documents():
    from tanalyze.engine_dask import _partitions

    sources = [Source(id=f"d{i}", text="字" * n) for i, n in enumerate([3, 4, 10, 1, 1, 2])]
    parts = [[s.id for s in part] for part in _partitions(sources, 6)]
    assert parts == [["d0", "d1"], ["d2"], ["d3", "d4", "d5"]]
    assert [[s.id for s in part] for part in _partitions(sources, 100)] == [[f"d{i}" for i in range(6)]]


def test_the_local_cluster_settings_are_dask_settings():
    import dask
    import distributed  # noqa: F401 - registers distributed's defaults

    from tanalyze.engine_dask import LOCAL_CONFIG

    # dask.config.set takes any key silently: a renamed one would quietly stop applying.
    for key in LOCAL_CONFIG:
        dask.config.get(key)


def test_a_failing_document_is_an_error_result_in_a_worker_too():
    sources = _sources() + [Source(id="bad", text="", error=ValueError("unreadable"))]
    results = list(run(JOB, sources, jobs=2))
    assert (results[-1].id, results[-1].record, results[-1].error) == ("bad", {"id": "bad", "error": "ValueError: unreadable"}, "ValueError: unreadable")
