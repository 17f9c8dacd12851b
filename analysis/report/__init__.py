"""The briefing: a chart pack, an HTML page and a printable PDF from one run."""

from analysis.report.briefing import Briefing, brief_build
from analysis.report.write import brief_write

__all__ = ["Briefing", "brief_build", "brief_write"]
