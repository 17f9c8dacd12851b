"""Word clouds of a speech or a corpus, weighted by TF-IDF against the corpus (:func:`cloud_weights`) or by frequency.

A cloud of raw counts of officials' speeches shows the same words for every
speech (工作, 发展, 问题).  :func:`cloud_weights` weights each word of the
chosen speeches by ``count × IDF``: the corpus's own IDF with 5 or more
speeches (``log((1 + N) / (1 + df))``, so a word used in every speech
weighs nothing), else jieba's general-language IDF table; and it leaves out
the speech filler listed in ``analysis/data/cloud_filler_zh.txt``
(negations and question words of spoken text, generic verbs; the file says
how it was made).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure

from analysis.charts.fonts import font_covers, font_path
from analysis.charts.style import _t, _styled, _figure, ChartUnavailable, PALETTE

if TYPE_CHECKING:
    from analysis.measures.terms import DocumentTermMatrix


# -- word cloud ------------------------------------------------------------------------
def cloud_frequencies(
    dtm: "DocumentTermMatrix",
    doc_ids: Sequence[str] | None = None,
    *,
    stopwords: frozenset[str] | set[str] = frozenset(),
    n: int = 150,
    font: str | Path | None = None,
) -> dict[str, int]:
    """Token frequencies for a word cloud from the run's document-term matrix.

    The matrix holds content words (stopwords, single characters and
    numbers already removed by the pipeline, lexicon terms kept whole by
    the segmenter's user dictionary); ``stopwords`` removes more.  Words
    with a character the font cannot draw are dropped (wordcloud would draw
    a box without a warning).  Returns the ``n`` most frequent words.
    """
    ids = list(dtm.doc_ids) if doc_ids is None else [d for d in doc_ids if d in set(dtm.doc_ids)]
    if not ids:
        return {}
    rows = [dtm.doc_ids.index(d) for d in ids]
    counts = np.asarray(dtm.matrix[rows].sum(axis=0)).ravel()
    order = sorted((i for i in np.flatnonzero(counts)), key=lambda j: (-counts[j], dtm.vocabulary[j]))
    words: dict[str, int] = {}
    for j in order:
        word = dtm.vocabulary[j]
        if word in stopwords or font_covers(word, font):
            continue
        words[word] = int(counts[j])
        if len(words) >= n:
            break
    return words


FILLER = Path(__file__).resolve().parent.parent / "data" / "cloud_filler_zh.txt"


def cloud_filler(path: str | Path | None = None) -> frozenset[str]:
    """The word-cloud filler list (default ``analysis/data/cloud_filler_zh.txt``): one word a line, ``#`` comments."""
    text = Path(path or FILLER).read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.lstrip().startswith("#"))


def cloud_weights(
    dtm: "DocumentTermMatrix",
    doc_ids: Sequence[str] | None = None,
    *,
    stopwords: frozenset[str] | set[str] = frozenset(),
    filler: frozenset[str] | set[str] | None = None,
    n: int = 150,
    min_corpus_docs: int = 5,
    font: str | Path | None = None,
) -> dict[str, float]:
    """TF-IDF weights of the words of ``doc_ids`` for a word cloud (see the module docstring).

    ``filler`` defaults to :func:`cloud_filler`; ``stopwords`` removes more.
    Words the font cannot draw are dropped.  Returns the ``n`` heaviest
    words, weight rounded to 4 decimals, heaviest first (ties by the word).
    """
    import math

    from analysis.measures.terms import reference_idf

    filler = cloud_filler() if filler is None else filler
    known = set(dtm.doc_ids)
    ids = list(dtm.doc_ids) if doc_ids is None else [d for d in doc_ids if d in known]
    if not ids:
        return {}
    rows = [dtm.doc_ids.index(d) for d in ids]
    counts = np.asarray(dtm.matrix[rows].sum(axis=0)).ravel()
    n_docs = len(dtm.doc_ids)
    if n_docs >= min_corpus_docs:
        docfreq = np.asarray((dtm.matrix > 0).sum(axis=0)).ravel()
        idf = np.log((1 + n_docs) / (1 + docfreq))
    else:
        idf = reference_idf(dtm.vocabulary)
    weights = counts * idf
    order = sorted(np.flatnonzero(counts), key=lambda j: (-weights[j], dtm.vocabulary[j]))
    words: dict[str, float] = {}
    for j in order:
        word = dtm.vocabulary[j]
        if not math.isfinite(weights[j]) or weights[j] <= 0:
            break
        if word in stopwords or word in filler or font_covers(word, font):
            continue
        words[word] = round(float(weights[j]), 4)
        if len(words) >= n:
            break
    return words


def _cloud_colour(word: str, font_size: int, position: tuple[int, int], orientation: int, random_state=None, **kwargs) -> str:  # type: ignore[no-untyped-def]
    colours = PALETTE[:6]
    return colours[(sum(map(ord, word)) + font_size) % len(colours)]


def wordcloud_make(
    frequencies: Mapping[str, float],
    *,
    font: str | Path | None = None,
    width: int = 1600,
    height: int = 900,
    max_words: int = 120,
):  # type: ignore[no-untyped-def]
    """A :class:`wordcloud.WordCloud` fitted to ``frequencies`` with the Chinese font (``collocations=False``)."""
    from wordcloud import WordCloud

    cloud = WordCloud(
        font_path=str(font_path(font)),
        width=width,
        height=height,
        background_color="white",
        collocations=False,
        max_words=max_words,
        prefer_horizontal=1.0,  # rotated Chinese reads badly
        color_func=_cloud_colour,
        random_state=7,
        margin=4,
    )
    return cloud.generate_from_frequencies(dict(frequencies))


def wordcloud_plot(
    frequencies: Mapping[str, float],
    *,
    label: str = "",
    lang: str = "zh",
    font: str | Path | None = None,
    source: str = "",
    title: str | None = None,
    max_words: int = 120,
) -> Figure:
    """A word cloud of ``frequencies`` (e.g. from :func:`cloud_frequencies`) as a figure.

    The drawn words are in ``fig.cloud_words`` (for checking font coverage).
    """
    text = _t(lang)
    title = title or text["cloud_title"].format(label=label).replace("（）", "").replace(" ()", "")
    if not frequencies:
        raise ChartUnavailable(text["no_terms"])
    cloud = wordcloud_make(frequencies, font=font, max_words=max_words)
    with _styled(font):
        fig = _figure((11, 6.6), source=source)
        ax = fig.add_subplot()
        ax.imshow(cloud.to_array(), interpolation="bilinear")
        ax.set_axis_off()
        ax.set_title(title)
    fig.cloud_words = list(cloud.words_)  # type: ignore[attr-defined]
    return fig
