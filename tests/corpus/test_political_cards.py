"""Goal cards in generated PDFs: an area heading, then the area's goal in bold on a filled box
(white on a dark colour, drawn one rectangle per line as Word does; or dark text on a light
tint, one rectangle), then prose. The goal is read from the box with the heading as its focus
area; a shaded panel holding several texts, and prose, give no goal."""
from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from pipeline.extract.political import extract_political
from tests.pdfgen import FONT_CANDIDATES
from tests.settings_helpers import SETTINGS, laid_out

BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
GOAL = ["Det långsiktiga arbetet med tidiga insatser för att alla elever ska klara de",
        "nationella proven i svenska och matematik fortsätter under hela perioden."]
PROSE = ["Arbetet med tidiga insatser inriktas under året mot att stärka stödet till barn.",
         "Under våren genomförs uppföljningar av skolornas handlingsplaner."]


AREAS = [("Tidiga insatser i förskolan", GOAL),
         ("Trygg skolmiljö", ["Alla elever ska känna sig trygga i skolan och i förskolan under hela",
                              "perioden, och arbetet med studiero fortsätter på varje skola."])]


def _pdf(target: Path, fill: tuple[int, int, int], text: tuple[int, int, int], per_line: bool,
         panel: bool = False) -> Path:
    """Two areas, each a heading, its card and prose: cards come one per area."""
    regular = next((p for p in FONT_CANDIDATES if p.exists()), None)
    if regular is None or not BOLD.exists():
        pytest.skip("DejaVu Sans (regular and bold) is needed for generated PDFs")
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_font("body", fname=str(regular))
    pdf.add_font("body", style="B", fname=str(BOLD))
    pdf.add_page()
    for n, (heading, goal) in enumerate(AREAS):
        _area(pdf, 100 + 220 * n, heading, goal, fill, text, per_line, panel)
    pdf.output(str(target))
    return target


def _area(pdf: FPDF, y0: float, heading: str, goal: list[str], fill: tuple[int, int, int],
          text: tuple[int, int, int], per_line: bool, panel: bool) -> None:
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("body", "B", 14)
    pdf.text(77, y0, heading)
    top = y0 + 12
    pdf.set_fill_color(*fill)
    if per_line:
        for n in range(len(goal)):
            pdf.rect(77, top + n * 14, 440, 14, style="F")
    else:
        pdf.rect(77, top, 440, 14 * len(goal) + 4, style="F")
    pdf.set_text_color(*text)
    pdf.set_font("body", "B", 11)
    for n, line in enumerate(goal):
        pdf.text(85, top + 11 + n * 14, line)
    y = top + 14 * len(goal) + 22
    if panel:  # the tint goes on under the text below: one panel, not a card
        pdf.rect(77, y - 12, 440, 14 * len(PROSE) + 4, style="F")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("body", "", 11)
    for n, line in enumerate(PROSE):
        pdf.text(77, y + n * 14, line)


def _goals(path: Path):
    goals, _, _ = extract_political(laid_out(path), SETTINGS)
    return goals


@pytest.mark.parametrize(
    ("fill", "text", "per_line"),
    [((0, 87, 74), (255, 255, 255), True), ((222, 226, 230), (20, 20, 20), False)],
    ids=["white-on-green-per-line", "dark-on-light-grey"],
)
def test_goal_card_under_its_area_heading(tmp_path, fill, text, per_line):
    goals = _goals(_pdf(tmp_path / "card.pdf", fill, text, per_line))
    assert [(g.title, g.focus_area, g.rule) for g in goals] == [
        (" ".join(goal), heading, "goal_card") for heading, goal in AREAS]
    assert goals[0].x0 is not None and goals[0].top is not None


def test_a_panel_shading_the_text_below_too_is_no_card(tmp_path):
    assert _goals(_pdf(tmp_path / "panel.pdf", (222, 226, 230), (20, 20, 20), False, panel=True)) == []
