"""The political reader's vocabulary, compiled once per settings object.

configs/lexicon.yaml's cue lists (sections), compound grammar, body names and indicator
wording, with the layout setting the reader must share with the layout stage (the pattern
of a heading number), compiled
into one `Lexicon`: `settings.derived(Lexicon.of)` makes it on first use, and the rules reach
it through their `Context`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.settings import Settings
from pipeline.text.lexicon import Bodies, Compounds, CueList, lemmas

Named = tuple[tuple[str, re.Pattern[str]], ...]  # (name, pattern), tried in order


@dataclass(frozen=True)
class Lexicon:
    """Everything the political reader matches text against, compiled: one per settings
    object, so no document recompiles a cue list and two configurations never mix."""

    goals: dict[str, CueList]
    goal_idioms: CueList
    goal_prefix: re.Pattern[str]
    goal_run: re.Pattern[str]
    goal_chapters: CueList
    goal_sentence: re.Pattern[str]
    indicators: CueList
    measures: CueList
    decisions: CueList
    filler: frozenset[str]
    attributes: tuple[re.Pattern[str], ...]
    baselines: tuple[re.Pattern[str], ...]
    comments: tuple[re.Pattern[str], ...]
    tasks: tuple[re.Pattern[str], ...]
    direction_columns: CueList
    responsible_columns: CueList
    measure_chapters: CueList
    mandates: CueList
    mandate_doc_types: frozenset[str]
    financial_terms: CueList
    intro_words: CueList
    amount_lines: tuple[str, ...]
    compounds: Compounds
    bodies: Bodies
    numbered: re.Pattern[str]  # a heading's number token ("2.2", "2.2."), as the layout stage recognises it
    directions: Named  # an indicator's wanted direction, the more specific phrase first
    units: Named  # an indicator's unit

    @classmethod
    def of(cls, settings: Settings) -> Lexicon:
        cfg, compounds = settings.lexicon.sections, Compounds.of(settings.lexicon.compounds)

        def cues(words: list[str]) -> CueList:
            return CueList.of(words, compounds)

        prefixes = _alternatives(cfg.goal_prefixes)
        return cls(
            goals={kind: cues(words) for kind, words in cfg.goals.model_dump().items()},
            goal_idioms=cues(cfg.goal_idioms),
            goal_prefix=re.compile(
                rf"^(?:{prefixes})\s*(?:(?P<num>\d{{1,2}}(?:\.\d{{1,2}})*)\s*[.:)]?|:)\s+(?P<title>\S.*)$", re.I
            ),
            goal_run=re.compile(
                rf"(?:^|(?<=\s))(?:{_alternatives(cfg.goal_prefixes + cfg.goal_run_prefixes)})"
                r"\s+(?P<num>\d{1,2}(?:\.\d{1,2})*)\s*[–:.-]\s+(?=[A-ZÅÄÖ])",
                re.I,
            ),
            goal_chapters=cues(cfg.goal_chapters),
            goal_sentence=re.compile(cfg.goal_sentence.replace("{noun}", rf"(?i:{_alternatives(cfg.goal_nouns)})\b")),
            indicators=cues(cfg.indicators),
            measures=cues(cfg.measures),
            decisions=cues(cfg.decision_headings),
            filler=frozenset(t for w in cfg.filler for t in lemmas(str(w))),
            attributes=_compiled(cfg.indicator_attributes),
            baselines=_compiled(cfg.indicator_baselines),
            comments=_compiled(cfg.comment_rows),
            tasks=_compiled(cfg.task_phrases),
            direction_columns=cues(cfg.direction_columns),
            responsible_columns=cues(cfg.responsible_columns),
            measure_chapters=cues(cfg.measure_chapters),
            mandates=cues(cfg.mandate_headings),
            mandate_doc_types=frozenset(cfg.mandate_doc_types),
            financial_terms=cues(cfg.financial_goal_terms),
            intro_words=cues(cfg.intro_words),
            amount_lines=tuple(sorted(cfg.amount_lines, key=len, reverse=True)),
            compounds=compounds,
            bodies=Bodies.of(settings.lexicon.responsible),
            numbered=re.compile(settings.layout.headings.numbered),
            directions=tuple((name, re.compile(p, re.I)) for name, p in settings.lexicon.directions),
            units=tuple((name, re.compile(p, re.I)) for name, p in settings.lexicon.units),
        )


def _compiled(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.I) for p in patterns)


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
