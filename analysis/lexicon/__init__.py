"""The policy-term lexicon: themes, terms and their variants, read from a YAML data file.

It sits below every other layer: segmentation loads it as jieba's user
dictionary, and the measures count its terms.
"""

from analysis.lexicon.load import (
    DEFAULT_LEXICON, Lexicon, LexiconError, Term, Theme, lexicon_check, lexicon_default, lexicon_extend, lexicon_load,
)

__all__ = ["Term", "Theme", "Lexicon", "LexiconError", "DEFAULT_LEXICON", "lexicon_load", "lexicon_default", "lexicon_extend", "lexicon_check"]
