"""Writing a briefing to disk: ``python -m analysis brief``.

:func:`brief_write` runs the whole job, builds the briefing
(:func:`analysis.report.briefing.brief_build`) and writes the run's tables,
the trend tables, every figure, the HTML, PDF and DOCX briefings and
``tables.xlsx`` (listed in :mod:`analysis.report.briefing`).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from analysis.report.briefing import EMBED_DPI, FIGURE_FORMATS, PNG_DPI, brief_build
from analysis.report.docx import briefing_docx
from analysis.report.render import _html, _pdf, _png_bytes, page_figures
from analysis.report.xlsx import tables_xlsx
from analysis.run import Options, corpus_run, csv_write, outputs_write, quotas_dated

__all__ = ["brief_write", "charts_stale", "BRIEFING_FILES"]

_OUR_CHARTS = ("term_trends_", "theme_shares_", "theme_heatmap_", "quota_timeline_", "wordcloud_latest", "keyness_", "dispersion_", "outline_")
#: The briefing files ``brief`` writes into ``OUT``.
BRIEFING_FILES = ("briefing.html", "briefing.pdf", "briefing.docx", "tables.xlsx")


def charts_stale(figures: Path, *, drawn: set[str]) -> list[Path]:
    """Charts of an earlier briefing in ``figures`` that this one did not draw (``drawn``: the stems it drew).

    A chart this run could not draw must not be taken for this run's, so it is removed.
    """
    return [
        path for path in figures.glob("*.*")
        if path.suffix.lstrip(".") in FIGURE_FORMATS and path.stem.startswith(_OUR_CHARTS) and path.stem not in drawn
    ]


def brief_write(
    corpus: list[str | Path],
    *,
    out: Path,
    options: Options,
    metadata: str | Path | None = None,
    workers: int = 1,
    lang: str = "zh",
    font: str | Path | None = None,
    terms: list[str] = [],  # noqa: B006 (read only; the signature the command line calls)
    period: str | None = None,
    backend: str = "local",
    scheduler: str | None = None,
    p: float = 0.05,
    progress: bool | None = None,
    reference_targets: pd.DataFrame | None = None,
) -> list[Path]:
    """Run the job on ``corpus`` and write the chart pack and the briefings into ``out``.

    Args:
        corpus: folders and/or files.
        out: output folder (created).
        options: analysis options, including the metadata selection.
        metadata: an explicit metadata table.
        workers: processes for per-speech work.
        lang: ``zh`` or ``en`` chart labels.
        font: a font file for the charts (default: bundled Noto Sans SC).
        terms: terms to chart (default: the most frequent lexicon terms);
            a term not in the lexicon is counted as a phrase.
        period: ``month``, ``quarter`` or ``year`` (default: chosen from the dates).
        backend, scheduler: passed to :func:`~analysis.run.corpus_run`
            (``local`` or ``dask``; a Dask scheduler address).
        reference_targets: headline targets to draw as the reference line of
            the cross-report target chart when the corpus has no national
            report for that year (:func:`analysis.report.target_figures.reference_targets_read`).
        p: significance level of the keyness charts and of rising and falling terms.
        progress: show progress bars (default: only on a terminal; in a
            notebook, tqdm's notebook bars).

    Returns:
        Every file written.

    Raises:
        FileNotFoundError: when ``font`` names a missing file.
        RuntimeError: when no speech could be read.
    """
    import sys

    from tqdm.auto import tqdm

    from analysis.charts.fonts import font_register

    font_register(font)  # fail early on a bad font file
    out = Path(out)
    show = sys.stderr.isatty() if progress is None else progress
    result = corpus_run(list(corpus), options=options, metadata=metadata, workers=workers, backend=backend, scheduler=scheduler,
                        progress=show)
    if result.corpus.empty:
        error = RuntimeError("no speech could be read (see the ingest report)")
        error.result = result  # type: ignore[attr-defined]  # for the command line to say what the corpus has
        raise error
    written = outputs_write(result, out)
    briefing = brief_build(result, lang=lang, font=font, terms=list(terms), period=period, p=p, reference_targets=reference_targets)

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
            csv_write(frame, tables / name)
            written.append(tables / name)

    figures = out / "figures"
    figures.mkdir(parents=True, exist_ok=True)
    for stale in charts_stale(figures, drawn=set(briefing.figures)):
        stale.unlink()
    page = page_figures(briefing)
    embedded: dict[str, bytes] = {}
    printed: dict[str, bytes] = {}
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*missing from font.*")
        for name, fig in tqdm(briefing.figures.items(), total=len(briefing.figures), disable=not show, unit="chart", desc="charts"):
            for fmt in FIGURE_FORMATS:
                path = figures / f"{name}.{fmt}"
                fig.savefig(path, dpi=PNG_DPI if fmt == "png" else None)
                written.append(path)
            if name in page:
                embedded[name] = _png_bytes(fig, EMBED_DPI)
            printed[name] = (figures / f"{name}.png").read_bytes()
        embedded = {name: embedded[name] for name in page}
        # The Word document: the page's charts first, then every other chart drawn.
        printed = {name: printed[name] for name in [*page, *(n for n in printed if n not in page)]}
        (out / "briefing.html").write_text(_html(briefing, embedded, list(briefing.figures)), encoding="utf-8")
        written.append(out / "briefing.html")
        _pdf(briefing, embedded, out / "briefing.pdf", font=font)
        written.append(out / "briefing.pdf")
    written.append(briefing_docx(briefing, out / "briefing.docx", pngs=printed))

    sheets: dict[str, pd.DataFrame] = {
        "corpus": result.corpus, "ingest_report": result.report, "term_counts": result.term_counts, "themes": result.themes,
        "section_themes": result.section_themes, "keywords": result.keywords, "formulations": result.formulations,
        "quotas": quotas_dated(result.quotas, result.corpus),
    }
    sources = {name: f"{name}.csv" for name in sheets}
    for name, frame in frames.items():
        if frame is not None:
            sheets[name.removesuffix(".csv")] = frame
            sources[name.removesuffix(".csv")] = f"trends/{name}"
    written.append(tables_xlsx(sheets, out / "tables.xlsx", sources=sources))
    return written
