#!/usr/bin/env python
"""Benchmark the quota extractor on the labelled evaluation sets (issues #4, #13).

Usage::

    python benchmarks/quota_eval.py [--corpus PATH] [--local-corpus PATH] [--errors] [--set NAME] [--split NAME] [--by-batch]

Three sets, each split into dev and test by file before the extractor was tuned:

- ``national``: national reports and State Council readouts and the county speech
  (``benchmarks/quota_eval/``: ``dev.jsonl``, ``test.jsonl``, ``files.json``;
  corpus ``$SPEECH_CORPUS_SHARED`` or ``../shared/corpus``); offsets are into
  the cleaned text;
- ``city``: 2024 city government work reports (``benchmarks/quota_eval/local/``;
  corpus ``$SPEECH_CORPUS_LOCAL`` or ``../shared/corpus-local``);
- ``speeches``: local speeches and document-site scrapes written for the
  project (``benchmarks/quota_eval/local/speeches/``, texts included).

City and speech labels are offsets into the raw text (CRLF→LF only) with an
``anchor`` and ``before`` (up to 12 non-space characters before it): each is
relocated in the cleaned text by ``before`` + ``anchor`` with whitespace ignored,
nearest to where it was; a label whose anchor cleaning removed (site
boilerplate, page markers) is dropped and counted, not scored.  Labelled
ranges are relocated the same way from the raw characters at their borders.

For each set and split it prints precision, recall and F1 over the labelled
ranges, and the accuracy of value, unit, comparator and period on true
positives.  A prediction matches a gold mention when their spans overlap; a
prediction that overlaps a ``none`` label, or no label, inside a labelled range
is a false positive.  Exits 2 when the shared corpus is missing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "benchmarks" / "quota_eval"
LOCAL_LABELS = LABELS / "local"
SPEECH_LABELS = LOCAL_LABELS / "speeches"
sys.path.insert(0, str(REPO))

from analysis.ingest import document_read  # noqa: E402
from analysis.measures.quotas import quotas_extract  # noqa: E402
from analysis.text.clean import fold_width  # noqa: E402

FIELDS = ("value", "unit", "comparator", "period")


def default_corpus() -> Path:
    env = os.environ.get("SPEECH_CORPUS_SHARED")
    return Path(env) if env else (REPO.parent / "shared" / "corpus")


def default_local_corpus() -> Path:
    env = os.environ.get("SPEECH_CORPUS_LOCAL")
    return Path(env) if env else (REPO.parent / "shared" / "corpus-local")


def load_labels(split: str, folder: Path = LABELS) -> list[dict]:
    rows = []
    with open(folder / f"{split}.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if "path" in row:
                rows.append(row)
    return rows


def load_files(folder: Path = LABELS) -> dict[str, dict]:
    return json.loads((folder / "files.json").read_text(encoding="utf-8"))["files"]


# -- relocating raw-text labels in the cleaned text ---------------------------
_SPACE = re.compile(r"\s")


class Relocator:
    """Find raw-text spans in the cleaned text, ignoring whitespace."""

    def __init__(self, raw: str, cleaned: str) -> None:
        self.raw, self.cleaned = raw, cleaned
        self.positions = [i for i, ch in enumerate(cleaned) if not ch.isspace()]
        self.dense = "".join(cleaned[i] for i in self.positions)

    def _occurrences(self, needle: str) -> list[int]:
        found, at = [], self.dense.find(needle)
        while at >= 0 and needle:
            found.append(at)
            at = self.dense.find(needle, at + 1)
        return found

    def _expected(self, raw_pos: int) -> float:
        return raw_pos * len(self.dense) / max(1, len(self.raw))

    def span(self, raw_start: int, anchor: str, before: str) -> tuple[int, int] | None:
        """Cleaned (start, end) of a label, or None when cleaning removed it."""
        core, before = fold_width(_SPACE.sub("", anchor)), fold_width(before)
        if not core:
            return None
        expected = self._expected(raw_start)
        for prefix in (before, before[-6:], ""):
            hits = self._occurrences(prefix + core)
            if hits:
                at = min(hits, key=lambda h: abs(h - expected)) + len(prefix)
                return self.positions[at], self.positions[at + len(core) - 1] + 1
        return None

    def point(self, raw_pos: int) -> int:
        """Cleaned position of a raw border (a range start or end)."""
        if raw_pos >= len(self.raw):
            return len(self.cleaned)
        if raw_pos <= 0:
            return 0  # (the text's own start: its first characters may be debris that cleaning removed and that recurs later)
        after = _SPACE.sub("", self.raw[raw_pos:raw_pos + 60])[:12]
        before = _SPACE.sub("", self.raw[max(0, raw_pos - 60):raw_pos])[-12:]
        found = self.span(raw_pos, after, before) if after else None
        if found:
            return found[0]
        found = self.span(max(0, raw_pos - len(before)), before, "") if before else None
        if found:
            return found[1]
        return int(self._expected(raw_pos) * len(self.cleaned) / max(1, len(self.dense)))


def _same_value(gold: float | None, pred: float) -> bool:
    if gold is None:
        return isinstance(pred, float) and math.isnan(pred)
    if pred is None or (isinstance(pred, float) and math.isnan(pred)):
        return False
    return math.isclose(float(gold), float(pred), rel_tol=1e-3, abs_tol=1e-3)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    dropped: int = 0
    field_ok: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.field_ok[name] / self.tp if self.tp else 1.0


def _prepare(path: str, corpus: Path, gold: list[dict], ranges: list, raw_offsets: bool, score: "Score") -> tuple[str, list[dict], list]:
    """The cleaned text, the gold labels and the ranges, in cleaned offsets."""
    text = document_read(corpus / path, path).text
    if not raw_offsets:
        for g in gold:
            if text[g["start"]:g["end"]] != g["anchor"]:
                score.errors.append(f"DRIFT {path}:{g['start']} {g['anchor']!r} != {text[g['start']:g['end']]!r}")
        return text, gold, ranges
    raw = (corpus / path).read_text(encoding="utf-8").replace("\r\n", "\n")
    where = Relocator(raw, text)
    moved = []
    for g in gold:
        span = where.span(g["start"], g["anchor"], g.get("before", ""))
        if span is None:
            score.dropped += 1
            if g["kind"] != "none":
                score.errors.append(f"LOST {path}:{g['start']} {g['anchor']!r} (removed by cleaning, not scored)")
            continue
        moved.append({**g, "start": span[0], "end": span[1]})
    return text, moved, [[where.point(a), where.point(b)] for a, b in ranges]


def evaluate(
    split: str, corpus: Path, *, folder: Path = LABELS, raw_offsets: bool = False, paths: "set[str] | None" = None
) -> Score:
    """Score one split of one label set (``folder``); ``raw_offsets`` for labels into the raw text;
    ``paths``: only these labelled files."""
    labels = load_labels(split, folder)
    files = {p: info for p, info in load_files(folder).items() if info["split"] == split and (paths is None or p in paths)}
    score = Score()
    for path, info in files.items():
        gold = [g for g in labels if g["path"] == path]
        text, gold, ranges = _prepare(path, corpus, gold, info["ranges"], raw_offsets, score)
        preds = quotas_extract(text, doc_id=path).to_dict("records")
        preds = [p for p in preds if any(a <= p["start"] < b for a, b in ranges)]
        positives = [g for g in gold if g["kind"] != "none"]
        matched: set[int] = set()
        for p in preds:
            hits = [i for i, g in enumerate(positives) if g["start"] < p["end"] and p["start"] < g["end"]]
            hits = [i for i in hits if i not in matched]
            if not hits:
                score.fp += 1
                why = next((g["note"] for g in gold if g["kind"] == "none" and g["start"] < p["end"] and p["start"] < g["end"]), "no label")
                score.errors.append(f"FP {path}:{p['start']} {p['text']!r} ({why}) | {p['sentence'][:80]}")
                continue
            g = positives[hits[0]]
            matched.add(hits[0])
            score.tp += 1
            checks = {
                "value": _same_value(g["value"], p["value"]),
                "unit": g["unit"] == p["unit"],
                "comparator": g["comparator"] == p["comparator"],
                "period": g["period"] == p["period"],
            }
            for name, ok in checks.items():
                score.field_ok[name] += ok
                if not ok:
                    score.errors.append(f"FIELD {path}:{p['start']} {g['anchor']!r} {name}: gold {g[name]!r} pred {p[name]!r}")
        for i, g in enumerate(positives):
            if i not in matched:
                score.fn += 1
                score.errors.append(f"FN {path}:{g['start']} {g['anchor']!r} | {text[max(0, g['start'] - 30):g['end'] + 10]!r}")
    return score


def label_sets(corpus: Path, local_corpus: Path, local_labels: Path) -> list[tuple[str, Path, Path, bool]]:
    """(name, label folder, corpus root, raw offsets) of each set whose labels are present."""
    sets = [("national", LABELS, corpus, False)]
    if (local_labels / "files.json").is_file():
        sets.append(("city", local_labels, local_corpus, True))
    if (local_labels / "speeches" / "files.json").is_file():
        sets.append(("speeches", local_labels / "speeches", local_labels, True))
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--corpus", type=Path, default=None, help="shared corpus root (default: $SPEECH_CORPUS_SHARED or ../shared/corpus)")
    parser.add_argument("--local-corpus", type=Path, default=None, help="local corpus root (default: $SPEECH_CORPUS_LOCAL or ../shared/corpus-local)")
    parser.add_argument("--local-labels", type=Path, default=LOCAL_LABELS, help=argparse.SUPPRESS)
    parser.add_argument("--set", choices=("national", "city", "speeches"), action="append", help="score only this set (repeatable)")
    parser.add_argument("--split", choices=("dev", "test"), action="append", help="score only this split (repeatable)")
    parser.add_argument("--errors", action="store_true", help="list every error")
    parser.add_argument("--by-batch", action="store_true", help="also score the speeches batch by batch (files by name prefix)")
    args = parser.parse_args(argv)
    corpus = args.corpus or default_corpus()
    local_corpus = args.local_corpus or default_local_corpus()
    if not corpus.is_dir():
        print(f"quota_eval: shared corpus not found at {corpus} (set --corpus or SPEECH_CORPUS_SHARED)", file=sys.stderr)
        return 2
    for name, folder, root, raw_offsets in label_sets(corpus, local_corpus, args.local_labels):
        if args.set and name not in args.set:
            continue
        if not root.is_dir():
            print(f"{name:8s} skipped: corpus not found at {root} (set --local-corpus or SPEECH_CORPUS_LOCAL)")
            continue
        for split in args.split or ("dev", "test"):
            s = evaluate(split, root, folder=folder, raw_offsets=raw_offsets)
            fields = "  ".join(f"{f}={s.accuracy(f):.3f}" for f in FIELDS)
            dropped = f" dropped={s.dropped}" if raw_offsets else ""
            print(f"{name:8s} {split:4s}  P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}  (tp={s.tp} fp={s.fp} fn={s.fn}{dropped})  field accuracy: {fields}")
            for line in s.errors:
                if args.errors or line.startswith("DRIFT"):
                    print("   ", line)
        if args.by_batch and name == "speeches":
            for batch, paths in speech_batches(folder).items():
                for split in args.split or ("dev", "test"):
                    s = evaluate(split, root, folder=folder, raw_offsets=raw_offsets, paths=paths)
                    print(f"  {batch:24s} {split:4s}  P={s.precision:.3f} R={s.recall:.3f}  (tp={s.tp} fp={s.fp} fn={s.fn})")
    return 0


def speech_batches(folder: Path) -> dict[str, set[str]]:
    """The speech fixtures by batch, from ``split.json`` (``batch2a``: batch 2, labeller a); the rest is batch 1."""
    split = json.loads((folder / "split.json").read_text(encoding="utf-8"))
    files = set(load_files(folder))
    labellers: dict[int, list[tuple[str, set[str]]]] = {}
    for key, entry in split.items():
        match = re.fullmatch(r"batch(\d+)([a-z]+)", key)
        if match:
            paths = {f"speeches/{name}" for name in entry["dev"] + entry["test"]}
            labellers.setdefault(int(match.group(1)), []).append((match.group(2), paths))
    groups = {"batch 1": files - set().union(*(p for batch in labellers.values() for _, p in batch))}
    for number in sorted(labellers):
        letters = sorted(letter for letter, _ in labellers[number])
        groups[f"batch {number} ({', '.join(letters)})"] = set().union(*(p for _, p in labellers[number]))
    return groups

if __name__ == "__main__":
    sys.exit(main())
