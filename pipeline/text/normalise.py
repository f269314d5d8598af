"""Joining a block's lines into text: undo line-end hyphenation, keep compound hyphens.

Swedish writes shared compound parts with a hyphen ("kultur- och fritidsnämnden",
"hälso- och sjukvård"); when such a hyphen falls at a line end it must stay, followed by
a space. A hyphen after a capital or digit ("EU-", "2024-") is part of the word and stays
without a space. Any other letter-hyphen at a line end is a typesetting break: join.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_HYPHENS = "-\u2010\u2011"
_WS = re.compile(r"[\s\u00a0\u202f\u2009]+")


@dataclass(frozen=True)
class HyphenationSettings:
    compound_continuations: frozenset[str]
    soft_hyphen: str


def join_lines(lines: list[str], cfg: HyphenationSettings) -> str:
    text = ""
    for raw in lines:
        line = normalise_space(raw)
        if not line:
            continue
        if not text:
            text = line
            continue
        text = _join(text, line, cfg)
    return text.replace(cfg.soft_hyphen, "")


def _join(text: str, line: str, cfg: HyphenationSettings) -> str:
    if text.endswith(cfg.soft_hyphen):
        return text[: -len(cfg.soft_hyphen)] + line
    if len(text) >= 2 and text[-1] in _HYPHENS and text[-2].isalnum():
        next_word = line.split(" ", 1)[0].lower()
        if next_word in cfg.compound_continuations or next_word.rstrip(",") in cfg.compound_continuations:
            return f"{text} {line}"
        if text[-2].isupper() or text[-2].isdigit() or line[0].isupper() or line[0].isdigit():
            return text + line
        return text[:-1] + line
    return f"{text} {line}"


def normalise_space(text: str) -> str:
    return _WS.sub(" ", text).strip()
