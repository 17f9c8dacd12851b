"""Charts: every chart draws, in Chinese and English, with no missing glyph, from fixtures and one speech."""

from __future__ import annotations

import io
import warnings

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis import charts as viz
from analysis.charts.fonts import font_covers, font_path, font_register
from analysis.trends import quotas_change, quotas_trend, terms_change, terms_trend, themes_trend


def draw(fig: Figure, fmt: str = "png") -> bytes:
    """Render a figure and fail on any missing-glyph warning."""
    buffer = io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(buffer, format=fmt, dpi=60)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert not missing, missing
    return buffer.getvalue()


def texts(fig: Figure) -> str:
    """Every text drawn in a figure (titles, labels, ticks, legends, notes)."""
    found = [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text") and callable(a.get_text))]
    return "\n".join(str(t) for t in found)


@pytest.fixture(scope="module")
def tables():
    dates = ["2023-01-05", "2023-02-06", "2023-04-07", "2023-05-08"]
    corpus = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "date": dates,
            "year": pd.array([2023] * 4, dtype="Int64"),
            "month": pd.array([1, 2, 4, 5], dtype="Int64"),
            "n_chars": [1000, 1200, 900, 1500],
            "duplicate_of": [""] * 4,
        }
    )
    term_counts = pd.DataFrame(
        [
            ("a", "全面从严治党", "party_building", 3), ("a", "高质量发展", "economy", 2), ("a", "新质生产力", "tech_industry", 1),
            ("b", "全面从严治党", "party_building", 1), ("b", "高质量发展", "economy", 4),
            ("c", "高质量发展", "economy", 1), ("c", "乡村振兴", "rural", 3),
            ("d", "新质生产力", "tech_industry", 5), ("d", "乡村振兴", "rural", 1), ("d", "高质量发展", "economy", 2),
        ],
        columns=["doc_id", "term", "theme", "count"],
    )
    themes = term_counts.groupby(["doc_id", "theme"], as_index=False)["count"].sum()
    quotas = pd.DataFrame(
        [
            ("c", "quota", "不少于10天", 5, 10.0, float("nan"), "天", "ge", "每月", "", "外出招商时间"),
            ("d", "quota", "不少于12天", 5, 12.0, float("nan"), "天", "ge", "每月", "", "外出招商时间"),
            ("d", "deadline", "年底前完成", 9, float("nan"), float("nan"), "", "", "", "12月底", "项目开工"),
        ],
        columns=["doc_id", "kind", "text", "start", "value", "value_max", "unit", "comparator", "period", "deadline", "subject"],
    )
    return corpus, term_counts, themes, quotas


def all_charts(tables, lang: str) -> dict[str, Figure]:
    corpus, term_counts, themes, quotas = tables
    term_trend = terms_trend(term_counts, corpus, period="month")
    theme_trend = themes_trend(themes, corpus, period="month")
    quota_trend = quotas_trend(quotas, corpus, period="month")
    change = terms_change(term_counts, corpus, period="month", min_count=1)
    matches = pd.DataFrame(
        {"doc_id": "d", "term": ["新质生产力", "乡村振兴", "新质生产力"], "start": [10, 400, 900], "end": [15, 404, 905]}
    )
    sentences = pd.DataFrame(
        {
            "doc_id": "d",
            "sentence": [0, 1, 2],
            "start": [0, 300, 800],
            "end": [300, 800, 1500],
            "section": ["0", "1", "2"],
            "heading": ["", "一、关于乡村振兴", "二、关于科技创新"],
            "text": ["", "", ""],
        }
    )
    section_themes = pd.DataFrame(
        {"doc_id": "d", "section": ["1", "2"], "heading": ["", ""], "theme": ["rural", "tech_industry"], "count": [1, 2], "share": [1.0, 1.0]}
    )
    source = "fixture · 2023-01–2023-05"
    return {
        "terms": viz.terms_trend_plot(term_trend, lang=lang, source=source),
        "shares": viz.themes_share_plot(theme_trend, lang=lang, source=source),
        "heatmap": viz.themes_heatmap_plot(theme_trend, lang=lang, source=source),
        "quotas": viz.quotas_timeline_plot(quota_trend, quotas_change(quotas, corpus, period="month"), lang=lang, source=source),
        "cloud": viz.wordcloud_plot({"全面从严治党": 5, "高质量发展": 4, "乡村振兴": 3, "新质生产力": 2}, label="2023-05", lang=lang, source=source),
        "keyness": viz.keyness_plot(change.keyness, target=change.latest, reference=change.reference, p=None, lang=lang, source=source),
        "dispersion": viz.dispersion_plot(matches, doc_id="d", n_chars=1500, lang=lang, source=source),
        "outline": viz.outline_plot(section_themes, sentences, doc_id="d", lang=lang, source=source),
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_chart_draws_without_missing_glyphs(tables, lang):
    charts = all_charts(tables, lang)
    for name, fig in charts.items():
        assert isinstance(fig, Figure), name
        assert draw(fig).startswith(b"\x89PNG"), name
    # Vector formats use the same font.
    assert draw(charts["terms"], "pdf").startswith(b"%PDF")
    assert b"<svg" in draw(charts["shares"], "svg")


def test_english_labels_keep_chinese_terms(tables):
    charts = all_charts(tables, "en")
    assert "Key terms over time" in texts(charts["terms"])
    assert "Rural revitalisation" in texts(charts["shares"])  # theme label from the lexicon, in English
    assert "乡村振兴" in texts(charts["dispersion"])  # terms stay Chinese
    assert "fixture · 2023-01–2023-05" in texts(charts["terms"])  # the source line
    panel_themes = [ax.get_title(loc="right") for ax in charts["terms"].axes]
    assert {"Party building", "Economy and investment promotion"} <= set(panel_themes)  # themes kept on the panels
    zh = all_charts(tables, "zh")
    assert "重点术语走势" in texts(zh["terms"]) and "乡村振兴与三农" in texts(zh["shares"])


def test_gaps_are_breaks_not_zeros(tables):
    corpus, term_counts, *_ = tables
    fig = viz.terms_trend_plot(terms_trend(term_counts, corpus, period="month"), terms=["高质量发展"])
    (line,) = fig.axes[0].get_lines()
    y = list(line.get_ydata())
    assert len(y) == 5 and pd.isna(y[2])  # March 2023: no meeting → NaN, the line breaks


def test_font_is_the_registered_cjk_family_first():
    family = font_register()
    style = viz.chart_style()
    assert style["font.family"][0] == family
    assert style["axes.unicode_minus"] is False
    assert font_covers("重点术语走势主题占比指标与时限提及高频词关键性讲话结构") == set()


def test_wordcloud_words_are_covered_by_the_font():
    words = {"全面从严治党": 9, "高质量发展": 7, "新质生产力": 5, "乡村振兴": 4, "三会一课": 3}
    fig = viz.wordcloud_plot(words)
    assert fig.cloud_words, "the cloud drew nothing"
    for word in fig.cloud_words:
        assert font_covers(word) == set(), word


def test_cloud_frequencies_drop_stopwords_and_uncovered_words():
    from collections import Counter

    from analysis.measures.terms import dtm_build

    dtm = dtm_build([("a", Counter({"全面从严治党": 3, "我们": 5, "工作": 2})), ("b", Counter({"工作": 4, "\U0001F600\U0001F600": 9}))])
    assert viz.cloud_frequencies(dtm, ["a", "b"], stopwords={"我们"}) == {"工作": 6, "全面从严治党": 3}
    assert viz.cloud_frequencies(dtm, ["b"], n=1) == {"工作": 4}


def test_custom_font_file(tmp_path):
    fig = viz.note_plot("自定义字体", font=font_path())
    draw(fig)
    with pytest.raises(FileNotFoundError):
        viz.note_plot("x", font=tmp_path / "missing.otf")


def test_one_speech_gets_no_placeholder_charts():
    from analysis.run import corpus_run
    from tests.conftest import COUNTY

    result = corpus_run([COUNTY])
    corpus = result.corpus
    term_trend = terms_trend(result.term_counts, corpus)
    theme_trend = themes_trend(result.themes, corpus)
    quota_trend = quotas_trend(result.quotas, corpus)
    doc = corpus["doc_id"].iloc[0]
    for make, lang in ((lambda: viz.terms_trend_plot(term_trend), "zh"), (lambda: viz.themes_share_plot(theme_trend, lang="en"), "en"),
                       (lambda: viz.themes_heatmap_plot(theme_trend), "zh")):
        with pytest.raises(viz.ChartUnavailable) as why:
            make()
        assert why.value.reason.startswith(viz.NEEDS_MEETINGS[lang])
    # The quotas of the one speech: a table, no bars and no note where bars would be.
    quotas = viz.quotas_timeline_plot(quota_trend, result.quotas[result.quotas["doc_id"] == doc])
    assert len(quotas.axes) == 1 and "外出招商时间" in texts(quotas) and viz.NEEDS_MEETINGS["zh"] not in texts(quotas)
    charts = {
        "quotas": quotas,
        "cloud": viz.wordcloud_plot(viz.cloud_weights(result.dtm, [doc]), label=doc),
        "dispersion": viz.dispersion_plot(result.matches, doc_id=doc, n_chars=int(corpus["n_chars"].iloc[0])),
        "outline": viz.outline_plot(result.section_themes, result.sentences, doc_id=doc),
    }
    for name, fig in charts.items():
        draw(fig)
    for word in charts["cloud"].cloud_words:
        assert font_covers(word) == set(), word
    # Weighted by TF-IDF with the filler left out: not 工作 first, no 不能/不好/不是/哪个.
    assert charts["cloud"].cloud_words[0] != "工作"
    assert not {"工作", "不能", "不好", "不是", "哪个", "问题"} & set(charts["cloud"].cloud_words)


def gap_spans(ax) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    spans = []
    for patch in ax.patches:
        if patch.get_gid() == "gap":
            box = patch.get_bbox() if hasattr(patch, "get_bbox") else patch.get_extents()
            spans.append((round(box.x0, 2), round(box.x1, 2)))
    return spans


def test_gaps_are_marked_on_every_time_chart(tables):
    corpus, term_counts, themes, quotas = tables
    term_fig = viz.terms_trend_plot(terms_trend(term_counts, corpus, period="month"), terms=["高质量发展"])
    assert gap_spans(term_fig.axes[0]) == [(1.5, 2.5)]  # 2023-03, no meeting: a shaded band
    assert "无会议" in [t.get_text() for legend in term_fig.legends for t in legend.get_texts()]
    share_fig = viz.themes_share_plot(themes_trend(themes, corpus, period="month"))
    assert [round(p.get_x() + p.get_width() / 2) for p in share_fig.axes[0].patches if p.get_gid() == "gap"] == [2]
    heat_fig = viz.themes_heatmap_plot(themes_trend(themes, corpus, period="month"))
    assert [round(p.get_x() + 0.5) for p in heat_fig.axes[0].patches if p.get_gid() == "gap"] == [2]
    quota_fig = viz.quotas_timeline_plot(quotas_trend(quotas, corpus, period="month"))
    ax = quota_fig.axes[0]
    assert gap_spans(ax) == [(1.5, 2.5)]
    (zero,) = [line for line in ax.get_lines() if line.get_gid() == "zero_quota"]
    assert list(zero.get_xdata()) == [0, 1]  # January and February: a meeting, no quota
    labels = [t.get_text() for legend in quota_fig.legends for t in legend.get_texts()]
    assert "无会议" in labels and "有会议、无指标" in labels


def test_a_partial_last_quarter_is_marked():
    corpus = pd.DataFrame({
        "doc_id": list("abcde"), "date": ["2023-01-05", "2023-03-06", "2023-04-07", "2023-06-08", "2023-07-09"],
        "year": pd.array([2023] * 5, dtype="Int64"), "month": pd.array([1, 3, 4, 6, 7], dtype="Int64"),
        "n_chars": [1000] * 5, "duplicate_of": [""] * 5,
    })
    counts = pd.DataFrame({"doc_id": list("abcde"), "term": "高质量发展", "theme": "economy", "count": [1, 2, 3, 4, 5]})
    trend = terms_trend(counts, corpus, period="quarter")
    assert trend.periods == ["2023Q1", "2023Q2", "2023Q3"] and trend.partial_last == "2023-07"
    fig = viz.terms_trend_plot(trend)
    assert [p.get_gid() for p in fig.axes[0].patches].count("partial") == 1
    assert "2023Q3 不完整（仅到 2023-07）" in [t.get_text() for legend in fig.legends for t in legend.get_texts()]
    quota_fig = viz.quotas_timeline_plot(quotas_trend(pd.DataFrame(columns=["doc_id", "kind"]), corpus, period="quarter"))
    assert "2023Q3 不完整（仅到 2023-07）" in [t.get_text() for legend in quota_fig.legends for t in legend.get_texts()]
    assert terms_trend(counts, corpus, period="month").partial_last == ""


def test_keyness_chart_shows_only_significant_terms():
    keyness = pd.DataFrame({
        "term": ["新质生产力", "防汛抗旱", "全面从严治党"], "target_count": [2, 1, 30], "reference_count": [0, 6, 2],
        "chi2": [0.24, -14.0, 20.0], "p": [0.62, 0.0002, 0.00001], "G2": [1.0, -12.0, 22.0], "p_G2": [0.3, 0.0005, 0.00001],
    })
    fig = viz.keyness_plot(keyness, target="2026-07", reference="2026-06")
    assert set(fig.keyness_rows["term"]) == {"防汛抗旱", "全面从严治党"}
    assert "只显示 p < 0.05 的术语（χ²）；1 个不显著的未显示" in texts(fig)
    with pytest.raises(viz.ChartUnavailable, match="p < 0.05"):
        viz.keyness_plot(keyness[keyness["p"] > 0.05], target="2026-07", reference="2026-06")
    assert len(viz.keyness_plot(keyness, target="a", reference="b", p=None).keyness_rows) == 3


def test_outline_is_not_drawn_for_a_text_without_headings():
    sentences = pd.DataFrame({"doc_id": "r", "sentence": [0, 1], "start": [0, 50], "end": [50, 90], "section": ["0", "0"],
                              "heading": ["", ""], "text": ["", ""]})
    themes = pd.DataFrame({"doc_id": "r", "section": ["0"], "heading": [""], "theme": ["economy"], "count": [3], "share": [1.0]})
    with pytest.raises(viz.ChartUnavailable, match="没有小标题"):
        viz.outline_plot(themes, sentences, doc_id="r")


def test_cloud_weights_push_down_words_of_every_speech():
    from collections import Counter

    from analysis.measures.terms import dtm_build

    docs = [(f"d{i}", Counter({"工作": 9, "全面从严治党": 1, **({"高质量发展": 2} if i < 2 else {})})) for i in range(6)]
    weights = viz.cloud_weights(dtm_build(docs), ["d0"], filler=frozenset())
    assert list(weights) == ["高质量发展"]  # 工作 and 全面从严治党 are in every speech: IDF 0
    assert "工作" not in viz.cloud_weights(dtm_build(docs[:1]), ["d0"])  # one speech: the filler list


def test_the_filler_list_holds_no_lexicon_term(lexicon):
    from analysis.charts.words import cloud_filler

    terms = {t.term for t in lexicon.terms} | {v for t in lexicon.terms for v in t.variants}
    assert cloud_filler() and not cloud_filler() & terms


def test_quota_charts_on_the_annual_reports(shared_corpus):
    from analysis.run import corpus_run

    result = corpus_run([shared_corpus / "gwr-national"])
    corpus = result.corpus
    trend = quotas_trend(result.quotas, corpus)
    assert trend.period == "year"
    newest = quotas_change(result.quotas, corpus)
    assert newest.attrs["latest"] == "2025" and (newest["status"] == "new").any()
    fig = viz.quotas_timeline_plot(trend, newest)
    draw(fig)
    bars = [p for p in fig.axes[0].patches if p.get_gid() not in ("gap", "partial")]
    assert sum(p.get_height() for p in bars) == len(result.quotas)
    assert "2025" in texts(fig)
