"""Command line: ``python -m analysis COMMAND``.

Commands (``python -m analysis COMMAND --help`` for each):

* ``run [CORPUS...]`` — the whole job into an output folder;
* ``clean FILE`` — print the cleaned text;
* ``tokens FILE`` — print the segmented text, one sentence a line;
* ``count FILE... --term T`` — occurrences of terms, as CSV;
* ``kwic FILE... --term T`` — keywords in context, as TSV;
* ``quotas FILE...`` — quota and deadline mentions, as CSV or JSON lines;
* ``targets FILE...`` — the year's headline targets (one row per indicator), as CSV or JSON lines;
* ``lexicon check FILE`` — lint a lexicon file;
* ``brief [CORPUS...]`` — charts and a one-page briefing;
* ``cache clear`` — empty the per-document cache;
* ``reuse CORPUS... [--reference REF...]`` — passages shared between speeches;
* ``diffusion CORPUS...`` — first use of each term in each series.

Exit status: 0 on success (skipped files are reported, not fatal), 2 on
usage errors, 1 when nothing could be read.  Expected failures print one
line naming the file and the cause, never a traceback.
"""

from __future__ import annotations

import sys
from typing import Sequence


from analysis.cli.commands import _cmd_run, _cmd_clean, _cmd_tokens, _cmd_count, _cmd_kwic, _cmd_quotas, _cmd_targets, _cmd_lexicon, _cmd_brief, _cmd_discover, _cmd_cache, _cmd_reuse, _cmd_diffusion
from analysis.cli.common import UsageError, Failure, _stdout_utf8, Terminated, _on_sigterm, _say
from analysis.cli.parser import _parser

__all__ = ["main", "_parser"]

_COMMANDS = {
    "run": _cmd_run,
    "clean": _cmd_clean,
    "tokens": _cmd_tokens,
    "count": _cmd_count,
    "kwic": _cmd_kwic,
    "quotas": _cmd_quotas,
    "targets": _cmd_targets,
    "lexicon": _cmd_lexicon,
    "brief": _cmd_brief,
    "discover": _cmd_discover,
    "cache": _cmd_cache,
    "reuse": _cmd_reuse,
    "diffusion": _cmd_diffusion,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    _stdout_utf8()
    parser = _parser()
    args = parser.parse_args(argv)
    from analysis.lexicon import LexiconError

    import signal
    import threading

    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return _COMMANDS[args.command](args)
    except UsageError as err:
        command_parser = getattr(args, "command_parser", parser)
        command_parser.print_usage(sys.stderr)
        _say(f"{command_parser.prog}: error: {err}")
        return 2
    except (Failure, LexiconError, FileNotFoundError, ValueError, RuntimeError) as err:
        _say(f"error: {err}")
        return 1
    except BrokenPipeError:
        return 0
    except IsADirectoryError as err:
        _say(f"error: {err.filename}: is a folder, not a file")
        return 1
    except OSError as err:  # a full disk, a read-only folder: one line, not a traceback
        where = f"{err.filename}: " if err.filename else ""
        _say(f"error: {where}{err.strerror or err}")
        return 1
    except Terminated:
        _say("terminated")
        return 143
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
