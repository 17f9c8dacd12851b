"""The briefing: chart pack, tables and one-page briefing from one speech and from the shared corpus."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis.report import brief_write
from analysis.run import Options, Selection

REPO = Path(__file__).resolve().parents[2]

ONE_SPEECH_FIGURES = [
    "term_trends_year",
    "theme_shares_year",
    "theme_heatmap_year",
    "quota_timeline_year",
    "wordcloud_latest",
    "keyness_latest_vs_previous",
    "keyness_words_latest_vs_all",
    "dispersion_county-party-secretary_monthly-meeting_august",
    "outline_county-party-secretary_monthly-meeting_august",
]


def test_brief_on_one_speech(tmp_path):
    from PIL import Image

    out = tmp_path / "brief"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = brief_write([REPO / "data" / "raw"], out=out, options=Options())
    relevant = [str(w.message) for w in caught if not issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning))]
    assert not relevant, relevant
    for name in ONE_SPEECH_FIGURES:
        for fmt in ("png", "svg", "pdf"):
            path = out / "figures" / f"{name}.{fmt}"
            assert path in written and path.stat().st_size > 0, path
    with Image.open(out / "figures" / "wordcloud_latest.png") as image:
        assert round(image.info["dpi"][0]) == 300
    # The standard outputs come from the same run as the briefing.
    assert (out / "corpus.csv").is_file() and (out / "quotas.csv").is_file() and (out / "run.json").is_file()
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and "讲话简报" in html
    quotas = pd.read_csv(out / "quotas.csv", encoding="utf-8-sig")
    assert quotas["text"].iloc[0] in html or quotas["subject"].dropna().iloc[0] in html
    assert "年份不详" in html  # the undated speech is said to be out of the time series
    assert (out / "briefing.pdf").read_bytes().startswith(b"%PDF")


def test_brief_build_in_english_with_chosen_terms_and_period():
    from analysis.report import brief_build
    from analysis.report.render import _html
    from analysis.run import corpus_run

    briefing = brief_build(corpus_run([REPO / "data" / "raw"]), lang="en", terms=["基层党建", "招商引资"], period="month")
    assert briefing.period == "month" and "term_trends_month" in briefing.figures
    assert briefing.facts["n_speeches"] == 1 and briefing.terms.n_undated == 1
    html = _html(briefing, {}, list(briefing.figures))
    assert "Speech briefing" in html and "without a year" in html and "figures/term_trends_month.png" in html


def test_bad_font_fails_early(tmp_path):
    with pytest.raises(FileNotFoundError):
        brief_write([REPO / "data" / "raw"], out=tmp_path / "x", options=Options(), font=tmp_path / "none.otf")
    assert not (tmp_path / "x").exists()


def test_brief_on_the_monthly_politburo_meetings(shared_corpus, tmp_path):
    out = tmp_path / "politburo"
    options = Options(selection=Selection(meeting_type="politburo-meeting"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        brief_write([shared_corpus / "politburo"], out=out, options=options)
    relevant = [str(w.message) for w in caught if not issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning))]
    assert not relevant, relevant
    names = {p.stem for p in (out / "figures").glob("*.png")}
    assert {"term_trends_month", "theme_shares_month", "theme_heatmap_month", "quota_timeline_month", "keyness_latest_vs_previous"} <= names
    trend = pd.read_csv(out / "trends" / "themes_month.csv", encoding="utf-8-sig", dtype={"period": str})
    assert trend["period"].nunique() == 46 and trend.loc[trend["period"] == "2025-12", "n_docs"].iloc[0] == 2
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "39 篇讲话" in html and "2026-07" in html


def test_corpus_charts_name_their_corpus_in_the_source_line(tmp_path):
    from analysis.report import brief_build
    from analysis.run import corpus_run

    folder = tmp_path / "meetings"
    folder.mkdir()
    for month, text in [("03", "要坚持全面从严治党，抓好招商引资。全面从严治党。"), ("04", "要抓好乡村振兴和招商引资。乡村振兴。")]:
        (folder / f"2024-{month}-01_meeting.txt").write_text(text * 3, encoding="utf-8")
    briefing = brief_build(corpus_run([folder]))
    per_speech = ("dispersion_", "outline_")  # these name the speech instead
    assert {"keyness_latest_vs_previous", "keyness_words_latest_vs_all"} <= set(briefing.figures)
    for name, figure in briefing.figures.items():
        if name.startswith(per_speech):
            continue
        lines = [t.get_text() for t in figure.texts]
        assert any(line.startswith("meetings") for line in lines), (name, lines)
