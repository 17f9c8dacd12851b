"""The briefing's headline-target figures, added when a run found targets (issue #15).

:func:`target_figures` picks what to draw from a finished run:

* ``targets_gdp_growth_years`` — the GDP target of the body with the most
  years of reports (e.g. the national reports 1992–2025), outcomes beside;
* ``targets_gdp_growth_<year>`` — the year with the most local reports,
  their GDP targets across reports, with the national target of that year
  as a line: from a national report in the same run (a report that names
  国内生产总值), else from ``reference`` (``brief --reference-targets``);
  without either the chart has no line and says so in its title;
* ``targets_table_<doc>`` — the targets of the latest report that has any.

Reports flagged ``duplicate_of`` are left out of every cross-report figure.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from analysis.charts.targets import national_rows, targets_across_plot, targets_table_plot, targets_years_plot
from analysis.measures.target_outcomes import report_body
from analysis.run.results import CorpusResult

__all__ = ["target_figures", "reference_targets_read"]


def _safe(text: str) -> str:
    return re.sub(r"[^\w\-]+", "_", text).strip("_")[:80]


def reference_targets_read(path: str | Path) -> pd.DataFrame:
    """Reference targets from a ``targets.csv`` written by ``run``, or extracted from a report file or folder."""
    from analysis.ingest import corpus_discover, document_read
    from analysis.measures.targets import TARGET_COLUMNS, targets_extract

    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such file (--reference-targets)")
    if path.suffix.lower() == ".csv":
        table = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, na_values={"value": [""], "value_max": [""], "year": [""]})
        missing = [c for c in ("doc_id", "year", "indicator", "value", "status", "scope", "period") if c not in table.columns]
        if missing:
            raise ValueError(f"{path}: not a targets.csv (missing columns {', '.join(missing)})")
        return table
    frames = []
    for file, rel in corpus_discover([path]).speeches:
        doc = document_read(file, rel)
        frames.append(targets_extract(doc.text, doc_id=doc.doc_id, date=doc.metadata.date.iso(), year=doc.metadata.date.year))
    frames = [f for f in frames if len(f)]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=TARGET_COLUMNS)


def _reference_value(table: pd.DataFrame | None, year: int, indicator: str) -> float | None:
    if table is None or not len(table):
        return None
    rows = table[(table["indicator"] == indicator) & (table["scope"] == "own") & (table["status"] == "set")
                 & (table["period"].fillna("") == "") & (pd.to_numeric(table["year"], errors="coerce") == year)]
    rows = rows[rows["value"].notna() & (rows["relative_to"].fillna("") == "")]
    if not len(rows):
        return None
    row = rows.iloc[0]
    if row["comparator"] == "range" and pd.notna(row["value_max"]):
        return (float(row["value"]) + float(row["value_max"])) / 2
    return float(row["value"])


def target_figures(
    result: CorpusResult,
    *,
    latest_doc: str = "",
    reference: pd.DataFrame | None = None,
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    indicator: str = "gdp_growth",
) -> dict[str, Figure]:
    """The target figures of a run (empty when it found no targets)."""
    targets = result.targets
    if targets is None or not len(targets):
        return {}
    corpus = result.corpus
    kept = corpus[corpus["duplicate_of"].fillna("").astype(str) == ""] if "duplicate_of" in corpus else corpus
    targets = targets[targets["doc_id"].isin(set(kept["doc_id"]))]
    figures: dict[str, Figure] = {}
    body = dict(zip(kept["doc_id"], report_body(kept)))
    rows = targets[(targets["indicator"] == indicator) & (targets["period"].fillna("") == "")]
    years_by_body = rows.assign(_body=rows["doc_id"].map(body)).groupby("_body")["year"].nunique()
    if len(years_by_body) and years_by_body.max() >= 2:
        best = years_by_body.idxmax()
        docs = {d for d, b in body.items() if b == best}
        years = {int(y) for y in kept.loc[kept["doc_id"].isin(docs), "year"].dropna()}
        figures[f"targets_{indicator}_years"] = targets_years_plot(
            targets, indicator=indicator, realised=result.targets_vs_realised, docs=docs, report_years=years,
            lang=lang, font=font, source=source,
        )
    national = national_rows(targets)
    local = rows[~national.loc[rows.index]] if len(rows) else rows
    per_year = local[local["status"] == "set"].groupby("year")["doc_id"].nunique()
    if len(per_year) and per_year.max() >= 3:
        year = int(per_year.idxmax())
        value = _reference_value(targets[national], year, indicator)
        if value is None:
            value = _reference_value(reference, year, indicator)
        figures[f"targets_{indicator}_{year}"] = targets_across_plot(
            targets[~national], indicator=indicator, year=year, reference=value, corpus=kept, lang=lang, font=font, source=source,
        )
    with_targets = [d for d in kept.sort_values(["date", "doc_id"], kind="stable")["doc_id"] if d in set(targets["doc_id"])]
    if with_targets:
        doc = latest_doc if latest_doc in with_targets else with_targets[-1]
        titles = dict(zip(kept["doc_id"], kept["title"].fillna("")))
        figures[f"targets_table_{_safe(doc)}"] = targets_table_plot(targets, doc_id=doc, doc_name=titles.get(doc) or doc, lang=lang, font=font, source=source)
    return figures
