"""Cue words as configs/*.yaml lists them: regular expressions anchored at a word start.

"ram" is not "program", "medel" is not "medelvärde"; a cue that heads Swedish compounds
says so itself with a leading \\w* ("\\w*budget": driftbudget, resultatbudget).
"""
from __future__ import annotations

import re


def any_of(cues: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the cues at the start of a word."""
    return re.compile("|".join(rf"\b(?:{c})" for c in cues), re.IGNORECASE)
