"""Hostile inputs: work per character on text without punctuation, and a backtracking user pattern.

Prints, for quota extraction on a 10 MB line without punctuation (numbers
all along it), the characters per second; and the time RE2 takes on the
pattern ``(a+)+$`` against 40 ``a`` and a ``b`` (Python's ``re`` takes
minutes on it).  Run from the repository root::

    python benchmarks/hostile.py [--mb 10]
"""

from __future__ import annotations

import argparse
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10, help="size of the unpunctuated line in MB of UTF-8 (default 10)")
    args = parser.parse_args()

    from analysis.lexicon.user_regex import user_regex
    from analysis.measures.quotas import MAX_CLAUSE_CHARS, MAX_SENTENCE_CHARS, quotas_extract_columns

    unit = "各级党组织要切实加强基层治理推进乡村振兴每月外出招商时间不少于10天"
    text = unit * int(args.mb * 1_000_000 / len(unit.encode("utf-8")))
    clock = time.perf_counter()
    found = quotas_extract_columns(text, doc_id="line")
    seconds = time.perf_counter() - clock
    print(f"quotas on a {len(text.encode('utf-8')) / 1e6:.1f} MB line without punctuation: {len(text):,} characters, "
          f"{len(found['text']):,} mentions, {seconds:.2f} s, {len(text) / seconds:,.0f} chars/s "
          f"(clauses cut at {MAX_CLAUSE_CHARS}, sentences at {MAX_SENTENCE_CHARS} characters)")

    pattern = user_regex("(a+)+$")
    clock = time.perf_counter()
    pattern.search("a" * 40 + "b")
    print(f"user pattern (a+)+$ on 40 a and a b (RE2): {(time.perf_counter() - clock) * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
