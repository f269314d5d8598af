"""The constructions that state money in a sentence, each naming what the money is for.

A sentence opens with at most one of the opening constructions (a statement, an item
statement, a receipt, a frame, a purposed allocation, a breakdown, a named figure or a
budget line); allocations to a named body, figures of a defined item ("den totala
investeringsbudgeten på 10,5 mnkr") and parts ("varav …") may stand anywhere. Each
yields one Found per printed amount, and the first reading of an amount wins.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from pipeline.extract.text_amounts.patterns import Patterns
from pipeline.extract.text_amounts.sentence import Sentence
from pipeline.text.numbers import ParsedNumber


@dataclass(frozen=True)
class Found:
    start: int  # where the number stands in the sentence: one row per printed number
    number: ParsedNumber
    label: str
    unit: str
    year: int | None = None
    purpose: str | None = None  # what a purposed allocation is for, named to its breakdown
    rule: str = ""  # the construction that read it ("allocation"): AmountRow.rule "text:<rule>"


@dataclass
class Context:
    """What the text before a sentence says, for the words that refer back to it."""

    heading: str | None = None  # names "Verksamheten"
    body: str | None = None  # the last body named: a bare "nämnden"
    antecedent: Found | None = None  # the last amount of the sentence before: "Av dessa medel"


def read(sentence: Sentence, context: Context, p: Patterns) -> list[Found]:
    """Every amount the sentence states in one of the constructions, in printed order."""
    found: dict[int, Found] = {}
    for opening in _OPENINGS:
        if readings := opening(sentence, context, p):
            found.update((f.start, f) for f in _by(opening, readings))
            break
    for f in [*_by(_allocation, _allocation(sentence, context, p)), *_by(_defined, _defined(sentence, p))]:
        found.setdefault(f.start, f)
    for f in _by(_part, _part(sentence, list(found.values()), p)):
        found.setdefault(f.start, f)
    return [found[k] for k in sorted(found)]


def _by(construction: Callable[..., list[Found]], found: list[Found]) -> list[Found]:
    """The amounts a construction read, named by it: the function's name is the rule."""
    return [replace(f, rule=construction.__name__.lstrip("_")) for f in found]


def _allocation(s: Sentence, context: Context, p: Patterns) -> list[Found]:
    found = []
    for pattern in p.allocations:
        for m in pattern.finditer(s.masked):
            before = s.text[: m.start()]
            body = _recipient(s.group(m, "body"), before, context.body, p)
            # a body named together with another shares the money in an unknown way:
            # "Socialnämnden och kommunstyrelsen tilldelas 4 mnkr"
            if body is not None and not p.joined.search(before):
                year = _year(s, m)
                found += [Found(*s.amount(m), body, m["unit"], year), *_listed(s, m.end(), body, year, p)]
    return found


def _year(s: Sentence, m: re.Match[str]) -> int | None:
    """The year a match states after its amount ("7 mnkr för 2026"), if any."""
    return s.year(m.start("year")) if m["year"] else None


def _recipient(body: str, before: str, last_body: str | None, p: Patterns) -> str | None:
    """The named body; a bare "nämnden" is the last body named before it."""
    if not p.anaphor.match(body):
        return body
    named = refers_back(p, before)
    return named[-1] if named else last_body


def _statement(s: Sentence, context: Context, p: Patterns) -> list[Found]:
    """ "Lönepotten uppgår till 15 mnkr år 2026, 47 mnkr år 2027 och 81 mnkr år 2028"."""
    m = p.statement.match(s.masked, s.opening)
    if m is None:
        return []
    subject = s.group(m, "subject")
    if subject.split()[0].lower() in p.subject_stops:
        return []
    year = _year(s, m) or s.one_year(m.start("between"), m.end("between"))
    return [Found(*s.amount(m), subject, m["unit"], year), *_listed(s, m.end(), subject, year, p)]


def _listed(s: Sentence, rest: int, label: str, year: int | None, p: Patterns) -> list[Found]:
    """More years of a statement's item after its first amount."""
    found = []
    while year is not None:
        m = next((m for pattern in p.listed if (m := pattern.match(s.masked, rest))), None)
        if m is None or (year := s.year(m.start("year"))) is None:
            break
        found.append(Found(*s.amount(m), label, m["unit"], year))
        rest = m.end()
    return found


def _item_statement(s: Sentence, context: Context, p: Patterns) -> list[Found]:
    """ "Ramen för 2026 års investeringar fastställs till 2 571 mnkr" → "Investeringar 2026"."""
    m = p.item_statement.match(s.masked, s.opening)
    if m is None:
        return []
    if m["genitive"]:
        return [Found(*s.amount(m), f"{s.group(m, 'item')} {s.group(m, 'genitive')}", m["unit"],
                      s.year(m.start("genitive")))]
    return [Found(*s.amount(m), s.group(m, "item"), m["unit"], _year(s, m))]


def _receipt(s: Sentence, context: Context, p: Patterns) -> list[Found]:
    """ "Kollektivtrafiknämnden får en ramförstärkning på 20 mnkr" → "Kollektivtrafiknämnden –
    ramförstärkning"; "Verksamheten redovisar ett överskott mot budget om 1,3 mnkr" under the
    heading "Gemensam administration" → "Gemensam administration – överskott mot budget"."""
    for pattern in p.receipts:
        if m := pattern.match(s.masked, s.opening):
            if m["op"] is not None:
                receiver = s.group(m, "opname") if m["opname"] else context.heading
            else:
                receiver = None if p.anaphor.match(m["subject"]) else s.group(m, "subject")
            if receiver is None:
                return []
            return [Found(*s.amount(m), f"{receiver} – {s.group(m, 'what')}", m["unit"])]
    return []


def _frame(s: Sentence, context: Context, p: Patterns) -> list[Found]:
    """ "Ram om 5,1 miljoner kronor till revisorerna"."""
    if m := p.frame.match(s.masked, s.opening):
        return [Found(*s.amount(m), s.group(m, "body"), m["unit"])]
    return []


def _purposed(s: Sentence, context: Context, p: Patterns) -> list[Found]:
    """ "För ökade IT-licenskostnader fördelas regionbidrag om 7 mnkr till nämnder 2026" →
    "Regionbidrag till nämnder för ökade IT-licenskostnader"."""
    m = p.purposed.match(s.masked, s.opening)
    if m is None:
        return []
    purpose, to = s.group(m, "purpose"), s.group(m, "to")
    head = _head(purpose, p)
    label = f"{s.group(m, 'what')} till {to} för {purpose}" if m["what"] else f"{to} ({head})"
    year = _year(s, m)
    return [Found(*s.amount(m), label, m["unit"], year, head),
            *(replace(f, purpose=head) for f in _listed(s, m.end(), label, year, p))]


def _head(purpose: str, p: Patterns) -> str:
    """What a purpose is about: "ökade driftkostnader för utbyte av armaturer" → "driftkostnader"."""
    words = purpose.replace(",", " ").split()
    while len(words) > 1 and words[0].lower() in p.purpose_modifiers:
        words = words[1:]
    cut = next((i for i, w in enumerate(words) if i and w.lower() in p.purpose_stops), len(words))
    return " ".join(words[:cut])


def _breakdown(s: Sentence, context: Context, p: Patterns) -> list[Found]:
    """ "Av dessa medel fördelas 4,2 mnkr till hälso- och sjukvårdsnämnden, 0,9 mnkr till
    regionstyrelsen samt 1 mnkr till övriga nämnder": each body's share, named with the
    purpose of the allocation before (its year too)."""
    m = p.breakdown.match(s.masked, s.opening)
    if m is None:
        return []
    whole = context.antecedent
    purpose = whole.purpose if whole else None
    found, rest = [], m.end()
    while item := p.breakdown_item.match(s.masked, rest):
        to = _recipient(s.group(item, "to"), s.text[: item.start()], context.body, p)
        if to is None:
            break
        found.append(Found(*s.amount(item), f"{to} ({purpose})" if purpose else to, item["unit"],
                           whole.year if whole else None))
        separator = p.breakdown_separator.match(s.masked, item.end())
        if separator is None:
            break
        rest = separator.end()
    return found


def _named(s: Sentence, context: Context, p: Patterns) -> list[Found]:
    """ "Projektmedel till biblioteket från Region Skåne (350 tkr) för …"."""
    m = p.named.match(s.masked, s.opening)
    if m is None:
        return []
    words = s.group(m, "named").split()
    if len(words) > p.named_words or any(w.lower() in p.clause_words or p.passive.match(w) for w in words):
        return []
    return [Found(*s.amount(m), " ".join(words), m["unit"])]


def _budget_line(s: Sentence, context: Context, p: Patterns) -> list[Found]:
    """ "I budgeten för studieförbundsbidrag finns 400 tkr" → "Studieförbundsbidrag – budget"."""
    m = p.budget_line.match(s.masked, s.opening)
    if m is None:
        return []
    return [Found(*s.amount(m), f"{s.group(m, 'item')} – {p.budget_lines[m['line'].lower()]}", m["unit"])]


def _defined(s: Sentence, p: Patterns) -> list[Found]:
    """ "av den totala investeringsbudgeten på 10,5 mnkr" → "Totala investeringsbudgeten"."""
    return [Found(*s.amount(m), s.group(m, "defined"), m["unit"]) for m in p.defined.finditer(s.masked)]


def _part(s: Sentence, wholes: list[Found], p: Patterns) -> list[Found]:
    """ "94 mnkr, varav 73 mnkr inom den skattefinansierade verksamheten" → "<whole>, <part>"."""
    found = []
    for m in p.part.finditer(s.masked):
        before = [f for f in wholes if f.start < m.start()]
        if before:
            whole = max(before, key=lambda f: f.start)
            found.append(replace(whole, start=m.start("num"), number=s.amount(m)[1],
                                 label=f"{whole.label}, {s.group(m, 'part')}", unit=m["unit"]))
    return found


_OPENINGS: tuple[Callable[[Sentence, Context, Patterns], list[Found]], ...] = (
    _item_statement, _statement, _receipt, _frame, _purposed, _breakdown, _named, _budget_line)


def refers_back(p: Patterns, text: str) -> list[str]:
    """The bodies a text names, for a later bare "nämnden"."""
    return [m.group(0) for m in p.body.finditer(text) if not p.anaphor.match(m.group(0))]

