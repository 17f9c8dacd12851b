"""What a finished run says in a few lines: the summary ``run`` prints, and why a run read no speech.

:func:`run_summary` counts files by status, with the speeches the selection
left out counted as *filtered out*, apart from skipped files; when nothing
was read, :func:`run_nothing_read` says why in one line and, when the
selection left everything out, what the corpus has instead (its meeting
types, speakers or range of dates), so that a typo in ``--meeting-type``
is easy to fix.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from analysis.run.results import CorpusResult

__all__ = ["run_summary", "run_nothing_read"]

#: How the selection marks the files it leaves out (``Selection.excludes``).
_FILTERED = "excluded by "


def run_nothing_read(result: CorpusResult) -> str:
    """Why a run has no speech, in one line: when the selection left everything out, what the corpus has instead."""
    report = result.report
    selection = result.options.selection
    found = len(report)
    filtered = report[report["reason"].fillna("").str.startswith(_FILTERED)]
    if filtered.empty:
        return f"no speech could be read ({found} files found)"
    parts = [f"no speech matches the selection ({len(filtered)} of {found} files filtered out)"]
    for option, pattern in (("--meeting-type", r"\(meeting type: (.*)\)$"), ("--speaker", r"\(speaker: (.*)\)$")):
        values = Counter(m.group(1) for m in (re.search(pattern, r) for r in filtered["reason"]) if m)
        if values and getattr(selection, option[2:].replace("-", "_"), ""):
            listed = ", ".join(f"{v} ({n})" for v, n in values.most_common(12)) + (" …" if len(values) > 12 else "")
            label = "meeting types" if option == "--meeting-type" else "speakers"
            parts.append(f"{label} in the corpus: {listed}")
    dates = [m.group(1) for m in (re.search(r"\(date (.*)\)$", r) for r in filtered["reason"]) if m]
    if dates and (selection.since or selection.until):
        parts.append(f"dates in the corpus: {min(dates)} … {max(dates)}")
    return "; ".join(parts)


def run_summary(result: CorpusResult, out: Path) -> str:
    """What ``run`` prints: files by status (selection apart), speeches, top terms, skipped files, where it wrote."""
    counts = result.report["status"].value_counts()
    corpus = result.corpus
    is_filtered = result.report["reason"].fillna("").str.startswith(_FILTERED)
    n_filtered = int(is_filtered.sum())
    lines = [
        f"{len(result.report)} files: {counts.get('ok', 0)} ok, "
        + (f"{n_filtered} filtered out, " if n_filtered else "")
        + f"{counts.get('skipped', 0) - n_filtered} skipped, {counts.get('error', 0)} errors"
        + f" ({result.seconds:.1f} s" + (f"; {result.cache_hits} from the cache" if result.cache_hits else "") + ")",
    ]
    if len(corpus):
        dated = corpus["year"].notna()
        lines.append(
            f"{len(corpus)} speeches, {int(corpus['n_chars'].sum()):,} characters, {int(corpus['n_tokens'].sum()):,} tokens;"
            + (f" dated {corpus.loc[dated, 'date'].min()} … {corpus.loc[dated, 'date'].max()}" if dated.any() else " no year known")
            + (f"; {int((~dated).sum())} without a year" if dated.any() and (~dated).any() else "")
        )
        duplicates = int((corpus["duplicate_of"] != "").sum())
        if duplicates:
            lines.append(f"{duplicates} near-duplicates flagged (duplicate_of)")
        top = result.term_counts.groupby("term")["count"].sum().sort_values(ascending=False).head(8)
        if len(top):
            lines.append("top lexicon terms: " + ", ".join(f"{t} {c}" for t, c in top.items()))
        lines.append(f"{len(result.quotas)} quota/deadline mentions")
        if result.targets is not None and len(result.targets):
            originals = set(corpus.loc[corpus["duplicate_of"] == "", "doc_id"])
            kept = result.targets[result.targets["doc_id"].isin(originals)]
            lines.append(f"{len(kept)} headline targets in {kept['doc_id'].nunique()} reports, duplicates left out (targets.csv)")
    if result.unmatched_rows:
        shown = ", ".join(result.unmatched_rows[:5]) + (" …" if len(result.unmatched_rows) > 5 else "")
        lines.append(f"metadata table: {len(result.unmatched_rows)} rows name no file found ({shown})")
    tables = result.report[result.report["reason"].fillna("").str.startswith("documentation: metadata table") & (result.report["notes"].fillna("") != "")]
    for row in tables.itertuples(index=False):
        for problem in row.notes.split("; "):
            lines.append(f"metadata table {row.path}: {problem}")
    skipped = result.report[(result.report["status"] == "skipped") & ~is_filtered]
    for row in skipped.head(10).itertuples(index=False):
        lines.append(f"skipped: {row.path}: {row.reason}")
    if len(skipped) > 10:
        lines.append(f"… and {len(skipped) - 10} more skipped (see ingest_report.csv)")
    lines.append(f"wrote {out}/ (corpus.csv, ingest_report.csv, term_counts.csv, themes.csv, quotas.csv, … run.json)")
    return "\n".join(lines)
