"""The words of a briefing in Chinese and English: headings, coverage lines, table headers, file descriptions."""

from __future__ import annotations

__all__ = ["WORDS", "words_for", "chart_label"]

WORDS: dict[str, dict] = {
    "zh": {
        "title": "讲话简报",
        "speeches": "讲话",
        "coverage": "{n} 篇讲话，{first} 至 {last}；{k} {unit}有会议（共 {span} {unit}）",
        "coverage_undated": "{n} 篇讲话，日期不详",
        "unit": {"month": "个月", "quarter": "个季度", "year": "年"},
        "left_out": "时间序列{note}",
        "partial": "最后一期 {label} 不完整：只到 {last}",
        "compare": "最新一期 {latest} 与上一期 {reference} 相比",
        "rising": "上升的术语",
        "falling": "下降的术语",
        "significance": "只列 p < {p:g} 的术语（卡方检验，Yates 校正）；括号内：本期次数:上一期次数",
        "new_terms": "首次出现的术语",
        "theme_shifts": "主题变化（占比，百分点）",
        "quotas": "最新的指标与时限",
        "top_terms": "高频术语",
        "top_themes": "主要主题",
        "none": "无",
        "none_significant": "无（没有 p < {p:g} 的术语）",
        "status": {"new": "新增", "changed": "变化", "same": "不变", "raised": "上调", "lowered": "下调", "unchanged": "不变", "dropped": "未再提"},
        "kinds": {"quota": "数量指标", "deadline": "完成时限"},
        "single": "只有一次有日期的会议：没有可比较的上一期。",
        "figures": "全部图表",
        "not_drawn": "未绘制的图表",
        "made": "由 zh-speech-analysis {version} 生成；词表 {lexicon}",
        "phrase": "短语，不在词表中",
        "phrases_note": "按短语计数（不在词表中）：{terms}",
        "speeches_of": "{n} 篇讲话",
        "series_title": "{title}（{n} 次，{first} 至 {last}）",
        "measure_terms": "词表术语每万字",
        "measure_themes": "词表主题占比",
        "measure_quotas": "指标与时限提及",
        "measure_words": "分词后的实词",
        "measure_cloud": "实词，按 TF-IDF 加权",
        "measure_lexicon": "词表术语",
        "measure_keyness": "关键性（卡方）",
        "measure_outline": "大纲与词表主题",
        "measure_dispersion": "词表术语位置",
        "cloud_title": "关键词（TF-IDF，{label}）",
        "charts": {
            "term_trends_": "重点术语走势", "theme_shares_": "主题占比", "theme_heatmap_": "主题 × 时期热力图",
            "quota_timeline_": "指标与时限", "wordcloud_latest": "关键词云", "keyness_latest_vs_previous": "术语关键性（最新一期与上一期）",
            "keyness_words_latest_vs_all": "实词关键性（最新一期与此前各期）", "dispersion_": "术语在讲话中的分布", "outline_": "讲话结构",
        },
        "tables": {
            "rising": "上升的术语",
            "falling": "下降的术语",
            "new_terms": "首次出现的术语",
            "theme_shifts": "主题变化",
            "quotas": "指标与时限",
            "section_themes": "各部分的主导主题",
            "kwic": "关键词上下文",
            "top_terms": "高频术语",
        },
        "columns": {
            "term": "术语", "theme": "主题", "target_count": "本期", "reference_count": "上一期", "chi2": "卡方",
            "p": "p", "G2": "G²", "p_G2": "p (G²)", "count": "次数", "share_latest": "本期占比", "share_reference": "上一期占比",
            "change": "变化（百分点）", "status": "状态", "subject": "对象", "text": "原文", "previous_text": "上一期原文",
            "section": "部分", "heading": "小标题", "share": "占比", "left": "左文", "match": "关键词", "right": "右文",
            "kind": "类别", "date": "日期", "title": "标题",
        },
    },
    "en": {
        "title": "Speech briefing",
        "speeches": "speeches",
        "coverage": "{n} speeches, {first} to {last}; {k} {unit}s with a meeting (of {span})",
        "coverage_undated": "{n} speeches, dates unknown",
        "unit": {"month": "month", "quarter": "quarter", "year": "year"},
        "left_out": "Time series: {note}",
        "partial": "The last period {label} is partial: only to {last}",
        "compare": "Latest period {latest} compared with {reference}",
        "rising": "Rising terms",
        "falling": "Falling terms",
        "significance": "Only terms with p < {p:g} (chi-squared, Yates' correction); in brackets: count latest:previous",
        "new_terms": "Terms appearing for the first time",
        "theme_shifts": "Theme shifts (share, percentage points)",
        "quotas": "Newest quotas and deadlines",
        "top_terms": "Most frequent terms",
        "top_themes": "Leading themes",
        "none": "none",
        "none_significant": "none (no term with p < {p:g})",
        "status": {"new": "new", "changed": "changed", "same": "same", "raised": "raised", "lowered": "lowered", "unchanged": "unchanged", "dropped": "dropped"},
        "kinds": {"quota": "quota", "deadline": "deadline"},
        "single": "Only one dated meeting: there is no previous period to compare with.",
        "figures": "All figures",
        "not_drawn": "Charts not drawn",
        "made": "Made with zh-speech-analysis {version}; lexicon {lexicon}",
        "phrase": "phrase, not in the lexicon",
        "phrases_note": "Counted as phrases (not in the lexicon): {terms}",
        "speeches_of": "{n} speeches",
        "series_title": "{title} ({n} meetings, {first} to {last})",
        "measure_terms": "lexicon terms per 10,000 characters",
        "measure_themes": "share of lexicon matches",
        "measure_quotas": "quota and deadline mentions",
        "measure_words": "segmented content words",
        "measure_cloud": "content words weighted by TF-IDF",
        "measure_lexicon": "lexicon terms",
        "measure_keyness": "keyness (chi-squared)",
        "measure_outline": "outline and lexicon themes",
        "measure_dispersion": "lexicon term positions",
        "cloud_title": "Key words (TF-IDF, {label})",
        "charts": {
            "term_trends_": "Term trends", "theme_shares_": "Theme shares", "theme_heatmap_": "Theme heatmap",
            "quota_timeline_": "Quotas and deadlines", "wordcloud_latest": "Word cloud", "keyness_latest_vs_previous": "Keyness of terms (latest vs previous)",
            "keyness_words_latest_vs_all": "Keyness of words (latest vs all earlier)", "dispersion_": "Where terms occur", "outline_": "Outline",
        },
        "tables": {
            "rising": "Rising terms",
            "falling": "Falling terms",
            "new_terms": "New terms",
            "theme_shifts": "Theme shifts",
            "quotas": "Quotas and deadlines",
            "section_themes": "Leading theme of each section",
            "kwic": "Keywords in context",
            "top_terms": "Most frequent terms",
        },
        "columns": {
            "term": "term", "theme": "theme", "target_count": "latest", "reference_count": "previous", "chi2": "chi2",
            "p": "p", "G2": "G2", "p_G2": "p (G2)", "count": "count", "share_latest": "share latest",
            "share_reference": "share previous", "change": "change (points)", "status": "status", "subject": "subject",
            "text": "text", "previous_text": "previous text", "section": "section", "heading": "heading", "share": "share",
            "left": "left", "match": "match", "right": "right", "kind": "kind", "date": "date", "title": "title",
        },
    },
}


def words_for(lang: str) -> dict:
    """The briefing words in ``lang`` (``zh`` unless ``en``)."""
    return WORDS["en" if lang == "en" else "zh"]


def chart_label(name: str, lang: str) -> str:
    """A reader's name for the figure file ``name`` (``term_trends_month`` → 重点术语走势)."""
    for prefix, label in words_for(lang)["charts"].items():
        if name.startswith(prefix):
            return label
    return name
