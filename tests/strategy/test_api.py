"""The strategy protocol: the built-ins implement it, parameters are declared and validated."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from btcbot.config.params import Profile3Params, Profile4Params, Profile7Params
from btcbot.kernel.builtin import builtin_profile, strategy_profile
from btcbot.kernel.kernel import PlanningKernel
from btcbot.runtime.risk_state_codec import decode_risk_state, encode_risk_state
from btcbot.strategy.api import Intent, Requirements, Strategy, StrategyView
from btcbot.strategy.builtin import Portfolio, ProfitAware
from btcbot.strategy.parameters import (
    ChoiceParam,
    DecimalParam,
    FloatParam,
    IntParam,
    ParameterError,
    describe_parameters,
    parse_assignments,
    resolve_parameters,
)
from tests.kernel.factories import snapshot

D = Decimal


@pytest.mark.parametrize(
    ("params", "strategy", "layer"),
    [
        (Profile3Params(), ProfitAware, "none"),
        (Profile4Params(), ProfitAware, "degrade"),
        (Profile7Params(), Portfolio, "budget"),
    ],
)
def test_each_builtin_profile_runs_a_strategy_implementing_the_protocol(
    params: Profile3Params | Profile4Params | Profile7Params, strategy: type, layer: str
) -> None:
    profile = builtin_profile(params)
    assert isinstance(profile.strategy, Strategy)
    assert isinstance(profile.strategy, strategy)
    assert profile.risk.name == layer
    assert profile.requirements.risk_layer == layer
    assert profile.stage == params.stage
    declared = profile.strategy.parameters
    assert declared and set(profile.params) == set(declared)
    for name, param in declared.items():  # defaults are the values it was built with
        assert profile.params[name] == param.default
    assert all(line.startswith(tuple(declared)) for line in describe_parameters(declared))


def test_only_the_portfolio_adapts_and_asks_for_candles_and_a_ranked_universe() -> None:
    three, seven = builtin_profile(Profile3Params()), builtin_profile(Profile7Params())
    assert three.adaptation is None and seven.adaptation is not None
    assert three.requirements == Requirements(risk_layer="none")
    assert seven.requirements.candles and seven.requirements.universe is not None
    assert seven.requirements.bars_to_fetch == Profile7Params().universe.vol_lookback + 1
    assert three.size_caps == {"ENTRY_NOTIONAL_TRY": Profile3Params().strategy.entry_budget}


def test_overrides_reach_a_builtin_strategy_and_bad_ones_are_refused() -> None:
    profile = builtin_profile(Profile4Params(), {"min_profit_bps": "55", "offset_bps": "5"})
    assert isinstance(profile.strategy, ProfitAware)
    assert profile.strategy.params.min_profit_bps == D(55)
    assert profile.strategy.params.offset_bps == D(5)
    assert profile.strategy.params.sell_cost_buffer_bps == D(25)  # profile 4's default kept
    seven = builtin_profile(Profile7Params(), {"order_offset_bps": "7"})
    assert seven.adaptation is not None
    assert seven.adaptation.overlay()["order_offset_bps"] == "7"
    with pytest.raises(ParameterError, match=r"min_profit_bps: -1 is outside 0\.\.10000"):
        builtin_profile(Profile3Params(), {"min_profit_bps": "-1"})
    with pytest.raises(ParameterError, match=r"unknown parameter.*entry"):
        builtin_profile(Profile3Params(), {"entry": "1"})


def test_int_parameters_check_type_range_and_step() -> None:
    param = IntParam(10, low=2, high=20, step=2)
    assert param.validate("fast", "12") == 12
    assert param.validate("fast", 20) == 20
    for bad, why in [("21", "outside 2..20 in steps of 2"), ("11", "outside"), ("x", "not an")]:
        with pytest.raises(ParameterError, match=f"parameter fast: .*{why}"):
            param.validate("fast", bad)
    with pytest.raises(ParameterError, match="not an integer"):
        param.validate("fast", True)
    with pytest.raises(ParameterError):
        IntParam(1, low=2, high=20)  # the default itself is out of range


def test_decimal_float_and_choice_parameters() -> None:
    notional = DecimalParam(D(1000), D(10), D(5000), step=D("0.01"))
    assert notional.validate("notional_try", "1500.25") == D("1500.25")
    for bad in ("1500.255", "5000.01", "NaN", "1e", "abc"):
        with pytest.raises(ParameterError, match="notional_try"):
            notional.validate("notional_try", bad)
    ratio = FloatParam(0.5, 0.0, 1.0, step=0.1)
    assert ratio.validate("ratio", "0.3") == pytest.approx(0.3)
    with pytest.raises(ParameterError, match=r"outside 0\.0\.\.1\.0"):
        ratio.validate("ratio", "1.5")
    with pytest.raises(ParameterError):
        ratio.validate("ratio", "0.35")
    side = ChoiceParam("both", ("both", "long", True))
    assert side.validate("side", "LONG") == "long"
    assert side.validate("side", "true") is True
    with pytest.raises(ParameterError, match="not one of both, long, true"):
        side.validate("side", "short")


def test_resolution_fills_defaults_and_is_read_only() -> None:
    declared = {"fast": IntParam(10, 2, 50), "slow": IntParam(50, 3, 500)}
    values = resolve_parameters(declared, {"slow": "30"})
    assert dict(values) == {"fast": 10, "slow": 30}
    with pytest.raises(TypeError):
        values["fast"] = 3  # type: ignore[index]


def test_assignments_parse_from_options_and_settings() -> None:
    assert parse_assignments(["fast=3", "slow = 8"], "--param") == {"fast": "3", "slow": "8"}
    assert parse_assignments(["fast=3,slow=8", ""], "STRATEGY_PARAMS") == {
        "fast": "3",
        "slow": "8",
    }
    with pytest.raises(ParameterError, match="STRATEGY_PARAMS: fast is given twice"):
        parse_assignments(["fast=3,slow=8,fast=4"], "STRATEGY_PARAMS")
    for bad in ("fast", "=3", "fast="):
        with pytest.raises(ParameterError, match=f"--param '{bad}': write name=value"):
            parse_assignments([bad], "--param")


class Counting:
    """Remembers how many decisions it made (its own small persisted state)."""

    parameters: dict[str, IntParam] = {}  # noqa: RUF012 -- a test double

    def requirements(self, params: object) -> Requirements:
        return Requirements()

    def indicators(self, frame: object, params: object) -> dict[str, list[object]]:
        return {}

    def decide(self, view: StrategyView) -> list[Intent]:
        seen = int(view.state.get("decisions", "0"))
        view.remember(decisions=str(seen + 1))
        return []


def test_a_strategys_remembered_state_carries_to_its_next_decision_and_restart() -> None:
    profile = strategy_profile(Counting(), "counting", {}, Profile3Params())
    assert isinstance(profile.strategy, Strategy)
    kernel, state = PlanningKernel(), None
    for _ in range(3):
        snap = snapshot() if state is None else snapshot(risk_state=state)
        state = decode_risk_state(encode_risk_state(kernel.plan(snap, profile).next_risk_state))
    assert state is not None and dict(state.strategy_state or {}) == {"decisions": "3"}
    plain = kernel.plan(snapshot(), builtin_profile(Profile3Params()))
    assert plain.next_risk_state.strategy_state is None  # built-ins keep nothing
    assert "strategy_state" not in json.dumps(plain.to_canonical())
