"""The places a document names itself, most telling first: the title, the cover page, the
running headers and footers, the file's metadata, the first pages, a few more pages.

Layout drops running headers and footers from the body but keeps them in
`metadata["furniture"]`; they often restate the title and the issuer ("Verksamhetsplan med
budget 2017-2020, Ale kommun", "Region Västmanland | Regionplan och budget 2026–2028"), and a
cover printed as an image leaves them as the only statement of what the document is.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.model import BlockKind, Document
from pipeline.settings.document import DocumentSettings

_YEARS_LINE = re.compile(r"20\d\d\s*[-–]?\s*(20\d\d)?")
_SEPARATOR = re.compile(r"\s*[–—\-:|,]\s")
_PAGE_NUMBER = re.compile(r"(?:\s*(?:sid|sida|s\.)?\s*(?<!\d)\d{1,3}(?:\s*\(\d{1,3}\))?)$", re.I)  # not a year


@dataclass(frozen=True)
class Line:
    """A line of the cover page: a heading (wrapped headings joined) with its year line."""

    text: str
    size: float
    heading: bool


@dataclass(frozen=True)
class Texts:
    """What the document says of itself, by tier."""

    title: str
    meta_title: str  # the metadata title, producer artefacts removed
    cover: str  # the cover page's lines, its dropped furniture and the metadata title
    cover_headings: str  # the cover's headings and the metadata title
    running: str  # running headers and footers, page numbers removed, most repeated first
    metadata: str  # author, subject and keywords of the file
    front: str  # the first pages (table of contents left out)
    opening: str  # a few more pages
    last_page: str  # the last page: a skrivelse ends with its sender
    body: str  # every block

    def tiers(self) -> tuple[str, str, str, str]:
        return self.title, self.cover + "\n" + self.running, self.front, self.opening


def texts_of(doc: Document, cfg: DocumentSettings) -> tuple[Texts, list[Line]]:
    """The document's texts by tier, and its cover lines."""
    cover = cover_lines(doc)
    meta = meta_title(doc, cfg)
    title = _title(doc, cover, meta, cfg) or _running_title(doc)

    def pages(first: int, last: int) -> str:
        return "\n".join(b.text for b in doc.blocks if first <= b.page <= last and b.kind is not BlockKind.TOC)

    cover_furniture = [text for page, text, _ in _furniture(doc) if page == 1]
    fields = (doc.metadata.get(k) or "" for k in ("author", "subject", "keywords"))
    last = len(doc.pages)
    return Texts(
        title=title or "",
        meta_title=meta,
        cover="\n".join([meta] + [ln.text for ln in cover] + cover_furniture),
        cover_headings="\n".join([meta] + [ln.text for ln in cover if ln.heading]),
        running="\n".join(_running(doc)),
        metadata="\n".join(f for f in fields if f),
        front=pages(1, cfg.first_pages),
        opening=pages(1, cfg.opening_pages),
        last_page=pages(last, last) if last > 1 else "",
        body="\n".join(b.text for b in doc.blocks),
    ), cover


def _furniture(doc: Document) -> list[tuple[int, str, int]]:
    """(first page, text, pages it stands on) of each running header, footer, page number."""
    return [(int(page), str(text), int(n)) for page, text, n in doc.metadata.get("furniture") or []]


def _running(doc: Document) -> list[str]:
    """Running header and footer texts with their page numbers cut ("Lokalförsörjningsplan
    2026-2031 7" → "Lokalförsörjningsplan 2026-2031"), most repeated first."""
    counts: Counter[str] = Counter()
    for _, text, n in _furniture(doc):
        cut = _PAGE_NUMBER.sub("", text).strip(" |–-")
        if re.search(r"[A-Za-zÅÄÖåäö]{3}", cut):
            counts[cut] += n
    return [text for text, _ in counts.most_common()]


def _running_title(doc: Document) -> str | None:
    """With no heading on the cover (a cover printed as an image), a running header repeated
    on most pages is the title ("Vänsterpartiets valplattform 2022")."""
    counts: Counter[str] = Counter()
    for _, text, n in _furniture(doc):
        counts[_PAGE_NUMBER.sub("", text).strip()] += n
    if not counts:
        return None
    text, n = counts.most_common(1)[0]
    return text if n >= max(3, len(doc.pages) // 2) and re.search(r"[A-Za-zÅÄÖåäö]{3}", text) else None


def cover_lines(doc: Document) -> list[Line]:
    """The cover page's headings and short lines; a heading wrapped over two blocks of one
    size ("BUDGET FÖR ALINGSÅS" / "KOMMUN 2021-2023") is one line, and a line of years set
    under a heading ("Verksamhetsplan med budget" / "2017 2020") completes it."""
    blocks = [b for b in doc.blocks if b.page == 1 and b.kind is not BlockKind.TOC]
    lines: list[Line] = []
    previous = None
    for b in blocks:
        text = b.text.strip()
        heading = b.kind is BlockKind.HEADING
        joins = lines and previous is not None and previous.kind is BlockKind.HEADING and (
            (heading and b.size == previous.size) or _YEARS_LINE.fullmatch(text))
        if joins:
            lines[-1] = Line(f"{lines[-1].text} {text}", lines[-1].size, True)
        else:
            lines.append(Line(text, b.size or 0.0, heading))
        previous = b
    return lines


def meta_title(doc: Document, cfg: DocumentSettings) -> str:
    """The metadata title without the producer's artefacts; "" when what is left names a file
    ("Microsoft Word - Budget 2027 , ramar 2028-29 …" is the Word file's name printed to PDF)."""
    meta = re.sub(r"\s+", " ", doc.metadata.get("title") or "").strip()
    for artefact in cfg.metadata_title_artefacts:
        meta = re.sub(artefact, "", meta, flags=re.I).strip()
    return meta


def _is_file_name(doc: Document, cfg: DocumentSettings) -> bool:
    raw = doc.metadata.get("title") or ""
    return any(re.search(a, raw, re.I) for a in cfg.metadata_title_artefacts)


def _title(doc: Document, cover: list[Line], meta: str, cfg: DocumentSettings) -> str | None:
    """The title as printed on the cover. The metadata title picks it among the cover's
    headings when it restates one (perhaps with the issuer appended: "<title> – Region X"),
    and stands for it when the printed line lost punctuation the metadata keeps; a metadata
    title that is a file name stands only for a cover without headings."""
    headings = [ln for ln in cover if ln.heading]
    if meta:
        for line in headings:
            if _key(line.text) == _key(meta):
                return meta if _punctuation(meta) > _punctuation(line.text) else line.text
        for line in headings:
            head = meta[: len(line.text)]
            if head.lower() == line.text.lower() and _SEPARATOR.match(meta, len(line.text)):
                return line.text
        if not (headings and _is_file_name(doc, cfg)):
            return meta
    return max(headings, key=lambda ln: ln.size).text if headings else None


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]", " ", text.lower()).split())


def _punctuation(text: str) -> int:
    return sum(1 for c in text if not (c.isalnum() or c.isspace()))
