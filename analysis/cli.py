"""Command line: ``python -m analysis COMMAND``.

Commands (``python -m analysis COMMAND --help`` for each):

* ``run [CORPUS...]`` — the whole job into an output folder;
* ``clean FILE`` — print the cleaned text;
* ``tokens FILE`` — print the segmented text, one sentence a line;
* ``count FILE... --term T`` — occurrences of terms, as CSV;
* ``kwic FILE... --term T`` — keywords in context, as TSV;
* ``quotas FILE...`` — quota and deadline mentions, as CSV or JSON lines;
* ``lexicon check FILE`` — lint a lexicon file;
* ``brief [CORPUS...]`` — charts and a one-page briefing;
* ``cache clear`` — empty the per-document cache.

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


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _add_selection(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("selection")
    group.add_argument("--meeting-type", default="", metavar="T", help="keep speeches of this meeting type (metadata or the file name after its date)")
    group.add_argument("--since", default="", metavar="YYYY-MM", help="keep speeches dated on or after this")
    group.add_argument("--until", default="", metavar="YYYY-MM", help="keep speeches dated on or before this")
    group.add_argument("--speaker", default="", help="keep speeches whose speaker contains this")


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
    group.add_argument("--max-mb", type=float, default=50, metavar="MB", help="files larger than this are reported as oversized (default 50)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Analyse Chinese officials' speeches: clean, segment, count policy terms, themes and quotas.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    run = commands.add_parser("run", help="run the whole job on a folder of speeches")
    run.add_argument("corpus", nargs="*", default=[DEFAULT_CORPUS], help=f"folders and/or files (default {DEFAULT_CORPUS})")
    run.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    run.add_argument("--metadata", default="", metavar="FILE", help="a metadata table (default: a CSV/TSV with a path column in the folder)")
    _add_execution(run)
    run.add_argument("--quiet", action="store_true", help="print nothing but errors")
    _add_selection(run)
    _add_analysis(run)

    clean = commands.add_parser("clean", help="print the cleaned text of a file")
    clean.add_argument("file")
    clean.add_argument("--original", action="store_true", help="keep Traditional characters (no conversion to Simplified)")

    tokens = commands.add_parser("tokens", help="print a file segmented, one sentence a line")
    tokens.add_argument("file")
    _add_analysis(tokens)

    count = commands.add_parser("count", help="count terms in files (CSV: doc_id,term,count)")
    count.add_argument("files", nargs="+", help="files and/or folders")
    count.add_argument("--term", action="append", required=True, help="a term to count (repeat for several)")
    count.add_argument("--mode", choices=["phrase", "token"], default="phrase", help="phrase: occurrences in the cleaned text (default); token: segmented tokens equal to the term")
    _add_analysis(count)

    kwic = commands.add_parser("kwic", help="keywords in context (TSV)")
    kwic.add_argument("files", nargs="+", help="files and/or folders")
    kwic.add_argument("--term", action="append", required=True, help="a term (repeat for several)")
    kwic.add_argument("--window", type=int, default=20, help="characters of context each side (default 20)")
    kwic.add_argument("--regex", action="store_true", help="treat the terms as regular expressions")

    quotas = commands.add_parser("quotas", help="quota and deadline mentions in files")
    quotas.add_argument("files", nargs="+", help="files and/or folders")
    quotas.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    _add_analysis(quotas)

    lexicon = commands.add_parser("lexicon", help="lexicon tools")
    lexicon_commands = lexicon.add_subparsers(dest="lexicon_command", metavar="SUBCOMMAND")
    lexicon_commands.required = True
    check = lexicon_commands.add_parser("check", help="lint a lexicon file")
    check.add_argument("file", nargs="?", default="", help="lexicon YAML (default: the bundled lexicon)")

    brief = commands.add_parser("brief", help="write the chart pack and a one-page briefing")
    brief.add_argument("corpus", nargs="*", default=[DEFAULT_CORPUS])
    brief.add_argument("--out", default=DEFAULT_OUT)
    brief.add_argument("--metadata", default="", metavar="FILE")
    _add_execution(brief)
    brief.add_argument("--lang", choices=["zh", "en"], default="zh", help="chart labels in Chinese (default) or English")
    brief.add_argument("--font", default="", metavar="FILE", help="a font file for the charts (default: bundled Noto Sans SC)")
    brief.add_argument("--terms", default="", help="comma-separated terms to chart (default: the most frequent lexicon terms)")
    brief.add_argument("--period", choices=["month", "quarter", "year"], default="", help="time unit (default: month, or year for annual series)")
    brief.add_argument("--quiet", action="store_true")
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
    _add_selection(discover)
    _add_analysis(discover)

    cache = commands.add_parser("cache", help="the per-document cache")
    cache_commands = cache.add_subparsers(dest="cache_command", metavar="SUBCOMMAND")
    cache_commands.required = True
    cache_commands.add_parser("clear", help="empty the cache")
    cache_commands.add_parser("info", help="where the cache is and how big")
    return parser


def _options(args: argparse.Namespace, *, with_selection: bool = False):  # type: ignore[no-untyped-def]
    from analysis.run import Options, Selection
    from analysis.text.segment import engine_default

    selection = Selection()
    if with_selection:
        selection = Selection(meeting_type=args.meeting_type, since=args.since, until=args.until, speaker=args.speaker)
        for bound in (args.since, args.until):
            if bound:
                from analysis.ingest.metadata import parse_date

                if parse_date(bound).year is None:
                    raise UsageError(f"not a date: {bound!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    if getattr(args, "workers", None) is not None and args.workers < 1:
        raise UsageError("--workers must be 1 or more")
    if getattr(args, "scheduler", "") and getattr(args, "backend", "local") != "dask":
        raise UsageError("--scheduler goes with --backend dask")
    if args.extend_lexicon and not args.lexicon:
        raise UsageError("--extend-lexicon needs --lexicon FILE")
    return Options(
        lexicon=args.lexicon,
        extend_default=args.extend_lexicon,
        stopwords=args.stopwords,
        segmenter=args.segmenter or engine_default(),
        max_mb=args.max_mb,
        selection=selection,
        cache=not getattr(args, "no_cache", False),
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

    options = _options(args, with_selection=True)
    out = Path(args.out)
    result = corpus_run(
        args.corpus,
        options=options,
        metadata=args.metadata or None,
        workers=args.workers or available_cores(),
        backend=args.backend,
        scheduler=args.scheduler or None,
        stream_to=out,
    )
    outputs_write(result, out)
    for row in result.report.itertuples(index=False):
        if row.status == "error":
            _say(f"error: {row.path}: {row.reason}")
    if not args.quiet:
        print(_summary(result, out))
    if not result.n_ok:
        found = len(result.report)
        _say(f"error: {', '.join(map(str, args.corpus))}: no speech could be read ({found} files found; see {out}/ingest_report.csv)")
        return 1
    return 0


def _summary(result, out: Path) -> str:  # type: ignore[no-untyped-def]
    counts = result.report["status"].value_counts()
    corpus = result.corpus
    lines = [
        f"{len(result.report)} files: {counts.get('ok', 0)} ok, {counts.get('skipped', 0)} skipped, {counts.get('error', 0)} errors"
        + f" ({result.seconds:.1f} s" + (f"; {result.cache_hits} from the cache" if result.cache_hits else "") + ")",
    ]
    if len(corpus):
        dated = corpus["year"].notna()
        lines.append(
            f"{len(corpus)} speeches, {int(corpus['n_chars'].sum()):,} characters, {int(corpus['n_tokens'].sum()):,} tokens;"
            + (f" dated {corpus.loc[dated, 'date'].min()} … {corpus.loc[dated, 'date'].max()}" if dated.any() else " no year known")
            + (f"; {int((~dated).sum())} without a year" if dated.any() and (~dated).any() else "")
        )
        duplicates = int((corpus["duplicate_of"] != "").sum())
        if duplicates:
            lines.append(f"{duplicates} near-duplicates flagged (duplicate_of)")
        top = result.term_counts.groupby("term")["count"].sum().sort_values(ascending=False).head(8)
        if len(top):
            lines.append("top lexicon terms: " + ", ".join(f"{t} {c}" for t, c in top.items()))
        lines.append(f"{len(result.quotas)} quota/deadline mentions")
    if result.unmatched_rows:
        shown = ", ".join(result.unmatched_rows[:5]) + (" …" if len(result.unmatched_rows) > 5 else "")
        lines.append(f"metadata table: {len(result.unmatched_rows)} rows name no file found ({shown})")
    skipped = result.report[result.report["status"] == "skipped"]
    for row in skipped.head(10).itertuples(index=False):
        lines.append(f"skipped: {row.path}: {row.reason}")
    if len(skipped) > 10:
        lines.append(f"… and {len(skipped) - 10} more skipped (see ingest_report.csv)")
    lines.append(f"wrote {out}/ (corpus.csv, ingest_report.csv, term_counts.csv, themes.csv, quotas.csv, … run.json)")
    return "\n".join(lines)


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

    documents = _read_documents(args.files)
    segmenter = tools_for(_options(args))[1] if args.mode == "token" else None
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["doc_id", "term", "count"])
    for doc in documents:
        words = segmenter.words(doc.text) if segmenter is not None else None
        for term in args.term:
            count = token_count(words, term) if words is not None else phrase_count(doc.text, term)
            writer.writerow([doc.doc_id, term, count])
    sys.stdout.write(buffer.getvalue())
    return 0


def _cmd_kwic(args: argparse.Namespace) -> int:
    import re

    from analysis.text.outline import outline_sentences
    from analysis.measures.terms import kwic

    if args.window < 0:
        raise UsageError("--window must be 0 or more")
    if args.regex:
        for term in args.term:
            try:
                re.compile(term)
            except re.error as err:
                raise UsageError(f"--term {term!r}: not a regular expression ({err})") from None
    documents = _read_documents(args.files)
    print("doc_id\tsection\tstart\tleft\tmatch\tright")
    for doc in documents:
        sentences = outline_sentences(doc.text)
        for term in args.term:
            frame = kwic(doc.doc_id, doc.text, sentences, term, window=args.window, regex=args.regex)
            for row in frame.itertuples(index=False):
                print("\t".join(str(v).replace("\t", " ") for v in row))
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
    from analysis.report import brief_write

    options = _options(args, with_selection=True)
    written = brief_write(
        args.corpus,
        out=Path(args.out),
        options=options,
        metadata=args.metadata or None,
        workers=args.workers or available_cores(),
        backend=args.backend,
        scheduler=args.scheduler or None,
        lang=args.lang,
        font=args.font or None,
        terms=[t.strip() for t in args.terms.split(",") if t.strip()],
        period=args.period or None,
    )
    if not args.quiet:
        print(f"wrote {len(written)} files into {args.out}/ (figures/, briefing.html, briefing.pdf)")
    return 0


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


_COMMANDS = {
    "run": _cmd_run,
    "clean": _cmd_clean,
    "tokens": _cmd_tokens,
    "count": _cmd_count,
    "kwic": _cmd_kwic,
    "quotas": _cmd_quotas,
    "lexicon": _cmd_lexicon,
    "brief": _cmd_brief,
    "discover": _cmd_discover,
    "cache": _cmd_cache,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    _stdout_utf8()
    parser = _parser()
    args = parser.parse_args(argv)
    from analysis.lexicon import LexiconError

    try:
        return _COMMANDS[args.command](args)
    except UsageError as err:
        parser.print_usage(sys.stderr)
        _say(f"{parser.prog}: error: {err}")
        return 2
    except (Failure, LexiconError, FileNotFoundError, ValueError, RuntimeError) as err:
        _say(f"error: {err}")
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
