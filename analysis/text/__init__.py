"""Text: cleaning (:mod:`~analysis.text.clean`), sentences and sections (:mod:`~analysis.text.outline`), segmentation (:mod:`~analysis.text.segment`).

Each works on a string; none reads files (that is :mod:`analysis.ingest`).
"""
