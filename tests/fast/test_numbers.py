"""Tests for pipeline.text.numbers."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, strategies as st

from pipeline.text.numbers import ParsedNumber, find_numbers, is_nil, parse_number

NBSP = "\u00a0"
NNBSP = "\u202f"
THIN = "\u2009"
MINUS = "\u2212"
EN_DASH = "\u2013"
EM_DASH = "\u2014"


@pytest.mark.parametrize(
    ("text", "value", "is_percent", "decimals"),
    [
        ("2 421 049", 2421049, False, 0),
        (f"2{NBSP}421{NBSP}049", 2421049, False, 0),
        (f"2{NNBSP}421{NNBSP}049", 2421049, False, 0),
        (f"2{THIN}421{THIN}049", 2421049, False, 0),
        (f"2 421{NBSP}049", 2421049, False, 0),
        ("2421049", 2421049, False, 0),
        ("-75 475", -75475, False, 0),
        (f"{MINUS}54 778", -54778, False, 0),
        (f"{EN_DASH}54 778", -54778, False, 0),
        ("- 6 279", -6279, False, 0),
        (f"{MINUS} 6 279", -6279, False, 0),
        ("(45,2)", -45.2, False, 1),
        ("( 45,2 )", -45.2, False, 1),
        ("(2 421 049)", -2421049, False, 0),
        ("44,0", 44.0, False, 1),
        ("0,5", 0.5, False, 1),
        ("96,6%", 96.6, True, 1),
        ("3,3 %", 3.3, True, 1),
        (f"3,3{NBSP}%", 3.3, True, 1),
        ("-3,3 %", -3.3, True, 1),
        ("(3,3 %)", -3.3, True, 1),
        ("0", 0.0, False, 0),
        ("-0", 0.0, False, 0),
        ("+3,2", 3.2, False, 1),
        ("12.5", 12.5, False, 1),
        ("1.234", 1.234, False, 3),
        ("1.234.567", 1234567, False, 0),
        ("-1.234.567", -1234567, False, 0),
        ("1 234,56", 1234.56, False, 2),
        ("  2 421 049 \n", 2421049, False, 0),
        (f"{NBSP}44,0{NBSP}", 44.0, False, 1),
    ],
)
def test_parse_number_formats(text: str, value: float, is_percent: bool, decimals: int) -> None:
    assert parse_number(text) == ParsedNumber(value=value, is_percent=is_percent, decimals=decimals)


@pytest.mark.parametrize("text", ["-0", "(0)", f"{MINUS}0,0"])
def test_negative_zero_is_plain_zero(text: str) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert math.copysign(1.0, parsed.value) == 1.0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "-",
        EN_DASH,
        EM_DASH,
        MINUS,
        "%",
        "årligen, löpande",
        "K: 70 %",
        "70 % K",
        "2021-03-04",
        "300-400",
        f"300{EN_DASH}400",
        "300 - 400",
        "08-123 45 67",
        "070-123 45 67",
        "08 123 45 67",
        "0701234567",
        "2 42 049",
        "2 4210 049",
        "1 2345",
        "2421 049",
        "2  421",
        "007",
        "0 500",
        "1.234.567,8",
        "1.234,5",
        "1..2",
        "1,2,3",
        "12,",
        ",5",
        "5.",
        "(45,2",
        "45,2)",
        "(-45,2)",
        "-(45,2)",
        "--5",
        "+-5",
        f"{EM_DASH}5",
        "5 %%",
        "% 5",
        "5-",
        "1e5",
        "inf",
        "nan",
        "٣",
    ],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ["-", EN_DASH, EM_DASH, MINUS, f" {EN_DASH} ", f"{NBSP}-{NBSP}"])
def test_is_nil_for_lone_dashes(text: str) -> None:
    assert is_nil(text)


@pytest.mark.parametrize("text", ["", " ", "0", "-0", "--", "- 5", "n/a", "–54 778"])
def test_is_nil_false_otherwise(text: str) -> None:
    assert not is_nil(text)


SEPARATORS = st.sampled_from([None, " ", NBSP, NNBSP, THIN])
NEGATIONS = st.sampled_from(["-", MINUS, EN_DASH, "- ", f"{MINUS} ", "()"])


def _swedish(units: int, decimals: int, separator: str | None, negation: str, percent: bool) -> str:
    """Format ``units / 10**decimals`` the way a Swedish budget PDF prints it."""
    digits = str(abs(units)).rjust(decimals + 1, "0")
    integer, fraction = digits[: len(digits) - decimals], digits[len(digits) - decimals :]
    if separator is not None:
        groups = []
        while len(integer) > 3:
            integer, group = integer[:-3], integer[-3:]
            groups.insert(0, group)
        integer = separator.join([integer, *groups])
    body = f"{integer},{fraction}" if decimals else integer
    if percent:
        body += " %"
    if units >= 0:
        return body
    if negation == "()":
        return f"({body})"
    return negation + body


@given(
    units=st.integers(min_value=-(10**13), max_value=10**13),
    decimals=st.integers(min_value=0, max_value=2),
    separator=SEPARATORS,
    negation=NEGATIONS,
    percent=st.booleans(),
)
def test_parse_number_round_trips_swedish_formatting(
    units: int, decimals: int, separator: str | None, negation: str, percent: bool
) -> None:
    expected = round(units / 10**decimals, decimals)
    text = _swedish(units, decimals, separator, negation, percent)
    assert parse_number(text) == ParsedNumber(value=expected, is_percent=percent, decimals=decimals)


@given(
    units=st.integers(min_value=-(10**13), max_value=10**13),
    decimals=st.integers(min_value=0, max_value=2),
    separator=SEPARATORS,
    negation=st.sampled_from(["-", MINUS, EN_DASH]),
    percent=st.booleans(),
)
def test_find_numbers_locates_formatted_number_in_prose(
    units: int, decimals: int, separator: str | None, negation: str, percent: bool
) -> None:
    number = _swedish(units, decimals, separator, negation, percent)
    text = f"Beloppet {number} avser 2021."
    spans = find_numbers(text)
    assert [text[s.start : s.end] for s in spans] == [number, "2021"]
    assert spans[0].number == parse_number(number)


@given(st.text())
def test_parse_number_never_raises(text: str) -> None:
    parse_number(text)
    find_numbers(text)
    is_nil(text)


def _found(text: str) -> list[tuple[str, float]]:
    return [(text[s.start : s.end], s.number.value) for s in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("600 tkr tillskjuts socialnämnden", [("600", 600)]),
        (
            "Resultatet 2021 uppgår till 2 421 049 tkr",
            [("2021", 2021), ("2 421 049", 2421049)],
        ),
        (
            f"Resultatet 2021 uppgår till 2{NBSP}421{NBSP}049 tkr",
            [("2021", 2021), (f"2{NBSP}421{NBSP}049", 2421049)],
        ),
        ("3,2 mdkr", [("3,2", 3.2)]),
        ("år 2021 600 tkr", [("2021", 2021), ("600", 600)]),
        ("under 2021 100 000 kr", [("2021", 2021), ("100 000", 100000)]),
        ("en ökning med 3,3 % jämfört", [("3,3 %", 3.3)]),
        (f"förändring {MINUS}54 778 tkr", [(f"{MINUS}54 778", -54778)]),
        ("(-5 tkr)", [("-5", -5)]),
        ("budgeten (600 tkr) för", [("600", 600)]),
        (f"nämnd {EN_DASH} 600 tkr", [("600", 600)]),
        ("uppgår till 12.5 mnkr.", [("12.5", 12.5)]),
        ("totalt 1.234.567 kr", [("1.234.567", 1234567)]),
        ("slutet av 2021.", [("2021", 2021)]),
        ("2021, 2022 och 2023", [("2021", 2021), ("2022", 2022), ("2023", 2023)]),
        ("år 2021 -600 tkr", [("2021", 2021), ("-600", -600)]),
        ("ökade 5 % 2021", [("5 %", 5), ("2021", 2021)]),
        ("totalt 12345 678 kr", [("12345", 12345), ("678", 678)]),
    ],
)
def test_find_numbers_in_sentences(text: str, expected: list[tuple[str, float]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "årligen, löpande",
        "den 2021-03-04",
        "perioden 2019–2021",
        "mellan 300-400 platser",
        "ring 08-1234567",
        "ring 070-123 45 67",
        "ring 08 123 45 67",
        "summa 2 42 049 kr",
        "summa 2 421 0490 kr",
        "summa 12 345 67 kr",
        "mellan 2 000–3 000 kr",
        "kod K2 och B12",
        "värden 1,2,3",
    ],
)
def test_find_numbers_skips_non_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_find_numbers_reports_percent_and_decimals() -> None:
    [span] = find_numbers("andel 96,6% av budget")
    assert span.number == ParsedNumber(value=96.6, is_percent=True, decimals=1)
