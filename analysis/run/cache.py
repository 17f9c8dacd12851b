"""An on-disk cache of per-speech results, and of whole runs.

Re-running a corpus, or opening a notebook on it again, should not segment
every speech again.  Each speech's result is stored under a key made of

* the file's bytes (SHA-256),
* its path in the corpus and its metadata-table row,
* the package version and a fingerprint of the package's code,
* the lexicon's and stopword list's content, and every other option,

so a changed file, version, code, lexicon or option misses the cache.  A
whole run (:func:`analysis.run.corpus_run` streaming to a folder) is
stored under a key made of its speeches' keys, the other files' records,
its inputs and options, with copies of its two Parquet tables beside it.
The cache writes nothing else into its folder and removes nothing else.

Location: ``$SPEECH_ANALYSIS_CACHE`` if set, else
``$XDG_CACHE_HOME/zh-speech-analysis`` (``~/.cache/zh-speech-analysis``).
``python -m analysis cache clear`` empties it; ``--no-cache`` bypasses it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "cache_key", "cache_get", "cache_has", "cache_put", "cache_file", "cache_clear", "cache_info", "code_fingerprint"]

_SUFFIX = ".pkl"


def cache_dir() -> Path:
    """The cache folder (not created until something is stored)."""
    explicit = os.environ.get("SPEECH_ANALYSIS_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zh-speech-analysis"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package's source and data files: a code change misses the cache."""
    package = Path(__file__).resolve().parent.parent  # the whole analysis package
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".txt", ".mplstyle"):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(data: bytes, *parts: Any) -> str:
    """The key of a result: the bytes it comes from plus everything that shapes it (``parts``)."""
    from analysis._version import __version__

    digest = hashlib.sha256(data)
    digest.update(repr((__version__, code_fingerprint(), parts)).encode())
    return digest.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / key[:2] / (key + _SUFFIX)


def cache_file(key: str, name: str) -> Path:
    """Where a file that belongs to the entry ``key`` is kept (a whole run's Parquet tables); folder created."""
    path = cache_dir() / key[:2] / f"{key}.{name}"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def cache_get(key: str) -> Any | None:
    """The stored result, or None (a missing or unreadable entry is a miss)."""
    path = _path(key)
    try:
        # One read, then unpickling from memory: pickle.load on a file makes many small reads.
        return pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - an entry that cannot be loaded (damaged, other library versions) is a miss
        return None


def cache_has(key: str) -> bool:
    """Whether an entry is stored under ``key`` (it may still fail to load)."""
    return _path(key).is_file()


def cache_put(key: str, value: Any) -> None:
    """Store a result atomically; a cache that cannot be written is skipped silently."""
    path = _path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(data)
        os.replace(handle.name, path)
    except (OSError, MemoryError, pickle.PicklingError):
        pass


def cache_clear() -> tuple[int, Path]:
    """Remove every entry (and the files kept beside them); return how many entries and where."""
    folder = cache_dir()
    removed = 0
    for path in _cache_files(folder):
        removed += path.suffix == _SUFFIX
        path.unlink(missing_ok=True)
    if folder.is_dir():
        for path in [*(sub for sub in folder.iterdir() if sub.is_dir() and re.fullmatch(r"[0-9a-f]{2}", sub.name)), folder]:
            try:
                path.rmdir()  # only when empty
            except OSError:
                pass
    return removed, folder


def cache_info() -> tuple[Path, int, int]:
    """The cache folder, its number of entries and their total size in bytes."""
    folder = cache_dir()
    files = _cache_files(folder)
    return folder, sum(p.suffix == _SUFFIX for p in files), sum(p.stat().st_size for p in files)


# What this cache writes, and nothing else: <2 hex>/<64 hex>.pkl, <64 hex>.<table>.parquet
# beside it, and tmp*.tmp while an entry is being written.  A cache folder set by
# mistake to one that holds other files keeps them.
_OWN_FILE = re.compile(r"[0-9a-f]{64}(?:\.pkl|\.[a-z]+\.parquet)|tmp[^/]*\.tmp")


def _cache_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [
        path
        for sub in folder.iterdir()
        if sub.is_dir() and re.fullmatch(r"[0-9a-f]{2}", sub.name)
        for path in sub.iterdir()
        if path.is_file() and _OWN_FILE.fullmatch(path.name)
    ]
