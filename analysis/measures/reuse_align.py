"""Text reuse, the mechanics: shingles, MinHash windows, and local alignment of a candidate pair.

A text is compared on its *kept* characters: Chinese characters, Latin
letters and digits, with punctuation and white space dropped
(:func:`text_prepare` keeps a map back to offsets in the cleaned text).
Each position starts a character ``k``-gram (a shingle), hashed to 64 bits
by a rolling polynomial.  Overlapping windows of ``window`` kept characters
are summarised by a MinHash (``datasketch``) of their shingles, stock
shingles left out (:func:`windows_sketch`); windows that collide in the LSH
index name a candidate pair of documents and the regions to align.
:func:`pair_align` aligns such a pair: exact shared shingles are the anchors,
runs of anchors on one diagonal are exact matches, and runs close enough
(gaps of at most ``max_gap`` characters, the diagonal drifting by at most
``max_shift``) are chained into one passage; the gaps between runs are
aligned with :class:`difflib.SequenceMatcher`, so a passage tolerates
substituted names (``XX``), swapped place names and inserted characters.
The work per pair is linear in the length of its regions (no quadratic
dynamic programme over whole documents).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
import numpy as np

__all__ = [
    "ReuseText",
    "ReuseParams",
    "text_prepare",
    "kgram_hashes",
    "windows_sketch",
    "pair_align",
    "covered_mask",
]

_U64 = np.uint64
_MULT = _U64(0x100000001B3)
_MIX1 = _U64(0xFF51AFD7ED558CCD)
_MIX2 = _U64(0xC4CEB9FE1A85EC53)


@dataclass(frozen=True)
class ReuseParams:
    """Settings of the reuse search (defaults documented in the README and ``data/README.md``)."""

    shingle: int = 6  # characters per shingle (kept characters)
    window: int = 40  # kept characters per MinHash window
    stride: int = 10  # kept characters between window starts
    num_perm: int = 64  # MinHash permutations
    bands: int = 21  # LSH bands (rows per band = num_perm // bands)
    min_shingles: int = 3  # windows with fewer non-stock shingles are not sketched
    max_gap: int = 24  # kept characters an edit may span between two exact runs
    max_shift: int = 12  # net characters inserted or deleted between two runs
    max_repeat: int = 8  # a shingle repeated more often in one region is not an anchor
    max_bucket: int = 200  # LSH buckets holding more windows are common text, not reuse
    min_jaccard: float = 0.0  # least MinHash estimate of a candidate window pair's Jaccard similarity (0: keep all; 0.2 drops a sixth of the real passages)
    min_chars: int = 30  # passages shorter than this (cleaned characters) are dropped
    min_similarity: float = 0.75  # share of identical characters in the alignment
    stock_share: float = 0.1  # a shingle in more than this share of the documents is stock
    stock_min_docs: int = 5  # … and in at least this many documents
    seed: int = 1


@dataclass
class ReuseText:
    """One document prepared for reuse detection (picklable: strings and numpy arrays)."""

    key: int
    doc_id: str
    date: str
    text: str  # cleaned text (the offsets of every output refer to it)
    kept: str  # the kept characters, in order
    offsets: np.ndarray  # int64: kept index → cleaned-text offset
    hashes: np.ndarray  # uint64: shingle starting at each kept index (len(kept) - k + 1)


def _kept_mask(codes: np.ndarray) -> np.ndarray:
    return (
        ((codes >= 0x3400) & (codes <= 0x9FFF))
        | ((codes >= 0xF900) & (codes <= 0xFAFF))
        | (codes == 0x3007)  # 〇, as in 二〇二四年
        | ((codes >= 0x30) & (codes <= 0x39))
        | ((codes >= 0x41) & (codes <= 0x5A))
        | ((codes >= 0x61) & (codes <= 0x7A))
    )


def kgram_hashes(codes: np.ndarray, k: int) -> np.ndarray:
    """64-bit hashes of every ``k``-gram of a code-point array (rolling polynomial, then mixed)."""
    n = len(codes) - k + 1
    if n <= 0:
        return np.empty(0, dtype=_U64)
    values = codes.astype(_U64)
    h = np.zeros(n, dtype=_U64)
    for t in range(k):
        h = h * _MULT + values[t:t + n]
    h ^= h >> _U64(33)
    h *= _MIX1
    h ^= h >> _U64(33)
    h *= _MIX2
    h ^= h >> _U64(33)
    return h


def text_prepare(key: int, doc_id: str, date: str, text: str, *, shingle: int) -> ReuseText:
    """Kept characters, their offsets and shingle hashes of one cleaned text."""
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    offsets = np.flatnonzero(_kept_mask(codes)).astype(np.int64)
    kept_codes = codes[offsets]
    kept = kept_codes.tobytes().decode("utf-32-le")
    return ReuseText(key, doc_id, date, text, kept, offsets, kgram_hashes(kept_codes, shingle))


def window_starts(n_kept: int, params: ReuseParams) -> np.ndarray:
    """Start of each window (the last one flush with the end of the text)."""
    if n_kept < params.shingle:
        return np.empty(0, dtype=np.int64)
    last = max(0, n_kept - params.window)
    starts = np.arange(0, last + 1, params.stride, dtype=np.int64)
    if starts[-1] != last:
        starts = np.append(starts, last)
    return starts


def windows_sketch(
    doc: ReuseText,
    *,
    stock: np.ndarray,
    shared: np.ndarray | None,
    params: ReuseParams,
) -> tuple[np.ndarray, np.ndarray]:
    """MinHash signatures of the windows of one document worth indexing.

    ``stock``: sorted stock shingle hashes (left out of every window);
    ``shared``: sorted hashes of the shingles the other side of the search
    holds (None: no filter).  A window is sketched when it has at least
    ``min_shingles`` distinct non-stock shingles, of which at least a fifth
    (and three) occur on the other side: a window sharing fewer cannot reach
    the Jaccard similarity the LSH index looks for.  Returns the window
    starts (kept-character index) and a ``(windows, num_perm)`` array of
    signatures.
    """
    from datasketch import MinHash

    hashes = doc.hashes
    per_window = params.window - params.shingle + 1
    starts = window_starts(len(doc.kept), params)
    if not len(starts):
        return np.empty(0, dtype=np.int64), np.empty((0, params.num_perm), dtype=np.uint32)
    not_stock = ~_member(hashes, stock)
    useful = not_stock & (_member(hashes, shared) if shared is not None else True)
    # counted by position (a shingle repeated inside 35 positions is rare); the MinHash of a window is that of its set
    n_not_stock = np.concatenate(([0], np.cumsum(not_stock)))
    n_useful = np.concatenate(([0], np.cumsum(useful)))
    ends = np.minimum(starts + per_window, len(hashes))
    count = n_not_stock[ends] - n_not_stock[starts]
    shared_count = n_useful[ends] - n_useful[starts]
    chosen = starts[(count >= params.min_shingles) & (shared_count >= np.maximum(3, count // 5))]
    sketch = MinHash(num_perm=params.num_perm, seed=params.seed, hashfunc=_identity)
    empty = sketch.hashvalues.copy()
    values32 = (hashes >> _U64(32)).astype(np.uint32)
    signatures = np.empty((len(chosen), params.num_perm), dtype=empty.dtype)
    for row, start in enumerate(chosen):
        part = slice(int(start), int(start) + per_window)
        sketch.hashvalues = empty.copy()
        sketch.update_batch(values32[part][not_stock[part]])
        signatures[row] = sketch.hashvalues
    return chosen.astype(np.int64), signatures


def _identity(value):  # type: ignore[no-untyped-def]
    return value


def _member(values: np.ndarray, sorted_set: np.ndarray | None) -> np.ndarray:
    if sorted_set is None or not len(sorted_set) or not len(values):
        return np.zeros(len(values), dtype=bool)
    index = np.searchsorted(sorted_set, values)
    index[index >= len(sorted_set)] = len(sorted_set) - 1
    return sorted_set[index] == values


def covered_mask(n_kept: int, hash_mask: np.ndarray, k: int) -> np.ndarray:
    """Kept characters covered by at least one flagged shingle."""
    covered = np.zeros(n_kept + 1, dtype=np.int64)
    starts = np.flatnonzero(hash_mask)
    np.add.at(covered, starts, 1)
    np.add.at(covered, np.minimum(starts + k, n_kept), -1)
    return np.cumsum(covered[:n_kept]) > 0


def _region_positions(regions: np.ndarray, n_hashes: int, params: ReuseParams) -> np.ndarray:
    """Shingle positions within the candidate windows, widened by two windows on each side."""
    if not len(regions) or not n_hashes:
        return np.empty(0, dtype=np.int64)
    ordered = np.sort(regions)
    lo = np.maximum(0, ordered - 2 * params.window)
    hi = np.minimum(n_hashes, ordered + 3 * params.window)
    # merge overlapping intervals, then list their positions
    reach = np.maximum.accumulate(hi)
    new = np.concatenate(([True], lo[1:] > reach[:-1]))
    first = np.flatnonzero(new)
    starts = lo[first]
    ends = np.maximum.reduceat(hi, first)
    lengths = ends - starts
    total = int(lengths.sum())
    return np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths) + np.arange(total)


def _anchors(a: ReuseText, b: ReuseText, pos_a: np.ndarray, pos_b: np.ndarray, params: ReuseParams) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of positions (i in a, j in b) where the two texts share a shingle."""
    ha, hb = a.hashes[pos_a], b.hashes[pos_b]
    order = np.argsort(hb, kind="stable")
    hb_sorted = hb[order]
    lo = np.searchsorted(hb_sorted, ha, "left")
    hi = np.searchsorted(hb_sorted, ha, "right")
    count = hi - lo
    keep = (count > 0) & (count <= params.max_repeat)
    # a shingle repeated often inside a's region is not an anchor either
    if keep.any():
        values, inverse, repeats = np.unique(ha, return_inverse=True, return_counts=True)
        keep &= repeats[inverse] <= params.max_repeat
    count = count[keep]
    if not len(count):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    first = np.repeat(lo[keep], count)
    within = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    i = np.repeat(pos_a[keep], count)
    j = pos_b[order[first + within]]
    return i, j


def _runs(i: np.ndarray, j: np.ndarray, k: int) -> list[tuple[int, int, int]]:
    """Exact matches: maximal runs of anchors on one diagonal, as (i, j, length in characters)."""
    if not len(i):
        return []
    d = j - i
    order = np.lexsort((i, d))
    i, d = i[order], d[order]
    breaks = np.flatnonzero((np.diff(d) != 0) | (np.diff(i) != 1)) + 1
    starts = np.concatenate(([0], breaks))
    ends = np.concatenate((breaks, [len(i)])) - 1
    runs = [(int(i[s]), int(i[s] + d[s]), int(i[e] - i[s] + k)) for s, e in zip(starts, ends)]
    runs.sort()
    return runs


def _chains(runs: list[tuple[int, int, int]], params: ReuseParams) -> list[list[tuple[int, int, int]]]:
    """Runs chained into passages: each next run starts after the chain in both texts, close and nearly on its diagonal."""
    chains: list[list[tuple[int, int, int]]] = []
    active: list[int] = []  # indices into chains
    for i0, j0, length in runs:
        best, best_cost = -1, None
        still = []
        for c in active:
            ci, cj, clen = chains[c][-1]
            end_i, end_j = ci + clen, cj + clen
            if i0 - end_i > params.max_gap:
                continue  # closed: later runs start further right still
            still.append(c)
            gi, gj = i0 - end_i, j0 - end_j
            if gj > params.max_gap or abs(gi - gj) > params.max_shift:
                continue
            if i0 + length <= end_i or j0 + length <= end_j:
                continue  # adds nothing in one of the texts
            cost = abs(gi - gj) + max(gi, gj, 0)
            if best_cost is None or cost < best_cost:
                best, best_cost = c, cost
        active = still
        if best >= 0:
            ci, cj, clen = chains[best][-1]
            cut = max(ci + clen - i0, cj + clen - j0, 0)  # overlap with the chain: trim the run's start
            chains[best].append((i0 + cut, j0 + cut, length - cut))
        else:
            chains.append([(i0, j0, length)])
            active.append(len(chains) - 1)
    return chains


def _extend(a: str, b: str, i0: int, j0: int, i1: int, j1: int) -> tuple[int, int, int, int]:
    while i0 > 0 and j0 > 0 and a[i0 - 1] == b[j0 - 1]:
        i0, j0 = i0 - 1, j0 - 1
    while i1 < len(a) and j1 < len(b) and a[i1] == b[j1]:
        i1, j1 = i1 + 1, j1 + 1
    return i0, j0, i1, j1


def _stub(a: str, b: str, i: int, j: int, params: ReuseParams, *, forward: bool) -> tuple[int, int, int, int]:
    """Past the end (or before the start) of a passage: a short gap, then at least 3 identical
    characters running to within a shingle of the gap's far side, are taken in."""
    reach = params.shingle + params.max_shift
    if forward:
        tail_a, tail_b = a[i:i + reach], b[j:j + reach]
    else:
        tail_a, tail_b = a[max(0, i - reach):i][::-1], b[max(0, j - reach):j][::-1]
    if len(tail_a) < 3 or len(tail_b) < 3:
        return i, j, 0, 0
    if not {tail_a[x:x + 3] for x in range(len(tail_a) - 2)} & {tail_b[x:x + 3] for x in range(len(tail_b) - 2)}:
        return i, j, 0, 0  # nothing in common: the usual case, decided without a SequenceMatcher
    matcher = SequenceMatcher(None, tail_a, tail_b, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size >= 3]
    if not blocks:
        return i, j, 0, 0
    last = blocks[-1]
    end_a, end_b = last.a + last.size, last.b + last.size
    if end_a <= params.max_gap and end_b <= params.max_gap and abs(end_a - end_b) <= params.max_shift:
        same = sum(m.size for m in blocks)
        if same * 2 >= max(end_a, end_b):
            cols = max(end_a, end_b)
            return (i + end_a, j + end_b, same, cols) if forward else (i - end_a, j - end_b, same, cols)
    return i, j, 0, 0


def _score(a: str, b: str, chain: list[tuple[int, int, int]]) -> tuple[int, int]:
    """Identical characters and alignment columns of a chain (gaps aligned by SequenceMatcher)."""
    identical = sum(length for _, _, length in chain)
    columns = identical
    for (pi, pj, plen), (ni, nj, _) in zip(chain, chain[1:]):
        gap_a, gap_b = a[pi + plen:ni], b[pj + plen:nj]
        if not gap_a or not gap_b:
            columns += len(gap_a) + len(gap_b)
            continue
        for tag, a0, a1, b0, b1 in SequenceMatcher(None, gap_a, gap_b, autojunk=False).get_opcodes():
            if tag == "equal":
                identical += a1 - a0
                columns += a1 - a0
            else:
                columns += max(a1 - a0, b1 - b0)
    return identical, columns


def pair_align(
    a: ReuseText,
    b: ReuseText,
    regions_a: np.ndarray,
    regions_b: np.ndarray,
    *,
    params: ReuseParams,
) -> list[tuple[int, int, int, int, int, int]]:
    """Passages shared by two texts, near the candidate windows.

    Returns ``(i0, i1, j0, j1, identical, columns)`` per passage, in kept
    characters (end exclusive); the caller maps them to cleaned offsets and
    applies the length and similarity thresholds.
    """
    pos_a = _region_positions(regions_a, len(a.hashes), params)
    pos_b = _region_positions(regions_b, len(b.hashes), params)
    if not len(pos_a) or not len(pos_b):
        return []
    i, j = _anchors(a, b, pos_a, pos_b, params)
    passages = []
    for chain in _chains(_runs(i, j, params.shingle), params):
        i0, j0, _ = chain[0]
        li, lj, llen = chain[-1]
        i1, j1 = li + llen, lj + llen
        if i1 - i0 < params.min_chars // 2:
            continue  # cannot reach min_chars in the cleaned text either (at most half of it is punctuation)
        identical, columns = _score(a.kept, b.kept, chain)
        e0, f0, e1, f1 = _extend(a.kept, b.kept, i0, j0, i1, j1)
        extra = (i0 - e0) + (e1 - i1)
        identical, columns = identical + extra, columns + extra
        reach = params.shingle + params.max_shift
        span = int(a.offsets[e1 - 1]) + 1 - int(a.offsets[e0])
        if span + 2 * reach < params.min_chars or identical < (params.min_similarity - 0.1) * columns:
            continue  # cannot pass the length and similarity thresholds whatever the stubs add
        # an edit a few characters from either end leaves a stub shorter than a shingle: take it in
        e1, f1, same, cols = _stub(a.kept, b.kept, e1, f1, params, forward=True)
        identical, columns = identical + same, columns + cols
        e0, f0, same, cols = _stub(a.kept, b.kept, e0, f0, params, forward=False)
        passages.append((e0, e1, f0, f1, identical + same, columns + cols))
    return passages
