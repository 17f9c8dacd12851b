"""Running the whole job: options and selection, per-speech processing, corpus-level steps, executors, cache, outputs.

:func:`corpus_run` turns folders of speeches into a :class:`CorpusResult`;
:func:`outputs_write` writes its documented files (into a folder from
:func:`outputs_staged`, so that a run's files arrive as a set), and
:func:`csv_write` writes any table as Excel-safe CSV.  The names below are
loaded on first use, so that importing one module of this package (the
executors, the cache) does not import all of them.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_PUBLIC = {
    "corpus_run": "analysis.run.corpus",
    "document_process": "analysis.run.document",
    "document_process_cached": "analysis.run.document",
    "Options": "analysis.run.options",
    "Selection": "analysis.run.options",
    "tools_for": "analysis.run.options",
    "outputs_write": "analysis.run.outputs",
    "outputs_staged": "analysis.run.outputs",
    "csv_write": "analysis.run.outputs",
    "run_manifest": "analysis.run.outputs",
    "quotas_dated": "analysis.run.outputs",
    "excel_safe": "analysis.run.excel_safe",
    "excel_safe_frame": "analysis.run.excel_safe",
    "CORPUS_COLUMNS": "analysis.run.results",
    "REPORT_COLUMNS": "analysis.run.results",
    "CorpusResult": "analysis.run.results",
    "DocResult": "analysis.run.results",
}

__all__ = list(_PUBLIC)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis.run' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
