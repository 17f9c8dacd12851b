"""What every command shares: defaults, the two error kinds, output helpers and the SIGTERM handler."""

from __future__ import annotations

import argparse
import sys



DEFAULT_CORPUS = "data/raw"
DEFAULT_OUT = "reports"


class UsageError(Exception):
    """A mistake in the command line (exit status 2)."""


class Failure(Exception):
    """An expected failure (exit status 1); the message is one line."""


def _stdout_utf8() -> None:
    # backslashreplace: a file name that is not valid Unicode is shown escaped, never a crash.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")
            except (ValueError, OSError):
                pass


class Terminated(BaseException):
    """SIGTERM: stop the run (and its workers) as an interrupt does."""


def _on_sigterm(signum, frame) -> None:  # type: ignore[no-untyped-def]
    raise Terminated()


def _max_mb(value: str) -> float:
    """``--max-mb``: a positive, finite number of megabytes."""
    import math

    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not math.isfinite(number) or number <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number of megabytes, not {value!r}")
    return number


def _say(message: str) -> None:
    print(message, file=sys.stderr)
