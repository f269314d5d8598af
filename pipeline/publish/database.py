"""The embedded database: one DuckDB table per dataset plus convenience views.

Built in a temporary file and renamed into place, so a reader opening
`budget.duckdb` always sees a complete database.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from pipeline.contract import DATASETS, ColumnType, columns, primary_key
from pipeline.publish.writers import atomic_path

_DUCK_TYPES = {
    ColumnType.STRING: "VARCHAR",
    ColumnType.INTEGER: "BIGINT",
    ColumnType.NUMBER: "DOUBLE",
    ColumnType.BOOLEAN: "BOOLEAN",
}

VIEWS = {
    "amounts_by_document": """
        SELECT d.source_file, d.municipality, d.municipality_code, d.organisation, d.doc_type,
               d.period_start, d.period_end, a.*
        FROM amounts a JOIN documents d USING (doc_id)""",
    "indicators_with_goals": """
        SELECT i.*, g.title AS goal_title, g.kind AS goal_kind, g.focus_area
        FROM indicators i LEFT JOIN goals g ON g.doc_id = i.doc_id AND g.goal_id = i.goal_id""",
    "measures_with_goals": """
        SELECT m.*, g.title AS goal_title
        FROM measures m LEFT JOIN goals g ON g.doc_id = m.doc_id AND g.goal_id = m.goal_id""",
    # every indicator once, with its best Kolada candidate where one was published
    "indicators_with_kpi": """
        SELECT i.*, k.kpi_id, k.kpi_title, k.score AS kpi_score,
               d.municipality, d.kolada_municipality_id
        FROM indicators i JOIN documents d USING (doc_id)
        LEFT JOIN indicator_kpi k ON k.doc_id = i.doc_id AND k.indicator_id = i.indicator_id AND k.rank = 1""",
}


def write_database(target: Path, frames: dict[str, pd.DataFrame]) -> None:
    with atomic_path(target) as tmp:
        tmp.unlink()  # duckdb creates the file itself
        con = duckdb.connect(str(tmp))
        try:
            for name, df in frames.items():
                _create_table(con, name, df)
            for view, sql in VIEWS.items():
                if all(t in frames for t in DATASETS):
                    con.execute(f"CREATE VIEW {view} AS {sql}")
        finally:
            con.close()


def _create_table(con: duckdb.DuckDBPyConnection, name: str, df: pd.DataFrame) -> None:
    """Contract tables get declared types, primary keys and column comments (the contract's
    meaning); other tables (validation results) are inferred."""
    con.register("frame", df)
    if name not in DATASETS:
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")
        con.unregister("frame")
        return
    declared = ", ".join(f'"{c.name}" {_DUCK_TYPES[c.type]}' for c in columns(name))
    con.execute(f"CREATE TABLE {name} ({declared}, PRIMARY KEY ({', '.join(primary_key(name))}))")
    for c in columns(name):
        con.execute(f"""COMMENT ON COLUMN {name}."{c.name}" IS '{c.meaning.replace("'", "''")}'""")
    con.execute(f"INSERT INTO {name} SELECT * FROM frame")
    con.unregister("frame")
