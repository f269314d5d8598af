"""The table cell reader moved to the tables stage (pipeline/tables/); the political
reader (sections.py) still splits table rows into cells itself, with this one function,
until it reads the table model."""
from pipeline.tables.segments import split_cells

__all__ = ["split_cells"]
