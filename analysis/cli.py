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

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Sequence

from analysis.run.executors import available_cores

__all__ = ["main"]

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


def _add_selection(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("selection")
    group.add_argument("--meeting-type", default="", metavar="T", help="keep speeches of this meeting type (metadata or the file name after its date)")
    group.add_argument("--since", default="", metavar="YYYY-MM", help="keep speeches dated on or after this")
    group.add_argument("--until", default="", metavar="YYYY-MM", help="keep speeches dated on or before this")
    group.add_argument("--speaker", default="", metavar="S", help="keep speeches whose speaker contains this")


def _add_execution(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("execution")
    group.add_argument("--workers", type=int, default=None, help=f"processes for per-speech work (default: one per available core, here {available_cores()})")
    group.add_argument("--backend", choices=["local", "dask"], default="local", help="local (default) or dask")
    group.add_argument("--scheduler", default="", metavar="ADDRESS", help="with --backend dask: an existing scheduler (default: a LocalCluster)")
    group.add_argument("--no-cache", action="store_true", help="do not read or write the per-speech cache")


def _add_analysis(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("analysis")
    group.add_argument("--lexicon", default="", metavar="FILE", help="a lexicon YAML file (default: the bundled lexicon)")
    group.add_argument("--extend-lexicon", action="store_true", help="add --lexicon to the bundled lexicon instead of replacing it")
    group.add_argument("--stopwords", default="", metavar="FILE", help="a stopword list (default: the bundled list)")
    group.add_argument("--segmenter", default=None, choices=["jieba", "rjieba"], help="rjieba (fast; the default when installed) or jieba (the reference)")
    group.add_argument("--max-mb", type=_max_mb, default=50, metavar="MB", help="files larger than this, or whose text expands past it (a .docx or .pdf), are reported, not read (default 50)")
    group.add_argument("--indicators", default="", metavar="FILE", help="an indicator YAML file added to the bundled table of headline indicators (targets)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Analyse Chinese officials' speeches: clean, segment, count policy terms, themes and quotas.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=summary[0].upper() + summary[1:] + ".")
        sub.set_defaults(command_parser=sub)  # a usage error shows this command's usage
        return sub

    run = command("run", "run the whole job on folders of speeches and write every table")
    run.add_argument("corpus", nargs="*", default=[DEFAULT_CORPUS], help=f"folders (searched recursively) and/or files (default {DEFAULT_CORPUS})")
    run.add_argument("--out", default=DEFAULT_OUT, metavar="DIR", help=f"output folder, created if needed (default {DEFAULT_OUT})")
    run.add_argument("--metadata", default="", metavar="FILE", help="a metadata table (default: a CSV/TSV with a path column at the top of the folder)")
    _add_execution(run)
    run.add_argument("--quiet", action="store_true", help="print nothing but errors")
    _add_selection(run)
    _add_analysis(run)

    clean = command("clean", "print the cleaned text of one file")
    clean.add_argument("file", help="a speech file (.txt, .md, .docx, .pdf, .html)")
    clean.add_argument("--original", action="store_true", help="keep Traditional characters (no conversion to Simplified)")

    tokens = command("tokens", "print one file segmented, one sentence a line")
    tokens.add_argument("file", help="a speech file (.txt, .md, .docx, .pdf, .html)")
    _add_analysis(tokens)

    count = command("count", "count terms in files (CSV: doc_id,term,count)")
    count.add_argument("files", nargs="+", help="files and/or folders")
    count.add_argument("--term", action="append", required=True, help="a term to count (repeat for several)")
    count.add_argument("--mode", choices=["phrase", "token"], default="phrase", help="phrase: occurrences in the cleaned text (default); token: segmented tokens equal to the term")
    _add_analysis(count)

    kwic = command("kwic", "keywords in context in files (TSV)")
    kwic.add_argument("files", nargs="+", help="files and/or folders")
    kwic.add_argument("--term", action="append", required=True, help="a term (repeat for several)")
    kwic.add_argument("--window", type=int, default=20, help="characters of context each side (default 20)")
    kwic.add_argument("--regex", action="store_true", help="treat the terms as regular expressions")

    quotas = command("quotas", "quota and deadline mentions in files")
    quotas.add_argument("files", nargs="+", help="files and/or folders")
    quotas.add_argument("--format", choices=["csv", "jsonl"], default="csv", help="csv (default; a header row) or jsonl (one JSON object a line)")
    _add_analysis(quotas)

    targets = command("targets", "the year's headline targets in government work reports (one row per indicator)")
    targets.add_argument("files", nargs="+", help="files and/or folders")
    targets.add_argument("--format", choices=["csv", "jsonl"], default="csv", help="csv (default; a header row) or jsonl (one JSON object a line)")
    _add_analysis(targets)

    lexicon = command("lexicon", "lexicon tools (check)")
    lexicon_commands = lexicon.add_subparsers(dest="lexicon_command", metavar="SUBCOMMAND")
    lexicon_commands.required = True
    check = lexicon_commands.add_parser("check", help="lint a lexicon file", description="Lint a lexicon file: duplicate terms, colliding variants, entries jieba cannot keep whole.")
    check.add_argument("file", nargs="?", default="", help="lexicon YAML (default: the bundled lexicon)")

    brief = command("brief", "write the chart pack and the briefing (HTML, PDF, DOCX) and tables.xlsx")
    brief.add_argument("corpus", nargs="*", default=[DEFAULT_CORPUS], help=f"folders (searched recursively) and/or files (default {DEFAULT_CORPUS})")
    brief.add_argument("--out", default=DEFAULT_OUT, metavar="DIR", help=f"output folder, created if needed (default {DEFAULT_OUT})")
    brief.add_argument("--metadata", default="", metavar="FILE", help="a metadata table (default: a CSV/TSV with a path column at the top of the folder)")
    _add_execution(brief)
    brief.add_argument("--lang", choices=["zh", "en"], default="zh", help="chart labels in Chinese (default) or English")
    brief.add_argument("--font", default="", metavar="FILE", help="a font file for the charts (default: bundled Noto Sans SC)")
    brief.add_argument("--terms", default="", metavar="T1,T2", help="comma-separated terms to chart (default: the most frequent lexicon terms); a term not in the lexicon is counted as a phrase")
    brief.add_argument("--period", choices=["month", "quarter", "year"], default="", help="time unit (default: month, or year for annual series)")
    brief.add_argument("--reference-targets", default="", metavar="PATH",
                       help="a targets.csv, or a report file/folder, giving the reference (e.g. national) target line of the cross-report target chart")
    brief.add_argument("--p", type=float, default=0.05, metavar="P", help="significance level of keyness: charts and rising/falling terms show only terms with p below this (default 0.05)")
    brief.add_argument("--quiet", action="store_true", help="print nothing but errors")
    brief.add_argument("--reference", nargs="+", default=[], metavar="REF", help="also chart the passages the speeches share with this reference corpus (figures/reuse_sources, reuse/)")
    _add_selection(brief)
    _add_analysis(brief)

    discover = commands.add_parser(
        "discover", help="find what the lexicon does not count: collocations, new terms, co-occurrence, seeded topics",
        description="Find collocations, new terms with their first dates, co-occurring lexicon terms and a seeded topic model; write the tables, a lexicon snippet for review and two charts.",
    )
    discover.add_argument("corpus", nargs="*", default=[DEFAULT_CORPUS], help=f"folders and/or files (default {DEFAULT_CORPUS})")
    discover.add_argument("--out", default="reports/discover", help="output folder (default reports/discover)")
    discover.add_argument("--metadata", default="", metavar="FILE", help="a metadata table (default: a CSV/TSV with a path column in the folder)")
    discover.add_argument("--min-count", type=int, default=5, metavar="N", help="least count of a collocation or new term (default 5)")
    discover.add_argument("--topics", type=int, default=None, metavar="K", help="seeded topics: the K lexicon themes with most matches (default: every theme found)")
    discover.add_argument("--extra-topics", type=int, default=3, metavar="N", help="unseeded topics for what the lexicon misses (default 3)")
    discover.add_argument("--new-terms", type=int, default=200, metavar="N", help="new terms kept in new_terms.csv (default 200)")
    discover.add_argument("--sort", choices=["score", "rise"], default="score", help="rank new terms by score (count × (1 + novelty); default) or by rise (G² of their appearance)")
    discover.add_argument("--period", choices=["month", "quarter", "year"], default="", help="time unit of the topic chart (default: month, or year for annual series)")
    discover.add_argument("--lang", choices=["zh", "en"], default="zh", help="chart labels in Chinese (default) or English")
    discover.add_argument("--font", default="", metavar="FILE", help="a font file for the charts (default: bundled Noto Sans SC)")
    discover.add_argument("--workers", type=int, default=None, help=f"processes for per-speech work (default: one per available core, here {available_cores()})")
    discover.add_argument("--no-cache", action="store_true", help="do not read or write the per-speech cache")
    discover.add_argument("--quiet", action="store_true", help="print nothing but errors")
    discover.set_defaults(command_parser=discover)
    _add_selection(discover)
    _add_analysis(discover)

    cache = command("cache", "the per-speech cache (info, clear)")
    cache_commands = cache.add_subparsers(dest="cache_command", metavar="SUBCOMMAND")
    cache_commands.required = True
    cache_commands.add_parser("clear", help="empty the cache", description="Empty the cache.")
    cache_commands.add_parser("info", help="where the cache is and how big", description="Where the cache is and how big.")
    _reuse_parsers(commands)
    return parser


def _reuse_parsers(commands) -> None:  # type: ignore[no-untyped-def]
    reuse = commands.add_parser(
        "reuse", help="passages shared between speeches, or with a reference corpus",
        description="Find the passages speeches share with one another, or with a reference corpus: MinHash/LSH candidates, "
        "then a local alignment that tolerates small edits. Writes reuse.csv, reuse_docs.csv, reuse_stock.csv, reuse.json and figures/reuse_sources.",
    )
    reuse.add_argument("corpus", nargs="+", help="folders and/or files")
    reuse.add_argument("--reference", nargs="+", default=[], metavar="REF", help="a reference corpus (folders and/or files): only corpus × reference passages are sought")
    reuse.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    reuse.add_argument("--metadata", default="", metavar="FILE", help="a metadata table for the corpus")
    reuse.add_argument("--min-chars", type=int, default=30, metavar="N", help="shortest passage kept, in cleaned characters (default 30)")
    reuse.add_argument("--min-similarity", type=float, default=0.75, metavar="S", help="least share of identical characters in a passage's alignment (default 0.75)")
    reuse.add_argument("--stock-share", type=float, default=0.1, metavar="F", help="a phrase in more than this share of all documents is a stock phrase (default 0.1)")
    reuse.add_argument("--all-sources", action="store_true", help="keep every source of a passage, not only the best one")
    reuse.add_argument("--top", type=int, default=15, metavar="N", help="speeches in the chart (default 15)")
    reuse.add_argument("--lang", choices=["zh", "en"], default="zh", help="chart labels in Chinese (default) or English")
    reuse.add_argument("--font", default="", metavar="FILE", help="a font file for the chart (default: bundled Noto Sans SC)")
    reuse.add_argument("--max-mb", type=float, default=50, metavar="MB", help="files larger than this are reported as oversized (default 50)")
    reuse.add_argument("--quiet", action="store_true", help="print nothing but errors")
    _add_execution(reuse)

    diffusion = commands.add_parser(
        "diffusion", help="first use of each policy term in each series, and the lag behind a reference series",
        description="For each lexicon term (and each --term), the first date it appears in each series (folder, meeting type or metadata column), "
        "and the lag in days behind a reference series. Writes diffusion.csv and figures/diffusion.",
    )
    diffusion.add_argument("corpus", nargs="+", help="folders and/or files")
    diffusion.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    diffusion.add_argument("--metadata", default="", metavar="FILE", help="a metadata table (default: a CSV/TSV with a path column in the folder)")
    diffusion.add_argument("--term", action="append", default=[], help="a term to follow besides the lexicon's (repeat for several)")
    diffusion.add_argument("--series", default="folder", help="folder (default), meeting_type, or a metadata column")
    diffusion.add_argument("--reference-series", default="", metavar="S", help="series to measure lags against (default: the politburo one, else the largest)")
    diffusion.add_argument("--top", type=int, default=12, metavar="N", help="terms in the chart (default 12)")
    diffusion.add_argument("--lang", choices=["zh", "en"], default="zh", help="chart labels in Chinese (default) or English")
    diffusion.add_argument("--font", default="", metavar="FILE", help="a font file for the chart (default: bundled Noto Sans SC)")
    diffusion.add_argument("--lexicon", default="", metavar="FILE", help="a lexicon YAML file (default: the bundled lexicon)")
    diffusion.add_argument("--extend-lexicon", action="store_true", help="add --lexicon to the bundled lexicon instead of replacing it")
    diffusion.add_argument("--max-mb", type=float, default=50, metavar="MB", help="files larger than this are reported as oversized (default 50)")
    diffusion.add_argument("--quiet", action="store_true", help="print nothing but errors")


def _options(args: argparse.Namespace, *, with_selection: bool = False):  # type: ignore[no-untyped-def]
    from analysis.run import Options, Selection
    from analysis.text.segment import engine_default

    selection = Selection()
    if with_selection:
        from analysis.run.options import selection_validate

        selection = Selection(meeting_type=args.meeting_type, since=args.since, until=args.until, speaker=args.speaker)
        try:
            selection_validate(selection)
        except ValueError as err:
            raise UsageError(str(err)) from None
    if getattr(args, "workers", None) is not None and args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    if getattr(args, "scheduler", "") and getattr(args, "backend", "local") != "dask":
        raise UsageError("--scheduler goes with --backend dask")
    if args.extend_lexicon and not args.lexicon:
        raise UsageError("--extend-lexicon needs --lexicon FILE")
    if getattr(args, "indicators", ""):
        from analysis.measures.indicators import indicators_cached

        indicators_cached(args.indicators)  # a bad file stops here, with one line naming it
    return Options(
        lexicon=args.lexicon,
        extend_default=args.extend_lexicon,
        stopwords=args.stopwords,
        segmenter=args.segmenter or engine_default(),
        max_mb=args.max_mb,
        selection=selection,
        cache=not getattr(args, "no_cache", False),
        indicators=getattr(args, "indicators", ""),
    )


def _read_documents(files: Sequence[str]):  # type: ignore[no-untyped-def]
    """Read files (and the speeches in folders) for the one-file commands.

    Bad files are reported one line each; a folder is searched like ``run``
    searches it, its speeches named by their path inside it.
    """
    from analysis.ingest import corpus_discover, document_read, readable_name
    from analysis.ingest.readers import ReadError

    documents = []
    for name in files:
        path = Path(name)
        if not path.exists():
            _say(f"error: {name}: no such file")
            continue
        if path.is_dir():
            discovery = corpus_discover([path])
            for record in discovery.records:
                if record.status == "error":
                    _say(f"error: {path / record.path}: {record.reason}")
            targets = [(f, rel, discovery.table_row(rel)) for f, rel in discovery.speeches]
        else:
            targets = [(path, readable_name(path.name), None)]
        for target, rel, row in targets:
            try:
                documents.append(document_read(target, rel, table_row=row))
            except ReadError as err:
                _say(f"error: {target}: {err}")
    if not documents:
        raise Failure("nothing could be read")
    return documents


def _one_document(name: str):  # type: ignore[no-untyped-def]
    if Path(name).is_dir():
        raise UsageError(f"{name} is a folder: this command takes one file (use run, count, kwic or quotas for folders)")
    (doc,) = _read_documents([name])
    return doc


def _cmd_run(args: argparse.Namespace) -> int:
    from analysis.run import corpus_run, outputs_write
    from analysis.run.summary import run_nothing_read, run_summary
    from analysis.run.outputs import outputs_staged

    options = _options(args, with_selection=True)
    out = Path(args.out)
    # Written beside --out, then moved in (run.json last): an interrupted run leaves the old set whole.
    with outputs_staged(out) as staging:
        result = corpus_run(
            args.corpus,
            options=options,
            metadata=args.metadata or None,
            workers=args.workers or available_cores(),
            backend=args.backend,
            scheduler=args.scheduler or None,
            stream_to=staging,
        )
        try:
            outputs_write(result, staging)
        except OSError as err:
            raise Failure(f"{out}: cannot write the outputs ({err.strerror or err}); nothing was changed in {out}") from None
    for row in result.report.itertuples(index=False):
        if row.status == "error":
            _say(f"error: {row.path}: {row.reason}")
    if not args.quiet:
        print(run_summary(result, out))
    if not result.n_ok:
        _say(f"error: {', '.join(map(str, args.corpus))}: {run_nothing_read(result)} (see {out}/ingest_report.csv)")
        return 1
    return 0


def _cmd_clean(args: argparse.Namespace) -> int:
    doc = _one_document(args.file)
    print(doc.text_original if args.original else doc.text)
    return 0


def _cmd_tokens(args: argparse.Namespace) -> int:
    from analysis.text.outline import outline_sentences
    from analysis.run import tools_for

    options = _options(args)
    doc = _one_document(args.file)
    _, segmenter = tools_for(options)
    for sentence in outline_sentences(doc.text):
        words = segmenter.words(sentence.text)
        if words:
            print(" ".join(words))
    return 0


def _cmd_count(args: argparse.Namespace) -> int:
    from analysis.run import tools_for
    from analysis.measures.terms import phrase_count, token_count
    from analysis.run.excel_safe import excel_safe

    documents = _read_documents(args.files)
    segmenter = tools_for(_options(args))[1] if args.mode == "token" else None
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["doc_id", "term", "count"])
    for doc in documents:
        words = segmenter.words(doc.text) if segmenter is not None else None
        for term in args.term:
            count = token_count(words, term) if words is not None else phrase_count(doc.text, term)
            writer.writerow([excel_safe(doc.doc_id), excel_safe(term), count])
    sys.stdout.write(buffer.getvalue())
    return 0


def _cmd_kwic(args: argparse.Namespace) -> int:
    import re

    from analysis.text.outline import outline_sentences
    from analysis.measures.terms import kwic
    from analysis.run.excel_safe import excel_safe

    if args.window < 0:
        raise UsageError("--window must be 0 or more")
    if args.regex:
        from analysis.lexicon.user_regex import UserRegexError, user_regex

        for term in args.term:
            try:
                user_regex(term)  # RE2: linear-time matching, so no pattern can hang the command
            except UserRegexError as err:
                raise UsageError(f"--term {term!r}: {err}") from None
    documents = _read_documents(args.files)
    print("doc_id\tsection\tstart\tleft\tmatch\tright")
    for doc in documents:
        sentences = outline_sentences(doc.text)
        for term in args.term:
            frame = kwic(doc.doc_id, doc.text, sentences, term, window=args.window, regex=args.regex)
            for row in frame.itertuples(index=False):
                print("\t".join(str(excel_safe(v)).replace("\t", " ") for v in row))
    return 0


def _cmd_quotas(args: argparse.Namespace) -> int:
    import pandas as pd

    from analysis.run import tools_for
    from analysis.measures.quotas import QUOTA_COLUMNS, quotas_extract

    lexicon, _ = tools_for(_options(args))
    documents = _read_documents(args.files)
    frames = [quotas_extract(doc.text, doc_id=doc.doc_id, lexicon=lexicon) for doc in documents]
    frames = [f for f in frames if not f.empty]
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=QUOTA_COLUMNS)
    if args.format == "jsonl":
        for record in json.loads(table.to_json(orient="records", force_ascii=False)):
            print(json.dumps(record, ensure_ascii=False))
    else:
        from analysis.run.excel_safe import excel_safe_frame

        sys.stdout.write(excel_safe_frame(table).to_csv(index=False, lineterminator="\n"))
    return 0


def _cmd_targets(args: argparse.Namespace) -> int:
    import pandas as pd

    from analysis.measures.indicators import indicators_cached
    from analysis.measures.targets import TARGET_COLUMNS, targets_extract

    indicators = indicators_cached(_options(args).indicators)
    documents = _read_documents(args.files)
    frames = [
        targets_extract(doc.text, doc_id=doc.doc_id, date=doc.metadata.date.iso(), year=doc.metadata.date.year, indicators=indicators)
        for doc in documents
    ]
    frames = [f for f in frames if not f.empty]
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=TARGET_COLUMNS)
    if args.format == "jsonl":
        for record in json.loads(table.to_json(orient="records", force_ascii=False)):
            print(json.dumps(record, ensure_ascii=False))
    else:
        sys.stdout.write(table.to_csv(index=False, lineterminator="\n"))
    return 0


def _cmd_lexicon(args: argparse.Namespace) -> int:
    from analysis.lexicon import lexicon_check, lexicon_default, lexicon_load

    lexicon = lexicon_load(args.file) if args.file else lexicon_default()
    problems = lexicon_check(lexicon)
    source = args.file or lexicon.source
    for problem in problems:
        print(f"{source}: {problem}")
    n_variants = sum(len(t.variants) for t in lexicon.terms)
    status = "ok" if not problems else f"{len(problems)} problems"
    print(f"{source}: {len(lexicon.themes)} themes, {len(lexicon.terms)} terms, {n_variants} variants: {status}")
    return 0 if not problems else 1


def _cmd_brief(args: argparse.Namespace) -> int:
    from analysis.report import BRIEFING_FILES
    from analysis.run.summary import run_nothing_read

    options = _options(args, with_selection=True)
    if not 0 < args.p <= 1:
        raise UsageError(f"--p must be above 0 and at most 1, not {args.p:g}")
    terms = [t.strip() for t in args.terms.replace("，", ",").split(",") if t.strip()]
    try:
        written = _brief_call(args, options, terms)
    except RuntimeError as err:
        result = getattr(err, "result", None)
        if result is None:
            raise
        raise Failure(f"{', '.join(map(str, args.corpus))}: {run_nothing_read(result)}") from None
    if args.reference:  # text reuse against a reference corpus: its tables in reuse/, its chart with the others
        written += _brief_reuse(args)
    if not args.quiet:
        from analysis.run import tools_for

        lexicon, _ = tools_for(options)
        known = {t.term for t in lexicon.terms}
        phrases = [t for t in terms if t not in known]
        if phrases:
            print(f"counted as phrases (not in the lexicon): {', '.join(phrases)}")
        out = Path(args.out)
        print(f"wrote {len(written)} files into {out}/ (tables, trends/, figures/); open: " + ", ".join(str(out / f) for f in BRIEFING_FILES))
    return 0


def _brief_call(args: argparse.Namespace, options, terms: list[str]) -> list[Path]:  # type: ignore[no-untyped-def]
    from analysis.report import brief_write

    reference = None
    if args.reference_targets:
        from analysis.report.target_figures import reference_targets_read

        reference = reference_targets_read(args.reference_targets)
    return brief_write(
        args.corpus,
        out=Path(args.out),
        options=options,
        metadata=args.metadata or None,
        workers=args.workers or available_cores(),
        backend=args.backend,
        scheduler=args.scheduler or None,
        lang=args.lang,
        font=args.font or None,
        terms=terms,
        period=args.period or None,
        p=args.p,
        reference_targets=reference,
    )


def _brief_reuse(args: argparse.Namespace) -> list[Path]:
    import shutil

    from analysis.measures.reuse import reuse_find
    from analysis.report.reuse import reuse_write

    corpus = _texts(args.corpus, metadata=args.metadata, max_mb=args.max_mb)
    reference = _texts(args.reference, max_mb=args.max_mb)
    result = reuse_find(corpus, reference=reference, backend=args.backend, workers=args.workers or available_cores(), scheduler=args.scheduler or None)
    folder = Path(args.out) / "reuse"
    written = reuse_write(result, folder, titles={t.doc_id: t.title for t in [*reference, *corpus]}, inputs=args.corpus, reference=args.reference, lang=args.lang, font=args.font or None)
    for path in list(written):
        if path.parent.name == "figures":
            target = Path(args.out) / "figures" / path.name
            shutil.move(str(path), target)
            written[written.index(path)] = target
    (folder / "figures").rmdir()
    return written


def _cmd_discover(args: argparse.Namespace) -> int:
    from analysis.report.discovery import discover_build, discover_write

    for name in ("min_count", "new_terms", "extra_topics"):
        if getattr(args, name) < (1 if name != "extra_topics" else 0):
            raise UsageError(f"--{name.replace('_', '-')} must be a positive number")
    if args.topics is not None and args.topics < 0:
        raise UsageError("--topics must be 0 or more")
    options = _options(args, with_selection=True)
    discovery = discover_build(
        args.corpus, options=options, metadata=args.metadata or None, workers=args.workers or available_cores(),
        period=args.period or None, min_count=args.min_count, topics=args.topics, extra_topics=args.extra_topics,
        n_new_terms=args.new_terms, sort=args.sort,
    )
    written = discover_write(discovery, Path(args.out), lang=args.lang, font=args.font or None)
    if not args.quiet:
        top = "、".join(discovery.new_terms["term"].head(10))
        print(f"{discovery.result.n_ok} speeches; {len(discovery.collocations)} collocations, {len(discovery.new_terms)} new terms, "
              f"{len(discovery.cooccurrence)} co-occurring pairs, {discovery.topics['topic'].nunique() if len(discovery.topics) else 0} topics")
        if top:
            print(f"top new terms: {top}")
        print(f"wrote {len(written)} files into {args.out}/ (new_terms.csv, collocations.csv, … lexicon_candidates.yaml, figures/)")
    return 0


def _cmd_cache(args: argparse.Namespace) -> int:
    from analysis.run.cache import cache_clear, cache_info

    if args.cache_command == "clear":
        removed, folder = cache_clear()
        print(f"removed {removed} cached entries from {folder}")
    else:
        folder, entries, size = cache_info()
        print(f"{folder}: {entries} entries, {size / 1e6:.1f} MB")
    return 0


def _texts(inputs: Sequence[str], *, metadata: str = "", max_mb: float = 50):  # type: ignore[no-untyped-def]
    from analysis.measures.reuse import texts_read

    for name in inputs:
        if not Path(name).exists():
            raise UsageError(f"{name}: no such file or folder")
    texts, problems = texts_read(list(inputs), metadata=metadata or None, max_mb=max_mb)
    for path, reason in problems:
        _say(f"error: {path}: {reason}")
    if not texts:
        raise Failure(f"{', '.join(inputs)}: no speech could be read")
    return texts


def _cmd_reuse(args: argparse.Namespace) -> int:
    from analysis.measures.reuse import ReuseParams, reuse_find
    from analysis.report.reuse import reuse_write

    if args.min_chars < 1:
        raise UsageError("--min-chars must be 1 or more")
    if not 0 < args.min_similarity <= 1 or not 0 < args.stock_share <= 1:
        raise UsageError("--min-similarity and --stock-share must be in (0, 1]")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    if args.scheduler and args.backend != "dask":
        raise UsageError("--scheduler goes with --backend dask")
    corpus = _texts(args.corpus, metadata=args.metadata, max_mb=args.max_mb)
    reference = _texts(args.reference, max_mb=args.max_mb) if args.reference else []
    params = ReuseParams(min_chars=args.min_chars, min_similarity=args.min_similarity, stock_share=args.stock_share)
    result = reuse_find(
        corpus, reference=reference, params=params, all_sources=args.all_sources,
        backend=args.backend, workers=args.workers or available_cores(), scheduler=args.scheduler or None,
    )
    titles = {t.doc_id: t.title for t in [*reference, *corpus]}
    out = Path(args.out)
    reuse_write(result, out, titles=titles, inputs=args.corpus, reference=args.reference, top=args.top, lang=args.lang, font=args.font or None)
    if not args.quiet:
        docs = result.docs
        print(f"{len(corpus)} speeches" + (f" against {len(reference)} reference texts" if reference else "") + f": {len(result.passages)} passages of {args.min_chars}+ characters in {int((docs['reused_chars'] > 0).sum())} speeches; {len(result.stock)} stock phrases reported apart")
        for row in docs.sort_values("reused_chars", ascending=False).head(5).itertuples(index=False):
            if row.reused_chars:
                print(f"  {row.doc_id}: {row.reused_chars:,} characters ({row.reused_share:.1%}) reused, most from {row.top_source}")
        print(f"wrote {out}/ (reuse.csv, reuse_docs.csv, reuse_stock.csv, reuse.json, figures/reuse_sources.png)")
    return 0


def _cmd_diffusion(args: argparse.Namespace) -> int:
    import pandas as pd

    from analysis.lexicon import lexicon_default, lexicon_extend, lexicon_load
    from analysis.measures.diffusion import diffusion_first_use
    from analysis.report.reuse import diffusion_write

    if args.extend_lexicon and not args.lexicon:
        raise UsageError("--extend-lexicon needs --lexicon FILE")
    lexicon = lexicon_default()
    if args.lexicon:
        lexicon = lexicon_extend(lexicon, lexicon_load(args.lexicon)) if args.extend_lexicon else lexicon_load(args.lexicon)
    texts = _texts(args.corpus, metadata=args.metadata, max_mb=args.max_mb)
    table = diffusion_first_use(texts, terms=args.term, lexicon=lexicon, series=args.series, reference_series=args.reference_series or None)
    out = Path(args.out)
    diffusion_write(table, out, terms=args.term, top=args.top, inputs=args.corpus, lang=args.lang, font=args.font or None)
    if not args.quiet:
        for term in args.term:
            rows = table[table["term"] == term]
            if not len(rows):
                print(f"{term}: not found")
            for row in rows.itertuples(index=False):
                lag = "" if row.series == row.reference_series or pd.isna(row.lag_days) else f" ({int(row.lag_days):+d} days)"
                print(f"{term}: {row.series} {row.first_date} ({row.first_doc_id}){lag}")
        print(f"wrote {out}/ (diffusion.csv, figures/diffusion.png)")
    return 0


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
