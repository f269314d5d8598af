"""The name of a kommunalförbund that names itself only by its kind.

A förbund's own documents often say "förbundet" and "Räddningstjänstförbundet" and never
print the full name, which stands in the logo. Two- and three-member förbund are commonly
named after their members, joined by hyphens, before the kind: "Alingsås-Vårgårda
räddningstjänstförbund". The members are the kommuner the text names as "<X> kommun" when
it speaks of members ("medlemskommunerna", "medlemsbidrag"); with more members than
`max_members`, or none, the name stays the bare kind.
"""
from __future__ import annotations

import re

from pipeline.extract.document_fields.issuer import Issuer
from pipeline.extract.document_fields.place import Place, resolve
from pipeline.settings.document import DocumentSettings


def members(text: str, places: tuple[Place, ...], cfg: DocumentSettings) -> list[Place]:
    """The member kommuner, in order of first mention; none unless the text speaks of members."""
    if not any(cue in text.lower() for cue in cfg.member_cues):
        return []
    found: list[Place] = []
    for m in re.finditer(rf"\b({cfg.proper_name})s?\s+kommun\b", text):
        place = resolve(m.group(1), places)
        if place is not None and not place.is_region and place not in found:
            found.append(place)
    return found


def named_forbund(issuer: Issuer, text: str, places: tuple[Place, ...], cfg: DocumentSettings) -> Issuer:
    """"Räddningstjänstförbundet" with members Alingsås and Vårgårda → "Alingsås-Vårgårda
    räddningstjänstförbund"; an issuer with a proper name is returned as it is."""
    if not issuer.generic:
        return issuer
    kind = re.sub(r"et$", "", issuer.name.lower())
    found = members(text, places, cfg)
    if not 2 <= len(found) <= cfg.max_members:
        return Issuer(kind[0].upper() + kind[1:], issuer.kind, generic=True)
    return Issuer("-".join(p.name for p in found) + " " + kind, issuer.kind)
