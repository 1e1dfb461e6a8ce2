"""The search space: declared parameters as Optuna distributions, values back exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution

from btcbot.research.space import build_space
from btcbot.research.windows import (
    DAY_MS,
    Span,
    WindowError,
    check_lengths,
    parse_split,
    parse_walk_forward,
)
from btcbot.strategy.parameters import (
    ChoiceParam,
    DecimalParam,
    FloatParam,
    IntParam,
    ParameterError,
)

D = Decimal
DECLARED = {
    "fast": IntParam(10, low=2, high=200, step=2),
    "notional": DecimalParam(D(500), D(10), D(1_000_000)),
    "bps": DecimalParam(D("25"), D("0"), D("100"), step=D("0.5")),
    "ratio": FloatParam(0.5, 0.0, 1.0),
    "mode": ChoiceParam("a", ("a", "b", "c")),
}


def test_every_kind_maps_onto_a_distribution_and_back_exactly() -> None:
    space = build_space(DECLARED, {}, {})
    kinds = {d.name: type(d.distribution) for d in space.dimensions}
    assert kinds == {
        "fast": IntDistribution,
        "notional": FloatDistribution,
        "bps": FloatDistribution,
        "ratio": FloatDistribution,
        "mode": CategoricalDistribution,
    }
    dims = {d.name: d for d in space.dimensions}
    assert dims["fast"].distribution.high == 200  # type: ignore[attr-defined]
    # a float that is the step's neighbour comes back as the exact decimal on the grid
    assert dims["bps"].value(37.50000000000001) == D("37.5")
    assert dims["notional"].step == D(10)  # ~10^4 points over 999,990 TRY: 10 TRY steps
    assert dims["notional"].value(123456.7) == D(123460)
    values = space.values({"fast": 12, "notional": 1000.0, "bps": 0.5, "ratio": 0.25, "mode": "b"})
    assert values == {"fast": 12, "notional": D(1000), "bps": D("0.5"), "ratio": 0.25, "mode": "b"}


def test_ranges_narrow_fixed_values_leave_the_search() -> None:
    space = build_space(DECLARED, {"mode": "c"}, {"fast": "4..14", "notional": "100..2000"})
    dims = {d.name: d for d in space.dimensions}
    assert "mode" not in dims and space.fixed == {"mode": "c"}
    fast = dims["fast"].distribution
    assert (fast.low, fast.high, fast.step) == (4, 14, 2)  # type: ignore[attr-defined]
    assert dims["notional"].step == D("0.1")  # 1,900 TRY wide: 0.1 TRY steps
    assert "notional: 100..2000 step 0.1" in space.describe()
    only_b = build_space(DECLARED, {}, {"mode": "b|a"})
    assert {d.name: d for d in only_b.dimensions}["mode"].distribution == CategoricalDistribution(
        ("b", "a")
    )


@pytest.mark.parametrize(
    ("fixed", "ranges", "message"),
    [
        ({"nope": "1"}, {}, "unknown parameter nope"),
        ({}, {"fast": "1..50"}, "--range fast=1..50: parameter fast: 1 is outside 2..200"),
        ({}, {"fast": "10"}, "write LOW..HIGH"),
        ({}, {"fast": "20..10"}, "LOW must be below HIGH"),
        ({"fast": "10"}, {"fast": "4..8"}, "give --param (fixed) or --range, not both"),
        ({"fast": "3"}, {}, "parameter fast: 3 is outside 2..200 in steps of 2"),
        (
            {"fast": "10", "notional": "5000", "bps": "1", "ratio": "0.1", "mode": "a"},
            {},
            "nothing to search",
        ),
    ],
)
def test_bad_search_options_are_refused_naming_the_parameter(
    fixed: dict[str, str], ranges: dict[str, str], message: str
) -> None:
    with pytest.raises(ParameterError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_space(DECLARED, fixed, ranges)


def test_walk_forward_windows_tile_the_range_without_overlap() -> None:
    validation = parse_walk_forward("train=10d,test=2d")
    windows = validation.windows(Span(0, 20 * DAY_MS))
    assert [(w.train.start_ms, w.train.end_ms, w.test.start_ms, w.test.end_ms)  # type: ignore[union-attr]
            for w in windows] == [
        (0, 10 * DAY_MS, 10 * DAY_MS, 12 * DAY_MS),
        (2 * DAY_MS, 12 * DAY_MS, 12 * DAY_MS, 14 * DAY_MS),
        (4 * DAY_MS, 14 * DAY_MS, 14 * DAY_MS, 16 * DAY_MS),
        (6 * DAY_MS, 16 * DAY_MS, 16 * DAY_MS, 18 * DAY_MS),
        (8 * DAY_MS, 18 * DAY_MS, 18 * DAY_MS, 20 * DAY_MS),
    ]  # fmt: skip
    assert "rolled by 2d" in validation.describe()
    split = parse_split(0.75).windows(Span(0, 100))
    assert [(w.train, w.test) for w in split] == [(Span(0, 75), Span(75, 100))]


@pytest.mark.parametrize(
    "text", ["train=10d", "train=10x,test=1d", "train=0d,test=1d", "size=1d,test=1d"]
)
def test_bad_walk_forward_text_is_refused(text: str) -> None:
    with pytest.raises(WindowError, match="--walk-forward"):
        parse_walk_forward(text)


def test_window_lengths_count_the_data_candles_and_the_warm_up_at_its_timeframe() -> None:
    minute, hour = 60_000, 3_600_000
    validation = parse_walk_forward("train=3h,test=1h")
    windows = validation.windows(Span(0, DAY_MS))
    # profile 3 reads hourly candles but cycles on each minute candle: an hour holds 60
    check_lengths(validation, windows, minute, warmup_bars=0, timeframe_ms=hour)
    with pytest.raises(WindowError, match=r"warm-up of 4 candles of 1h, 4h\): give train=4h"):
        check_lengths(validation, windows, minute, warmup_bars=4, timeframe_ms=hour)
    with pytest.raises(WindowError, match="a test span of 1h holds fewer than 2 candles of 1h"):
        check_lengths(validation, windows, hour)
    with pytest.raises(WindowError, match=r"fewer than 2 candles of 45m: give test=2h"):
        check_lengths(parse_walk_forward("train=3h,test=1h"), windows, 45 * minute)


def test_windows_longer_than_the_data_are_refused() -> None:
    with pytest.raises(WindowError, match="shorter than one train \\+ test window"):
        parse_walk_forward("train=30d,test=10d").windows(Span(0, 20 * DAY_MS))
    with pytest.raises(WindowError, match=r"between 0\.05 and 0\.95"):
        parse_split(1.0)
