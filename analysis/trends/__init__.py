"""Trends across meetings: per-speech measures aggregated by period, and what changed in the latest one.

:mod:`~analysis.trends.periods` places speeches in months, quarters or years
and sums their counts; :mod:`~analysis.trends.changes` compares the latest
period with earlier ones; :mod:`~analysis.trends.target_changes` follows targets
and quotas from one report of a series to the next.
"""

from analysis.trends.changes import Change, quotas_change, terms_change, themes_change
from analysis.trends.target_changes import TARGET_CHANGE_COLUMNS, targets_change
from analysis.trends.periods import (
    PERIODS, QUOTA_CHANGE_COLUMNS, QUOTA_TREND_COLUMNS, TERM_TREND_COLUMNS, THEME_CHANGE_COLUMNS, THEME_TREND_COLUMNS,
    Placement, Trend, counts_trend, dtm_long, period_choose, period_label, period_range, periods_assign, quotas_trend,
    terms_trend, themes_trend,
)

__all__ = [
    "PERIODS", "Placement", "Trend", "Change", "period_label", "period_range", "period_choose", "periods_assign",
    "counts_trend", "terms_trend", "themes_trend", "quotas_trend", "dtm_long", "terms_change", "themes_change",
    "quotas_change", "TERM_TREND_COLUMNS", "THEME_TREND_COLUMNS", "QUOTA_TREND_COLUMNS", "THEME_CHANGE_COLUMNS",
    "QUOTA_CHANGE_COLUMNS", "targets_change", "TARGET_CHANGE_COLUMNS",
]
