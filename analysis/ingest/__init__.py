"""Ingest: finding speech files, reading their formats and encodings, metadata, Traditional→Simplified.

:func:`corpus_discover` lists the speeches of folders and files;
:func:`document_read` reads one file into a cleaned :class:`Document`.
"""

from analysis.ingest.discover import (
    DEFAULT_MAX_MB, Discovery, Document, FileRecord, corpus_discover, document_read, readable_name,
)

__all__ = ["DEFAULT_MAX_MB", "FileRecord", "Discovery", "Document", "corpus_discover", "document_read", "readable_name"]
