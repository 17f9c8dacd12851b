"""One function per command: read the arguments, call the package, print or write the results."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any, Sequence

from analysis.run.executors import available_cores

from analysis.cli.common import UsageError, Failure, _say


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
    from analysis.run import tools_for
    from analysis.measures.quotas import QUOTA_COLUMNS, quotas_extract

    lexicon, _ = tools_for(_options(args))
    documents = _read_documents(args.files)
    frames = [quotas_extract(doc.text, doc_id=doc.doc_id, lexicon=lexicon) for doc in documents]
    _table_print(frames, columns=QUOTA_COLUMNS, fmt=args.format, excel_safe=True)
    return 0


def _cmd_targets(args: argparse.Namespace) -> int:
    from analysis.measures.indicators import indicators_cached
    from analysis.measures.targets import TARGET_COLUMNS, targets_extract

    indicators = indicators_cached(_options(args).indicators)
    documents = _read_documents(args.files)
    frames = [
        targets_extract(doc.text, doc_id=doc.doc_id, date=doc.metadata.date.iso(), year=doc.metadata.date.year, indicators=indicators)
        for doc in documents
    ]
    _table_print(frames, columns=TARGET_COLUMNS, fmt=args.format, excel_safe=False)
    return 0


def _table_print(frames: Sequence[Any], *, columns: list[str], fmt: str, excel_safe: bool) -> None:
    """Print the rows of per-document tables as CSV or as JSON lines (the header alone when there are none)."""
    import pandas as pd

    frames = [f for f in frames if not f.empty]
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    if fmt == "jsonl":
        for record in json.loads(table.to_json(orient="records", force_ascii=False)):
            print(json.dumps(record, ensure_ascii=False))
        return
    if excel_safe:
        from analysis.run.excel_safe import excel_safe_frame

        table = excel_safe_frame(table)
    sys.stdout.write(table.to_csv(index=False, lineterminator="\n"))


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
    from analysis.report.write import charts_stale
    from analysis.run.outputs import outputs_staged

    terms = [t.strip() for t in args.terms.replace("，", ",").split(",") if t.strip()]
    out = Path(args.out)
    # Written beside --out, then moved in: an interrupted or failed briefing leaves the old set whole.
    with outputs_staged(out) as staging:
        try:
            written = _brief_call(args, options, terms, out=staging)
        except RuntimeError as err:
            result = getattr(err, "result", None)
            if result is None:
                raise
            raise Failure(f"{', '.join(map(str, args.corpus))}: {run_nothing_read(result)}") from None
        if args.reference:  # text reuse against a reference corpus: its tables in reuse/, its chart with the others
            written += _brief_reuse(args, out=staging)
        stale = charts_stale(out / "figures", drawn={p.stem for p in written if p.parent == staging / "figures"})
    written = [out / p.relative_to(staging) for p in written]
    for path in stale:
        path.unlink(missing_ok=True)
    if not args.quiet:
        from analysis.run import tools_for

        lexicon, _ = tools_for(options)
        known = {t.term for t in lexicon.terms}
        phrases = [t for t in terms if t not in known]
        if phrases:
            print(f"counted as phrases (not in the lexicon): {', '.join(phrases)}")
        print(f"wrote {len(written)} files into {out}/ (tables, trends/, figures/); open: " + ", ".join(str(out / f) for f in BRIEFING_FILES))
    return 0


def _brief_call(args: argparse.Namespace, options, terms: list[str], *, out: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    from analysis.report import brief_write

    reference = None
    if args.reference_targets:
        from analysis.report.target_figures import reference_targets_read

        reference = reference_targets_read(args.reference_targets)
    return brief_write(
        args.corpus,
        out=out,
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


def _brief_reuse(args: argparse.Namespace, *, out: Path) -> list[Path]:
    import shutil

    from analysis.measures.reuse import reuse_find
    from analysis.report.reuse import reuse_write

    corpus = _texts(args.corpus, metadata=args.metadata, max_mb=args.max_mb)
    reference = _texts(args.reference, max_mb=args.max_mb)
    result = reuse_find(corpus, reference=reference, backend=args.backend, workers=args.workers or available_cores(), scheduler=args.scheduler or None)
    folder = out / "reuse"
    written = reuse_write(result, folder, titles={t.doc_id: t.title for t in [*reference, *corpus]}, inputs=args.corpus, reference=args.reference, lang=args.lang, font=args.font or None)
    for path in list(written):
        if path.parent.name == "figures":
            target = out / "figures" / path.name
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
