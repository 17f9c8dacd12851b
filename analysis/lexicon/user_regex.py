"""Regular expressions that users write (lexicon ``pattern`` entries, ``kwic --regex``), matched in linear time.

Python's :mod:`re` backtracks: a pattern such as ``(a+)+$`` takes exponential
time on a line of ``a`` s, so one careless lexicon entry could hang a whole
run.  User patterns are compiled with RE2 (the ``google-re2`` binding), whose
matching time grows linearly with the text whatever the pattern.  RE2 has no
look-arounds or back-references: a pattern that uses them is refused with
:class:`UserRegexError`, naming it, when the lexicon is loaded or the command
line is read.  The project's own fixed expressions stay with :mod:`re`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["UserRegexError", "user_regex"]


class UserRegexError(ValueError):
    """A user pattern that RE2 cannot compile; ``str(err)`` is one line."""


@lru_cache(maxsize=256)
def user_regex(pattern: str) -> Any:
    """``pattern`` compiled with RE2 (linear-time matching; the ``re`` API: search, match, fullmatch, finditer).

    Raises:
        UserRegexError: not a valid pattern, or one that needs backtracking
            (look-around ``(?=…)``/``(?<=…)``, back-reference ``\\1``).
    """
    import re2

    options = re2.Options()
    options.log_errors = False
    try:
        return re2.compile(pattern, options)
    except re2.error as err:
        reason = err.args[0] if err.args else err
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        hint = " (look-arounds and back-references are not supported: they need backtracking)" if "perl operator" in str(reason) or "escape" in str(reason) else ""
        raise UserRegexError(f"not a usable regular expression {pattern!r}: {reason}{hint}") from None
