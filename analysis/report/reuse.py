"""Writing text reuse and diffusion to disk: ``python -m analysis reuse`` and ``python -m analysis diffusion``.

:func:`reuse_write` writes ``reuse.csv`` (one row per passage),
``reuse_docs.csv`` (one row per speech), ``reuse_stock.csv`` (stock phrases),
``reuse.json`` (settings and counts) and the chart ``figures/reuse_sources``
(PNG at 300 dpi, SVG, PDF).  :func:`diffusion_write` writes
``diffusion.csv`` and ``figures/diffusion``.  CSV files are written as every
table of the toolkit (:func:`analysis.run.outputs.csv_write`: UTF-8 with a
byte-order mark, Excel-safe).
"""

from __future__ import annotations

import json
import warnings
from dataclasses import asdict
from pathlib import Path
from typing import Sequence

import pandas as pd
from matplotlib.figure import Figure

from analysis._version import __version__
from analysis.charts.reuse import diffusion_plot, reuse_sources_plot
from analysis.measures.diffusion import diffusion_top_terms
from analysis.measures.reuse import ReuseResult
from analysis.run.outputs import csv_write

__all__ = ["reuse_write", "diffusion_write", "figure_save"]

_FORMATS = ("png", "svg", "pdf")
_DPI = 300


def figure_save(fig: Figure, folder: Path, name: str) -> list[Path]:
    """Save a figure as PNG (300 dpi), SVG and PDF; a glyph missing from the font is an error."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font.*")
        for fmt in _FORMATS:
            path = folder / f"{name}.{fmt}"
            fig.savefig(path, dpi=_DPI if fmt == "png" else None)
            written.append(path)
    return written


def _csv(frame: pd.DataFrame, path: Path) -> Path:
    csv_write(frame, path)  # UTF-8 with a BOM; a cell Excel would run as a formula is written as text
    return path


def reuse_write(
    result: ReuseResult,
    out: Path,
    *,
    titles: dict[str, str] | None = None,
    inputs: Sequence[str] = (),
    reference: Sequence[str] = (),
    top: int = 15,
    lang: str = "zh",
    font: str | Path | None = None,
) -> list[Path]:
    """Write the reuse tables, a JSON summary and the chart into ``out``; return the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = [
        _csv(result.passages, out / "reuse.csv"),
        _csv(result.docs, out / "reuse_docs.csv"),
        _csv(result.stock, out / "reuse_stock.csv"),
    ]
    summary = {
        "package_version": __version__,
        "inputs": list(inputs),
        "reference": list(reference),
        "params": asdict(result.params),
        "counts": {
            "speeches": len(result.docs),
            "passages": len(result.passages),
            "windows_sketched": result.n_windows,
            "candidate_window_pairs": result.n_window_pairs,
            "document_pairs_aligned": result.n_doc_pairs,
            "stock_passages_left_out": result.n_stock_passages,
            "stock_phrases": len(result.stock),
        },
    }
    (out / "reuse.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    written.append(out / "reuse.json")
    against = "参照语料：" + "、".join(reference) if reference and lang != "en" else ("reference: " + ", ".join(reference) if reference else "")
    source = " · ".join(x for x in [", ".join(inputs), against, f"≥{result.params.min_chars}字" if lang != "en" else f">= {result.params.min_chars} characters"] if x)
    fig = reuse_sources_plot(result.docs, result.passages, top=top, titles=titles, min_chars=result.params.min_chars, lang=lang, font=font, source=source)
    written += figure_save(fig, out / "figures", "reuse_sources")
    return written


def diffusion_write(
    table: pd.DataFrame,
    out: Path,
    *,
    terms: Sequence[str] = (),
    top: int = 12,
    inputs: Sequence[str] = (),
    lang: str = "zh",
    font: str | Path | None = None,
) -> list[Path]:
    """Write ``diffusion.csv`` and the first-use chart of the top terms into ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    written = [_csv(table, out / "diffusion.csv")]
    chosen = diffusion_top_terms(table, n=top, terms=terms)
    fig = diffusion_plot(table, terms=chosen, lang=lang, font=font, source=", ".join(inputs))
    written += figure_save(fig, out / "figures", "diffusion")
    return written
