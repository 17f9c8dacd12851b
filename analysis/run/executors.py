"""Executors: running a per-speech function on many speeches at once.

They take the function as an argument (they import nothing of the steps they
run), and both back-ends yield results in input order, so that every output
is byte-identical whatever the number of workers:

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
from typing import Any, Callable, Iterator

from analysis.run.cache import cache_has

__all__ = ["process_in_pool", "process_on_dask", "available_cores", "Task"]

Task = tuple[Path, str, "dict[str, str] | None"]
# process(path, rel_path, table_row, key) → result; key is the speech's cache key or None.
Process = Callable[[Path, str, "dict[str, str] | None", "str | None"], Any]


def available_cores() -> int:
    """The CPUs this process may run on (a container, taskset or batch job may allow fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _die_with_parent() -> None:
    """In a pool worker: ask Linux to end this process when its parent dies (even by SIGKILL)."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: workers end when their pipe to the parent closes


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers now (an interrupt or SIGTERM): none is left waiting on a pipe."""
    for process in list(getattr(pool, "_processes", {}).values()):
        try:
            process.terminate()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def _work_chunk(process: Process, tasks: list[tuple[Path, str, dict[str, str] | None, str | None]]) -> list[Any]:
    return [process(path, rel, row, key) for path, rel, row, key in tasks]


def process_in_pool(
    tasks: list[Task],
    *,
    process: Process,
    cached: Callable[[str], Any],
    workers: int,
    chunk: int = 8,
    keys: list[str | None] | None = None,
) -> Iterator[Any]:
    """Run ``process`` on tasks in a local process pool; results come back in input order.

    Work goes out in chunks of ``chunk`` speeches, and a window of chunks
    stays submitted ahead of the one being collected, so workers never wait
    for the parent to take a result; memory holds at most that window of
    results.  Cached results (``cached(key)``, None on a miss) are read here
    in the parent: sending them through a worker would only pickle them
    twice.  ``keys``: the tasks' cache keys (None: not cached).  ``process``
    must be picklable (a module-level function or a ``functools.partial``).
    """
    keys = keys if keys is not None else [None] * len(tasks)
    workers = max(1, min(workers, available_cores(), len(tasks)))
    window = 4 * workers
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(), initializer=_die_with_parent)
    try:
        yield from _collect(pool, tasks, keys, process=process, cached=cached, chunk=chunk, window=window)
    except BaseException:  # an interrupt, SIGTERM, or the consumer closing this generator
        _stop_workers(pool)
        raise
    pool.shutdown(wait=True)


def _collect(pool, tasks, keys, *, process, cached, chunk: int, window: int) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """Submit chunks in a window ahead of the one collected; yield results in input order."""
    pending: deque = deque()  # (chunk of tasks, their keys, cache hits, future of the misses)

    def submit(start: int) -> None:
        part = tasks[start:start + chunk]
        part_keys = keys[start:start + chunk]
        hits = [key is not None and cache_has(key) for key in part_keys]
        misses = [(path, rel, row, key) for (path, rel, row), key, hit in zip(part, part_keys, hits) if not hit]
        pending.append((part, part_keys, hits, pool.submit(_work_chunk, process, misses) if misses else None))

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
            result = cached(key)  # type: ignore[arg-type]
            yield result if result is not None else process(path, rel, row, key)


def process_on_dask(
    tasks: list[Task], *, process: Process, scheduler: str | None = None, workers: int = 2, batch: int = 256
) -> Iterator[Any]:
    """Run ``process`` on tasks on Dask; results come back in input order.

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
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as err:
            raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler} within 10 s ({type(err).__name__}): is it running?") from None
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        for start in range(0, len(tasks), batch):
            chunk = [(process, str(path), rel, row) for path, rel, row in tasks[start:start + batch]]
            futures = client.map(_work_dask, chunk, pure=False)
            yield from client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _work_dask(task: tuple[Process, str, str, dict[str, str] | None]) -> Any:
    process, path, rel, row = task
    return process(Path(path), rel, row, None)
