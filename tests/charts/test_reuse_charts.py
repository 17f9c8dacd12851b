"""Reuse and diffusion charts: they draw in Chinese and English with no missing glyph, and show what their titles say."""

from __future__ import annotations

import io
import warnings

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis.charts.reuse import diffusion_plot, reuse_sources_plot
from analysis.measures.diffusion import diffusion_first_use
from analysis.measures.reuse import CorpusText, reuse_find

PASSAGE = "会议强调，要坚持以人民为中心的发展思想，扎实推进共同富裕，着力解决群众急难愁盼问题，把保障和改善民生建立在经济发展和财力可持续的基础上。"


def draw(fig: Figure) -> None:
    buffer = io.BytesIO()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(buffer, format="png", dpi=50)
    assert not [w for w in caught if "missing from font" in str(w.message)]


def texts(fig: Figure) -> str:
    return " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text") and callable(a.get_text)))


@pytest.fixture(scope="module")
def reuse():  # type: ignore[no-untyped-def]
    corpus = [
        CorpusText(doc_id="县/讲话", text="今年以来，我县围绕产业发展抓招商。" + PASSAGE, date="2024-08", title="县委书记讲话"),
        CorpusText(doc_id="镇/讲话", text="镇里抓农田水利建设。", date="2024-09"),
    ]
    reference = [CorpusText(doc_id="politburo/2024-07-30", text="城市建设方面完成老旧小区改造。" + PASSAGE, date="2024-07-30")]
    return reuse_find(corpus, reference=reference), {t.doc_id: t.title for t in corpus}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reuse_chart_shows_the_reused_speech_and_its_source(reuse, lang: str) -> None:  # type: ignore[no-untyped-def]
    result, titles = reuse
    fig = reuse_sources_plot(result.docs, result.passages, titles=titles, lang=lang)
    draw(fig)
    shown = texts(fig)
    assert "县委书记讲话" in shown and "2024-07-30" in shown
    assert ("文本复用" if lang == "zh" else "Text reuse") in shown
    assert "镇/讲话" not in shown  # nothing reused, not drawn
    share = result.docs.set_index("doc_id").loc["县/讲话", "reused_share"]
    assert f"{share:.0%}" in shown


def test_reuse_chart_without_passages_is_a_note(reuse) -> None:  # type: ignore[no-untyped-def]
    result, _ = reuse
    fig = reuse_sources_plot(result.docs.assign(reused_chars=0), result.passages.iloc[0:0], min_chars=30)
    draw(fig)
    assert "30" in texts(fig)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_diffusion_chart_puts_the_reference_series_first(lang: str) -> None:
    table = diffusion_first_use(
        [
            CorpusText(doc_id="a", text="发展新质生产力", date="2024-01-31", folder="politburo"),
            CorpusText(doc_id="b", text="发展新质生产力", date="2024-01-22", folder="state-council"),
            CorpusText(doc_id="c", text="发展新质生产力", date="2024", folder="city"),
        ],
        terms=["新质生产力"],
    )
    fig = diffusion_plot(table, terms=["新质生产力"], lang=lang)
    draw(fig)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend[0].startswith("politburo") and "state-council" in legend
    assert "新质生产力" in texts(fig)


def test_diffusion_chart_without_terms_is_a_note() -> None:
    empty = pd.DataFrame(columns=["term", "series", "first_date", "reference_series"])
    draw(diffusion_plot(empty, terms=["新质生产力"]))
