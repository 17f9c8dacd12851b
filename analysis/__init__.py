"""Analyse Chinese officials' speeches.

Data flows one way through the modules: :mod:`analysis.ingest` (read files,
detect encodings, metadata) → :mod:`analysis.clean` → :mod:`analysis.outline`
(sentences and sections) → :mod:`analysis.segment` → measures
(:mod:`analysis.terms`, :mod:`analysis.themes`, :mod:`analysis.quotas`) →
:mod:`analysis.trends` → charts and export.
"""

__version__ = "0.1.0"
