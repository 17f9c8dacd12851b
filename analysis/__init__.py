"""Analyse Chinese officials' speeches.

Data flows one way through the subpackages (``docs/architecture.md``):
:mod:`analysis.lexicon` → :mod:`analysis.text` (clean, outline, segment) →
:mod:`analysis.ingest` (files, formats, encodings, metadata) →
:mod:`analysis.measures` (terms, themes, keyness, quotas, formulations,
near-duplicates) → :mod:`analysis.run` (the whole job, cache, outputs) →
:mod:`analysis.trends` → :mod:`analysis.charts` → :mod:`analysis.report` →
:mod:`analysis.cli`.

The names most users need are importable from here (``from analysis import
corpus_run, Options``); each is loaded on first use, so that ``import
analysis`` stays cheap for commands that need little of it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from analysis._version import __version__

# public name → the module that defines it
_PUBLIC = {
    # lexicon
    "Lexicon": "analysis.lexicon", "lexicon_default": "analysis.lexicon", "lexicon_load": "analysis.lexicon",
    "lexicon_extend": "analysis.lexicon", "lexicon_check": "analysis.lexicon",
    # text
    "clean_text": "analysis.text.clean", "outline_sentences": "analysis.text.outline", "Segmenter": "analysis.text.segment",
    # ingest
    "corpus_discover": "analysis.ingest", "document_read": "analysis.ingest", "Document": "analysis.ingest",
    # measures
    "terms_match": "analysis.measures.terms", "terms_count": "analysis.measures.terms", "kwic": "analysis.measures.terms",
    "kwic_corpus": "analysis.measures.terms", "phrase_count": "analysis.measures.terms", "token_count": "analysis.measures.terms",
    "dtm_build": "analysis.measures.terms", "keywords_tfidf": "analysis.measures.terms",
    "themes_distribution": "analysis.measures.themes", "textstat_keyness": "analysis.measures.keyness",
    "quotas_extract": "analysis.measures.quotas", "formulations_find": "analysis.measures.formulations",
    "sentences_plan_or_review": "analysis.measures.plan_review",
    "duplicates_flag": "analysis.measures.near_duplicates",
    "targets_extract": "analysis.measures.targets", "indicators_load": "analysis.measures.indicators",
    "outcomes_extract": "analysis.measures.target_outcomes", "targets_vs_realised": "analysis.measures.target_outcomes",
    "reuse_find": "analysis.measures.reuse", "texts_read": "analysis.measures.reuse", "CorpusText": "analysis.measures.reuse",
    "ReuseParams": "analysis.measures.reuse", "diffusion_first_use": "analysis.measures.diffusion",
    "textstat_collocations": "analysis.measures.collocations", "new_terms_find": "analysis.measures.new_terms",
    "new_terms_timeline": "analysis.measures.new_terms", "terms_cooccurrence": "analysis.measures.cooccurrence",
    "topics_fit": "analysis.measures.topics", "topics_trend": "analysis.trends.topics",
    "discover_build": "analysis.report.discovery", "discover_write": "analysis.report.discovery",
    # run
    "Options": "analysis.run", "Selection": "analysis.run", "CorpusResult": "analysis.run", "corpus_run": "analysis.run",
    "outputs_write": "analysis.run", "outputs_staged": "analysis.run", "csv_write": "analysis.run",
    "excel_safe": "analysis.run", "excel_safe_frame": "analysis.run",
    # trends
    "terms_trend": "analysis.trends", "themes_trend": "analysis.trends", "quotas_trend": "analysis.trends",
    "terms_change": "analysis.trends", "themes_change": "analysis.trends", "quotas_change": "analysis.trends",
    "period_choose": "analysis.trends", "periods_assign": "analysis.trends",
    "targets_change": "analysis.trends",
    # report
    "brief_build": "analysis.report", "brief_write": "analysis.report", "corpus_title": "analysis.report",
    "reuse_write": "analysis.report.reuse", "diffusion_write": "analysis.report.reuse",
    # charts
    "ChartUnavailable": "analysis.charts", "cloud_weights": "analysis.charts",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
