"""The briefing: a chart pack, an HTML page, a printable PDF, a Word document and an Excel workbook from one run."""

from analysis.report.briefing import Briefing, brief_build, corpus_title
from analysis.report.write import BRIEFING_FILES, brief_write

__all__ = ["Briefing", "brief_build", "brief_write", "corpus_title", "BRIEFING_FILES"]
