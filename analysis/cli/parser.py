"""The argument parser: every command, its arguments and their help."""

from __future__ import annotations

import argparse

from analysis.run.executors import available_cores

from analysis.cli.common import DEFAULT_CORPUS, DEFAULT_OUT, _max_mb


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
