#!/usr/bin/env python
"""Benchmark the quota extractor on the labelled evaluation set (issue #4).

Usage::

    python benchmarks/quota_eval.py [--corpus PATH]

The corpus defaults to ``$SPEECH_CORPUS_SHARED`` or ``../shared/corpus``
relative to the repository root.  Labels are in ``benchmarks/quota_eval/``
(``dev.jsonl``, ``test.jsonl``, ``files.json``; see ``GUIDELINE.md``).

For each split it prints precision, recall and F1 over the labelled character
ranges of each text (whole texts when fully labelled), and the accuracy of
value, unit, comparator and period on true positives.  A prediction matches a
gold mention when their spans overlap; a prediction that overlaps a ``none``
label, or no label, inside a labelled range is a false positive.  Exits 2 when
the corpus is missing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "benchmarks" / "quota_eval"
sys.path.insert(0, str(REPO))

from analysis.ingest import document_read  # noqa: E402
from analysis.measures.quotas import quotas_extract  # noqa: E402

FIELDS = ("value", "unit", "comparator", "period")


def default_corpus() -> Path:
    env = os.environ.get("SPEECH_CORPUS_SHARED")
    return Path(env) if env else (REPO.parent / "shared" / "corpus")


def load_labels(split: str) -> list[dict]:
    rows = []
    with open(LABELS / f"{split}.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if "path" in row:
                rows.append(row)
    return rows


def load_files() -> dict[str, dict]:
    return json.loads((LABELS / "files.json").read_text(encoding="utf-8"))["files"]


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


def evaluate(split: str, corpus: Path) -> Score:
    labels = load_labels(split)
    files = {p: info for p, info in load_files().items() if info["split"] == split}
    score = Score()
    for path, info in files.items():
        text = document_read(corpus / path, path).text
        gold = [g for g in labels if g["path"] == path]
        for g in gold:
            if text[g["start"]:g["end"]] != g["anchor"]:
                score.errors.append(f"DRIFT {path}:{g['start']} {g['anchor']!r} != {text[g['start']:g['end']]!r}")
        ranges = info["ranges"]
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
                score.errors.append(f"FP {path}:{p['start']} {p['text']!r} ({why})")
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
                score.errors.append(f"FN {path}:{g['start']} {g['anchor']!r}")
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="shared corpus root (default: $SPEECH_CORPUS_SHARED or ../shared/corpus)")
    parser.add_argument("--errors", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if not corpus.is_dir():
        print(f"quota_eval: shared corpus not found at {corpus} (set --corpus or SPEECH_CORPUS_SHARED)", file=sys.stderr)
        return 2
    for split in ("dev", "test"):
        s = evaluate(split, corpus)
        fields = "  ".join(f"{name}={s.accuracy(name):.3f}" for name in FIELDS)
        print(f"{split:4s}  P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}  (tp={s.tp} fp={s.fp} fn={s.fn})  field accuracy: {fields}")
        if args.errors:
            for line in s.errors:
                print("   ", line)
        else:
            for line in s.errors:
                if line.startswith("DRIFT"):
                    print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
