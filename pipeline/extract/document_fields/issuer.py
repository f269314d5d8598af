"""Who issued the document, by how Swedish public bodies are named (configs/document.yaml):
"Region <X>", "<X> kommun", "<X>s stad"; a nämnd as a compound ending in -nämnden
("Barn- och ungdomsnämnden"), an adjective and "nämnden" ("tekniska nämnden") or "Nämnden för
<X>"; a kommunalförbund as a compound ending in -förbund; a bolag ending in AB; a party.

The issuer is read from the places a document presents itself — the cover's headings and
short lines, the running headers and footers, the file's author/subject, a labelled field
("Beslutande instans: …"), the sender at the foot of a skrivelse — never from a body the
running text merely mentions, except a kommunalförbund calling itself "förbundet".
A förbund that never prints its proper name (it stands in the logo) is named by its kind,
"Räddningstjänstförbund": a name composed from its members would be a guess.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.extract.document_fields.doc_type import vocabulary, word_type
from pipeline.extract.document_fields.evidence import Line, Texts
from pipeline.settings.document import DocumentSettings

_SPECIFIC = ("forbund", "bolag", "namnd")  # a body within or between kommuner: the organisation
_COVER_LINE_WORDS = 10  # a cover line longer than this is running text, not a name
_FIELD_NAME_WORDS = 4  # a name in a field: "Tolkförmedling Väst", not a sentence
_PROPER = "{name}"


@dataclass(frozen=True)
class Issuer:
    name: str  # as printed, first letter capitalised: "Tekniska nämnden"
    kind: str  # an IssuerKind value
    generic: bool = False  # a kind without a proper name: "Räddningstjänstförbundet"


def bodies(text: str, cfg: DocumentSettings) -> list[Issuer]:
    """Every body the text names, in order of position."""
    found: list[tuple[int, Issuer]] = []
    for form in cfg.issuers:
        pattern = form.pattern.replace(_PROPER, cfg.proper_name)
        for m in re.finditer(pattern, text):
            issuer = _clean(m.group(1), form.kind, cfg)
            if issuer is not None:
                found.append((m.start(1), issuer))
    found.sort(key=lambda f: (f[0], -len(f[1].name)))
    seen: set[int] = set()
    out = []
    for start, issuer in found:  # one body per position: the longest form
        if start not in seen:
            seen.add(start)
            out.append(issuer)
    return out


def _clean(name: str, kind: str, cfg: DocumentSettings) -> Issuer | None:
    """The name without the words around it ("för", "nämndens", a title's "Årsredovisning"),
    or None when what is left is a generic word ("nämnden", "förbundet")."""
    words = name.split()
    stop = {w.lower() for w in cfg.issuer_stop_words}
    vocab = vocabulary(cfg)
    while len(words) > 1 and (words[0].lower() in stop or word_type(words[0], vocab) is not None):
        words = words[1:]
    if not words or words[0].lower() in stop or name.lower() in {w.lower() for w in cfg.generic_bodies}:
        return None
    text = " ".join(words)
    text = text[0].upper() + text[1:]
    generic = kind == "forbund" and len(words) == 1 and text.lower().endswith("förbundet")
    return Issuer(text, kind, generic)


def cover_text(cover: list[Line]) -> str:
    """The cover's headings and short lines: where a document names itself."""
    return "\n".join(ln.text for ln in cover if ln.heading or len(ln.text.split()) <= _COVER_LINE_WORDS)


def labelled(text: str, cfg: DocumentSettings) -> list[str]:
    """The values of the fields of a document sheet or signature page that name the issuer
    ("Beslutande instans: Barn- och ungdomsnämnden", "Organisation: Kultur- och
    fritidsnämnden"). A paired field gives the part its label names ("TITEL, ORGANISATION:
    Förbundsdirektör, Tolkförmedling Väst" → "Tolkförmedling Väst"), and the capitalised label
    of the next field on the same line is no part of the value ("… Väst TID: 2025-10-21")."""
    labels = "|".join(re.escape(lab) for lab in cfg.issuer_labels)
    values = []
    for m in re.finditer(rf"(?i:\b((?:\w+\s*,\s*)?(?:{labels})))\s*:\s*([^\n:]{{3,80}})", text):
        value = m.group(2)
        if "," in m.group(1) and "," in value:
            value = value.split(",", 1)[1]
        values.append(re.sub(r"(?:\s+[A-ZÅÄÖ]{2,})+\s*$", "", value).strip())
    return values


def named_in_field(values: list[str], text: str, cfg: DocumentSettings) -> Issuer | None:
    """A labelled field's value that is a proper name without a kind word ("Tolkförmedling
    Väst"), for a document that calls its issuer a förbund ("förbundet", "Förbundsdirektör",
    "förbundsövergripande"): a kommunalförbund named after what it does and where."""
    if not re.search(r"\bförbund(?:et|s\w+)\b", text, re.I):
        return None
    for value in values:
        words = value.split()
        if 1 < len(words) <= _FIELD_NAME_WORDS and all(re.fullmatch(cfg.proper_name, w) for w in words):
            return Issuer(value, "forbund")
    return None


def sender(text: str, cfg: DocumentSettings) -> str:
    """A line that is nothing but a body's name on the last page: the sender of a skrivelse,
    above its signatures ("Kommunstyrelseförvaltningen" / "Diana Olsson" / "Kommundirektör")."""
    lines = [ln.strip() for ln in text.splitlines()]
    return "\n".join(ln for ln in lines if ln and [b.name.lower() for b in bodies(ln, cfg)] == [ln.lower()])


def organisation(texts: Texts, cover: list[Line], cfg: DocumentSettings) -> tuple[Issuer | None, list[Issuer]]:
    """The issuing body and every body the self-presenting places name (for the place).

    The most specific body (förbund, bolag, nämnd) of the first place that names one issues
    the document; a kommun or region issues it when none does. The file's metadata may name
    a nämnd or förbund, never a bolag (its Author is often the consultant or the print shop),
    and a förbund that calls itself "förbundet" issues it only when the cover and running
    headers name no kommun or region (a kommun's budget writes of its förbund). A labelled
    field and the sender count only when no place names a body at all."""
    tiers = [bodies(cover_text(cover) + "\n" + texts.title, cfg), bodies(texts.running, cfg),
             [b for b in bodies(texts.metadata, cfg) if b.kind != "bolag"]]
    if not any(tiers):
        fields = labelled(texts.front + "\n" + texts.last_page, cfg)
        tiers = [bodies("\n".join(fields), cfg), bodies(sender(texts.last_page, cfg), cfg)]
        in_field = None if any(tiers) else named_in_field(fields, texts.front, cfg)
        if in_field is not None:
            return in_field, [in_field]
    found = [b for tier in tiers for b in tier]
    for tier in tiers:
        specific = [b for b in tier if b.kind in _SPECIFIC and not b.generic]
        if specific:
            return _most_specific(specific), found
    public = [b for b in found if b.kind in ("kommun", "region")]
    presented = [b for tier in tiers[:2] for b in tier if b in public]
    self_named = None if presented else _self_named_forbund(texts.front, cfg)
    if self_named is not None:
        return bare_kind(self_named), found
    return (public[0] if public else None), found


def bare_kind(issuer: Issuer) -> Issuer:
    """"Räddningstjänstförbundet" → "Räddningstjänstförbund": the kind, in its indefinite form."""
    kind = re.sub(r"et$", "", issuer.name)
    return Issuer(kind[0].upper() + kind[1:], issuer.kind, generic=True)


def _most_specific(found: list[Issuer]) -> Issuer:
    return min(found, key=lambda b: _SPECIFIC.index(b.kind))


def _self_named_forbund(text: str, cfg: DocumentSettings) -> Issuer | None:
    """A kommunalförbund writes of itself as "förbundet" and names its kind in a compound
    ("Räddningstjänstförbundet"); the most named such compound of the first pages."""
    forbund = [b for b in bodies(text, cfg) if b.kind == "forbund"]
    if not forbund or not re.search(r"\bförbundet\b", text, re.I):
        return None
    return Counter(forbund).most_common(1)[0][0]


def party(cover: list[Line], texts: Texts, cfg: DocumentSettings, by_mentions: bool) -> str | None:
    """The party, or the line of coalition parties, presented as the document's issuer: on
    the cover, in a phrase that names it as author ("Socialdemokraternas förslag till
    budget", "förslag från …"), or named throughout the opening pages and hardly any other."""
    names = rf"(?:{'|'.join(map(re.escape, cfg.parties))}|{cfg.party_pattern})"
    known = re.compile(rf"\b{names}\b")
    for line in cover:
        items = [i.strip() for i in re.split(cfg.party_separator, line.text) if i.strip()]
        named = [i for i in items if known.fullmatch(i)]
        if len(named) >= 2 and all(len(i.split()) <= 4 and i[:1].isupper() for i in items):
            return line.text  # a coalition line, local parties included, as printed
    for line in cover:
        m = known.match(line.text)
        if m and (m.end() == len(line.text) or line.text[m.end()] in " s"):
            return m.group(0)
    for template in cfg.party_issuer:
        pattern = template.replace("{party}", f"({names})")
        m = re.search(pattern, texts.front) or re.search(pattern, texts.opening)
        if m:
            return m.group(1)
    counts = Counter(m.group(0) for m in known.finditer(texts.opening)) if by_mentions else Counter()
    if counts:
        name, n = counts.most_common(1)[0]
        if n >= cfg.party_mentions and n >= cfg.party_share * sum(counts.values()):
            return name
    return None
