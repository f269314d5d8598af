"""The HTML reports under processed/reports/, readable with no network.

GX Data Docs load Bootstrap, jQuery and fonts from CDNs: offline they render unstyled and
their validation list (drawn by JavaScript) stays empty. So the Data Docs pages validation
returns are made self-contained (CDN tags removed, a small inline stylesheet and a static
list of the validation pages added) as they are placed under reports/data_docs/, and the
project's own summary page, which needs no script at all, is written beside them as
reports/index.html.
"""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path, PurePosixPath

import pandas as pd

from pipeline.model import StageError
from pipeline.publish.formatting import missing, sv_number
from pipeline.publish.report_documents import documents_table
from pipeline.publish.review import Sources, write_reviews
from pipeline.publish.writers import write_bytes, write_text
from pipeline.validate import ValidationOutcome
from pipeline.validate.results import EXTRACTION_ERROR, SEVERITIES, SOURCE_INCONSISTENCY, WARNING
from pipeline.validate.suites import DataDocs, SuiteStats

DATA_DOCS = "data_docs"
MAX_LISTED = 400  # findings listed per severity; the rest are in validation_results.csv

_HEADINGS = {
    SOURCE_INCONSISTENCY: "Source inconsistencies: the printed figures disagree (published as printed)",
    EXTRACTION_ERROR: "Extraction errors: rows quarantined",
    WARNING: "Warnings",
}

_REMOTE_TAG = re.compile(
    r"""<link\b[^>]*\bhref=["']https?://[^"']*["'][^>]*>|<script\b[^>]*\bsrc=["']https?://[^"']*["'][^>]*>\s*</script>""",
    re.IGNORECASE,
)

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1600px;\
padding:1em 2em 4em;color:#1d2125;line-height:1.4}
table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.9em}
th,td{border:1px solid #ccd;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#eef0f4}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.ok{color:#176c2e}.bad{color:#b00020;font-weight:600}.warn{color:#8a6100}.muted{color:#666}
td.st-ok{background:#e3f4e6}td.st-partial{background:#fff1e0}td.st-failed{background:#fde8ea;font-weight:600}
td.st-not_budget{background:#eee}
table.docs{font-size:.8em}table.docs td:first-child{max-width:20em;overflow-wrap:anywhere}.chart{vertical-align:middle}
.source_inconsistency{background:#fff1e0}.extraction_error{background:#fde8ea}.warning{background:#fbfbe6}
.offline-note{background:#eef4ff;border:1px solid #99b;padding:.5em 1em;margin:1em 0}
img{max-width:240px}.navbar,.sticky{position:static}
"""


def write_reports(reports: Path, outcome: ValidationOutcome, sources: Sources) -> None:
    """reports/data_docs/ (the previous site removed first: no stale pages), a review page per
    document under reports/docs/, and reports/index.html linking them."""
    docs_dir = reports / DATA_DOCS
    shutil.rmtree(docs_dir, ignore_errors=True)
    for path, data in offline(outcome.data_docs).items():
        write_bytes(docs_dir / path, data)
    links = write_reviews(reports, outcome, sources)
    write_text(reports / "index.html", summary_page(outcome, links, sources.errors))


def offline(docs: DataDocs, summary_href: str = "../index.html") -> DataDocs:
    """The Data Docs site with every page rewritten so that it reads well with no network."""
    pages = sorted(p for p in docs if p.suffix == ".html")
    validations = [p for p in pages if p.parts[0] == "validations"]
    site = dict(docs)
    for page in pages:
        depth = len(page.parts) - 1
        up = "../" * depth
        text = _REMOTE_TAG.sub("", docs[page].decode("utf-8"))
        note = (
            f'<div class="offline-note">Offline copy of the GX Data Docs. The project\'s summary of this '
            f'validation is <a href="{up}{summary_href}">reports/index.html</a>.'
        )
        if depth == 0:
            note += _static_index(pages, validations)
        text = text.replace("</head>", f"<style>{_STYLE}</style></head>", 1)
        text = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + note + "</div>", text, count=1)  # noqa: B023 (called at once)
        site[page] = text.encode("utf-8")
    return site


def _static_index(pages: list[PurePosixPath], validations: list[PurePosixPath]) -> str:
    """The index lists, which GX draws with JavaScript, as plain links."""
    def links(found: list[PurePosixPath], name_part: int) -> str:
        return "".join(
            f'<li><a href="{html.escape(p.as_posix())}">'
            f'{html.escape(p.parts[name_part].removesuffix(".html"))}</a></li>'
            for p in found
        )

    suites = [p for p in pages if p.parts[0] == "expectations"]
    return (
        f"<p>Expectation suites:</p><ul>{links(suites, 1)}</ul>"
        f"<p>Validation results:</p><ul>{links(validations, 1)}</ul>"
    )


def summary_page(outcome: ValidationOutcome, links: dict[str, str], errors: dict[str, StageError]) -> str:
    """reports/index.html: one row per document (what it is, what was published, what
    validation found, why it failed), the suites, and every finding; no scripts."""
    results = outcome.results
    totals = ", ".join(f"{(results['severity'] == s).sum()} {s.replace('_', ' ')}" for s in SEVERITIES)
    parts = [
        "<!doctype html><html lang='sv'><head><meta charset='utf-8'><title>kommunbudget: validation summary</title>",
        f"<style>{_STYLE}</style></head><body><h1>kommunbudget: what was published</h1>",
        f"<p>{len(outcome.published['documents'])} document(s), {len(errors)} failed, validated in "
        f"{outcome.seconds:.1f} s; findings: {totals}. Warnings are for attention, not failures; a source "
        "inconsistency is the PDF disagreeing with itself (published as printed); extraction errors are "
        "quarantined. Full list: <code>validation_results.csv</code>; quarantined rows: "
        "<code>quarantine/&lt;dataset&gt;.csv</code>; "
        f"GX Data Docs: <a href='{DATA_DOCS}/index.html'>{DATA_DOCS}/index.html</a>.</p>",
        documents_table(outcome, links, errors),
        _suites_table(outcome.suites, outcome.data_docs, results),
    ]
    for severity in SEVERITIES:
        parts.append(_findings_table(results[results["severity"] == severity], severity))
    parts.append("</body></html>")
    return "\n".join(parts)


def _suites_table(suites: list[SuiteStats], docs: DataDocs, results: pd.DataFrame) -> str:
    """A suite fails (red) only when it found extraction errors; unmet expectations whose
    findings are all warnings or source inconsistencies are shown as such, in amber."""
    rows = []
    for s in suites:
        suite_page = PurePosixPath("expectations", f"{s.suite}.html")
        runs = sorted(p for p in docs if p.parts[:2] == ("validations", s.suite) and p.suffix == ".html")
        links = [_link(suite_page, "expectations")] if suite_page in docs else []
        if runs:
            links.append(_link(runs[-1], "latest validation"))
        state = _suite_state(s, results[results["dataset"] == s.suite])
        rows.append(
            f"<tr><td>{html.escape(s.suite)}</td><td class='n'>{s.rows}</td>"
            f"<td class='n'>{s.successful} / {s.evaluated}</td>"
            f"<td>{state}</td><td>{' · '.join(links)}</td></tr>"
        )
    return (
        "<h2>GX expectation suites</h2><table><tr><th>suite</th><th>rows</th><th>expectations met</th>"
        f"<th>result</th><th>Data Docs</th></tr>{''.join(rows)}</table>"
    )


def _suite_state(suite: SuiteStats, findings: pd.DataFrame) -> str:
    if suite.success:
        return "<span class='ok'>passed</span>"
    if (findings["severity"] == EXTRACTION_ERROR).any():
        return "<span class='bad'>failed: rows quarantined</span>"
    return "<span class='warn'>met, with findings to review</span>"


def _findings_table(df: pd.DataFrame, severity: str) -> str:
    title = f"<h2>{_HEADINGS[severity]} ({len(df)})</h2>"
    if df.empty:
        return title + "<p>None.</p>"
    columns = ["source_file", "check", "page", "expected", "found", "difference", "message"]
    head = "".join(f"<th>{c.replace('_', ' ')}</th>" for c in columns)
    body = []
    for rec in df.head(MAX_LISTED).itertuples(index=False):
        cells = "".join(_cell(getattr(rec, c)) for c in columns)
        body.append(f"<tr class='{severity}'>{cells}</tr>")
    more = f"<p>… and {len(df) - MAX_LISTED} more in validation_results.csv.</p>" if len(df) > MAX_LISTED else ""
    return f"{title}<table><tr>{head}</tr>{''.join(body)}</table>{more}"


def _cell(value: object) -> str:
    if missing(value):
        return "<td></td>"
    if isinstance(value, float):
        return f"<td class='n'>{sv_number(value)}</td>"
    return f"<td>{html.escape(str(value))}</td>"


def _link(page: PurePosixPath, text: str) -> str:
    """A link from reports/index.html to a page of the Data Docs site."""
    return f"<a href='{html.escape((DATA_DOCS / page).as_posix())}'>{html.escape(text)}</a>"
