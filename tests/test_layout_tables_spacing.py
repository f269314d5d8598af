"""Table regions and list nesting on airy pages: a borderless table whose rows follow each
other at a wide pitch (8 pt text a row every 26 pt, 9 pt every 30 pt) is one region with its
header and its last row; a cell set close to the text before it but on a column the other
rows share is a cell of its own; bullets nested under each goal of a list, each under a
"Mått:" line, are equally deep. Each page is a small generated PDF run through the real
layout stage (and the political extraction where the region decides what is read)."""
from __future__ import annotations

import pytest

from pipeline.model import BlockKind, Document
from tests.test_indicator_phrasing import _by_text, _goal_list_with_matt
from tests.test_political import generated_layout
from tests.test_political_layouts import BODY, FILLER, TITLE, Column, grid, political

HEADER = ("Mål", "Indikator", "Nuläge 2024", "Målvärde 2026", "Referensvärde")
ROWS = [
    HEADER,
    ("Fler invånare ska ha\nett arbete", "Andel förvärvsarbetande 20–64 år", "78 %", "80 %", "79 %"),
    ("", "Antal nystartade företag", "112", "130", "125"),
    ("Invånarna ska vara nöjda\nmed kommunens service", "Nöjd medborgar-index (NKI)", "58", "", "60"),  # an empty cell
]
WORK, SERVICE = "Fler invånare ska ha ett arbete", "Invånarna ska vara nöjda med kommunens service"
EXPECTED = {
    "Andel förvärvsarbetande 20–64 år": (WORK, "target", 80.0, "percent"),
    "Antal nystartade företag": (WORK, "target", 130.0, "count"),
    "Nöjd medborgar-index (NKI)": (SERVICE, None, None, "index"),
}
INTRO = "Tabellen visar fullmäktiges mål med indikatorer, nuläge och målvärden."


def _goal_table_page(xs: list[float], size: float, pitch: float) -> list[tuple[float, float, float, str]]:
    return Column(50).add(16, "Kommunfullmäktiges mål och indikatorer").add(BODY, INTRO).lines + grid(
        150, xs, ROWS, size=size, pitch=pitch)


def _layout(tmp_path, page, *, settings) -> Document:
    return generated_layout(tmp_path / "plan.pdf", [FILLER, page], title=TITLE, settings=settings)


# -- 1. rows set at a wide pitch: one region, header and last row included -------------------------------

AIRY = [([50, 180, 360, 430, 500], 8, 26), ([50, 175, 355, 430, 505], 9, 30)]


@pytest.mark.parametrize(("xs", "size", "pitch"), AIRY)
def test_airy_table_is_one_region_with_its_header_and_last_row(tmp_path, xs, size, pitch, settings):
    doc = _layout(tmp_path, _goal_table_page(xs, size, pitch), settings=settings)
    tables = [b for b in doc.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1
    texts = [ln.text for ln in tables[0].lines]
    assert texts[0] == " ".join(HEADER)
    assert texts[-2:] == ["Invånarna ska vara nöjda Nöjd medborgar-index (NKI) 58 60", "med kommunens service"]
    assert not any(b.kind is BlockKind.PARAGRAPH and "Referensvärde" in b.text for b in doc.blocks)


@pytest.mark.parametrize(("xs", "size", "pitch"), AIRY)
def test_airy_table_goals_and_indicators(tmp_path, xs, size, pitch, settings):
    goals, indicators, _ = political(tmp_path, [FILLER, _goal_table_page(xs, size, pitch)], settings=settings)
    assert [(g.title, g.kind) for g in goals] == [(WORK, "political"), (SERVICE, "political")]
    assert _by_text(indicators, goals) == EXPECTED


def test_prose_after_an_airy_table_stays_prose(tmp_path, settings):
    """The pitch admits figure rows only: a sentence set one pitch below the last row is no row."""
    page = _goal_table_page([50, 180, 360, 430, 500], 8, 26)
    page.append((50, 150 + len(ROWS) * 26 + 11, BODY, "Målvärdena följs upp i delårsrapporten och i årsredovisningen."))
    doc = _layout(tmp_path, page, settings=settings)
    assert [b.kind for b in doc.blocks if "delårsrapporten" in b.text] == [BlockKind.PARAGRAPH]


def test_figure_rows_far_apart_at_an_irregular_step_are_no_table(tmp_path, settings):
    """Two lines with a figure each, far apart and at no shared pitch, stay prose lines."""
    page = Column(50).add(16, "Ekonomi").lines + [
        (50, 120, 8, "Skattesats 2026      21,50"),
        (50, 150, 8, "Kommunen har fler invånare än i fjol och befolkningen väntas fortsätta att öka."),
        (50, 190, 8, "Invånare 31 december      41 200"),
    ]
    doc = _layout(tmp_path, page, settings=settings)
    assert not any(b.kind is BlockKind.TABLE for b in doc.blocks)


# -- 2. a column gap narrower than the cell gap -----------------------------------------------------------


def test_cell_on_a_shared_column_close_to_the_text_before_it(tmp_path, settings):
    goals, indicators, _ = political(tmp_path, [FILLER, _goal_table_page([50, 180, 340, 430, 505], 9, 26)],
                                     settings=settings)
    assert _by_text(indicators, goals) == EXPECTED


# -- 3. bullets nested under each goal of a list -----------------------------------------------------------


@pytest.mark.parametrize(("goal_marker", "indicator_marker"), [("{n}.", "•"), ("•", "–")])
def test_bullets_under_each_goal_are_equally_deep(tmp_path, goal_marker, indicator_marker, settings):
    doc = generated_layout(tmp_path / "goals.pdf", [_goal_list_with_matt(goal_marker, indicator_marker, 15)],
                           settings=settings)
    items = [(b.text, b.depth) for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [
        ("Invånarna ska känna sig trygga i hela kommunen", 0),
        ("Andel invånare som känner sig trygga ska öka", 1),
        ("Antal anmälda brott per 1 000 invånare ska minska", 1),
        ("Alla elever ska nå sin fulla potential i skolan", 0),
        ("Andel elever med gymnasieexamen, minst 90 %", 1),
    ]


def test_body_text_at_the_margin_ends_a_list(tmp_path, settings):
    """A paragraph at the markers' own x is no part of the list: an indented list after it
    is a list of its own, not nested under the one before."""
    page = (Column(60)
            .add(18, "Övergripande mål")
            .add(BODY, "• Invånarna ska känna sig trygga i hela kommunen")
            .add(BODY, "Målen följs upp varje år i årsredovisningen.")).lines
    page += Column(75, y=page[-1][1] + 2 * BODY).add(BODY, "• Andel invånare som känner sig trygga ska öka").lines
    doc = generated_layout(tmp_path / "lists.pdf", [page], settings=settings)
    assert [b.depth for b in doc.blocks if b.kind is BlockKind.LIST_ITEM] == [0, 0]
