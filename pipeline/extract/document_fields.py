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

from pipeline import __version__
from pipeline.extract.nlp import lexicon
from pipeline.model import BlockKind, Document, DocumentRow

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
    first = [b for b in doc.blocks if b.page <= cfg["first_pages"] and b.kind is not BlockKind.TOC]
    front = "\n".join(b.text for b in first)
    title = _title(doc)
    doc_type = _doc_type(f"{title or ''}\n{front}\n{_opening(doc)}", cfg)
    organisation = _party(front, cfg) or _issuer(front, cfg)
    place = None if doc_type == "not_budget" else _place(doc, cfg)
    if doc_type == "budget" and organisation in cfg["parties"]:
        doc_type = "budget_proposal"  # a party's budget is a proposal
    if organisation is None and place is not None and place.name.startswith(_COUNTY_PREFIX):
        organisation = place.name
    start, end = _period(f"{title or ''}\n{front}", cfg)
    return DocumentRow(
        doc_id=doc.doc_id,
        source_file=doc.source_file,
        pages=len(doc.pages),
        status="not_budget" if doc_type == "not_budget" else "ok",
        pipeline_version=__version__,
        title=title,
        municipality=place.name if place else None,
        municipality_code=place.code or None if place else None,
        organisation=organisation,
        doc_type=doc_type,
        period_start=start,
        period_end=end,
    )


def _title(doc: Document) -> str | None:
    """The largest heading of the title page, completed by the metadata title it begins."""
    headings = [b for b in doc.blocks if b.page == 1 and b.kind is BlockKind.HEADING]
    meta = (doc.metadata.get("title") or "").strip()
    if not headings:
        return meta or None
    top = max(headings, key=lambda b: b.size)
    text = top.text.strip()
    printed_in_meta = [h for h in headings if meta.lower().startswith(h.text.strip().lower())]
    if meta and meta.lower() != text.lower() and printed_in_meta:
        return meta.split(" – ")[0].strip()
    following = doc.blocks[doc.blocks.index(top) + 1: doc.blocks.index(top) + 2]
    if following and re.fullmatch(r"20\d\d\s*[-–]?\s*(20\d\d)?", following[0].text.strip()):
        text = f"{text} {following[0].text.strip()}"
    return text


def _opening(doc: Document, pages: int = 5) -> str:
    return "\n".join(b.text for b in doc.blocks if b.page <= pages)


def _doc_type(text: str, cfg: dict) -> str:
    lowered = text.lower()
    if any(re.search(p, lowered) for p in cfg["not_budget"]):
        return "not_budget"
    for name, pattern in cfg["doc_types"]:
        if re.search(pattern, lowered):
            return name
    return "other"


def _party(text: str, cfg: dict) -> str | None:
    """The party (or coalition line of parties) that issued the document."""
    for line in text.splitlines():
        named = [p for p in cfg["parties"] if p in line]
        if len(named) >= 2:
            return line.strip()
    counts = Counter()
    for party in cfg["parties"]:
        counts[party] += len(re.findall(rf"\b{re.escape(party)}\b", text))
    for genitive, party in cfg["party_genitive"].items():
        counts[party] += len(re.findall(rf"\b{re.escape(genitive)}\b", text))
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] else None


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


def _period(text: str, cfg: dict) -> tuple[int | None, int | None]:
    m = re.search(cfg["period_pattern"], text)
    if m:
        return int(m.group(1)), int(m.group(2))
    years = [int(y) for y in re.findall(cfg["year_pattern"], text)]
    if years:
        year = Counter(years).most_common(1)[0][0]
        return year, year
    return None, None
