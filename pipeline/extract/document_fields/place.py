"""The kommun or region a document is about, with its SCB code and Kolada id.

Names and codes come from the SCB lists the project ships (pipeline/reference/data), the
Kolada id from Kolada's own municipality list. Evidence, most telling first:
1. the issuer as the document presents it ("Ale kommun" in the running footer, "Region
   Västmanland" on the cover, "Göteborgs Stad"), resolved against the SCB names;
2. the web address on the cover or in a footer ("alingsas.se", "regionvasterbotten.se");
3. the place the whole text names most, "<X> kommun" / "<X>s stad" / "Region <X>" weighing more;
4. for a nämnd's document, the one place its text names at all ("… från Alingsås Energi"):
   a nämnd's report names its own municipality's bodies and companies, and no other place.
A name that is also an ordinary word or surname ("Vara", "Mark", "Berg") counts only in an
issuer form. No evidence, or two places as strong, gives null: a wrong code is worse.
A place Kolada's list does not have (there is none today) gets no Kolada id rather than a guessed one.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache

from pipeline.extract.document_fields.evidence import Texts
from pipeline.extract.document_fields.issuer import Issuer
from pipeline.reference import read_counties, read_kolada_municipalities, read_municipalities
from pipeline.settings.document import DocumentSettings

REGION_PREFIX = "Region "


@dataclass(frozen=True)
class Place:
    name: str  # as the contract writes it: "Alingsås", "Region Dalarna"
    code: str  # SCB: four-digit kommunkod, two-digit länskod
    kolada_id: str | None = None  # as Kolada writes it: "1489", a region "0020"

    @property
    def is_region(self) -> bool:
        return self.name.startswith(REGION_PREFIX)


@cache
def reference() -> tuple[Place, ...]:
    """The 290 kommuner and 21 regions of the shipped SCB lists, each with its Kolada id.

    Read once per process: shipped files, not configuration. Kolada numbers a kommun by its
    kommunkod and a region "00" + länskod; both are looked up in Kolada's list, not assumed."""
    kolada = read_kolada_municipalities()
    kommuner = {m.id for m in kolada if m.type == "K"}
    regions = {m.id[2:]: m.id for m in kolada if m.type == "L"}
    places = [Place(m.short_name, m.code, m.code if m.code in kommuner else None) for m in read_municipalities()]
    places += [Place(REGION_PREFIX + c.short_name, c.code, regions.get(c.code)) for c in read_counties()]
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


def place_of(texts: Texts, found: list[Issuer], issuer: Issuer | None, cfg: DocumentSettings) -> Place | None:
    """The place by the first kind of evidence that names exactly one."""
    places = reference()
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
