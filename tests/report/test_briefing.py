"""The briefing: chart pack, tables and one-page briefing from one speech and from the shared corpus."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis.report import brief_write
from analysis.run import Options, Selection

REPO = Path(__file__).resolve().parents[2]

COUNTY = REPO / "data" / "raw" / "county"
MONTHLY = REPO / "data" / "raw" / "politburo-monthly"
COUNTY_DOC = "county-party-secretary_monthly-meeting_august"
ONE_SPEECH_FIGURES = ["quota_timeline_year", "wordcloud_latest", f"dispersion_{COUNTY_DOC}", f"outline_{COUNTY_DOC}"]
ONE_SPEECH_NOT_DRAWN = ["term_trends_year", "theme_shares_year", "theme_heatmap_year", "keyness_latest_vs_previous", "keyness_words_latest_vs_all"]


@pytest.fixture(scope="module")
def county_brief(tmp_path_factory):
    out = tmp_path_factory.mktemp("county")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        written = brief_write([COUNTY], out=out, options=Options())
    relevant = [str(w.message) for w in caught if not issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning))]
    assert not relevant, relevant
    return out, written


@pytest.fixture(scope="module")
def monthly_brief(tmp_path_factory):
    out = tmp_path_factory.mktemp("monthly")
    return out, brief_write([MONTHLY], out=out, options=Options())


def test_brief_on_one_speech(county_brief):
    from PIL import Image

    out, written = county_brief
    for name in ONE_SPEECH_FIGURES:
        for fmt in ("png", "svg", "pdf"):
            path = out / "figures" / f"{name}.{fmt}"
            assert path in written and path.stat().st_size > 0, path
    # Charts that need several meetings are not drawn: no placeholder image, the briefing says why.
    assert not any((out / "figures" / f"{name}.png").exists() for name in ONE_SPEECH_NOT_DRAWN)
    with Image.open(out / "figures" / "wordcloud_latest.png") as image:
        assert round(image.info["dpi"][0]) == 300
    # The standard outputs come from the same run as the briefing.
    assert (out / "corpus.csv").is_file() and (out / "quotas.csv").is_file() and (out / "run.json").is_file()
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in html and "讲话简报：县委书记在全县月度工作推进会上的讲话" in html
    assert "raw" not in html.split("</h1>")[0]  # the title is the speech's, not a folder's
    for name in ONE_SPEECH_NOT_DRAWN:
        assert f"（{name}）：未绘制：需要至少两次有日期的会议" in html
    quotas = pd.read_csv(out / "quotas.csv", encoding="utf-8-sig")
    assert quotas["text"].iloc[0] in html or quotas["subject"].dropna().iloc[0] in html
    assert "年份不详" in html  # the undated speech is said to be out of the time series
    assert "各部分的主导主题" in html and "关键词上下文" in html  # themes per section and KWIC
    assert (out / "briefing.pdf").read_bytes().startswith(b"%PDF")


def test_monthly_briefing_shows_the_series(monthly_brief):
    out, written = monthly_brief
    names = {p.stem for p in (out / "figures").glob("*.png")}
    assert {"term_trends_month", "theme_shares_month", "theme_heatmap_month", "quota_timeline_month", "wordcloud_latest"} <= names
    assert not any(n.startswith("outline_") for n in names)  # readouts have no headings: not drawn
    html = (out / "briefing.html").read_text(encoding="utf-8")
    assert "讲话简报：中共中央政治局召开会议（39 次，2022-10-25 至 2026-07-30）" in html
    assert "2026-07-30_politburo-meeting" not in html.split("</h1>")[0]
    assert "未绘制：全文没有小标题" in html and "最新一期 2026-07 与上一期 2026-06 相比" in html
    # Keyness: p for chi2 and G2 in the CSV; only significant terms in the text.
    change = pd.read_csv(out / "trends" / "change_terms.csv", encoding="utf-8-sig")
    assert {"chi2", "p", "G2", "p_G2"} <= set(change.columns)
    assert ((change["p"] >= 0) & (change["p"] <= 1)).all() and ((change["p_G2"] >= 0) & (change["p_G2"] <= 1)).all()
    insignificant = change[(change["p"] >= 0.05) & (change["chi2"] > 0)]["term"]
    rising = html.split("上升的术语</h2>")[1].split("</ul>")[0]
    assert len(insignificant) and not any(f"{t} (" in rising for t in insignificant)
    trend = pd.read_csv(out / "trends" / "themes_month.csv", encoding="utf-8-sig", dtype={"period": str})
    assert trend["period"].nunique() == 46 and trend.loc[trend["period"] == "2025-12", "n_docs"].iloc[0] == 2


def test_pdf_is_legible_on_a4(monthly_brief, county_brief):
    from pypdf import PdfReader

    from analysis.report.render import MIN_WIDTH, pdf_layout

    for out, _ in (monthly_brief, county_brief):
        reader = PdfReader(out / "briefing.pdf")
        assert 1 <= len(reader.pages) <= 2
        box = reader.pages[0].mediabox
        assert round(float(box.width) / 72 * 25.4) == 210 and round(float(box.height) / 72 * 25.4) == 297  # A4
    # No chart narrower than half the page: a tall one moves to page 2 instead of shrinking to a stamp.
    layout = pdf_layout([0.55, 0.9, 0.5, 0.45, 0.6], top=0.5)
    assert layout and all(width >= MIN_WIDTH for *_, width, _h in layout)
    assert {page for _, page, *_ in layout} == {0, 1}


def test_docx_holds_text_images_and_tables(county_brief, monthly_brief):
    from docx import Document
    from docx.oxml.ns import qn

    for (out, written), title in ((county_brief, "县委书记在全县月度工作推进会上的讲话"), (monthly_brief, "中共中央政治局召开会议")):
        assert out / "briefing.docx" in written
        document = Document(str(out / "briefing.docx"))
        text = "\n".join(p.text for p in document.paragraphs)
        assert title in text and ("最新的指标与时限" in text)
        n_figures = len(list((out / "figures").glob("*.png")))
        assert len(document.inline_shapes) == n_figures  # every chart drawn, and no placeholder
        assert document.tables and all(len(t.rows) >= 2 for t in document.tables)  # header and rows
        fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "Microsoft YaHei"
    county = Document(str(county_brief[0] / "briefing.docx"))
    assert "未绘制：需要至少两次有日期的会议" in "\n".join(p.text for p in county.paragraphs)
    images = [r for r in county.part.rels.values() if "image" in r.reltype]
    from PIL import Image
    import io

    with Image.open(io.BytesIO(images[0].target_part.blob)) as image:
        assert round(image.info["dpi"][0]) == 300  # print resolution


def test_tables_xlsx_has_every_table(monthly_brief):
    from openpyxl import load_workbook

    out, written = monthly_brief
    assert out / "tables.xlsx" in written
    book = load_workbook(out / "tables.xlsx")
    expected = {"README", "corpus", "ingest_report", "term_counts", "themes", "section_themes", "keywords", "formulations", "quotas",
                "terms_month", "themes_month", "quotas_month", "change_terms", "change_words", "change_themes", "change_quotas"}
    assert expected <= set(book.sheetnames)
    corpus = book["corpus"]
    assert corpus.freeze_panes == "A2"
    header = [c.value for c in corpus[1]]
    title_column = corpus.cell(row=1, column=header.index("title") + 1).column_letter
    assert corpus.column_dimensions[title_column].width == 60  # long Chinese titles: the cap
    assert corpus.max_row == 40 and corpus.cell(row=2, column=header.index("title") + 1).value.startswith("中共中央政治局")
    change = book["change_terms"]
    assert "p" in [c.value for c in change[1]] and "p_G2" in [c.value for c in change[1]]


def test_xlsx_cells_are_excel_safe_and_widths_count_cjk_twice(tmp_path):
    from openpyxl import load_workbook

    from analysis.report.xlsx import excel_safe, tables_xlsx, text_width

    frame = pd.DataFrame({"text": ["=HYPERLINK(\"x\")", "+cmd", "-2+3", "@a", "\tx", "\rx", "全面从严治党", "-2"], "n": range(8)})
    path = tables_xlsx({"quotes": frame, "empty": frame.iloc[0:0]}, tmp_path / "t.xlsx")
    sheet = load_workbook(path)["quotes"]
    values = [sheet.cell(row=r, column=1).value for r in range(2, 10)]
    assert values == ["'=HYPERLINK(\"x\")", "'+cmd", "'-2+3", "'@a", "'\tx", "'\rx", "全面从严治党", "-2"]  # a plain number is no formula
    assert sheet.cell(row=2, column=2).value == 0  # numbers stay numbers
    assert text_width("全面从严治党") == 12 and text_width("ab") == 2 and excel_safe(-3) == -3
    assert sheet.column_dimensions["A"].width == max(text_width(str(v)) for v in values) + 2


def test_brief_build_in_english_with_chosen_terms_and_period():
    from analysis.report import brief_build
    from analysis.report.render import _html
    from analysis.run import corpus_run

    briefing = brief_build(corpus_run([COUNTY]), lang="en", terms=["基层党建", "招商引资"], period="month")
    assert briefing.period == "month" and "term_trends_month" in briefing.skipped
    assert briefing.facts["n_speeches"] == 1 and briefing.terms.n_undated == 1
    html = _html(briefing, {}, list(briefing.figures))
    assert "Speech briefing" in html and "without a year" in html and "not drawn: needs at least two dated meetings" in html


def test_bad_font_fails_early(tmp_path):
    with pytest.raises(FileNotFoundError):
        brief_write([COUNTY], out=tmp_path / "x", options=Options(), font=tmp_path / "none.otf")
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


def test_a_term_outside_the_lexicon_is_charted_as_a_phrase():
    from analysis.report import brief_build
    from analysis.run import corpus_run

    briefing = brief_build(corpus_run([MONTHLY]), terms=["经济工作会议", "全面从严治党"])
    assert briefing.phrases == ["经济工作会议"]
    rows = briefing.terms.table[briefing.terms.table["term"] == "经济工作会议"]
    assert set(rows["theme"]) == {"phrase"} and rows["count"].sum() > 0
    fig = briefing.figures["term_trends_month"]
    assert "短语（不在词表中）" in [ax.get_title(loc="right") for ax in fig.axes]


def test_corpus_charts_name_their_corpus_in_the_source_line(tmp_path):
    from analysis.report import brief_build
    from analysis.run import corpus_run

    folder = tmp_path / "meetings"
    folder.mkdir()
    for month, text in [("03", "要坚持全面从严治党，抓好招商引资。全面从严治党。"), ("04", "要抓好乡村振兴和招商引资。乡村振兴。")]:
        (folder / f"2024-{month}-01_meeting.txt").write_text(text * 3, encoding="utf-8")
    briefing = brief_build(corpus_run([folder]), period="month", p=1.0)  # a tiny fixture: no term is significant at 0.05
    per_speech = ("dispersion_", "outline_")  # these name the speech instead
    assert {"keyness_latest_vs_previous", "keyness_words_latest_vs_all"} <= set(briefing.figures)
    for name, figure in briefing.figures.items():
        if name.startswith(per_speech):
            continue
        lines = [t.get_text() for t in figure.texts]
        assert any(line.startswith("meetings") for line in lines), (name, lines)


def test_a_chart_not_drawn_leaves_no_older_image_behind(tmp_path):
    out = tmp_path / "brief"
    brief_write([MONTHLY], out=out, options=Options())
    assert (out / "figures" / "term_trends_month.png").is_file()
    (out / "figures" / "my_notes.png").write_bytes(b"not ours")
    brief_write([COUNTY], out=out, options=Options())
    names = {p.name for p in (out / "figures").iterdir()}
    assert not any(n.startswith(("term_trends_", "keyness_", "theme_shares_")) for n in names), names
    assert "my_notes.png" in names  # a file the tool did not write is never removed
