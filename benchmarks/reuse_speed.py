"""Speed and memory of the text-reuse search, and how its cost grows with the corpus.

Usage (from the repository root)::

    python benchmarks/reuse_speed.py [--corpus ../shared/corpus ../shared/corpus-local] [--workers 2] [--scales 1 2 4]

Times ``reuse_find`` (every pair of speeches compared, no reference: the
heaviest use) over the corpus at 1×, 2× and 4× its size, each in a fresh
process; reading and cleaning the files is timed apart.  The larger corpora
are the corpus plus enciphered copies of it: in copy *c* every Chinese
character is replaced by another through a fixed one-to-one map, so that a
copy keeps the corpus's own repetitions (a ``.docx`` still reuses its
``.txt`` twin) but shares nothing with the original or another copy; the
stock-phrase share is divided by the scale, so that each copy has the stock
phrases the corpus has (a phrase in 10% of the documents of one copy is in
10%/scale of them all).  The cost then grows with the corpus, not with
artificial duplicates or a changed stock list.  Peak memory
is the largest proportional set size (PSS) of the process and its workers,
sampled every 50 ms (see ``benchmarks/speed.py``).  Prints documents and
characters per second, peak memory, CPU seconds (the process and its
workers: less sensitive than the wall clock to other jobs on a shared
machine), and the time ratio of each scale to 1× (per copy of the corpus).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import REPO, measure  # noqa: E402

CHILD = r"""
import json, resource, sys, time
from analysis.measures.reuse import CorpusText, ReuseParams, reuse_find, texts_read
inputs, scale, workers = sys.argv[1].split("\x1f"), int(sys.argv[2]), int(sys.argv[3])
start = time.perf_counter()
texts, _ = texts_read(inputs)
read_seconds = time.perf_counter() - start

def encipher(text, copy):
    # a bijection of the CJK block: x -> (x * 7919 + copy * 104729) mod 20992 (7919 is prime to 20992)
    return "".join(chr(0x4E00 + ((ord(ch) - 0x4E00) * 7919 + copy * 104729) % 20992) if "\u4e00" <= ch <= "\u9fff" else ch for ch in text)

corpus = list(texts)
for copy in range(1, scale):
    corpus += [CorpusText(doc_id=f"copy{copy}/{t.doc_id}", text=encipher(t.text, copy), date=t.date) for t in texts]
def cpu():
    return sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) for field in ("ru_utime", "ru_stime"))

start, cpu_start = time.perf_counter(), cpu()
# the same stock phrases per copy: the share threshold scaled so that it names the same number of documents
result = reuse_find(corpus, workers=workers, params=ReuseParams(stock_share=ReuseParams().stock_share / scale))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu() - cpu_start, "read_seconds": read_seconds, "docs": len(corpus), "chars": sum(len(t.text) for t in corpus),
                  "passages": len(result.passages), "doc_pairs": result.n_doc_pairs, "windows": result.n_windows}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", default=[str(REPO.parent / "shared" / "corpus"), str(REPO.parent / "shared" / "corpus-local")])
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 2)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args()
    for folder in args.corpus:
        if not Path(folder).exists():
            print(f"error: {folder}: no such folder (use --corpus)", file=sys.stderr)
            return 2
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    print(f"reuse over {' + '.join(args.corpus)}; {args.workers} workers; every pair of speeches compared")
    base = None
    for scale in args.scales:
        got = measure(CHILD, "\x1f".join(args.corpus), str(scale), str(args.workers), env=env)
        base = base or got["seconds"] / scale
        print(
            f"{scale}x: {got['docs']:>5,} docs {got['chars']:>11,} chars  read {got['read_seconds']:5.1f} s  reuse {got['seconds']:6.1f} s"
            f"  {got['docs'] / got['seconds']:6.1f} docs/s {got['chars'] / got['seconds']:>9,.0f} chars/s  peak {got['peak_mb']:6,.0f} MB"
            f"  CPU {got['cpu_seconds']:6.1f} s  time per 1x of corpus {got['seconds'] / scale / base:4.2f}  ({got['passages']:,} passages, {got['doc_pairs']:,} document pairs aligned)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
