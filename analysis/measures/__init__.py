"""Measures: what is counted in a speech or a corpus.

Lexicon terms (:mod:`~analysis.measures.terms`), themes, keyness, quota and
deadline mentions, numbered formulations and near-duplicates; one module per
measure.  A new measure goes here, as a module of its own.
"""
