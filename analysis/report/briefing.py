"""Building a briefing: the chart pack and headline facts of one run (written by :mod:`analysis.report.write`).

:func:`brief_write` runs the whole job (:func:`analysis.run.corpus_run`)
and writes, into ``OUT``:

* the standard run outputs (:func:`analysis.run.outputs_write`: ``corpus.csv``,
  ``term_counts.csv``, ``themes.csv``, ``quotas.csv`` …), so that briefing and
  tables come from the same run;
* ``trends/``: the trend and change tables the charts are drawn from
  (``terms_PERIOD.csv``, ``themes_PERIOD.csv``, ``quotas_PERIOD.csv``,
  ``change_terms.csv``, ``change_words.csv``, ``change_themes.csv``,
  ``change_quotas.csv``);
* ``figures/``: every chart that can be drawn, as PNG (300 dpi), SVG and
  PDF, named after what it shows — ``term_trends_PERIOD``,
  ``theme_shares_PERIOD``, ``theme_heatmap_PERIOD``, ``quota_timeline_PERIOD``,
  ``wordcloud_latest``, ``keyness_latest_vs_previous`` (lexicon terms),
  ``keyness_words_latest_vs_all`` (all content words), ``dispersion_DOC``
  and ``outline_DOC`` (the latest speech).  A chart that cannot be drawn
  (trends of a single speech, the outline of a text without headings, a
  keyness chart without a significant term) is not drawn: the briefing
  lists it with the reason (``未绘制：需要至少两次有日期的会议``);
* ``briefing.html`` (self-contained), ``briefing.pdf`` (A4, one page or two
  when the content needs them, every chart at least half the page wide)
  and ``briefing.docx`` (editable Chinese text, the charts at print
  resolution and the key tables): speeches and periods covered, rising and
  falling terms (only p below ``p``, default 0.05), new terms, theme shifts,
  the newest quotas; for a single speech its outline, themes per section,
  quotas and keywords in context;
* ``tables.xlsx``: every table of the run, one sheet each.

:func:`brief_build` does the same work without writing, for notebooks.
Titles come from the speeches' titles (metadata table, file name or text),
never from a folder name or a file slug.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

from analysis.charts import (
    ChartUnavailable,
    cloud_weights,
    dispersion_plot,
    keyness_plot,
    outline_plot,
    quotas_timeline_plot,
    terms_trend_plot,
    themes_heatmap_plot,
    themes_share_plot,
    wordcloud_plot,
)
from analysis.report.words import WORDS, words_for
from analysis.run import CorpusResult
from analysis.trends import (
    Change,
    Trend,
    dtm_long,
    period_choose,
    periods_assign,
    quotas_change,
    quotas_trend,
    terms_change,
    terms_trend,
    themes_change,
    themes_trend,
)

__all__ = ["Briefing", "brief_build", "corpus_title", "PHRASE_THEME"]

FIGURE_FORMATS = ("png", "svg", "pdf")
PNG_DPI = 300
EMBED_DPI = 150
#: The ``theme`` of a ``--terms`` entry that is not in the lexicon (counted as a phrase).
PHRASE_THEME = "phrase"
_WORDS = WORDS  # the name render.py used


@dataclass
class Briefing:
    """Everything a briefing shows: trends, changes, facts and the figures (not yet written).

    ``skipped`` maps each chart that was not drawn to the reason, in the
    briefing's language; ``phrases`` are requested terms that are not in the
    lexicon, counted as phrases; ``kwic`` holds keywords in context of the
    latest speech's leading terms; ``p`` is the significance level of the
    rising and falling terms.
    """

    result: CorpusResult
    period: str
    lang: str
    terms: Trend
    themes: Trend
    quotas: Trend
    term_change: Change | None
    word_change: Change | None
    theme_change: pd.DataFrame | None
    quota_change: pd.DataFrame | None
    latest_doc: str
    figures: dict[str, Figure] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    phrases: list[str] = field(default_factory=list)
    kwic: pd.DataFrame | None = None
    p: float = 0.05


def _has_chinese(text: str) -> bool:
    return bool(re.search(r"[\u3400-\u9fff]", text or ""))


def _common_title(titles: list[str]) -> str:
    """The words every title starts with, cut at a space or punctuation (``中共中央政治局召开会议``), or ''."""
    if not titles:
        return ""
    first, last = min(titles), max(titles)
    k = 0
    while k < min(len(first), len(last)) and first[k] == last[k]:
        k += 1
    prefix = first[:k]
    if k < len(first):  # cut back to a word boundary
        cut = max(prefix.rfind(c) for c in " 　，,：:（(《—-")
        prefix = prefix[:cut] if cut > 0 else ""
    prefix = prefix.strip(" 　，,：:（(《—-")
    return prefix if len(prefix) >= 4 else ""


def corpus_title(corpus: pd.DataFrame, *, lang: str = "zh") -> str:
    """A title for the briefing of ``corpus``, from its speeches' titles.

    One speech: its title.  Several: the words their titles share (with the
    number of meetings and the dates), else their meeting type, else ``N
    篇讲话``.  File slugs (titles without Chinese) are not used.
    """
    words = words_for(lang)
    titles = [str(t) for t in corpus.get("title", pd.Series(dtype=str)).fillna("") if _has_chinese(str(t))]
    if len(corpus) == 1:
        row = corpus.iloc[0]
        return titles[0] if titles else (str(row.get("meeting_type") or "") or words["speeches_of"].format(n=1))
    title = _common_title(titles) if len(titles) == len(corpus) else ""
    if not title:
        types = [t for t in corpus.get("meeting_type", pd.Series(dtype=str)).fillna("") if t]
        title = max(set(types), key=types.count) if types and len(set(types)) == 1 else ""
    dated = corpus[corpus["year"].notna()] if "year" in corpus.columns else corpus.iloc[0:0]
    if title and len(dated):
        dates = dated["date"].astype(str)
        return words["series_title"].format(title=title, n=len(corpus), first=dates.min(), last=dates.max())
    return title or words["speeches_of"].format(n=len(corpus))


def _corpus_name(result: CorpusResult) -> str:
    """Where the speeches came from, for the source line of each chart (folder names and the selection)."""
    names = [Path(p).name or str(p) for p in result.inputs]
    name = "+".join(names[:3]) + ("…" if len(names) > 3 else "")
    selection = result.options.selection
    extras = [v for v in (selection.meeting_type, selection.speaker) if v]
    if selection.since or selection.until:
        extras.append(f"{selection.since or '…'}–{selection.until or '…'}")
    return name + (f" ({', '.join(extras)})" if extras else "")


def _date_range(corpus: pd.DataFrame) -> tuple[str, str]:
    dated = corpus[corpus["year"].notna()] if "year" in corpus.columns else corpus.iloc[0:0]
    if dated.empty:
        return "", ""
    dates = dated["date"].astype(str)
    return str(dates.min()), str(dates.max())


def _latest_doc(result: CorpusResult) -> str:
    corpus = result.corpus
    if corpus.empty:
        return ""
    pool = corpus[corpus["duplicate_of"].fillna("") == ""]
    pool = pool if len(pool) else corpus
    dated = pool[pool["year"].notna()]
    if len(dated):
        key = [(int(y), int(m) if pd.notna(m) else 0, int(d) if pd.notna(d) else 0) for y, m, d in zip(dated["year"], dated["month"], dated["day"])]
        return str(dated["doc_id"].iloc[max(range(len(key)), key=lambda i: key[i])])
    return str(pool["doc_id"].iloc[0])


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w.\-]+", "_", text).strip("_")[:80] or "doc"


def _short(text: str, width: int = 28) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def phrase_counts(result: CorpusResult, phrases: list[str]) -> pd.DataFrame:
    """Occurrences of ``phrases`` in each speech's cleaned text, as a ``term_counts``-like table (theme ``phrase``)."""
    from analysis.measures.terms import phrase_count, texts_from_sentences

    columns = ["doc_id", "date", "term", "theme", "count", "per_10k"]
    if not phrases or result.sentences is None or result.sentences.empty:
        return pd.DataFrame(columns=columns)
    texts = texts_from_sentences(result.sentences)
    info = result.corpus.set_index("doc_id")
    rows = []
    for doc_id, text in texts.items():
        n_chars = int(info.at[doc_id, "n_chars"]) if doc_id in info.index else len(text)
        for phrase in phrases:
            count = phrase_count(text, phrase)
            if count:
                rows.append((doc_id, info.at[doc_id, "date"] if doc_id in info.index else "", phrase, PHRASE_THEME, count,
                             round(count * 10_000 / n_chars, 3) if n_chars else 0.0))
    return pd.DataFrame(rows, columns=columns)


def brief_build(
    result: CorpusResult,
    *,
    lang: str = "zh",
    font: str | Path | None = None,
    terms: list[str] | None = None,
    period: str | None = None,
    p: float = 0.05,
    reference_targets: pd.DataFrame | None = None,
) -> Briefing:
    """Trends, changes and every chart of a briefing from a finished run (nothing is written).

    ``terms`` not in the lexicon are counted as phrases in the cleaned text
    (labelled so in the charts); ``p`` is the significance level of the
    keyness charts and of the rising and falling terms.
    """
    words = words_for(lang)
    corpus = result.corpus
    period = period or period_choose(corpus)
    lexicon = result.lexicon
    theme_of = {t.term: t.theme for t in lexicon.terms}
    chart_terms = [t for t in dict.fromkeys(terms or []) if t]
    phrases = [t for t in chart_terms if t not in theme_of]
    term_counts = result.term_counts
    if phrases:
        term_counts = pd.concat([term_counts, phrase_counts(result, phrases)], ignore_index=True)
        theme_of.update({t: PHRASE_THEME for t in phrases})
    term_trend = terms_trend(term_counts, corpus, period=period, themes=theme_of,
                             terms=None if not chart_terms else list(dict.fromkeys([*chart_terms, *result.term_counts["term"]])))
    theme_trend = themes_trend(result.themes, corpus, period=period)
    quota_trend = quotas_trend(result.quotas, corpus, period=period)
    term_change = terms_change(result.term_counts, corpus, period=period)
    words_long = dtm_long(result.dtm)
    word_change = terms_change(words_long, corpus, period=period, against="all")
    theme_change = themes_change(result.themes, corpus, period=period)
    quota_change = quotas_change(result.quotas, corpus, period=period)
    latest_doc = _latest_doc(result)

    first, last = _date_range(corpus)
    name = _corpus_name(result)
    span = f"{first}–{last}" if first else ("日期不详" if lang != "en" else "dates unknown")

    def source(measure: str, extra: str = "") -> str:
        parts = [name, span, words[measure]]
        if extra:
            parts.append(extra)
        note = term_trend.note(lang=lang)
        if note and measure in ("measure_terms", "measure_themes", "measure_quotas", "measure_keyness"):
            parts.append(note)
        return " · ".join(parts)

    figures: dict[str, Figure] = {}
    skipped: dict[str, str] = {}

    def draw(figure_name: str, make) -> None:  # type: ignore[no-untyped-def]
        try:
            figures[figure_name] = make()
        except ChartUnavailable as why:
            skipped[figure_name] = why.reason

    draw(f"term_trends_{period}", lambda: terms_trend_plot(
        term_trend, terms=chart_terms or None, lexicon=lexicon, lang=lang, font=font, source=source("measure_terms")))
    draw(f"theme_shares_{period}", lambda: themes_share_plot(theme_trend, lexicon=lexicon, lang=lang, font=font, source=source("measure_themes")))
    draw(f"theme_heatmap_{period}", lambda: themes_heatmap_plot(theme_trend, lexicon=lexicon, lang=lang, font=font, source=source("measure_themes")))

    newest = quota_change
    if newest is None and len(result.quotas):
        # One period (or none dated): list the latest speech's quotas instead.
        newest = result.quotas[result.quotas["doc_id"] == latest_doc].drop_duplicates(["kind", "subject", "unit", "period"])
        newest = newest if len(newest) else None
    draw(f"quota_timeline_{period}", lambda: quotas_timeline_plot(quota_trend, newest, lang=lang, font=font, source=source("measure_quotas")))

    placement = periods_assign(corpus, period=period)
    present = placement.periods_with_meetings
    if present:
        cloud_docs = list(placement.docs.loc[placement.docs["period"] == present[-1], "doc_id"])
        cloud_label = present[-1]
    else:
        cloud_docs = [latest_doc] if latest_doc else []
        cloud_label = ""
    _, segmenter = _segmenter(result)
    weights = cloud_weights(result.dtm, cloud_docs, stopwords=segmenter.stopwords, font=font)
    cloud_title = words["cloud_title"].format(label=cloud_label).replace("，）", "）").replace(", )", ")")
    draw("wordcloud_latest", lambda: wordcloud_plot(weights, label=cloud_label, lang=lang, font=font, source=source("measure_cloud"), title=cloud_title))

    for figure_name, change, measure in (
        ("keyness_latest_vs_previous", term_change, "measure_lexicon"),
        ("keyness_words_latest_vs_all", word_change, "measure_words"),
    ):
        if change is None:
            from analysis.charts import NEEDS_MEETINGS

            skipped[figure_name] = NEEDS_MEETINGS["en" if lang == "en" else "zh"]
        else:
            draw(figure_name, lambda change=change, measure=measure: keyness_plot(
                change.keyness, target=change.latest, reference=change.reference, p=p, lang=lang, font=font,
                source=source("measure_keyness", words[measure])))

    kwic_table = None
    if latest_doc:
        row = corpus.set_index("doc_id").loc[latest_doc]
        label = _short(str(row["title"]), 22) if _has_chinese(str(row["title"])) else str(row["date"] or "")
        doc_source = " · ".join(p_ for p_ in (name, str(row["date"] or ""), words["measure_dispersion"]) if p_)
        doc_terms = [t for t in chart_terms if ((result.matches["doc_id"] == latest_doc) & (result.matches["term"] == t)).any()]
        draw(f"dispersion_{_safe_name(latest_doc)}", lambda: dispersion_plot(
            result.matches, doc_id=latest_doc, terms=doc_terms or None, n_chars=int(row["n_chars"]), label=label, lang=lang, font=font,
            source=doc_source))
        draw(f"outline_{_safe_name(latest_doc)}", lambda: outline_plot(
            result.section_themes, result.sentences, doc_id=latest_doc, lexicon=lexicon, label=label, lang=lang, font=font,
            source=doc_source.replace(words["measure_dispersion"], words["measure_outline"])))
        kwic_table = _kwic_latest(result, latest_doc, chart_terms)

    # Headline targets (#15): the target figures, when the run found targets.
    from analysis.report.target_figures import target_figures

    targets_source = " · ".join([name, span, "主要预期目标" if lang != "en" else "headline targets"])
    figures.update(target_figures(result, latest_doc=latest_doc, reference=reference_targets, lang=lang, font=font, source=targets_source))

    facts = _facts(result, term_trend, placement.periods, present, period=period, lang=lang)
    facts["phrases"] = phrases
    return Briefing(
        result=result,
        period=period,
        lang=lang,
        terms=term_trend,
        themes=theme_trend,
        quotas=quota_trend,
        term_change=term_change,
        word_change=word_change,
        theme_change=theme_change,
        quota_change=quota_change,
        latest_doc=latest_doc,
        figures=figures,
        facts=facts,
        skipped=skipped,
        phrases=phrases,
        kwic=kwic_table,
        p=p,
    )


def _kwic_latest(result: CorpusResult, doc_id: str, chosen: list[str], *, n_terms: int = 3, per_term: int = 4) -> pd.DataFrame:
    """Keywords in context of the latest speech: its leading lexicon terms (or the chosen ones), a few lines each."""
    from analysis.measures.terms import kwic_corpus

    columns = ["term", "section", "left", "match", "right"]
    if result.sentences is None or result.sentences.empty:
        return pd.DataFrame(columns=columns)
    counts = result.term_counts[result.term_counts["doc_id"] == doc_id].sort_values(["count", "term"], ascending=[False, True], kind="stable")
    wanted = [t for t in chosen if t] or list(counts["term"].head(n_terms))
    sentences = result.sentences[result.sentences["doc_id"] == doc_id]
    frames = []
    for term in wanted[:n_terms]:
        frame = kwic_corpus(sentences, term, window=16).head(per_term)
        if len(frame):
            frames.append(frame.assign(term=term))
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


def _segmenter(result: CorpusResult):  # type: ignore[no-untyped-def]
    from analysis.run import tools_for

    return tools_for(result.options)


def _facts(result: CorpusResult, trend: Trend, periods: list[str], present: list[str], *, period: str, lang: str) -> dict[str, Any]:
    first, last = _date_range(result.corpus)
    return {
        "title": corpus_title(result.corpus, lang=lang),
        "corpus": _corpus_name(result),
        "n_speeches": len(result.corpus),
        "n_dated": trend.n_docs,
        "first": first,
        "last": last,
        "period": period,
        "n_periods_with_meetings": len(present),
        "n_periods": len(periods),
        "left_out": trend.note(lang=lang),
        "partial_last": trend.partial_last,
        "n_quotas": int((result.quotas["kind"] == "quota").sum()) if len(result.quotas) else 0,
        "n_deadlines": int((result.quotas["kind"] == "deadline").sum()) if len(result.quotas) else 0,
    }
