"""An on-disk cache of per-speech results.

Re-running a corpus, or opening a notebook on it again, should not segment
every speech again.  Each speech's result is stored under a key made of

* the file's bytes (SHA-256),
* its path in the corpus and its metadata-table row,
* the package version and a fingerprint of the package's code,
* the lexicon's and stopword list's content, and every other option,

so a changed file, version, code, lexicon or option misses the cache.

Location: ``$SPEECH_ANALYSIS_CACHE`` if set, else
``$XDG_CACHE_HOME/zh-speech-analysis`` (``~/.cache/zh-speech-analysis``).
``python -m analysis cache clear`` empties it; ``--no-cache`` bypasses it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
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
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".txt", ".mplstyle"):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(data: bytes, *parts: Any) -> str:
    """The key of one speech's result: its bytes plus everything that shapes the result."""
    from . import __version__

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
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
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
    except OSError:
        pass


def cache_clear() -> tuple[int, Path]:
    """Remove every cached entry; return how many and where."""
    folder = cache_dir()
    removed = 0
    if folder.is_dir():
        for path in folder.rglob("*"):
            if path.is_file():
                removed += path.suffix == _SUFFIX
                path.unlink(missing_ok=True)
        for path in sorted(folder.rglob("*"), reverse=True):
            if path.is_dir():
                try:
                    path.rmdir()
                except OSError:
                    pass
    return removed, folder


def cache_info() -> tuple[Path, int, int]:
    """The cache folder, its number of entries and their total size in bytes."""
    folder = cache_dir()
    files = [p for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    return folder, sum(p.suffix == _SUFFIX for p in files), sum(p.stat().st_size for p in files)
