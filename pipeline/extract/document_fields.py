"""Document-level fields: title, municipality (+ code), organisation, doc_type, period.

Read from the first pages (title page, cover headings) with the cue lists of
configs/lexicon.yaml. Municipality names and codes come from the optional SCB reference
lists named in the config (read in place); without them the code stays null and the name
comes from "X kommun" / "Region X" patterns.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from pipeline import __version__
from pipeline.contract import DocType, DocumentStatus
from pipeline.model import BlockKind, Document, DocumentRow
from pipeline.text.lexicon import lexicon

_REPO = Path(__file__).resolve().parents[2]
_MIN_MENTIONS = 3  # a place named fewer times is mentioned, not the subject
_COUNTY_PREFIX = "Region "


@dataclass(frozen=True)
class Place:
    name: str  # as printed: "Alingsås", "Region Dalarna"
    code: str


@cache
def _reference() -> tuple[Place, ...]:
    """Municipalities and regions of the SCB lists, or nothing when the files are absent."""
    paths = lexicon().get("reference", {})
    places: list[Place] = []
    for key, name_col, code_col, prefix in (
        ("municipalities", "municipality_name_short", "municipality_code", ""),
        ("counties", "county_name_short", "county_code", _COUNTY_PREFIX),
    ):
        path = _REPO / paths[key] if key in paths else None
        if path is None or not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            places.extend(Place(prefix + row[name_col], row[code_col]) for row in csv.DictReader(fh))
    return tuple(places)


def document_fields(doc: Document) -> DocumentRow:
    cfg = lexicon()["document"]
    cover = _cover_lines(doc)
    title = _title(doc, cover)
    texts = _texts(doc, title, cover, cfg)
    doc_type = _doc_type(texts, cfg)
    # how often a party is named tells who wrote a programme, not a council's budget, whose
    # opening pages may name its ruling party throughout
    party = _party(cover, texts, cfg, by_mentions=doc_type in ("not_budget", "other"))
    organisation = party or _issuer(texts.front, cfg)
    place = None if doc_type == "not_budget" else _place(doc, cfg)
    if party is not None and doc_type in ("budget", "verksamhetsplan"):
        doc_type = "budget_proposal"  # a budget or plan that a party or coalition issued is its proposal
    if organisation is None and place is not None and place.name.startswith(_COUNTY_PREFIX):
        organisation = place.name
    start, end = _period(texts, cfg)
    return DocumentRow(
        doc_id=doc.doc_id,
        source_file=doc.source_file,
        pages=len(doc.pages),
        status=DocumentStatus.NOT_BUDGET if doc_type == "not_budget" else DocumentStatus.OK,
        pipeline_version=__version__,
        title=title,
        municipality=place.name if place else None,
        municipality_code=place.code or None if place else None,
        organisation=organisation,
        doc_type=cast(DocType, doc_type),  # the doc type names of configs/lexicon.yaml are DocType values
        period_start=start,
        period_end=end,
    )


@dataclass(frozen=True)
class _Texts:
    """The places a document names itself, most telling first."""

    title: str
    cover: str  # the cover page's lines and the metadata title
    cover_headings: str  # the cover's headings and the metadata title
    front: str  # the first pages (table of contents left out)
    opening: str  # a few more pages

    def tiers(self) -> tuple[str, str, str, str]:
        return self.title, self.cover, self.front, self.opening


def _texts(doc: Document, title: str | None, cover: list[_Line], cfg: dict) -> _Texts:
    def pages(n: int) -> str:
        return "\n".join(b.text for b in doc.blocks if b.page <= n and b.kind is not BlockKind.TOC)

    meta = (doc.metadata.get("title") or "").strip()
    return _Texts(
        title=title or "",
        cover="\n".join([meta] + [ln.text for ln in cover]),
        cover_headings="\n".join([meta] + [ln.text for ln in cover if ln.heading]),
        front=pages(cfg["first_pages"]),
        opening=pages(cfg["opening_pages"]),
    )


@dataclass(frozen=True)
class _Line:
    """A line of the cover page: a heading (wrapped headings joined) with its year line."""

    text: str
    size: float
    heading: bool


def _cover_lines(doc: Document) -> list[_Line]:
    """The cover page's headings and short lines; a heading wrapped over two blocks of one
    size ("BUDGET FÖR ALINGSÅS" / "KOMMUN 2021-2023") is one line, and a line of years set
    under a heading ("Verksamhetsplan med budget" / "2017 2020") completes it."""
    blocks = [b for b in doc.blocks if b.page == 1 and b.kind is not BlockKind.TOC]
    lines: list[_Line] = []
    previous = None
    for b in blocks:
        text = b.text.strip()
        heading = b.kind is BlockKind.HEADING
        joins = lines and previous is not None and previous.kind is BlockKind.HEADING and (
            (heading and b.size == previous.size) or _YEARS_LINE.fullmatch(text))
        if joins:
            lines[-1] = _Line(f"{lines[-1].text} {text}", lines[-1].size, True)
        else:
            lines.append(_Line(text, b.size or 0.0, heading))
        previous = b
    return lines


_YEARS_LINE = re.compile(r"20\d\d\s*[-–]?\s*(20\d\d)?")
_SEPARATOR = re.compile(r"\s*[–—\-:|,]\s")


def _title(doc: Document, cover: list[_Line]) -> str | None:
    """The title as printed on the cover. The metadata title picks it among the cover's
    headings when it restates one (perhaps with the issuer appended: "<title> – Region X"),
    and stands for it when the printed line lost punctuation the metadata keeps."""
    meta = re.sub(r"\s+", " ", doc.metadata.get("title") or "").strip()
    headings = [ln for ln in cover if ln.heading]
    if meta:
        for line in headings:
            if _key(line.text) == _key(meta):
                return meta if _punctuation(meta) > _punctuation(line.text) else line.text
        for line in headings:
            head = meta[: len(line.text)]
            if head.lower() == line.text.lower() and _SEPARATOR.match(meta, len(line.text)):
                return line.text
        return meta
    return max(headings, key=lambda ln: ln.size).text if headings else None


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]", " ", text.lower()).split())


def _punctuation(text: str) -> int:
    return sum(1 for c in text if not (c.isalnum() or c.isspace()))


def _doc_type(texts: _Texts, cfg: dict) -> str:
    """The type the most telling text names. A programme cue counts only where no budget type
    is named: on the title or cover, or further in where the text calls itself one."""
    manifesto = "|".join(cfg["not_budget"])
    self_named = re.compile(cfg["self_reference"] + rf"(?:{manifesto})", re.I)
    for n, text in enumerate(texts.tiers()):
        lowered = text.lower()
        named = [(m.start(), -len(m.group(0)), name) for name, pattern in cfg["doc_types"]
                 for m in [re.search(pattern, lowered)] if m]
        if named:
            return min(named)[2]
        if (re.search(manifesto, lowered) if n < 2 else self_named.search(text)) is not None:
            return "not_budget"
    return "other"


def _party(cover: list[_Line], texts: _Texts, cfg: dict, by_mentions: bool) -> str | None:
    """The party, or the line of coalition parties, presented as the document's issuer: on
    the cover, in a phrase that names it as author ("Socialdemokraternas förslag till
    budget", "förslag från …"), or named throughout the opening pages and hardly any other."""
    names = rf"(?:{'|'.join(map(re.escape, cfg['parties']))}|{cfg['party_pattern']})"
    known = re.compile(rf"\b{names}\b")
    for line in cover:
        items = [i.strip() for i in re.split(cfg["party_separator"], line.text) if i.strip()]
        named = [i for i in items if known.fullmatch(i)]
        if len(named) >= 2 and all(len(i.split()) <= 4 and i[:1].isupper() for i in items):
            return line.text  # a coalition line, local parties included, as printed
    for line in cover:
        m = known.match(line.text)
        if m and (m.end() == len(line.text) or line.text[m.end()] in " s"):
            return m.group(0)
    for template in cfg["party_issuer"]:
        pattern = template.replace("{party}", f"({names})")
        m = re.search(pattern, texts.front) or re.search(pattern, texts.opening)
        if m:
            return m.group(1)
    counts = Counter(m.group(0) for m in known.finditer(texts.opening)) if by_mentions else Counter()
    if counts:
        party, n = counts.most_common(1)[0]
        if n >= cfg["party_mentions"] and n >= cfg["party_share"] * sum(counts.values()):
            return party
    return None


def _issuer(text: str, cfg: dict) -> str | None:
    """A nämnd named as the organisation on the title pages ("Organisation: Kultur- och …")."""
    m = re.search(r"organisation\s*:\s*" + cfg["issuer_pattern"], text, re.I)
    return m.group(1) if m else None


def _place(doc: Document, cfg: dict) -> Place | None:
    text = "\n".join(b.text for b in doc.blocks)
    reference = _reference()
    if reference:
        counts = _mentions(reference, text)
        best = [p for p, n in counts.most_common(2) if n >= _MIN_MENTIONS]
        return best[0] if best else None
    for pattern in cfg["municipality_patterns"]:
        found = Counter(m.group(1) for m in re.finditer(pattern, text))
        if found and found.most_common(1)[0][1] >= _MIN_MENTIONS:
            return Place(found.most_common(1)[0][0], "")
    return None


def _mentions(places: tuple[Place, ...], text: str) -> Counter[Place]:
    """Mentions as a proper name (capitalised or upper case), with "X kommun" weighted up.

    One alternation over all names, longest first, so the text is scanned twice in all
    rather than twice per municipality.
    """
    by_form = {form: p for p in places for form in (p.name, p.name.upper())}
    names = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
    by_lower = {p.name.lower(): p for p in places}
    counts: Counter[Place] = Counter()
    for m in re.finditer(rf"(?<![\w-])({names})(?![\w-])", text):
        counts[by_form[m.group(1)]] += 1
    for m in re.finditer(rf"(?<![\w-])({names})s?\s+kommun", text, re.I):
        place = by_lower.get(m.group(1).lower())
        if place is not None:
            counts[place] += 5
    return counts


def _period(texts: _Texts, cfg: dict) -> tuple[int | None, int | None]:
    """First and last year the title states (its ranges and single years: "Budget 2025 med
    plan 2026–2027" → 2025–2027), else the cover headings'; else the first year range of the first
    pages, or their most frequent year."""
    for text in (texts.title, texts.cover_headings):
        ranges = [(int(a), int(b)) for a, b in re.findall(cfg["period_pattern"], text)]
        rest = re.sub(cfg["period_pattern"], " ", text)
        years = [y for r in ranges for y in r] + [int(y) for y in re.findall(cfg["year_pattern"], rest)]
        if years:
            return min(years), max(years)
    m = re.search(cfg["period_pattern"], texts.front)
    if m:
        return int(m.group(1)), int(m.group(2))
    years = [int(y) for y in re.findall(cfg["year_pattern"], texts.front)]
    if years:
        year = Counter(years).most_common(1)[0][0]
        return year, year
    return None, None
