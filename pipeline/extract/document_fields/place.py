"""The kommun or region a document is about, with its SCB code and Kolada id.

Names and codes come from the optional SCB lists named in configs/lexicon.yaml `reference`
(read in place; issue 13 moves them into the project). Evidence, most telling first:
1. the issuer as the document presents it ("Ale kommun" in the running footer, "Region
   Västmanland" on the cover, "Göteborgs Stad"), resolved against the SCB names;
2. the web address on the cover or in a footer ("alingsas.se", "regionvasterbotten.se");
3. the place the whole text names most, "<X> kommun" / "<X>s stad" / "Region <X>" weighing more;
4. for a nämnd's document, the one place its text names at all ("… från Alingsås Energi"):
   a nämnd's report names its own municipality's bodies and companies, and no other place.
A name that is also an ordinary word or surname ("Vara", "Mark", "Berg") counts only in an
issuer form. No evidence, or two places as strong, gives null: a wrong code is worse.
The Kolada id is the kommunkod for a kommun and "00" + länskod for a region.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.extract.document_fields.evidence import Texts
from pipeline.extract.document_fields.issuer import Issuer
from pipeline.settings.document import DocumentSettings
from pipeline.settings.lexicon import ReferenceConfig

_REPO = Path(__file__).resolve().parents[3]
REGION_PREFIX = "Region "


@dataclass(frozen=True)
class Place:
    name: str  # as the contract writes it: "Alingsås", "Region Dalarna"
    code: str  # SCB: four-digit kommunkod, two-digit länskod

    @property
    def is_region(self) -> bool:
        return self.name.startswith(REGION_PREFIX)

    @property
    def kolada_id(self) -> str:
        return "00" + self.code if self.is_region else self.code


@cache
def reference(paths: ReferenceConfig) -> tuple[Place, ...]:
    """Municipalities and regions of the SCB lists `paths` names, or nothing when the files are absent."""
    places: list[Place] = []
    for listed, name_col, code_col, prefix in (
        (paths.municipalities, "municipality_name_short", "municipality_code", ""),
        (paths.counties, "county_name_short", "county_code", REGION_PREFIX),
    ):
        path = _REPO / listed if listed is not None else None
        if path is None or not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            places.extend(Place(prefix + row[name_col], row[code_col]) for row in csv.DictReader(fh))
    return tuple(places)


def _folded(text: str) -> str:
    """"Alingsås" → "alingsas", as in a web address."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode())


def resolve(name: str, places: tuple[Place, ...]) -> Place | None:
    """The SCB place an issuer's name stands for: "Göteborgs Stad" → Göteborg, "ALINGSÅS
    KOMMUN" → Alingsås, "Region Jämtland Härjedalen" → Region Jämtland; else None."""
    words = re.sub(r"\s+(?:kommun|stad)$", "", name.strip(), flags=re.I).split()
    by_name = {p.name.lower(): p for p in places}
    region = words[:1] == ["Region"] or words[:1] == ["REGION"]
    for n in range(len(words), 0, -1):
        candidates = [" ".join(words[:n]), " ".join(words[-n:])] if not region else [" ".join(words[: n + 1])]
        for candidate in candidates:
            for form in (candidate, candidate[:-1] if candidate.lower().endswith("s") else None):
                place = by_name.get(form.lower()) if form else None
                if place is not None and place.is_region == region:
                    return place
    return None


def region_name(name: str, places: tuple[Place, ...]) -> str:
    """A region's name as printed, cut after its last word that is an SCB name ("Region
    Jämtland Härjedalen" stays, "Region Västmanland Regionplan" → "Region Västmanland")."""
    known = {p.name.lower() for p in places} | {p.name[len(REGION_PREFIX):].lower() for p in places if p.is_region}
    words = name.split()
    while len(words) > 2 and words[-1].lower() not in known:
        words = words[:-1]
    return " ".join(words)


def from_issuers(found: list[Issuer], places: tuple[Place, ...]) -> Place | None:
    """The one kommun or region the self-presenting places name as a body."""
    named = {p for b in found if b.kind in ("kommun", "region") for p in [resolve(b.name, places)] if p}
    return named.pop() if len(named) == 1 else None


def from_domain(texts: Texts, places: tuple[Place, ...], cfg: DocumentSettings) -> Place | None:
    """The web address printed on the cover or in a running footer."""
    domains = {d for text in (texts.cover, texts.running) for d in re.findall(cfg.domain_pattern, text.lower())}
    by_domain: dict[str, Place] = {}
    for p in places:
        if p.is_region:
            by_domain.setdefault("region" + _folded(p.name[len(REGION_PREFIX):]), p)
        else:
            by_domain.setdefault(_folded(p.name), p)
    for p in places:  # a county's own name is the region's address when no kommun has it
        if p.is_region:
            by_domain.setdefault(_folded(p.name[len(REGION_PREFIX):]), p)
    named = {by_domain[d.replace("-", "")] for d in domains if d.replace("-", "") in by_domain}
    return named.pop() if len(named) == 1 else None


def mentions(places: tuple[Place, ...], text: str, cfg: DocumentSettings) -> Counter[Place]:
    """Mentions as a proper name (capitalised or upper case); an issuer form ("X kommun",
    "Xs stad", "Region X") weighs `issuer_weight`. Ambiguous names count in issuer forms only.

    One alternation over all names, longest first, so the text is scanned twice in all
    rather than twice per municipality."""
    ambiguous = {n.lower() for n in cfg.ambiguous_names}
    by_form = {form: p for p in places for form in (p.name, p.name.upper()) if p.name.lower() not in ambiguous}
    names = "|".join(re.escape(f) for f in sorted(by_form, key=len, reverse=True))
    by_lower = {p.name.lower(): p for p in places}
    counts: Counter[Place] = Counter()
    for m in re.finditer(rf"(?<![\w-])({names})(?![\w-])", text):
        counts[by_form[m.group(1)]] += 1
    every = "|".join(re.escape(p.name) for p in sorted(places, key=lambda p: -len(p.name)) if not p.is_region)
    for m in re.finditer(rf"(?<![\w-])({every})s?\s+(?:kommun|stad)", text, re.I):
        place = by_lower.get(m.group(1).lower())
        if place is not None:
            counts[place] += cfg.issuer_weight
    return counts


def place_of(texts: Texts, found: list[Issuer], issuer: Issuer | None, cfg: DocumentSettings,
             paths: ReferenceConfig) -> Place | None:
    """The place by the first kind of evidence that names exactly one (SCB lists: `paths`)."""
    places = reference(paths)
    if not places:
        return None
    direct = from_issuers(found, places) or from_domain(texts, places, cfg)
    if direct is not None:
        return direct
    counts = mentions(places, texts.body, cfg)
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= cfg.min_mentions and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    if issuer is not None and issuer.kind == "namnd" and len(counts) == 1:
        return ranked[0][0]
    return None
