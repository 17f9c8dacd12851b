"""What a briefing says in words and tables: the headline blocks and the key tables shared by HTML, PDF and DOCX.

:func:`briefing_headlines` gives ``(heading, lines)`` blocks: coverage,
rising and falling terms (only those with chi-squared p below the
briefing's ``p``, with their counts), new terms, theme shifts, the newest
quotas, and the charts that were not drawn with the reason.
:func:`briefing_tables` gives the key tables, with the briefing's column
names: rising and falling terms with ``chi2``, ``p``, ``G2``, ``p_G2``; new
terms; theme shifts; quotas; for a single speech, the leading theme of
each outline section and keywords in context.
"""

from __future__ import annotations

import pandas as pd

from analysis.charts import NOT_DRAWN
from analysis.report.briefing import Briefing
from analysis.report.words import chart_label, words_for

__all__ = ["briefing_headlines", "briefing_tables", "significant"]


def significant(frame: pd.DataFrame, p: float) -> pd.DataFrame:
    """Rows of a keyness table whose chi-squared ``p`` is below ``p``."""
    return frame[frame["p"] < p] if len(frame) and "p" in frame.columns else frame


def _theme_label(briefing: Briefing, theme: str) -> str:
    if theme == "phrase":
        return words_for(briefing.lang)["phrase"]
    return briefing.result.lexicon.theme_label(theme, lang="en" if briefing.lang == "en" else "zh") if theme else ""


def briefing_headlines(briefing: Briefing) -> list[tuple[str, list[str]]]:
    """The briefing's text blocks: (heading, lines); the first block has no heading."""
    words = words_for(briefing.lang)
    facts = briefing.facts
    unit = words["unit"][briefing.period]
    blocks: list[tuple[str, list[str]]] = []
    if facts["first"]:
        coverage = words["coverage"].format(
            n=facts["n_speeches"], first=facts["first"], last=facts["last"], k=facts["n_periods_with_meetings"], unit=unit, span=facts["n_periods"]
        )
    else:
        coverage = words["coverage_undated"].format(n=facts["n_speeches"])
    lines = [coverage]
    if facts["left_out"]:
        lines.append(words["left_out"].format(note=facts["left_out"]))
    if facts.get("partial_last") and briefing.terms.periods:
        lines.append(words["partial"].format(label=briefing.terms.periods[-1], last=facts["partial_last"]))
    change = briefing.term_change
    if change is None:
        lines.append(words["single"])
    else:
        lines.append(words["compare"].format(latest=change.latest, reference=change.reference))
    if briefing.phrases:
        lines.append(words["phrases_note"].format(terms="、".join(briefing.phrases)))
    blocks.append(("", lines))

    sep = "、" if briefing.lang != "en" else ", "
    if change is not None:
        rising = significant(change.rising(len(change.keyness)), briefing.p).head(8)
        falling = significant(change.falling(len(change.keyness)), briefing.p).head(8)
        none = words["none_significant"].format(p=briefing.p)
        blocks.append((words["rising"], [sep.join(f"{r.term} ({r.target_count}:{r.reference_count}, p={r.p:.3f})" for r in rising.itertuples()) or none]))
        blocks.append((words["falling"], [sep.join(f"{r.term} ({r.target_count}:{r.reference_count}, p={r.p:.3f})" for r in falling.itertuples()) or none,
                                          words["significance"].format(p=briefing.p)]))
        blocks.append((words["new_terms"], [sep.join(change.new_terms["term"].head(12)) or words["none"]]))
    else:
        counts = briefing.result.term_counts
        top = counts.groupby("term")["count"].sum().sort_values(ascending=False, kind="stable").head(10) if len(counts) else pd.Series(dtype=int)
        blocks.append((words["top_terms"], [sep.join(f"{t} ({c})" for t, c in top.items()) or words["none"]]))
    shifts = briefing.theme_change
    if shifts is not None and len(shifts):
        up = shifts[shifts["change"] > 0].head(3)
        down = shifts[shifts["change"] < 0].tail(3).iloc[::-1]
        lines = [sep.join(f"{_theme_label(briefing, r.theme)} {r.change * 100:+.1f}" for r in frame.itertuples()) for frame in (up, down) if len(frame)]
        blocks.append((words["theme_shifts"], lines or [words["none"]]))
    else:
        themes = briefing.result.themes
        top = themes.groupby("theme")["count"].sum().sort_values(ascending=False, kind="stable") if len(themes) else pd.Series(dtype=int)
        total = float(top.sum()) or 1.0
        blocks.append((words["top_themes"], [sep.join(f"{_theme_label(briefing, t)} {c / total:.0%}" for t, c in top.head(5).items()) or words["none"]]))
    blocks.append((words["quotas"], _quota_lines(briefing, words)))
    if briefing.skipped:
        template = NOT_DRAWN["en" if briefing.lang == "en" else "zh"]
        sep_label = "：" if briefing.lang != "en" else ": "
        blocks.append((words["not_drawn"], [f"{chart_label(name, briefing.lang)}（{name}）{sep_label}{template.format(reason=reason)}"
                                            for name, reason in briefing.skipped.items()]))
    return blocks


def _quota_lines(briefing: Briefing, words: dict) -> list[str]:
    table = briefing.quota_change
    if table is not None:
        order = {"raised": 0, "lowered": 1, "changed": 2, "new": 3, "dropped": 4, "unchanged": 5, "same": 5}
        rows = table.assign(_o=table["status"].map(order).fillna(6)).sort_values("_o", kind="stable").head(6)
        lines = []
        for r in rows.itertuples():
            status = words["status"].get(r.status, r.status)
            before = f" ← {r.previous_text}" if r.status in ("changed", "raised", "lowered") and r.previous_text else ""
            lines.append(f"[{status}] {r.subject or '—'}: {r.text or r.previous_text}{before}")
        return lines or [words["none"]]
    quotas = briefing.result.quotas
    rows = quotas[quotas["doc_id"] == briefing.latest_doc].head(6) if len(quotas) else quotas
    return [f"{r.subject or '—'}: {r.text}" for r in rows.itertuples()] or [words["none"]]


def _named(frame: pd.DataFrame, columns: list[str], words: dict) -> pd.DataFrame:
    present = [c for c in columns if c in frame.columns]
    return frame[present].rename(columns={c: words["columns"].get(c, c) for c in present}).reset_index(drop=True)


def briefing_tables(briefing: Briefing) -> dict[str, pd.DataFrame]:
    """The key tables of the briefing, titled in its language (empty tables left out)."""
    words = words_for(briefing.lang)
    titles = words["tables"]
    tables: dict[str, pd.DataFrame] = {}
    change = briefing.term_change
    keyness_columns = ["term", "theme", "target_count", "reference_count", "chi2", "p", "G2", "p_G2"]
    if change is not None:
        for key, frame in (("rising", change.rising(len(change.keyness))), ("falling", change.falling(len(change.keyness)))):
            frame = significant(frame, briefing.p).head(15)
            frame = frame.assign(theme=[_theme_label(briefing, t) for t in frame["theme"]], p=frame["p"].round(4), p_G2=frame["p_G2"].round(4))
            tables[titles[key]] = _named(frame, keyness_columns, words)
        new = change.new_terms.head(20)
        tables[titles["new_terms"]] = _named(new.assign(theme=[_theme_label(briefing, t) for t in new["theme"]]), ["term", "theme", "count"], words)
    else:
        counts = briefing.result.term_counts
        if len(counts):
            top = counts.groupby(["term", "theme"], as_index=False)["count"].sum().sort_values(["count", "term"], ascending=[False, True], kind="stable").head(15)
            tables[titles["top_terms"]] = _named(top.assign(theme=[_theme_label(briefing, t) for t in top["theme"]]), ["term", "theme", "count"], words)
    shifts = briefing.theme_change
    if shifts is not None and len(shifts):
        frame = shifts.assign(theme=[_theme_label(briefing, t) for t in shifts["theme"]], change=(shifts["change"] * 100).round(1),
                              share_latest=shifts["share_latest"].round(3), share_reference=shifts["share_reference"].round(3))
        tables[titles["theme_shifts"]] = _named(frame, ["theme", "share_latest", "share_reference", "change"], words)
    if briefing.quota_change is not None:
        status = words["status"]
        frame = briefing.quota_change.assign(status=[status.get(s, s) for s in briefing.quota_change["status"]],
                                             kind=[words["kinds"].get(k, k) for k in briefing.quota_change["kind"]])
        tables[titles["quotas"]] = _named(frame, ["status", "kind", "subject", "text", "previous_text"], words)
    elif len(briefing.result.quotas):
        quotas = briefing.result.quotas[briefing.result.quotas["doc_id"] == briefing.latest_doc]
        tables[titles["quotas"]] = _named(quotas.assign(kind=[words["kinds"].get(k, k) for k in quotas["kind"]]), ["kind", "subject", "text"], words)
    if change is None and briefing.latest_doc:
        sections = briefing.result.section_themes
        sections = sections[sections["doc_id"] == briefing.latest_doc]
        if len(sections) and sections["heading"].fillna("").astype(str).str.strip().any():
            leading = sections.sort_values(["count"], ascending=False, kind="stable").drop_duplicates("section")
            leading = leading.set_index("section").reindex(list(dict.fromkeys(sections["section"]))).reset_index()
            leading = leading.assign(theme=[_theme_label(briefing, t) for t in leading["theme"]], share=leading["share"].round(2))
            tables[titles["section_themes"]] = _named(leading, ["section", "heading", "theme", "count", "share"], words)
        if briefing.kwic is not None and len(briefing.kwic):
            tables[titles["kwic"]] = _named(briefing.kwic, ["term", "section", "left", "match", "right"], words)
    return {name: frame for name, frame in tables.items() if len(frame)}
