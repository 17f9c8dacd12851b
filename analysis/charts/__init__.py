"""Briefing charts that render Chinese on any machine; one module per chart family.

Every function returns a :class:`matplotlib.figure.Figure` and never calls
``plt.show``.  The shared look is in :mod:`~analysis.charts.style`; a new chart
goes in the module of its family, or a new module here.
"""

from analysis.charts.overview import corpus_overview_plot, outline_plot
from analysis.charts.quotas import quotas_timeline_plot
from analysis.charts.targets import targets_across_plot, targets_table_plot, targets_years_plot
from analysis.charts.style import NEEDS_MEETINGS, NOT_DRAWN, PALETTE, STYLE, ChartUnavailable, chart_style, note_plot
from analysis.charts.terms import dispersion_plot, keyness_plot
from analysis.charts.trends import terms_trend_plot, themes_heatmap_plot, themes_share_plot
from analysis.charts.words import cloud_frequencies, cloud_weights, wordcloud_make, wordcloud_plot

__all__ = [
    "corpus_overview_plot", "STYLE", "PALETTE", "chart_style", "note_plot", "terms_trend_plot", "themes_share_plot",
    "themes_heatmap_plot", "quotas_timeline_plot", "cloud_frequencies", "wordcloud_make", "wordcloud_plot",
    "keyness_plot", "dispersion_plot", "outline_plot", "NEEDS_MEETINGS",
    "NOT_DRAWN", "ChartUnavailable", "cloud_weights", "targets_years_plot", "targets_across_plot", "targets_table_plot",
]
