"""Near-duplicate speeches: which document copies most of its sentences from an earlier one.

Each speech contributes the hashes of its normalised sentences
(:func:`sentence_hashes`); :func:`duplicates_flag` compares them across the
corpus.  The rule is documented in ``data/README.md``.
"""

from __future__ import annotations

import hashlib
import re
from typing import Collection, Iterable, Sequence

import numpy as np

_HASHABLE = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]")


def sentence_hashes(sentences: Iterable[str]) -> np.ndarray:
    """Stable hashes of normalised sentences (punctuation and spaces removed), distinct, as uint64."""
    hashes = set()
    for sentence in sentences:
        core = _HASHABLE.sub("", sentence)
        if len(core) >= 8:
            hashes.add(int.from_bytes(hashlib.blake2b(core.encode(), digest_size=8).digest(), "big"))
    return np.fromiter(hashes, dtype=np.uint64, count=len(hashes))


_COMMON_SENTENCE = 1000

#: Order of formats among copies: a plain-text copy counts as earlier than a converted one.
FORMAT_ORDER = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


def duplicate_rank(path: str) -> int:
    """Rank of a file's format in :data:`FORMAT_ORDER` (unknown formats last)."""
    suffix = path[path.rfind("."):].lower() if "." in path.rsplit("/", 1)[-1] else ""
    return FORMAT_ORDER.index(suffix) if suffix in FORMAT_ORDER else len(FORMAT_ORDER)


def duplicates_flag(hashes: Sequence[tuple[str, Collection[int]]], *, threshold: float = 0.8) -> dict[str, str]:
    """Near-duplicates: ``doc_id → doc_id of the earlier document it copies``.

    A document is a near-duplicate when at least ``threshold`` of its
    sentences (normalised: punctuation and spaces removed, at least 8
    characters) also stand in one earlier document, in input order (paths
    sorted).  When several earlier documents qualify, the one sharing most
    is named.  Each document's hashes are distinct unsigned 64-bit values
    (a set, or an array).  A sentence found in more than 1,000 documents
    counts as a stock phrase: it stays in each document's total but is
    shared with none.
    """
    arrays = [hs if isinstance(hs, np.ndarray) else np.fromiter(hs, dtype=np.uint64, count=len(hs)) for _, hs in hashes]
    sizes = np.array([len(a) for a in arrays], dtype=np.int64)
    values = np.concatenate(arrays).astype(np.uint64, copy=False) if arrays else np.empty(0, dtype=np.uint64)
    docs = np.repeat(np.arange(len(hashes), dtype=np.int64), sizes)
    # Sentences grouped by hash, documents in input order within a group (a
    # stable sort keeps that order): every (later, earlier) pair in a group is
    # one sentence the two share.
    order = np.argsort(values, kind="stable")
    values, docs = values[order], docs[order]
    group_start = np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if len(values) else np.empty(0, dtype=np.int64)
    group_size = np.diff(np.r_[group_start, len(values)])
    later_parts, earlier_parts = [], []
    # A sentence in more than _COMMON_SENTENCE speeches (a stock phrase, a site
    # footer) says nothing about which speech copies which, and its pairs
    # would grow with the square of its count.
    for size in np.unique(group_size[(group_size > 1) & (group_size <= _COMMON_SENTENCE)]).tolist():
        members = docs[group_start[group_size == size][:, None] + np.arange(size)]  # one row per group
        for b in range(1, size):
            later_parts.append(np.repeat(members[:, b], b))
            earlier_parts.append(members[:, :b].ravel())
    if not later_parts:
        return {}
    n = len(hashes)
    pairs, shared = np.unique(np.concatenate(later_parts) * n + np.concatenate(earlier_parts), return_counts=True)
    later, earlier = pairs // n, pairs % n
    # For each later document the earlier one sharing most (the first in input order on a tie).
    best = np.lexsort((earlier, -shared, later))
    first = best[np.r_[True, later[best][1:] != later[best][:-1]]]
    flagged: dict[str, str] = {}
    for i, j, count in zip(later[first].tolist(), earlier[first].tolist(), shared[first].tolist()):
        if count / sizes[i] >= threshold:
            flagged[hashes[i][0]] = hashes[j][0]
    return flagged
