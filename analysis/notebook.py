"""Glue for the notebooks: paths from the project root, one quiet run, figures shown once.

The notebooks in ``notebooks/`` stay thin: each calls :func:`notebook_run`
with the values of its parameters cell, then the package's measures and
charts.  Paths in parameters resolve from the project root (the folder with
``pyproject.toml``), whatever folder the kernel starts in; the environment
variable ``SPEECH_CORPUS`` overrides the corpus parameter, and
``SPEECH_MEETING_TYPE`` the meeting type, so a notebook can be pointed at
another folder without editing it; ``SPEECH_OUT`` likewise overrides an
output folder (:func:`output_path`, used by ``make notebooks OUT=DIR``).

:func:`draw` shows a chart, or says in one line why it was not drawn;
:func:`table` shows a table readably (no wrapping of Chinese terms, theme
labels instead of ids) or says in one line that it is empty.  Long runs
show tqdm's notebook progress bar (``SPEECH_PROGRESS=0`` turns it off).
"""

from __future__ import annotations

import os
from pathlib import Path

from analysis.run import CorpusResult, Options, Selection, corpus_run

__all__ = ["project_root", "corpus_path", "output_path", "notebook_run", "show", "draw", "table"]


def project_root(start: Path | None = None) -> Path:
    """The nearest folder at or above ``start`` (default: the working folder) with ``pyproject.toml``.

    Falls back on the folder above the installed package.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "analysis").is_dir():
            return folder
    return Path(__file__).resolve().parent.parent


def corpus_path(value: str | Path) -> Path:
    """The corpus folder: ``SPEECH_CORPUS`` if set, else ``value``; relative paths from the project root."""
    chosen = Path(os.environ.get("SPEECH_CORPUS") or value)
    if not chosen.is_absolute():
        chosen = project_root() / chosen
    if not chosen.exists():
        raise FileNotFoundError(f"{chosen}: no such folder (set CORPUS in the parameters cell, or SPEECH_CORPUS)")
    return chosen


def output_path(value: str | Path) -> Path:
    """An output folder: ``value`` from the project root, or, when ``SPEECH_OUT`` is set, its last part under ``SPEECH_OUT``.

    ``make notebooks OUT=DIR`` sets ``SPEECH_OUT=DIR``, so that notebook 06's
    ``reports/brief`` becomes ``DIR/brief`` and nothing is written elsewhere.
    """
    base = os.environ.get("SPEECH_OUT")
    if base:
        return Path(base) / Path(value).name
    chosen = Path(value)
    return chosen if chosen.is_absolute() else project_root() / chosen


def notebook_run(
    corpus: str | Path,
    *,
    meeting_type: str = "",
    since: str = "",
    until: str = "",
    speaker: str = "",
    options: Options | None = None,
) -> CorpusResult:
    """Run the whole job for a notebook (cached; a notebook progress bar) and say what was read."""
    from dataclasses import replace

    folder = corpus_path(corpus)
    selection = Selection(
        meeting_type=os.environ.get("SPEECH_MEETING_TYPE", meeting_type), since=since, until=until, speaker=speaker
    )
    options = replace(options or Options(), selection=selection)
    # A progress bar in JupyterLab; SPEECH_PROGRESS=0 (make notebooks) keeps a stale "0%" bar out of exported copies.
    result = corpus_run([folder], options=options, progress=os.environ.get("SPEECH_PROGRESS", "1") != "0")
    counts = result.report["status"].value_counts()
    print(
        f"{folder}: {len(result.report)} files, {counts.get('ok', 0)} speeches read, "
        f"{counts.get('skipped', 0)} skipped, {counts.get('error', 0)} errors"
    )
    if result.n_ok == 0:
        raise RuntimeError(f"{folder}: no speech could be read (see result.report)")
    return result


def show(fig, *, dpi: int = 110) -> None:  # type: ignore[no-untyped-def]
    """Display a figure once in the notebook, as a PNG, and release it.

    Rendering to PNG here works whatever matplotlib backend the kernel has,
    and stores the picture in the notebook (and its HTML copy).
    """
    import io

    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    titles = [fig.get_suptitle()] + [ax.get_title(loc) for ax in fig.axes for loc in ("left", "center")]
    alt = next((t for t in titles if t), "chart")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    plt.close(fig)
    display(Image(data=buffer.getvalue(), format="png"), metadata={"image/png": {"alt": alt}})


def draw(make, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """Draw a chart with ``make(*args, **kwargs)`` and :func:`show` it, or print why it cannot be drawn (one line)."""
    from analysis.charts import NOT_DRAWN, ChartUnavailable

    try:
        fig = make(*args, **kwargs)
    except ChartUnavailable as why:
        print(NOT_DRAWN["en" if kwargs.get("lang") == "en" else "zh"].format(reason=why.reason))
        return
    show(fig)


_TABLE_STYLE = (
    "<style>.speech-table{border-collapse:collapse}.speech-table th,.speech-table td"
    "{white-space:nowrap;text-align:left;padding:2px 8px}</style>"
)


def table(frame, *, lexicon=None, n: int | None = None, empty: str = "没有结果 (no rows)") -> None:  # type: ignore[no-untyped-def]
    """Show a table readably: Chinese terms on one line, ``theme`` ids as their labels, ``n`` rows at most.

    An empty table (or None) prints ``empty`` in one line instead of a header-only table.
    """
    from IPython.display import HTML, display

    if frame is None or len(frame) == 0:
        print(f"（{empty}）")
        return
    frame = frame.head(n) if n else frame
    if lexicon is not None:
        frame = frame.copy()
        for column in [c for c in frame.columns if c == "theme" or str(c).endswith("_theme")]:
            frame[column] = [lexicon.theme_label(str(v)) if isinstance(v, str) and v else v for v in frame[column]]
        if getattr(frame.columns, "name", None) == "theme" or any(isinstance(c, str) and c in lexicon.themes for c in frame.columns):
            frame = frame.rename(columns={c: lexicon.theme_label(c) for c in frame.columns if isinstance(c, str) and c in lexicon.themes})
        if frame.index.name == "theme" or any(isinstance(i, str) and i in lexicon.themes for i in frame.index[:50]):
            frame = frame.rename(index={i: lexicon.theme_label(i) for i in frame.index if isinstance(i, str) and i in lexicon.themes})
    import pandas as pd

    show_index = not isinstance(frame.index, pd.RangeIndex)
    html = frame.to_html(index=show_index, na_rep="", border=0, classes="speech-table")
    display(HTML(_TABLE_STYLE + html))
