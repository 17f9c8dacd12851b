"""Stock phrases in text reuse: shingles common to many documents, the documents holding a passage, strings of stock phrases.

A shingle found in more than ``stock_share`` of all the documents compared
(and in at least ``stock_min_docs``) is *stock*.  :func:`stock_and_shared`
finds them; :class:`Postings` lists the documents holding each stock shingle,
so that the documents holding a whole passage can be counted (a passage held
by more than ``stock_share`` of the documents is a stock phrase, not reuse);
:func:`stock_run_pairs` gives the candidates the MinHash windows cannot see
(a rare string of stock phrases); :func:`stock_phrases` the table of stock
phrases reported apart.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures.reuse_align import ReuseParams, ReuseText, _member, covered_mask

__all__ = ["STOCK_COLUMNS", "Postings", "stock_and_shared", "stock_run_pairs", "stock_phrases"]

STOCK_COLUMNS = ["text", "n_chars", "n_docs", "share", "example_doc_id"]
_STOCK_MIN_CHARS = 10


def stock_and_shared(prepared: list[ReuseText], *, n_corpus: int, has_reference: bool, params: ReuseParams):  # type: ignore[no-untyped-def]
    """Sorted stock shingles, and the shingles each side of the search holds (corpus side, reference side)."""
    unique = [np.unique(doc.hashes) for doc in prepared]
    if not unique:
        empty = np.empty(0, np.uint64)
        return empty, (empty, empty)
    values, df = np.unique(np.concatenate(unique), return_counts=True)
    limit = params.stock_share * len(prepared)
    stock = values[(df > limit) & (df >= params.stock_min_docs)]
    if not has_reference:
        common = values[df >= 2]
        return stock, (common, common)
    corpus_side = np.unique(np.concatenate(unique[:n_corpus] or [np.empty(0, np.uint64)]))
    reference_side = np.unique(np.concatenate(unique[n_corpus:] or [np.empty(0, np.uint64)]))
    return stock, (reference_side, corpus_side)


class Postings:
    """Which documents hold each stock shingle, to count the documents holding a whole passage."""

    def __init__(self, prepared: list[ReuseText], stock: np.ndarray) -> None:
        hashes, owners = [], []
        for doc in prepared:
            present = np.unique(doc.hashes)
            present = present[_member(present, stock)]
            hashes.append(present)
            owners.append(np.full(len(present), doc.key, dtype=np.int64))
        all_hashes = np.concatenate(hashes or [np.empty(0, np.uint64)])
        all_owners = np.concatenate(owners or [np.empty(0, np.int64)])
        order = np.lexsort((all_owners, all_hashes))
        self.hashes, self.owners, self.stock = all_hashes[order], all_owners[order], stock

    def docs_containing(self, shingles: np.ndarray) -> int:
        """Documents holding every one of the shingles (0 as soon as one is not stock)."""
        return len(self.holders(shingles))

    def holders(self, shingles: np.ndarray) -> np.ndarray:
        """The documents (keys) holding every one of the shingles; none as soon as one is not stock."""
        values = np.unique(shingles)
        if not len(values) or not _member(values, self.stock).all():
            return np.empty(0, dtype=np.int64)
        lo = np.searchsorted(self.hashes, values, "left")
        hi = np.searchsorted(self.hashes, values, "right")
        docs = None
        for index in np.argsort(hi - lo):
            owners = self.owners[lo[index]:hi[index]]
            docs = owners if docs is None else np.intersect1d(docs, owners, assume_unique=True)
            if not len(docs):
                break
        return np.empty(0, dtype=np.int64) if docs is None else docs


def stock_run_pairs(prepared, stock, postings, *, params):  # type: ignore[no-untyped-def]
    """Candidates the MinHash windows cannot see: a run of stock shingles at least ``min_chars`` long
    whose combination is rare (stock phrases strung together in an order few documents share).

    A run is looked at in pieces of ``2 * min_chars`` characters (overlapping by half); a piece's
    documents are those holding every ``shingle``-th of its shingles (the alignment checks the rest),
    and a piece held by more than ``stock_share`` of the documents is a stock phrase and gives none.
    Returns arrays (document a, document b, start in a, start in b) like the LSH window pairs.
    """
    k, w = params.shingle, params.window
    limit = params.stock_share * len(prepared)
    by_key = {doc.key: doc for doc in prepared}
    cache: dict[str, np.ndarray] = {}
    da, db, wa, wb = [], [], [], []
    for doc in prepared:
        mask = covered_mask(len(doc.kept), _member(doc.hashes, stock), k)
        if not mask.any():
            continue
        edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
        for run_start, run_end in zip(edges[::2], edges[1::2]):
            if run_end - run_start < params.min_chars:
                continue
            # pieces of two min_chars, overlapping by half, so that a rare stretch inside a longer run is seen
            piece = 2 * params.min_chars
            last = max(int(run_start), int(run_end) - piece)
            for s in sorted({*range(int(run_start), last + 1, params.min_chars), last}):
                e = min(int(run_end), s + piece)
                sample = doc.hashes[s:e - k + 1:k]
                key = doc.kept[s:e]
                holders = cache.get(key)
                if holders is None:
                    holders = cache[key] = postings.holders(sample)
                if len(holders) < 2 or len(holders) > limit:
                    continue
                for other in holders:
                    if other <= doc.key:
                        continue  # each pair once, from its first document
                    positions = np.flatnonzero(by_key[int(other)].hashes == sample[0])
                    for start_b in positions[:4]:
                        for start_a in range(s, e, w):
                            da.append(doc.key)
                            db.append(int(other))
                            wa.append(start_a)
                            wb.append(int(start_b) + start_a - s)
    as_array = lambda values: np.asarray(values, dtype=np.int64)  # noqa: E731
    return as_array(da), as_array(db), as_array(wa), as_array(wb)


def stock_phrases(prepared, stock, *, n_docs, params):  # type: ignore[no-untyped-def]
    """Maximal runs of stock shingles, grouped by their text; and each speech's stock characters."""
    k = params.shingle
    found: dict[str, tuple[set[int], str, str]] = {}
    stock_chars: dict[int, int] = {}
    for doc in prepared:
        mask = covered_mask(len(doc.kept), _member(doc.hashes, stock), k)
        if not mask.any():
            continue
        edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
        total = 0
        for s, e in zip(edges[::2], edges[1::2]):
            start, end = int(doc.offsets[s]), int(doc.offsets[e - 1]) + 1
            total += end - start
            if e - s < _STOCK_MIN_CHARS:
                continue
            key = doc.kept[s:e]
            entry = found.setdefault(key, (set(), doc.text[start:end], doc.doc_id))
            entry[0].add(doc.key)
        stock_chars[doc.key] = total
    records = [
        (text, len(text), len(keys), round(len(keys) / n_docs, 4), example)
        for _, (keys, text, example) in found.items()
        if len(keys) > params.stock_share * n_docs and len(keys) >= params.stock_min_docs
    ]
    table = pd.DataFrame.from_records(records, columns=STOCK_COLUMNS)
    if len(table):
        table = table.sort_values(["n_docs", "n_chars", "text"], ascending=[False, False, True], ignore_index=True)
    return table, stock_chars
