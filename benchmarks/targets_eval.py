#!/usr/bin/env python
"""Benchmark the headline-target extractor on the hand-checked labels (issue #15).

Usage::

    python benchmarks/targets_eval.py [--split dev|test|both] [--labels DIR] [--verbose]

Labels are in ``benchmarks/targets_eval/`` (``GUIDELINE.md``, ``split.json``,
``dev.jsonl``, ``test.jsonl``).  National files are read from
``$SPEECH_CORPUS_SHARED`` (default ``../shared/corpus``), city files from
``$SPEECH_CORPUS_LOCAL`` (default ``../shared/corpus-local``).

A label is keyed by file × indicator × group (``urban``/``rural``, from the
first word of the note of income rows) × period (annual or ``five_year``);
the extractor's rows of scope ``own`` are keyed the same way.  A label is
correct when a row with its key exists and ``value``, ``value_max`` and
``comparator`` are equal (values to 1e-9; a missing value equals a missing
value); a label of status ``absent`` is correct when no such row exists.
Printed per split and indicator: labels, correct, exact-match accuracy, and
the extractor's spurious rows (keys with no label, in files whose indicator
is labelled: every city file, national files from 2000 on, and gdp_growth in
every national file).  Exits 2 when a corpus or the labels are missing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from analysis.ingest import document_read  # noqa: E402
from analysis.measures.targets import targets_extract  # noqa: E402


def _roots() -> dict[str, Path]:
    return {
        "national": Path(os.environ.get("SPEECH_CORPUS_SHARED", REPO.parent / "shared" / "corpus")),
        "local": Path(os.environ.get("SPEECH_CORPUS_LOCAL", REPO.parent / "shared" / "corpus-local")),
    }


def _group(label: dict) -> str:
    if label["indicator"] != "disposable_income_growth":
        return ""
    word = (label.get("note") or "").split(" ")[0].strip(",;:")
    return word if word in ("urban", "rural") else ""


def _key(label: dict) -> tuple[str, str, str]:
    return (label["indicator"], _group(label), "five_year" if label.get("period") == "five_year" else "")


def _same(a: object, b: object) -> bool:
    a_missing = a is None or (isinstance(a, float) and math.isnan(a))
    b_missing = b is None or (isinstance(b, float) and math.isnan(b))
    if a_missing or b_missing:
        return a_missing and b_missing
    return abs(float(a) - float(b)) < 1e-9  # type: ignore[arg-type]


def _labelled(path: str, indicator: str, year: int) -> bool:
    """Whether the guideline labels this indicator in this file (so an unlabelled row is spurious)."""
    return path.startswith("gwr-city/") or indicator == "gdp_growth" or year >= 2000


def evaluate(split: str, labels_dir: Path, *, verbose: bool = False) -> dict[str, list[int]]:
    """``{indicator: [labels, correct, spurious]}`` for one split (misses printed with ``verbose``)."""
    rows = [json.loads(line) for line in (labels_dir / f"{split}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    by_file: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_file[row["path"]].append(row)
    roots = _roots()
    total: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # labels, correct, spurious
    for path, labels in sorted(by_file.items()):
        root = roots[labels[0]["corpus"]]
        doc = document_read(root / path, path)
        found = targets_extract(doc.text, doc_id=path, year=doc.metadata.date.year)
        found = found[found["scope"] == "own"]
        predicted = {(r.indicator, r.group, r.period): r for r in found.itertuples()}
        keys = set()
        for label in labels:
            key = _key(label)
            keys.add(key)
            counts = total[label["indicator"]]
            counts[0] += 1
            row = predicted.get(key)
            if label["status"] == "absent":
                ok = row is None
            else:
                ok = row is not None and row.status == label["status"] and _same(row.value, label["value"]) \
                    and _same(row.value_max, label["value_max"]) and (label["status"] != "set" or row.comparator == label["comparator"])
            counts[1] += ok
            if verbose and not ok:
                got = "none" if row is None else f"{row.value} {row.value_max} {row.comparator} {row.relative_to} | {row.text}"
                print(f"  MISS {path} {key}: want {label['status']} {label['value']} {label['value_max']} {label['comparator']} {label['relative_to']}; got {got}")
        year = int(labels[0]["year"])
        for key, row in predicted.items():
            if key not in keys and _labelled(path, key[0], year):
                total[key[0]][2] += 1
                if verbose:
                    print(f"  SPURIOUS {path} {key}: {row.value} {row.comparator} | {row.text}")
    return dict(total)


def report(split: str, total: dict[str, list[int]]) -> None:
    print(f"\n{split}: exact match of value, value_max and comparator")
    print(f"  {'indicator':32} {'labels':>6} {'correct':>7} {'accuracy':>8} {'spurious':>8}")
    all_labels = all_correct = all_spurious = 0
    for indicator in sorted(total, key=lambda k: (k != "gdp_growth", k)):
        n, correct, spurious = total[indicator]
        all_labels, all_correct, all_spurious = all_labels + n, all_correct + correct, all_spurious + spurious
        print(f"  {indicator:32} {n:6d} {correct:7d} {correct / n if n else math.nan:8.3f} {spurious:8d}")
    others = [(k, v) for k, v in total.items() if k != "gdp_growth"]
    n_other = sum(v[0] for _, v in others)
    c_other = sum(v[1] for _, v in others)
    print(f"  {'all but gdp_growth':32} {n_other:6d} {c_other:7d} {c_other / n_other if n_other else math.nan:8.3f}")
    print(f"  {'all':32} {all_labels:6d} {all_correct:7d} {all_correct / all_labels if all_labels else math.nan:8.3f} {all_spurious:8d}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "both"], default="both")
    parser.add_argument("--labels", type=Path, default=REPO / "benchmarks" / "targets_eval")
    parser.add_argument("--verbose", action="store_true", help="print every miss and spurious row")
    args = parser.parse_args(argv)
    missing = [str(p) for p in [*_roots().values(), args.labels] if not p.is_dir()]
    if missing:
        print(f"targets_eval: not found: {', '.join(missing)} (set SPEECH_CORPUS_SHARED / SPEECH_CORPUS_LOCAL)", file=sys.stderr)
        return 2
    for split in (["dev", "test"] if args.split == "both" else [args.split]):
        report(split, evaluate(split, args.labels, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
