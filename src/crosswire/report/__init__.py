"""Story reports: terminal, Markdown, standalone HTML and JSON."""

from crosswire.report.render import FORMATS, render_report, report_dict

__all__ = ["FORMATS", "render_report", "report_dict"]
