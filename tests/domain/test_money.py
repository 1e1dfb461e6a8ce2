from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from btcbot.domain.money import (
    MoneyError,
    apply_bps,
    bps_of,
    decimals_of,
    format_decimal,
    quantize_down,
    quantize_up,
    to_decimal,
)


def test_reads_wire_strings_exactly() -> None:
    assert to_decimal("0.1") + to_decimal("0.2") == Decimal("0.3")
    assert to_decimal(" 42 ") == Decimal(42)
    assert to_decimal(7) == Decimal(7)


def test_accepts_the_comma_decimal_of_the_official_balance_example() -> None:
    assert to_decimal("27223,7283250757643288") == Decimal("27223.7283250757643288")


@pytest.mark.parametrize("bad", [0.1, True, "abc", "NaN", "Infinity", ""])
def test_refuses_floats_bools_and_non_numbers(bad: object) -> None:
    with pytest.raises(MoneyError):
        to_decimal(bad)  # type: ignore[arg-type]


def test_quantize_directions() -> None:
    assert quantize_down(Decimal("1.239"), 2) == Decimal("1.23")
    assert quantize_up(Decimal("1.231"), 2) == Decimal("1.24")
    assert quantize_down(Decimal("-1.239"), 2) == Decimal("-1.23")
    assert quantize_down(Decimal("123456.9"), 0) == Decimal(123456)


def test_format_has_no_exponent_or_trailing_zeros() -> None:
    assert format_decimal(Decimal("1E-8")) == "0.00000001"
    assert format_decimal(Decimal("1.2300")) == "1.23"
    assert format_decimal(Decimal("1E+3")) == "1000"
    assert format_decimal(Decimal("-0.0")) == "0"


def test_decimals_of_ignores_trailing_zeros() -> None:
    assert decimals_of(Decimal("5.7192000000000000")) == 4
    assert decimals_of(Decimal("100")) == 0


def test_basis_points() -> None:
    assert bps_of(Decimal(1), Decimal(100)) == Decimal(100)
    assert apply_bps(Decimal(100), 30) == Decimal("100.3")
    with pytest.raises(MoneyError):
        bps_of(Decimal(1), Decimal(0))


@given(st.decimals(allow_nan=False, allow_infinity=False, places=12))
def test_format_round_trips(value: Decimal) -> None:
    assert Decimal(format_decimal(value)) == value
    assert "E" not in format_decimal(value)
