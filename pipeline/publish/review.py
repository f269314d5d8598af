"""reports/docs/<doc_id>.html: every page of a document with every extracted row outlined.

A journalist will not publish a figure they cannot check. Each page image (review_render)
carries the outlines of its rows, placed in percent of the page so they fit the image at
any size, coloured by dataset and framed by validation status; hovering an outline shows
the row, clicking it (or its entry in the side list) keeps it shown. No script and no
network: CSS :hover and :target do it, so the page works from a USB stick. Every value
comes from a PDF and is escaped.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.model import StageError
from pipeline.publish.formatting import DATASET_COLOURS, STATUS_COLOURS, STATUS_LABELS, missing, text_of
from pipeline.publish.review_marks import Mark, document_marks
from pipeline.publish.review_render import PageImage, page_images
from pipeline.publish.writers import write_bytes, write_text
from pipeline.validate import ValidationOutcome

DOCS = "docs"


@dataclass(frozen=True)
class Sources:
    """What publish cannot learn from the extractions: where each document's PDF is (to
    render its pages) and why a failed file failed (its stage and reason)."""

    paths: dict[str, Path] = field(default_factory=dict)  # doc_id → the PDF
    errors: dict[str, StageError] = field(default_factory=dict)  # doc_id → its failure


_STYLE = """
body{font-family:system-ui,sans-serif;margin:0;color:#1d2125}
header{padding:.5em 1.5em;border-bottom:1px solid #ccd;background:#f6f7f9}
h1{font-size:1.3em;margin:.2em 0}h2{font-size:1em;margin:1em 0 .3em}
main{display:flex;gap:1.5em;padding:0 1.5em}
.pages{flex:1 1 auto;min-width:0}
nav{flex:0 0 26em;position:sticky;top:0;max-height:100vh;overflow:auto;font-size:.85em}
nav ul{list-style:none;padding:0;margin:0}nav li{margin:.1em 0}
nav a{text-decoration:none;color:inherit}nav a:hover{text-decoration:underline}
.sheet{position:relative;max-width:100%;box-shadow:0 0 4px #999;margin-bottom:1em}
.sheet img{display:block;width:100%;height:auto}
.box{position:absolute;border:2px solid var(--c);box-sizing:border-box;display:block}
.box:hover,.box:target{background:color-mix(in srgb,var(--c) 25%,transparent);z-index:5}
.tip{display:none;position:absolute;left:100%;top:0;margin-left:4px;background:#fff;color:#000;border:1px solid #888;
padding:.3em .5em;width:22em;font-size:12px;box-shadow:2px 2px 6px #0004;z-index:10}
.box:hover .tip,.box:target .tip{display:block}
.tip dl{display:grid;grid-template-columns:auto 1fr;gap:0 .6em;margin:0}.tip dt{color:#555}.tip dd{margin:0}
.st-warning{outline:3px solid WARN;outline-offset:1px}
.st-source_inconsistency{outline:3px solid SRC;outline-offset:1px}
.st-quarantined{outline:3px dashed QUAR;outline-offset:1px}
.swatch{display:inline-block;width:.9em;height:.9em;border:2px solid var(--c);margin-right:.3em;vertical-align:-.1em}
.failed{background:#fde8ea;border:1px solid #d62728;padding:.5em 1em}
""".replace("WARN", STATUS_COLOURS["warning"]).replace("SRC", STATUS_COLOURS["source_inconsistency"]).replace(
    "QUAR", STATUS_COLOURS["quarantined"])


def write_reviews(reports: Path, outcome: ValidationOutcome, sources: Sources) -> dict[str, str]:
    """One review page per document (its page images beside it under docs/<doc_id>/);
    returns doc_id → the page's path relative to reports/, for the index to link."""
    marks = document_marks(outcome)
    links = {}
    for doc in outcome.published["documents"].to_dict("records"):
        doc_id = str(doc["doc_id"])
        pdf = sources.paths.get(doc_id)
        images = list(page_images(pdf)) if pdf is not None and pdf.is_file() else []
        for image in images:
            write_bytes(reports / DOCS / doc_id / f"p{image.page}.jpg", image.jpeg)
        page = review_page(doc, marks.get(doc_id, []), images, sources.errors.get(doc_id))
        write_text(reports / DOCS / f"{doc_id}.html", page)
        links[doc_id] = f"{DOCS}/{doc_id}.html"
    return links


def review_page(doc: dict, marks: list[Mark], images: list[PageImage], error: StageError | None) -> str:
    """The HTML of one document's review: header, legend, the pages with outlines, the row list."""
    name = html.escape(str(doc["source_file"]))
    notes = []
    if error is not None:
        notes.append(f"<p class='failed'>Failed at stage <b>{html.escape(error.stage)}</b>: "
                     f"{html.escape(error.reason)}</p>")
    if not images:
        notes.append("<p>No page images: the PDF was not available to this publish. The rows are listed only.</p>")
    by_page: dict[int, list[Mark]] = {}
    for mark in marks:
        by_page.setdefault(mark.page, []).append(mark)
    pages = "".join(_page(image, doc["doc_id"], by_page.get(image.page, [])) for image in images)
    return (
        f"<!doctype html><html lang='sv'><head><meta charset='utf-8'><title>Review: {name}</title>"
        f"<style>{_STYLE}</style></head><body><header><a href='../index.html'>← all documents</a>"
        f"<h1>{name}</h1><p>{html.escape(_describe(doc))} · {len(marks)} rows</p>{_legend()}{''.join(notes)}"
        f"</header><main><div class='pages'>{pages}</div><nav><h2>Rows</h2>{_row_list(by_page)}</nav></main>"
        "</body></html>"
    )


def _describe(doc: dict) -> str:
    """The header line: what the document is, as the documents dataset says."""
    years = "–".join(dict.fromkeys(text_of(doc[k]) for k in ("period_start", "period_end") if not missing(doc[k])))
    parts = [text_of(doc[k]) for k in ("title", "municipality", "organisation", "doc_type")]
    return " · ".join(p for p in [*parts, years, f"{text_of(doc['pages'])} pages", f"status {doc['status']}"] if p)


def _legend() -> str:
    datasets = "".join(f"<span><i class='swatch' style='--c:{c}'></i>{html.escape(d)}</span> "
                       for d, c in DATASET_COLOURS.items())
    statuses = "".join(f"<span class='swatch st-{s}' style='--c:#999'></span>{html.escape(STATUS_LABELS[s])} "
                       for s in STATUS_COLOURS if s != "ok")
    return f"<p>{datasets}</p><p>Frame: {statuses}</p>"


def _page(image: PageImage, doc_id: str, marks: list[Mark]) -> str:
    boxes = "".join(_box(m, image) for m in marks if m.box is not None)
    src = html.escape(f"{doc_id}/p{image.page}.jpg")
    return (
        f"<section id='p{image.page}'><h2>Page {image.page}</h2>"
        f"<div class='sheet' style='width:{round(image.width * 1.5)}px'>"
        f"<img src='{src}' loading='lazy' width='{image.pixels[0]}' height='{image.pixels[1]}' "
        f"alt='page {image.page}'>{boxes}</div></section>"
    )


def _box(mark: Mark, image: PageImage) -> str:
    x0, top, x1, bottom = mark.box or (0.0, 0.0, 0.0, 0.0)
    place = (f"left:{100 * x0 / image.width:.3f}%;top:{100 * top / image.height:.3f}%;"
             f"width:{100 * (x1 - x0) / image.width:.3f}%;height:{100 * (bottom - top) / image.height:.3f}%")
    rows = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in mark.fields)
    said = "".join(f"<p>{html.escape(m)}</p>" for m in mark.messages)
    row_id = html.escape(mark.row_id)
    return (
        f"<a class='box st-{mark.status}' id='{row_id}' href='#{row_id}' data-dataset='{html.escape(mark.dataset)}' "
        f"style='{place};--c:{DATASET_COLOURS[mark.dataset]}'><span class='tip'><b>{html.escape(mark.dataset)}</b>"
        f"<dl>{rows}</dl>{said}</span></a>"
    )


def _row_list(by_page: dict[int, list[Mark]]) -> str:
    parts = []
    for page in sorted(by_page):
        items = "".join(
            f"<li><a href='#{html.escape(m.row_id)}'><i class='swatch st-{m.status}' "
            f"style='--c:{DATASET_COLOURS[m.dataset]}'></i>{html.escape(m.label[:90])}</a></li>"
            if m.box is not None else
            f"<li><i class='swatch' style='--c:{DATASET_COLOURS[m.dataset]}'></i>{html.escape(m.label[:90])} "
            "(no box)</li>"
            for m in by_page[page]
        )
        parts.append(f"<h2><a href='#p{page}'>Page {page}</a></h2><ul>{items}</ul>")
    return "".join(parts) or "<p>No rows.</p>"
