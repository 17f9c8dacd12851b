#!/usr/bin/env python
"""Time ``python -m analysis discover`` on the whole shared corpus (issue #17: under 60 s on 2 cores).

Usage (from the repository root)::

    python benchmarks/discover_speed.py [--corpus ../shared/corpus] [--workers 2]

Runs discovery once with the per-speech cache off (a cold run: reading,
segmenting, collocations, new terms, co-occurrence and the seeded topic
model) and prints wall-clock seconds per step and peak memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=os.environ.get("SPEECH_CORPUS_SHARED", str(REPO.parent / "shared" / "corpus")))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not Path(args.corpus).is_dir():
        print(f"discover_speed: corpus not found at {args.corpus} (use --corpus or SPEECH_CORPUS_SHARED)", file=sys.stderr)
        return 2
    from analysis.report import discovery as module
    from analysis.run import Options

    spent: dict[str, float] = {}
    for name in ("corpus_run", "textstat_collocations", "new_terms_find", "new_terms_timeline", "terms_cooccurrence", "topics_fit"):
        function = getattr(module, name)

        def timed(*a, _f=function, _n=name, **k):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return _f(*a, **k)
            finally:
                spent[_n] = spent.get(_n, 0.0) + time.perf_counter() - start

        setattr(module, name, timed)
    start = time.perf_counter()
    discovery = module.discover_build([args.corpus], options=Options(cache=False), workers=args.workers, progress=False)
    built = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as out:
        module.discover_write(discovery, Path(out))
    total = time.perf_counter() - start
    chars = int(discovery.result.corpus["n_chars"].sum())
    print(f"discover on {args.corpus}: {discovery.result.n_ok} speeches, {chars:,} characters, {args.workers} workers")
    for name, seconds in spent.items():
        print(f"  {name:<24} {seconds:6.1f} s")
    print(f"  {'other steps':<24} {built - sum(spent.values()):6.1f} s")
    print(f"  {'writing tables, charts':<24} {total - built:6.1f} s")
    print(f"total {total:.1f} s (goal: under 60 s); peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
