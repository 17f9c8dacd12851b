"""Writing a briefing to disk: ``python -m analysis brief``.

:func:`brief_write` runs the whole job, builds the briefing
(:func:`analysis.report.briefing.brief_build`) and writes the run's tables,
the trend tables, every figure and the HTML and PDF pages (listed in
:mod:`analysis.report.briefing`).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from analysis.report.briefing import FIGURE_FORMATS, PNG_DPI, EMBED_DPI, brief_build
from analysis.report.render import _html, _page_figures, _pdf, _png_bytes
from analysis.run import Options, corpus_run, outputs_write

def brief_write(
    corpus: list[str | Path],
    *,
    out: Path,
    options: Options,
    metadata: str | Path | None = None,
    workers: int = 1,
    lang: str = "zh",
    font: str | Path | None = None,
    terms: list[str] = [],  # noqa: B006 (read only; the signature cli.py calls)
    period: str | None = None,
    backend: str = "local",
    scheduler: str | None = None,
    reference_targets: pd.DataFrame | None = None,
) -> list[Path]:
    """Run the job on ``corpus`` and write the chart pack and the briefing into ``out``.

    Args:
        corpus: folders and/or files.
        out: output folder (created).
        options: analysis options, including the metadata selection.
        metadata: an explicit metadata table.
        workers: processes for per-speech work.
        lang: ``zh`` or ``en`` chart labels.
        font: a font file for the charts (default: bundled Noto Sans SC).
        terms: terms to chart (default: the most frequent lexicon terms).
        period: ``month``, ``quarter`` or ``year`` (default: chosen from the dates).
        backend, scheduler: passed to :func:`~analysis.run.corpus_run`
            (``local`` or ``dask``; a Dask scheduler address).
        reference_targets: headline targets to draw as the reference line of
            the cross-report target chart when the corpus has no national
            report for that year (:func:`analysis.report.target_figures.reference_targets_read`).

    Returns:
        Every file written.

    Raises:
        FileNotFoundError: when ``font`` names a missing file.
        RuntimeError: when no speech could be read.
    """
    from analysis.charts.fonts import font_register

    font_register(font)  # fail early on a bad font file
    out = Path(out)
    result = corpus_run(list(corpus), options=options, metadata=metadata, workers=workers, backend=backend, scheduler=scheduler)
    if result.corpus.empty:
        raise RuntimeError("no speech could be read (see the ingest report)")
    written = outputs_write(result, out)
    briefing = brief_build(result, lang=lang, font=font, terms=list(terms), period=period, reference_targets=reference_targets)

    tables = out / "trends"
    tables.mkdir(parents=True, exist_ok=True)
    frames: dict[str, pd.DataFrame | None] = {
        f"terms_{briefing.period}.csv": briefing.terms.table,
        f"themes_{briefing.period}.csv": briefing.themes.table,
        f"quotas_{briefing.period}.csv": briefing.quotas.table,
        "change_terms.csv": briefing.term_change.keyness if briefing.term_change else None,
        "change_words.csv": briefing.word_change.keyness if briefing.word_change else None,
        "change_themes.csv": briefing.theme_change,
        "change_quotas.csv": briefing.quota_change,
    }
    if result.targets is not None and len(result.targets):  # headline targets (#15): each against the body's previous report
        from analysis.trends import targets_change

        frames["change_targets.csv"] = targets_change(result.targets, result.corpus)
    for name, frame in frames.items():
        if frame is not None:
            frame.to_csv(tables / name, index=False, encoding="utf-8-sig")
            written.append(tables / name)

    figures = out / "figures"
    figures.mkdir(parents=True, exist_ok=True)
    page = _page_figures(briefing)
    embedded: dict[str, bytes] = {}
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font.*")
        for name, fig in briefing.figures.items():
            for fmt in FIGURE_FORMATS:
                path = figures / f"{name}.{fmt}"
                fig.savefig(path, dpi=PNG_DPI if fmt == "png" else None)
                written.append(path)
            if name in page:
                embedded[name] = _png_bytes(fig, EMBED_DPI)
        embedded = {name: embedded[name] for name in page}
        (out / "briefing.html").write_text(_html(briefing, embedded, list(briefing.figures)), encoding="utf-8")
        written.append(out / "briefing.html")
        _pdf(briefing, embedded, out / "briefing.pdf", font=font)
        written.append(out / "briefing.pdf")
    return written
