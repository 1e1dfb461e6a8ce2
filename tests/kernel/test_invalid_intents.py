"""A strategy's bug never crashes a planning cycle: what ``decide`` hands the kernel that is
not a valid intent (a float or NaN price, an infinite or absurd quantity, something that is
not an Intent, no list at all) is dropped with ``invalid_intent`` and what was wrong, and the
valid intents beside it are planned as usual. ``view.buy`` / ``view.sell`` refuse a
non-finite or non-Decimal amount the same way."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from btcbot.config.params import Profile3Params
from btcbot.decision.plan import Plan
from btcbot.domain import Side
from btcbot.domain.reasons import REASONS
from btcbot.kernel.builtin import strategy_profile
from btcbot.kernel.kernel import PlanningKernel
from btcbot.strategy.api import Intent, Requirements, StrategyView
from tests.kernel.factories import BTC, snapshot

D = Decimal
GOOD = Intent(BTC, Side.BUY, D("2001000"), D("0.0001"), "good")


class Returns:
    """Decides by calling ``act(view)`` and returning what it gives."""

    parameters: dict[str, object] = {}  # noqa: RUF012 -- a test double

    def __init__(self, act: Callable[[StrategyView], object]) -> None:
        self.act = act

    def requirements(self, params: object) -> Requirements:
        return Requirements()

    def indicators(self, frame: object, params: object) -> dict[str, list[object]]:
        return {}

    def decide(self, view: StrategyView) -> object:
        return self.act(view)


def plan_of(act: Callable[[StrategyView], object]) -> Plan:
    profile = strategy_profile(Returns(act), "probe", {}, Profile3Params())  # type: ignore[arg-type]
    return PlanningKernel().plan(snapshot(), profile)


def invalid(plan: Plan) -> list[str]:
    return [d.detail for d in plan.decisions if d.reason_code == "invalid_intent"]


def bad(**fields: object) -> Intent:
    values: dict[str, object] = {
        "symbol": BTC,
        "side": Side.BUY,
        "price": D("2001000"),
        "quantity": D("0.0001"),
        "reason": "bad",
    }
    values.update(fields)
    return Intent(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("intent", "said"),
    [
        (bad(price=2001000.0, quantity=0.0001), "price 2001000.0 is a float: give a Decimal"),
        (bad(price=D("NaN")), "price NaN is not a finite number"),
        (bad(price=D("Infinity")), "price Infinity is not a finite number"),
        (bad(quantity=D("-Infinity")), "quantity -Infinity is not a finite number"),
        (bad(quantity=D("1e30")), "quantity 1E+30 is absurdly large"),
        (bad(quantity=D("sNaN")), "quantity sNaN is not a finite number"),
        (bad(quantity=D("-1")), "quantity -1 is not positive"),
        (bad(side="buy"), "side 'buy' is not a Side"),
        (bad(symbol="BTC_TRY"), "symbol 'BTC_TRY' is not a Symbol"),
        ({"side": "buy", "qty": 1}, "dict {'side': 'buy', 'qty': 1} is not an Intent"),
        (5, "int 5 is not an Intent"),
    ],
)
def test_an_invalid_intent_is_dropped_with_its_reason_and_the_valid_one_planned(
    intent: object, said: str
) -> None:
    plan = plan_of(lambda view: [intent, GOOD])
    assert len(invalid(plan)) == 1 and said in invalid(plan)[0]
    assert [s.request.quantity for s in plan.submits] == [D("0.0001")]  # the valid one goes


@pytest.mark.parametrize("returned", [None, "buy", {"side": "buy"}, 5])
def test_a_decision_that_returns_no_list_of_intents_plans_nothing(returned: object) -> None:
    plan = plan_of(lambda view: returned)
    assert plan.submits == ()
    assert invalid(plan) == [f"decide returned {type(returned).__name__}: return a list of intents"]


def test_a_generator_of_intents_is_still_a_decision() -> None:
    plan = plan_of(lambda view: (i for i in [GOOD]))
    assert len(plan.submits) == 1 and invalid(plan) == []


@pytest.mark.parametrize(
    ("amounts", "said"),
    [
        ({"notional_try": D("NaN")}, "notional_try=Decimal('NaN') is not a finite Decimal"),
        ({"notional_try": 100.0}, "notional_try=100.0 is not a finite Decimal"),
        ({"quantity": D("Infinity")}, "quantity=Decimal('Infinity') is not a finite Decimal"),
        (
            {"quantity": D("0.001"), "price": D("NaN")},
            "price=Decimal('NaN') is not a finite Decimal",
        ),
    ],
)
def test_view_buy_refuses_a_non_finite_or_non_decimal_amount(
    amounts: dict[str, object], said: str
) -> None:
    made: list[object] = []

    def act(view: StrategyView) -> list[Intent]:
        made.append(view.buy(BTC, reason="probe", **amounts))  # type: ignore[arg-type]
        return []

    plan = plan_of(act)
    assert made == [None] and plan.submits == ()
    assert invalid(plan) == [f"probe: {said}"]


def test_view_buy_at_a_zero_price_is_non_positive_not_a_division_by_zero() -> None:
    made: list[object] = []

    def act(view: StrategyView) -> list[Intent]:
        made.append(view.buy(BTC, reason="zero", notional_try=D("100"), price=D("0")))
        return []

    plan = plan_of(act)
    assert made == [None]
    assert [d.reason_code for d in plan.decisions if d.symbol == BTC][:1] == ["non_positive_intent"]


def test_remember_says_which_types_are_allowed() -> None:
    def act(view: StrategyView) -> list[Intent]:
        view.remember(n=5)  # type: ignore[arg-type]
        return []

    with pytest.raises(TypeError, match=r"remember\(n=5\): int is not allowed, only str values"):
        plan_of(act)


def test_the_code_is_explained() -> None:
    assert "invalid_intent" in REASONS
