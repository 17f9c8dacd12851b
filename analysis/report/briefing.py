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
* ``figures/``: every chart as PNG (300 dpi), SVG and PDF, named after what it
  shows — ``term_trends_PERIOD``, ``theme_shares_PERIOD``,
  ``theme_heatmap_PERIOD``, ``quota_timeline_PERIOD``, ``wordcloud_latest``,
  ``keyness_latest_vs_previous`` (lexicon terms), ``keyness_words_latest_vs_all``
  (all content words), ``dispersion_DOC`` and ``outline_DOC`` (the latest
  speech);
* ``briefing.html`` (self-contained: the figures are embedded) and
  ``briefing.pdf`` (one A4 page, drawn with matplotlib so that the bundled
  CFF font works without system libraries): speeches and periods covered,
  rising and falling terms, new terms, theme shifts and the newest quotas.

:func:`brief_build` does the same work without writing, for notebooks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure

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
from analysis.charts import (
    cloud_frequencies,
    dispersion_plot,
    keyness_plot,
    outline_plot,
    quotas_timeline_plot,
    terms_trend_plot,
    themes_heatmap_plot,
    themes_share_plot,
    wordcloud_plot,
)

__all__ = ["Briefing", "brief_build"]

FIGURE_FORMATS = ("png", "svg", "pdf")
PNG_DPI = 300
EMBED_DPI = 150

_WORDS = {
    "zh": {
        "title": "讲话简报",
        "speeches": "讲话",
        "coverage": "{n} 篇讲话，{first} 至 {last}；{k} {unit}有会议（共 {span} {unit}）",
        "coverage_undated": "{n} 篇讲话，日期不详",
        "unit": {"month": "个月", "quarter": "个季度", "year": "年"},
        "left_out": "时间序列{note}",
        "compare": "最新一期 {latest} 与上一期 {reference} 相比",
        "rising": "上升的术语",
        "falling": "下降的术语",
        "new_terms": "首次出现的术语",
        "theme_shifts": "主题变化（占比，百分点）",
        "quotas": "最新的指标与时限",
        "top_terms": "高频术语",
        "top_themes": "主要主题",
        "none": "无",
        "status": {"new": "新增", "changed": "变化", "same": "不变", "raised": "上调", "lowered": "下调", "unchanged": "不变", "dropped": "未再提"},
        "single": "只有一次有日期的会议：没有可比较的上一期。",
        "figures": "全部图表",
        "made": "由 zh-speech-analysis {version} 生成；词表 {lexicon}",
        "measure_terms": "词表术语每万字",
        "measure_themes": "词表主题占比",
        "measure_quotas": "指标与时限提及",
        "measure_words": "分词后的实词",
        "measure_lexicon": "词表术语",
        "measure_keyness": "关键性（卡方）",
        "measure_outline": "大纲与词表主题",
        "measure_dispersion": "词表术语位置",
    },
    "en": {
        "title": "Speech briefing",
        "speeches": "speeches",
        "coverage": "{n} speeches, {first} to {last}; {k} {unit}s with a meeting (of {span})",
        "coverage_undated": "{n} speeches, dates unknown",
        "unit": {"month": "month", "quarter": "quarter", "year": "year"},
        "left_out": "Time series: {note}",
        "compare": "Latest period {latest} compared with {reference}",
        "rising": "Rising terms",
        "falling": "Falling terms",
        "new_terms": "Terms appearing for the first time",
        "theme_shifts": "Theme shifts (share, percentage points)",
        "quotas": "Newest quotas and deadlines",
        "top_terms": "Most frequent terms",
        "top_themes": "Leading themes",
        "none": "none",
        "status": {"new": "new", "changed": "changed", "same": "same", "raised": "raised", "lowered": "lowered", "unchanged": "unchanged", "dropped": "dropped"},
        "single": "Only one dated meeting: there is no previous period to compare with.",
        "figures": "All figures",
        "made": "Made with zh-speech-analysis {version}; lexicon {lexicon}",
        "measure_terms": "lexicon terms per 10,000 characters",
        "measure_themes": "share of lexicon matches",
        "measure_quotas": "quota and deadline mentions",
        "measure_words": "segmented content words",
        "measure_lexicon": "lexicon terms",
        "measure_keyness": "keyness (chi-squared)",
        "measure_outline": "outline and lexicon themes",
        "measure_dispersion": "lexicon term positions",
    },
}


@dataclass
class Briefing:
    """Everything a briefing shows: trends, changes, facts and the figures (not yet written)."""

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


def _corpus_name(result: CorpusResult) -> str:
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


def brief_build(
    result: CorpusResult,
    *,
    lang: str = "zh",
    font: str | Path | None = None,
    terms: list[str] | None = None,
    period: str | None = None,
    reference_targets: pd.DataFrame | None = None,
) -> Briefing:
    """Trends, changes and every chart of a briefing from a finished run (nothing is written)."""
    words = _WORDS["en" if lang == "en" else "zh"]
    corpus = result.corpus
    period = period or period_choose(corpus)
    lexicon = result.lexicon
    theme_of = {t.term: t.theme for t in lexicon.terms}
    term_trend = terms_trend(result.term_counts, corpus, period=period, themes=theme_of)
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
    chart_terms = [t for t in (terms or []) if t]
    figures[f"term_trends_{period}"] = terms_trend_plot(
        term_trend, terms=chart_terms or None, lexicon=lexicon, lang=lang, font=font, source=source("measure_terms")
    )
    figures[f"theme_shares_{period}"] = themes_share_plot(theme_trend, lexicon=lexicon, lang=lang, font=font, source=source("measure_themes"))
    figures[f"theme_heatmap_{period}"] = themes_heatmap_plot(theme_trend, lexicon=lexicon, lang=lang, font=font, source=source("measure_themes"))

    newest = quota_change
    if newest is None and len(result.quotas):
        # One period (or none dated): list the latest speech's quotas instead.
        newest = result.quotas[result.quotas["doc_id"] == latest_doc].drop_duplicates(["kind", "subject", "unit", "period"])
        newest = newest if len(newest) else None
    figures[f"quota_timeline_{period}"] = quotas_timeline_plot(quota_trend, newest, lang=lang, font=font, source=source("measure_quotas"))

    placement = periods_assign(corpus, period=period)
    present = placement.periods_with_meetings
    if present:
        cloud_docs = list(placement.docs.loc[placement.docs["period"] == present[-1], "doc_id"])
        cloud_label = present[-1]
    else:
        cloud_docs = [latest_doc] if latest_doc else []
        cloud_label = latest_doc
    _, segmenter = _segmenter(result)
    frequencies = cloud_frequencies(result.dtm, cloud_docs, stopwords=segmenter.stopwords, font=font)
    figures["wordcloud_latest"] = wordcloud_plot(frequencies, label=cloud_label, lang=lang, font=font, source=source("measure_words"))

    for figure_name, change, measure in (
        ("keyness_latest_vs_previous", term_change, "measure_lexicon"),
        ("keyness_words_latest_vs_all", word_change, "measure_words"),
    ):
        if change is None:
            figures[figure_name] = _single_note(term_trend, lang=lang, font=font, source=source("measure_keyness"))
        else:
            figures[figure_name] = keyness_plot(
                change.keyness, target=change.latest, reference=change.reference, lang=lang, font=font,
                source=source("measure_keyness", words[measure]),
            )

    if latest_doc:
        row = corpus.set_index("doc_id").loc[latest_doc]
        doc_source = " · ".join(p for p in (latest_doc, str(row["date"] or ""), words["measure_dispersion"]) if p)
        doc_terms = [t for t in chart_terms if ((result.matches["doc_id"] == latest_doc) & (result.matches["term"] == t)).any()]
        figures[f"dispersion_{_safe_name(latest_doc)}"] = dispersion_plot(
            result.matches, doc_id=latest_doc, terms=doc_terms or None, n_chars=int(row["n_chars"]), lang=lang, font=font, source=doc_source
        )
        figures[f"outline_{_safe_name(latest_doc)}"] = outline_plot(
            result.section_themes, result.sentences, doc_id=latest_doc, lexicon=lexicon, lang=lang, font=font,
            source=doc_source.replace(words["measure_dispersion"], words["measure_outline"]),
        )

    # Headline targets (#15): the target figures, when the run found targets.
    from analysis.report.target_figures import target_figures

    targets_source = " · ".join([name, span, "主要预期目标" if lang != "en" else "headline targets"])
    figures.update(target_figures(result, latest_doc=latest_doc, reference=reference_targets, lang=lang, font=font, source=targets_source))

    facts = _facts(result, term_trend, placement.periods, present, period=period, lang=lang)
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
    )


def _segmenter(result: CorpusResult):  # type: ignore[no-untyped-def]
    from analysis.run import tools_for

    return tools_for(result.options)


def _single_note(trend: Trend, *, lang: str, font: str | Path | None, source: str) -> Figure:
    from analysis.charts import NEEDS_MEETINGS, note_plot

    message = NEEDS_MEETINGS["en" if lang == "en" else "zh"] + "\n" + NEEDS_MEETINGS["zh" if lang == "en" else "en"]
    note = trend.note(lang=lang)
    return note_plot(message + (f"\n({note})" if note else ""), lang=lang, font=font, source=source)


def _facts(result: CorpusResult, trend: Trend, periods: list[str], present: list[str], *, period: str, lang: str) -> dict[str, Any]:
    first, last = _date_range(result.corpus)
    return {
        "corpus": _corpus_name(result),
        "n_speeches": len(result.corpus),
        "n_dated": trend.n_docs,
        "first": first,
        "last": last,
        "period": period,
        "n_periods_with_meetings": len(present),
        "n_periods": len(periods),
        "left_out": trend.note(lang=lang),
        "n_quotas": int((result.quotas["kind"] == "quota").sum()) if len(result.quotas) else 0,
        "n_deadlines": int((result.quotas["kind"] == "deadline").sum()) if len(result.quotas) else 0,
    }


# -- headline text -------------------------------------------------------------------
def _headlines(briefing: Briefing) -> list[tuple[str, list[str]]]:
    """The briefing's text blocks: (heading, lines)."""
    words = _WORDS["en" if briefing.lang == "en" else "zh"]
    lexicon = briefing.result.lexicon
    facts = briefing.facts
    unit = words["unit"][briefing.period]
    blocks: list[tuple[str, list[str]]] = []
    if facts["first"]:
        coverage = words["coverage"].format(
            n=facts["n_speeches"], first=facts["first"], last=facts["last"], k=facts["n_periods_with_meetings"], unit=unit, span=facts["n_periods"]
        )
    else:
        coverage = words["coverage_undated"].format(n=facts["n_speeches"])
    lines = [coverage]
    if facts["left_out"]:
        lines.append(words["left_out"].format(note=facts["left_out"]))
    change = briefing.term_change
    if change is None:
        lines.append(words["single"])
    else:
        lines.append(words["compare"].format(latest=change.latest, reference=change.reference))
    blocks.append(("", lines))

    theme_label = lambda t: lexicon.theme_label(t, lang="en" if briefing.lang == "en" else "zh")  # noqa: E731
    sep = "、" if briefing.lang != "en" else ", "
    if change is not None:
        rising = change.rising(8)
        falling = change.falling(8)
        blocks.append((words["rising"], [sep.join(f"{r.term} ({r.target_count}:{r.reference_count})" for r in rising.itertuples()) or words["none"]]))
        blocks.append((words["falling"], [sep.join(f"{r.term} ({r.target_count}:{r.reference_count})" for r in falling.itertuples()) or words["none"]]))
        blocks.append((words["new_terms"], [sep.join(change.new_terms["term"].head(12)) or words["none"]]))
    else:
        counts = briefing.result.term_counts
        top = counts.groupby("term")["count"].sum().sort_values(ascending=False, kind="stable").head(10) if len(counts) else pd.Series(dtype=int)
        blocks.append((words["top_terms"], [sep.join(f"{t} ({c})" for t, c in top.items()) or words["none"]]))
    shifts = briefing.theme_change
    if shifts is not None and len(shifts):
        up = shifts[shifts["change"] > 0].head(3)
        down = shifts[shifts["change"] < 0].tail(3).iloc[::-1]
        lines = [sep.join(f"{theme_label(r.theme)} {r.change * 100:+.1f}" for r in frame.itertuples()) for frame in (up, down) if len(frame)]
        blocks.append((words["theme_shifts"], lines or [words["none"]]))
    else:
        themes = briefing.result.themes
        top = themes.groupby("theme")["count"].sum().sort_values(ascending=False, kind="stable") if len(themes) else pd.Series(dtype=int)
        total = float(top.sum()) or 1.0
        blocks.append((words["top_themes"], [sep.join(f"{theme_label(t)} {c / total:.0%}" for t, c in top.head(5).items()) or words["none"]]))
    blocks.append((words["quotas"], _quota_lines(briefing, words)))
    return blocks


def _quota_lines(briefing: Briefing, words: dict) -> list[str]:
    table = briefing.quota_change
    if table is not None:
        order = {"raised": 0, "lowered": 1, "changed": 2, "new": 3, "dropped": 4, "unchanged": 5, "same": 5}
        rows = table.assign(_o=table["status"].map(order).fillna(6)).sort_values("_o", kind="stable").head(6)
        lines = []
        for r in rows.itertuples():
            status = words["status"].get(r.status, r.status)
            before = f" ← {r.previous_text}" if r.status in ("changed", "raised", "lowered") and r.previous_text else ""
            lines.append(f"[{status}] {r.subject or '—'}: {r.text or r.previous_text}{before}")
        return lines or [words["none"]]
    quotas = briefing.result.quotas
    rows = quotas[quotas["doc_id"] == briefing.latest_doc].head(6) if len(quotas) else quotas
    return [f"{r.subject or '—'}: {r.text}" for r in rows.itertuples()] or [words["none"]]


# -- writing ----------------------------------------------------------------------------
