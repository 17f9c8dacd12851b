"""Running the whole job: options and selection, per-speech processing, corpus-level steps, executors, cache, outputs.

:func:`corpus_run` turns folders of speeches into a :class:`CorpusResult`;
:func:`outputs_write` writes its documented files.
"""

from analysis.run.corpus import corpus_run
from analysis.run.document import document_process, document_process_cached
from analysis.run.options import Options, Selection, tools_for
from analysis.run.outputs import outputs_write, quotas_dated, run_manifest
from analysis.run.results import CORPUS_COLUMNS, REPORT_COLUMNS, CorpusResult, DocResult

__all__ = [
    "Options", "Selection", "tools_for", "DocResult", "CorpusResult", "document_process", "document_process_cached",
    "corpus_run", "outputs_write", "quotas_dated", "run_manifest", "CORPUS_COLUMNS", "REPORT_COLUMNS",
]
