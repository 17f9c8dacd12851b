"""Speed and memory: this project's full job against the usual notebook baseline.

Usage (from the repository root)::

    python benchmarks/speed.py [--corpus ../shared/corpus] [--mb 50] [--workers 2]

Times, in one run on one machine:

(a) the baseline most analysis notebooks use: read each file, ``jieba.lcut``,
    ``collections.Counter``;
(b) this project's full job (ingest, clean, outline, segment, lexicon term
    counts, themes, quotas, formulations, keywords; tokens, sentences and
    term matches streamed to Parquet, as ``python -m analysis run`` does)
    with an empty cache;
(c) the full job again with the cache warm (an identical re-run: the whole
    run's tables come from one cache entry);
(d) the full job after one file was edited (that speech is analysed again,
    every other comes from its per-speech cache entry, the corpus-level
    tables are rebuilt);
(e) one short speech end to end (``python -m analysis run`` on one file of
    about 3,000 characters, cache off: start-up included) against the
    baseline's own start-up, ``python -c "import jieba; jieba.initialize()"``,
    each the median of three fresh processes;

over a copy of the shared corpus and over a larger corpus made by repeating it to
``--mb`` megabytes of UTF-8 text, each copy made unique (a numbered
sentence appended) so that no cache entry serves it.  Each measurement runs
in a fresh subprocess; peak memory is the largest proportional set size
(PSS: shared pages counted once) of that process and its workers together,
sampled every 50 ms.  Prints throughput in
characters per second, peak memory, and the speed-up (baseline time over
this project's time).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

BASELINE = r"""
import collections, jieba, json, logging, pathlib, sys, time
jieba.setLogLevel(logging.ERROR)
jieba.initialize()
start = time.perf_counter()
counts = collections.Counter()
chars = 0
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.txt")):
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("gb18030")
    chars += len(text)
    counts.update(jieba.lcut(text))
print(json.dumps({"seconds": time.perf_counter() - start, "chars": chars, "tokens": sum(counts.values())}))
"""

FULL = r"""
import json, pathlib, sys, time
from analysis.run import Options, corpus_run, tools_for
options = Options(segmenter=sys.argv[3])
tools_for(options)  # dictionary loading is start-up, as for the baseline's jieba.initialize()
start = time.perf_counter()
out = pathlib.Path(sys.argv[2])
result = corpus_run([sys.argv[1]], options=options, workers=int(sys.argv[4]), stream_to=out, progress=False)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "chars": int(result.corpus["n_chars_raw"].sum()), "docs": result.n_ok,
                  "cache_hits": result.cache_hits, "quotas": len(result.quotas), "terms": int(result.term_counts["count"].sum())}))
"""


def _tree_rss(pid: int) -> int:
    """Memory of a process and all its descendants, in bytes (Linux /proc).

    Proportional set size (PSS): pages shared between a parent and its forked
    workers are counted once, split between them, not once per process.
    """
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def measure(code: str, *args: str, env: dict[str, str]) -> dict:
    """Run a measurement in a fresh Python process; add its peak memory."""
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{err.strip()[-2000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_mb"] = peak / 1e6
    return result


def make_large_corpus(source: Path, target: Path, megabytes: float) -> int:
    """Copies of the source texts until ``megabytes`` of UTF-8 text; each copy unique."""
    texts = []
    for path in sorted(source.rglob("*.txt")):
        data = path.read_bytes()
        try:
            texts.append((path.relative_to(source), data.decode("utf-8")))
        except UnicodeDecodeError:
            texts.append((path.relative_to(source), data.decode("gb18030")))
    written = copy = 0
    limit = megabytes * 1_000_000
    while written < limit:
        copy += 1
        for rel, text in texts:
            unique = f"{text.rstrip()}\n本副本编号{copy}。\n"
            destination = target / f"copy{copy:03d}" / rel
            destination.parent.mkdir(parents=True, exist_ok=True)
            data = unique.encode("utf-8")
            destination.write_bytes(data)
            written += len(data)
            if written >= limit:
                break
    return written


def report(label: str, baseline: dict, first: dict, warm: dict, edited: dict) -> None:
    chars = baseline["chars"]
    print(f"\n== {label}: {chars:,} characters ==")
    rows = [
        ("(a) baseline: read + jieba.lcut + Counter", baseline),
        ("(b) full job, cache empty", first),
        ("(c) full job again, cache warm", warm),
        ("(d) again after editing one file", edited),
    ]
    for name, row in rows:
        print(f"{name:<44} {row['seconds']:8.2f} s {chars / row['seconds']:>13,.0f} chars/s   peak {row['peak_mb']:7.0f} MB")
    print(f"speed-up over the baseline: full job {baseline['seconds'] / first['seconds']:.1f}x, warm cache {baseline['seconds'] / warm['seconds']:.1f}x;"
          f" warm over cold {first['seconds'] / warm['seconds']:.1f}x; one file edited, over cold {first['seconds'] / edited['seconds']:.1f}x")
    print(f"full job found {first['docs']} speeches, {first['terms']:,} lexicon-term matches, {first['quotas']:,} quota mentions;"
          f" cache hits: warm {warm['cache_hits']}, after the edit {edited['cache_hits']}")


def edit_one_file(folder: Path) -> None:
    """Append a sentence to the first speech: its cached result and the whole run's no longer apply."""
    first = sorted(folder.rglob("*.txt"))[0]
    first.write_bytes(first.read_bytes() + "\n本次修改。\n".encode())


def _wall(command: list[str], env: dict[str, str], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def one_short_speech(corpus: Path, scratch: Path, env: dict[str, str]) -> None:
    """(e): a short speech end to end against the baseline's start-up."""
    folder = scratch / "one"
    folder.mkdir()
    source = sorted(p for p in corpus.rglob("*.txt") if 2_000 < p.stat().st_size < 20_000)[0]
    (folder / source.name).write_text(source.read_text(encoding="utf-8")[:3000], encoding="utf-8")
    startup = _wall([sys.executable, "-c", "import jieba, logging; jieba.setLogLevel(logging.ERROR); jieba.initialize()"], env)
    run = _wall([sys.executable, "-m", "analysis", "run", str(folder), "--out", str(scratch / "one-out"), "--no-cache", "--quiet"], env)
    print(f"\n== one short speech ({source.name}, 3,000 characters), end to end ==")
    print(f"baseline start-up (import jieba; jieba.initialize())  {startup:6.2f} s")
    print(f"python -m analysis run, one speech, cache off          {run:6.2f} s   ({run / startup:.2f}x the baseline start-up; goal at most 1x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=os.environ.get("SPEECH_CORPUS_SHARED", str(REPO.parent / "shared" / "corpus")))
    parser.add_argument("--mb", type=float, default=50, help="size of the large corpus in MB (default 50; 0 skips it)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--segmenter", default="rjieba", choices=["jieba", "rjieba"])
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"speed: corpus not found at {corpus} (use --corpus or SPEECH_CORPUS_SHARED)", file=sys.stderr)
        return 2
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; workers {args.workers}, segmenter {args.segmenter}")
    scratch = Path(tempfile.mkdtemp(prefix="speech-bench-"))
    try:
        env = dict(os.environ, SPEECH_ANALYSIS_CACHE=str(scratch / "cache"), PYTHONPATH=str(REPO))
        # A copy, so that the edit in step (d) never touches the corpus itself.
        shutil.copytree(corpus, scratch / "shared")
        one_short_speech(corpus, scratch, env)
        targets = [("shared corpus", scratch / "shared")]
        if args.mb > 0:
            large = scratch / "large"
            size = make_large_corpus(corpus, large, args.mb)
            targets.append((f"{size / 1e6:.0f} MB corpus", large))
        for label, folder in targets:
            baseline = measure(BASELINE, str(folder), env=env)
            first = measure(FULL, str(folder), str(scratch / "out"), args.segmenter, str(args.workers), env=env)
            warm = measure(FULL, str(folder), str(scratch / "out"), args.segmenter, str(args.workers), env=env)
            edit_one_file(folder)
            edited = measure(FULL, str(folder), str(scratch / "out"), args.segmenter, str(args.workers), env=env)
            report(label, baseline, first, warm, edited)
            shutil.rmtree(scratch / "cache", ignore_errors=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
