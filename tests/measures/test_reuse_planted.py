"""Planted passages: recall and precision of the reuse search on real texts with known copies.

The corpus is built here: real 2024 city reports (``../shared/corpus-local``)
receive 50 passages of 40–400 characters copied from the Politburo's monthly
readouts (``../shared/corpus/politburo``), half of them edited (a few
substituted or inserted characters, names redacted to ``XX``), each put in
after the end of a sentence.  A planted passage is found when a passage of
``reuse.csv`` overlaps at least 80% of it and names its source (or a readout
holding the same unedited text).  Precision counts every passage found
between a report and a readout that is not planted as a false one, except
those already shared by the unplanted texts (real reuse, found by a run on
them).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import pytest

from analysis.measures.reuse import CorpusText, reuse_find, texts_read

N_PLANTED = 50
HOST_CITIES = ["三亚", "乐山", "北海", "吉安", "泸州", "锡林郭勒"]
_FILLER = "甲乙丙丁东南西北春夏秋冬山水田林湖草河海江"


@dataclass(frozen=True)
class Plant:
    host: str
    start: int
    end: int
    source: str
    original: str  # the unedited passage as it stands in the source
    edited: bool


def _edit(passage: str, rng: random.Random) -> str:
    chars = list(passage)
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(["substitute", "redact", "insert"])
        at = rng.randint(3, max(3, len(chars) - 6))
        if kind == "substitute":
            for offset in range(rng.randint(1, 2)):
                if at + offset < len(chars):
                    chars[at + offset] = rng.choice(_FILLER)
        elif kind == "redact":
            chars[at:at + rng.randint(2, 3)] = ["X", "X"]
        else:
            chars[at:at] = [rng.choice(_FILLER) for _ in range(rng.randint(1, 3))]
    return "".join(chars)


def planted_corpus(local, shared, *, seed: int = 16):  # type: ignore[no-untyped-def]
    """Hosts with passages planted, the readouts, the plants, and the unplanted hosts."""
    rng = random.Random(seed)
    hosts, _ = texts_read([local / "gwr-city" / f"2024_{city}_government-work-report.txt" for city in HOST_CITIES])
    readouts, _ = texts_read(sorted((shared / "politburo").glob("*_politburo-meeting*.txt")))
    insertions: dict[str, list[tuple[int, str, CorpusText, str, bool]]] = {h.doc_id: [] for h in hosts}
    for n in range(N_PLANTED):
        source = rng.choice(readouts)
        length = rng.randint(40, 400)
        start = rng.randint(0, max(0, len(source.text) - length))
        original = source.text[start:start + length]
        edited = n % 2 == 1
        passage = _edit(original, rng) if edited else original
        host = hosts[n % len(hosts)]
        ends = [i + 1 for i, c in enumerate(host.text) if c == "。"]
        insertions[host.doc_id].append((rng.choice(ends), passage, source, original, edited))
    planted_hosts, plants = [], []
    for host in hosts:
        pieces, shift, last = [], 0, 0
        for at, passage, source, original, edited in sorted(insertions[host.doc_id], key=lambda x: x[0]):
            pieces.append(host.text[last:at])
            begin = at + shift
            pieces.append(passage)
            plants.append(Plant(host.doc_id, begin, begin + len(passage), source.doc_id, original, edited))
            shift += len(passage)
            last = at
        pieces.append(host.text[last:])
        planted_hosts.append(CorpusText(doc_id=host.doc_id, text="".join(pieces), date=host.date))
    return planted_hosts, readouts, plants, hosts


def planted_scores(passages, plants, readouts) -> dict[str, float]:  # type: ignore[no-untyped-def]
    texts = {r.doc_id: r.text for r in readouts}

    def right_source(plant: Plant, source: str) -> bool:
        return source == plant.source or plant.original in texts.get(source, "")

    hits = 0
    for plant in plants:
        rows = passages[passages["doc_id"] == plant.host]
        for row in rows.itertuples(index=False):
            overlap = min(row.end, plant.end) - max(row.start, plant.start)
            if overlap >= 0.8 * (plant.end - plant.start) and right_source(plant, row.source_doc_id):
                hits += 1
                break
    good = 0
    for row in passages.itertuples(index=False):
        for plant in plants:
            overlap = min(row.end, plant.end) - max(row.start, plant.start)
            if plant.host == row.doc_id and overlap > 0.5 * (row.end - row.start) and right_source(plant, row.source_doc_id):
                good += 1
                break
    return {"recall": hits / len(plants), "precision": good / len(passages) if len(passages) else 1.0, "n_found": len(passages)}


@pytest.fixture(scope="module")
def planted(local_corpus, shared_corpus):  # type: ignore[no-untyped-def]
    hosts, readouts, plants, originals = planted_corpus(local_corpus, shared_corpus)
    found = reuse_find(hosts, reference=readouts)
    natural = reuse_find(originals, reference=readouts)
    return found, natural, plants, readouts, hosts


def _core(text: str) -> str:
    return re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", text)


def found_texts(planted) -> list[CorpusText]:  # type: ignore[no-untyped-def]
    return list(planted[4]) + list(planted[3])


def test_planted_recall(planted) -> None:  # type: ignore[no-untyped-def]
    found, _, plants, readouts, _ = planted
    assert len(plants) == N_PLANTED
    scores = planted_scores(found.passages, plants, readouts)
    assert scores["recall"] >= 0.95, scores


def test_planted_precision(planted) -> None:  # type: ignore[no-untyped-def]
    found, natural, plants, readouts, _ = planted
    # passages the unplanted reports already share with the readouts are real reuse, not errors
    # (by text: which of several readouts holding the same formulation is named may differ between the runs)
    real: dict[str, list[str]] = {}
    for row in natural.passages.itertuples(index=False):
        real.setdefault(row.doc_id, []).append(_core(row.text))

    def is_real(doc_id: str, source: str, text: str) -> bool:
        core = _core(text)
        return any(core[5:25] in other or other[5:25] in core for other in real.get(doc_id, []))

    rows = found.passages[[not is_real(d, s, t) for d, s, t in zip(found.passages["doc_id"], found.passages["source_doc_id"], found.passages["text"])]]
    scores = planted_scores(rows, plants, readouts)
    assert scores["precision"] >= 0.95, scores
    # stock phrases are reported apart, never as a passage: no passage stands whole in more than 10% of the texts
    kept = [_core(t.text) for t in found_texts(planted)]
    for text in found.passages["text"]:
        core = _core(text)
        assert sum(core in k for k in kept) <= 0.1 * len(kept), text
