"""`pipeline explain FILE --page N` on a corpus budget: the rule that made each goal and
indicator of the page, and the evidence every political row carries."""
from __future__ import annotations

import re

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.extract.political import extract_political
from tests.settings_helpers import SETTINGS

ALINGSAS = "alingsas_budget_2021-2023.pdf"
MADE = re.compile(r"^\s+(goal|indicator|measure) ([gim]\d{3}) by (\w+)", re.M)


def test_explain_names_the_rule_that_made_each_goal_and_indicator(corpus_dir):
    # page 16: "Indikatorer:" bullets of goal 2, the goal headings "Mål 3. …" and "Mål 4. …",
    # and the "Indikatorer" bullets of goal 3
    result = CliRunner().invoke(app, ["explain", str(corpus_dir / ALINGSAS), "--page", "16"])
    assert result.exit_code == 0, result.output
    made = {(what, row_id): rule for what, row_id, rule in MADE.findall(result.output)}
    assert {k: v for k, v in made.items() if k[0] == "goal"} == {("goal", "g003"): "goal_heading",
                                                                 ("goal", "g004"): "goal_heading"}
    indicators = {k[1]: v for k, v in made.items() if k[0] == "indicator"}
    assert sorted(indicators) == [f"i{n:03d}" for n in range(11, 27)]
    assert set(indicators.values()) == {"indicator_list_item"}
    assert "cue_heading (won)" in result.output  # the "Indikatorer" headings that open the lists


def test_explain_of_a_missing_file_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["explain", str(tmp_path / "none.pdf"), "--page", "1"])
    assert result.exit_code == 2


def test_every_political_row_names_its_rule_and_lies_on_its_page(layout_of):
    doc = layout_of(ALINGSAS)
    pages = {p.number: p for p in doc.pages}
    for row in [r for rows in extract_political(doc, SETTINGS, "budget") for r in rows]:
        assert row.rule, row
        page = pages[row.page]
        assert 0 <= row.x0 < row.x1 <= page.width and 0 <= row.top < row.bottom <= page.height, row
