"""Story reports: terminal, Markdown, standalone HTML and JSON."""

from crosswire.report.render import FORMATS, print_report, render_report, report_dict

__all__ = ["FORMATS", "print_report", "render_report", "report_dict"]
