"""An on-disk cache of per-speech results, and of whole runs, in formats that cannot run code.

Re-running a corpus, or opening a notebook on it again, should not segment
every speech again.  Each speech's result is stored under a key made of

* the file's bytes (SHA-256; the same bytes the analysis read),
* its path in the corpus and its metadata-table row,
* the package version and a fingerprint of the package's code,
* the lexicon's and stopword list's content, and every other option,

so a changed file, version, code, lexicon or option misses the cache.  A
whole run (:func:`analysis.run.corpus_run` streaming to a folder) is
stored under a key made of its speeches' keys, the other files' records,
its inputs and options, with copies of its two Parquet tables beside it.

An entry is one file, ``<2 hex>/<64 hex>.arrow``: an 8-byte magic, the length
of a JSON header, the header, then a body of Arrow IPC streams (tables) and
raw little-endian numeric arrays.  The header holds the entry's key, kind,
small fields as JSON, the place and type of each part, and the body's
size and CRC-32.  Nothing in it is unpickled or evaluated: reading an entry parses
JSON, Arrow IPC and fixed-width numbers only, so a file planted in a shared
cache folder cannot run code.  An entry that fails to parse or validate
(wrong magic, key, kind, size, checksum, part type) is a miss and is removed.
The checksum catches truncated and damaged files; it is no defence against
someone who can write the cache folder (they could write a matching one),
which is why nothing read from it can run code.
Files kept beside an entry (:func:`cache_file`) are validated by the caller
against sizes and checksums recorded in the entry.

The cache writes nothing else into its folder and removes nothing else;
a temporary file left by a failed write (a full disk) is removed at once.

Location: ``$SPEECH_ANALYSIS_CACHE`` if set, else
``$XDG_CACHE_HOME/zh-speech-analysis`` (``~/.cache/zh-speech-analysis``).
``python -m analysis cache clear`` empties it; ``--no-cache`` bypasses it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import tempfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

__all__ = [
    "CacheEntry", "cache_dir", "cache_key", "cache_get", "cache_has", "cache_put", "cache_file", "cache_remove",
    "cache_clear", "cache_info", "code_fingerprint", "checksum", "write_atomically",
]

_SUFFIX = ".arrow"
_MAGIC = b"ZHSACE01"  # zh-speech-analysis cache entry, format 1
_FORMAT = 1
# Numeric arrays an entry may hold: fixed-width little-endian numbers, never objects.
_ARRAY_DTYPES = {"<u8", "<i8", "<i4", "<u4", "<f8", "<i2", "|u1", "|b1"}


@dataclass
class CacheEntry:
    """What an entry holds: small JSON fields, Arrow tables and numeric arrays."""

    kind: str
    meta: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, pa.Table] = field(default_factory=dict)
    arrays: dict[str, np.ndarray] = field(default_factory=dict)


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


def checksum(data: bytes | memoryview) -> int:
    """The CRC-32 of ``data`` (what entries record of their body and of the files kept beside them)."""
    return zlib.crc32(data)


# -- encoding and decoding ------------------------------------------------------

def _encode(key: str, entry: CacheEntry) -> list[bytes | memoryview]:
    parts: list[list[Any]] = []
    chunks: list[Any] = []
    offset = 0
    for name, table in entry.tables.items():
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        buffer = sink.getvalue()
        parts.append([name, "arrow", "", offset, buffer.size])
        chunks.append(memoryview(buffer))
        offset += buffer.size
    for name, array in entry.arrays.items():
        array = np.ascontiguousarray(array)
        dtype = array.dtype.newbyteorder("<") if array.dtype.byteorder == ">" else array.dtype
        array = array.astype(dtype, copy=False)
        if dtype.str not in _ARRAY_DTYPES or array.ndim != 1:
            raise TypeError(f"cannot cache an array of {dtype.str} with {array.ndim} dimensions")
        data = array.tobytes()
        parts.append([name, "array", dtype.str, offset, len(data)])
        chunks.append(data)
        offset += len(data)
    crc = 0
    for chunk in chunks:
        crc = zlib.crc32(chunk, crc)
    header = json.dumps(
        {"format": _FORMAT, "key": key, "kind": entry.kind, "meta": entry.meta, "parts": parts,
         "body_bytes": offset, "body_crc32": crc},
        ensure_ascii=False, allow_nan=True,
    ).encode("utf-8")
    return [_MAGIC, struct.pack("<Q", len(header)), header, *chunks]


class _Invalid(Exception):
    """An entry that does not parse or validate."""


def _decode(data: bytes, key: str, kind: str) -> CacheEntry:
    if len(data) < 16 or data[:8] != _MAGIC:
        raise _Invalid("not a cache entry")
    (length,) = struct.unpack("<Q", data[8:16])
    if 16 + length > len(data):
        raise _Invalid("truncated header")
    try:
        header = json.loads(data[16:16 + length].decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise _Invalid(f"header: {err}") from None
    if not isinstance(header, dict) or header.get("format") != _FORMAT or header.get("key") != key or header.get("kind") != kind:
        raise _Invalid("another format, key or kind")
    body = memoryview(data)[16 + length:]
    if len(body) != header.get("body_bytes") or zlib.crc32(body) != header.get("body_crc32"):
        raise _Invalid("body size or checksum differs")
    meta = header.get("meta")
    if not isinstance(meta, dict) or not isinstance(header.get("parts"), list):
        raise _Invalid("malformed header")
    entry = CacheEntry(kind=kind, meta=meta)
    buffer = pa.py_buffer(body)
    for part in header["parts"]:
        name, part_type, dtype, offset, size = part
        if not (isinstance(offset, int) and isinstance(size, int) and 0 <= offset and offset + size <= len(body)):
            raise _Invalid("part out of range")
        if part_type == "arrow":
            entry.tables[name] = pa.ipc.open_stream(buffer.slice(offset, size)).read_all()
        elif part_type == "array" and dtype in _ARRAY_DTYPES and size % np.dtype(dtype).itemsize == 0:
            entry.arrays[name] = np.frombuffer(body[offset:offset + size], dtype=np.dtype(dtype))
        else:
            raise _Invalid(f"unknown part type {part_type!r} {dtype!r}")
    return entry


# -- the public interface ---------------------------------------------------------

def cache_get(key: str, kind: str) -> CacheEntry | None:
    """The entry stored under ``key``, of ``kind``; None on a miss.

    An entry that cannot be read, parsed or validated is a miss, and is
    removed (with the files kept beside it).
    """
    path = _path(key)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        return _decode(data, key, kind)
    except (_Invalid, pa.ArrowException, ValueError, TypeError, KeyError, struct.error):
        cache_remove(key)
        return None


def cache_remove(key: str) -> None:
    """Remove the entry ``key`` and the files kept beside it."""
    folder = cache_dir() / key[:2]
    try:
        names = [p for p in folder.iterdir() if p.name.startswith(key + ".")]
    except OSError:
        return
    for path in names:
        try:
            path.unlink()
        except OSError:
            pass


def cache_has(key: str) -> bool:
    """Whether an entry is stored under ``key`` (it may still fail to load)."""
    return _path(key).is_file()


def write_atomically(path: Path, chunks: list[bytes | memoryview]) -> bool:
    """Write ``chunks`` to ``path`` through a temporary file and a rename; False (and nothing left) on failure."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            temporary = handle.name
            for chunk in chunks:
                handle.write(chunk)
        os.replace(temporary, path)
        return True
    except (OSError, MemoryError):
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
        return False


def cache_put(key: str, entry: CacheEntry) -> bool:
    """Store an entry atomically; a cache that cannot be written is skipped (False), leaving no temporary file."""
    try:
        chunks = _encode(key, entry)
    except (pa.ArrowException, TypeError, ValueError, MemoryError):
        return False
    return write_atomically(_path(key), chunks)


def cache_clear() -> tuple[int, Path]:
    """Remove every entry (and the files kept beside them); return how many entries and where."""
    folder = cache_dir()
    removed = 0
    for path in _cache_files(folder):
        removed += path.suffix in _ENTRY_SUFFIXES
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


# What this cache writes, and nothing else: <2 hex>/<64 hex>.arrow, <64 hex>.<table>.parquet
# beside it, and tmp*.tmp while an entry is being written (.pkl: entries of earlier
# versions, never read, removed by `cache clear`).  A cache folder set by mistake to
# one that holds other files keeps them.
_ENTRY_SUFFIXES = (_SUFFIX, ".pkl")
_OWN_FILE = re.compile(r"[0-9a-f]{64}(?:\.arrow|\.pkl|\.[a-z]+\.parquet)|tmp[^/]*\.tmp")


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
