"""Where the full job's time goes: CPU seconds per step, one process, no cache.

Usage (from the repository root)::

    python benchmarks/stages.py [--corpus ../shared/corpus] [--segmenter rjieba]

Runs ``corpus_run`` serially with the cache off, timing each per-speech step
of :func:`analysis.run.document.document_process` (the steps are wrapped where
:mod:`analysis.run.document` looks them up, so nothing in the package changes), and prints
CPU seconds per step; ``rest`` is everything else: building the per-speech
tables, the corpus-level tables (near-duplicates, keywords, themes) and the
Parquet files.  Also times the segmenter alone on the same texts, as the
floor below which segmenting cannot go.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

STEPS = [
    ("document_read", "read, decode, clean"),
    ("outline_sentences", "outline and sentences"),
    ("terms_match_columns", "lexicon terms"),
    ("quotas_extract_columns", "quotas"),
    ("formulations_find_columns", "numbered formulations"),
    ("sentence_hashes", "near-duplicate hashes"),
    ("targets_extract_columns", "headline targets"),
    ("outcomes_extract_columns", "outcomes of the past year (targets vs realised)"),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=os.environ.get("SPEECH_CORPUS_SHARED", str(REPO.parent / "shared" / "corpus")))
    parser.add_argument("--segmenter", default="rjieba", choices=["jieba", "rjieba"])
    args = parser.parse_args()
    if not Path(args.corpus).is_dir():
        print(f"stages: corpus not found at {args.corpus} (use --corpus or SPEECH_CORPUS_SHARED)", file=sys.stderr)
        return 2

    from analysis import run as pipeline
    from analysis.run import document
    from analysis.ingest import corpus_discover, document_read
    from analysis.text.segment import Segmenter

    spent: Counter[str] = Counter()

    def timed(name: str, function):  # type: ignore[no-untyped-def]
        def wrapper(*a, **k):  # type: ignore[no-untyped-def]
            start = time.process_time()
            try:
                return function(*a, **k)
            finally:
                spent[name] += time.process_time() - start

        return wrapper

    for name, _ in STEPS:
        setattr(document, name, timed(name, getattr(document, name)))
    Segmenter.segment_columns = timed("segment_columns", Segmenter.segment_columns)  # type: ignore[method-assign]

    options = pipeline.Options(segmenter=args.segmenter, cache=False)
    _, segmenter = pipeline.tools_for(options)
    with tempfile.TemporaryDirectory() as out:
        start = time.process_time()
        result = pipeline.corpus_run([args.corpus], options=options, workers=1, stream_to=out, progress=False)
        total = time.process_time() - start
    chars = int(result.corpus["n_chars_raw"].sum())

    texts = [document_read(path, rel).text for path, rel in corpus_discover([args.corpus]).speeches]
    start = time.process_time()
    for text in texts:
        segmenter._cut(text)
    cut_alone = time.process_time() - start

    print(f"{result.n_ok} speeches, {chars:,} characters, segmenter {args.segmenter}; CPU seconds, one process:")
    labels = dict(STEPS, segment_columns="segment (tokens, offsets, stopword flags, content counts)")
    for name, seconds in spent.most_common():
        print(f"  {labels[name]:<44} {seconds:6.2f}")
    print(f"  {'rest (tables, corpus-level steps, Parquet)':<44} {total - sum(spent.values()):6.2f}")
    print(f"  {'total':<44} {total:6.2f}   ({chars / total:,.0f} chars/s)")
    print(f"the segmenter alone ({args.segmenter} cut) on the same texts: {cut_alone:.2f}")
    print(f"CPU per million characters: full job {total / chars * 1e6:.2f} s, the cut alone {cut_alone / chars * 1e6:.2f} s: "
          f"{total / cut_alone:.1f}x the segmenter's own cut (goal: at most 3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
