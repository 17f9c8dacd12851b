"""Running :func:`analysis.pipeline.document_process` on many speeches at once.

Two back-ends, both yielding results in input order, so that every output is
byte-identical whatever the number of workers:

* a local process pool (``fork`` where the platform has it, so workers
  inherit the loaded jieba dictionary instead of rebuilding it);
* Dask (``backend="dask"``): a ``LocalCluster`` on this machine, or an
  existing cluster named by its scheduler address.

Both submit work in bounded windows: memory holds at most a window of
results, not the whole corpus.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from .pipeline import DocResult, Options

__all__ = ["process_in_pool", "process_on_dask", "available_cores", "Task"]

Task = tuple[Path, str, "dict[str, str] | None"]


def available_cores() -> int:
    """The CPUs this process may run on (a container, taskset or batch job may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _work(task: tuple[Path, str, dict[str, str] | None, "Options"]) -> "DocResult":
    from .pipeline import document_process_cached

    path, rel, row, options = task
    return document_process_cached(path, rel, row, options)


def _work_keyed(tasks: list[tuple[Path, str, dict[str, str] | None, "Options", str | None]]) -> list["DocResult"]:
    """Process cache misses whose keys the parent already computed (no second read and hash)."""
    from .pipeline import document_process_cached

    return [document_process_cached(path, rel, row, options, key=key) for path, rel, row, options, key in tasks]


def process_in_pool(
    tasks: list[Task], options: "Options", *, workers: int, chunk: int = 8, keys: "list[str | None] | None" = None
) -> Iterator["DocResult"]:
    """Process tasks in a local process pool; results come back in input order.

    Work goes out in chunks of ``chunk`` speeches, and a window of chunks
    stays submitted ahead of the one being collected, so workers never wait
    for the parent to take a result; memory holds at most that window of
    results.  Cached results are read here in the parent: sending them
    through a worker would only pickle them twice.  ``keys``: the tasks'
    cache keys when the caller has computed them already.
    """
    from .cache import cache_has
    from .pipeline import _cache_key, cached_result, document_process_cached, tools_for

    given = keys
    tools_for(options)  # load the dictionary once, before forking
    workers = max(1, min(workers, available_cores(), len(tasks)))
    window = 4 * workers
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        pending: deque = deque()  # (chunk of tasks, their keys, cache hits, future of the misses)

        def submit(start: int) -> None:
            part = tasks[start:start + chunk]
            if given is not None:
                part_keys = given[start:start + chunk]
            else:
                part_keys = [_cache_key(path, rel, row, options) if options.cache else None for path, rel, row in part]
            hits = [key is not None and cache_has(key) for key in part_keys]
            misses = [(path, rel, row, options, key) for (path, rel, row), key, hit in zip(part, part_keys, hits) if not hit]
            pending.append((part, part_keys, hits, pool.submit(_work_keyed, misses) if misses else None))

        starts = iter(range(0, len(tasks), chunk))
        for start in starts:
            submit(start)
            if len(pending) >= window:
                break
        while pending:
            part, part_keys, hits, future = pending.popleft()
            computed = iter(future.result() if future is not None else [])
            next_start = next(starts, None)
            if next_start is not None:
                submit(next_start)
            for (path, rel, row), key, hit in zip(part, part_keys, hits):
                if not hit:
                    yield next(computed)
                    continue
                result = cached_result(key)
                yield result if result is not None else document_process_cached(path, rel, row, options)


def process_on_dask(
    tasks: list[Task], options: "Options", *, scheduler: str | None = None, workers: int = 2, batch: int = 256
) -> Iterator["DocResult"]:
    """Process tasks on Dask; results come back in input order.

    Args:
        scheduler: address of an existing scheduler (``tcp://host:8786``);
            None starts a ``LocalCluster`` with ``workers`` processes.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise RuntimeError("the dask backend needs dask[distributed]: pip install 'zh-speech-analysis[dask]'") from None

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        for start in range(0, len(tasks), batch):
            chunk = [(str(path), rel, row, options) for path, rel, row in tasks[start:start + batch]]
            futures = client.map(_work_dask, chunk, pure=False)
            yield from client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _work_dask(task: tuple[str, str, dict[str, str] | None, "Options"]) -> "DocResult":
    path, rel, row, options = task
    return _work((Path(path), rel, row, options))
