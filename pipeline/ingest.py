"""Ingest: identify a file and decide whether it can be read at all.

Uses pdfium (fast, strict) rather than pdfplumber so that the expensive layout parse
happens once, in the layout stage, and broken files are refused before it starts.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from pathlib import Path

import pypdfium2 as pdfium

from pipeline.model import SourceDocument, StageError
from pipeline.ocr import available as ocr_available
from pipeline.settings.pipeline import IngestLimits, OcrConfig

STAGE = "ingest"
RESOURCE_LIMIT = "resource_limit"  # an error stage of its own: such a file is not tried again every run
_STREAM = re.compile(rb"stream\r?\n")
_DICT_REACH = 4096  # bytes before "stream" searched for its dictionary
_STEP = 1 << 24  # inflate at most 16 MB at a time
_LITERAL = re.compile(rb"\((?:[^()\\]++|\\.)*+\)", re.DOTALL)  # a string shown: "(Budget 2026) Tj"
_HEX = re.compile(rb"(?<!<)<([0-9A-Fa-f\s]+)>(?!>)")  # a hex string, two digits a byte


def doc_id_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def file_doc_id(path: Path) -> str | None:
    """doc_id of a file read in chunks (an enormous file is never held in memory), or None
    when the file cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()[:16]


def ingest(path: Path, limits: IngestLimits, ocr: OcrConfig | None = None) -> SourceDocument | StageError:
    refused = refuse_by_size(path, limits)
    if refused is not None:
        return refused
    return ingest_bytes(path.name, path.read_bytes(), limits, str(path), ocr)


def refuse_by_size(path: Path, limits: IngestLimits) -> StageError | None:
    """Refuse an unreadable or enormous file before reading it into memory."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return StageError(path.name, STAGE, f"cannot read file: {exc.strerror}")
    limit = limits.max_bytes
    if size > limit:
        return StageError(path.name, STAGE, f"enormous file: {size} bytes > limit {limit}")
    return None


def ingest_bytes(name: str, data: bytes, limits: IngestLimits, path: str = "",
                 ocr: OcrConfig | None = None) -> SourceDocument | StageError:
    """The document's facts, or why it cannot be read. A scanned document (no text layer on any
    page) is read when OCR (`ocr`) is available, and refused, saying what to install, when not."""
    size = len(data)

    def fail(reason: str) -> StageError:
        return StageError(file=name, stage=STAGE, reason=reason)

    if size == 0:
        return fail("empty file")
    if size > limits.max_bytes:
        return fail(f"enormous file: {size} bytes > limit {limits.max_bytes}")
    if b"%PDF-" not in data[: limits.pdf_header_window]:
        return fail("not a PDF (no %PDF- header)")
    if b"%%EOF" not in data[-limits.eof_window :]:
        return fail("truncated PDF (no %%EOF trailer)")
    bomb = resource_problem(data, limits)
    if bomb is not None:
        return StageError(file=name, stage=RESOURCE_LIMIT, reason=bomb)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            return fail("encrypted PDF (password required)")
        return fail(f"unreadable PDF: {reason}")
    try:
        pages = len(pdf)
        if pages == 0:
            return fail("PDF has no pages")
        if pages > limits.max_pages:
            return fail(f"enormous PDF: {pages} pages > limit {limits.max_pages}")
        text_pages = [_has_text(pdf, i, limits.min_text_chars) for i in range(pages)]
        if not any(text_pages) and not (ocr is not None and ocr_available(ocr)):
            return fail("no text layer on any page (scanned image PDF?) and no OCR: "
                        "install tesseract-ocr and tesseract-ocr-swe to read it")
        meta = pdf.get_metadata_dict()
    finally:
        pdf.close()
    return SourceDocument(
        path=path,
        source_file=name,
        doc_id=doc_id_of(data),
        size_bytes=size,
        pages=pages,
        title=meta.get("Title") or None,
        producer=meta.get("Producer") or None,
        creator=meta.get("Creator") or None,
        text_pages=text_pages,
        author=meta.get("Author") or None,
        subject=meta.get("Subject") or None,
        keywords=meta.get("Keywords") or None,
    )


def resource_problem(data: bytes, limits: IngestLimits) -> str | None:
    """Why the file would exhaust a parser, or None. Every Flate-compressed stream the layout
    stage decodes (page contents and forms, not images, which it never decodes) is inflated
    here in bounded steps: one that unpacks to more than `max_stream_bytes` is a
    decompression bomb, one whose strings hold more than `max_page_chars` glyphs a glyph bomb
    (pdfminer would make an object of each). Both are refused before any parser holds them."""
    for m in _STREAM.finditer(data):
        head = data[max(0, m.start() - _DICT_REACH) : m.start()]
        head = head[head.rfind(b" obj") + 1 :]
        if b"/FlateDecode" not in head or b"/Image" in head:
            continue
        end = data.find(b"endstream", m.end())
        decoded = _inflated(data[m.end() : end if end > 0 else len(data)], limits.max_stream_bytes)
        if decoded is None:
            return f"a stream at byte {m.start()} inflates to more than {limits.max_stream_bytes} bytes " \
                   "(a decompression bomb?)"
        glyphs = sum(len(s) for s in _LITERAL.findall(decoded)) + sum(len(h) // 2 for h in _HEX.findall(decoded))
        if glyphs > limits.max_page_chars:
            return f"a stream at byte {m.start()} shows {glyphs} characters > limit {limits.max_page_chars} " \
                   "(a glyph bomb?)"
    return None


def _inflated(compressed: bytes, limit: int) -> bytes | None:
    """The inflated stream, or None past `limit` bytes; a broken stream gives what it gave."""
    inflater, parts, size, pending = zlib.decompressobj(), [], 0, compressed
    try:
        while pending and size <= limit:
            parts.append(inflater.decompress(pending, _STEP))
            size += len(parts[-1])
            pending = inflater.unconsumed_tail
    except zlib.error:
        pass
    return None if size > limit else b"".join(parts)


def _has_text(pdf: pdfium.PdfDocument, index: int, min_chars: int) -> bool:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return len(textpage.get_text_range().strip()) >= min_chars
        finally:
            textpage.close()
    finally:
        page.close()
