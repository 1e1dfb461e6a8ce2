"""The hand-written ``__init__`` of hot value types behaves like the generated one."""

from __future__ import annotations

import dataclasses
import pickle
from decimal import Decimal

import pytest

from btcbot.decision.intents import Intent
from btcbot.decision.market import Quote
from btcbot.decision.plan import Action, Decision, Layer
from btcbot.domain import Side, Symbol
from btcbot.domain.market import BookLevel, Candle, Ticker
from btcbot.domain.slots import slot_setter
from btcbot.exchange.datasets import Bar

BTC = Symbol("BTC", "TRY")


@pytest.mark.parametrize(
    "value",
    [
        Decision(BTC, Layer.KERNEL, Action.SKIP, "code"),
        Decision(symbol=None, layer=Layer.RULES, action=Action.BLOCK, reason_code="r", detail="x"),
        Intent(BTC, Side.BUY, Decimal(1), Decimal(2), "why"),
        Intent(BTC, Side.SELL, Decimal(1), Decimal(2), "why"),
        Quote(BTC, Decimal(1), Decimal(2), Decimal("1.5"), Decimal(5), None, False),
        BookLevel(Decimal("1.5"), Decimal(2)),
        Ticker(BTC, *(Decimal(n) for n in range(1, 8)), 1_000),
        Candle(BTC, 60, *(Decimal(n) for n in range(1, 6))),
        Bar(Candle(BTC, 60, *(Decimal(n) for n in range(1, 6))), 60_000, 120_000),
        Bar(Candle(BTC, 60, *(Decimal(n) for n in range(1, 6))), 0, 1, Decimal(1), Decimal(2)),
    ],
)
def test_fast_init_keeps_dataclass_semantics(value: object) -> None:
    cls = type(value)
    names = [f.name for f in dataclasses.fields(value)]  # type: ignore[arg-type]
    values = [getattr(value, n) for n in names]
    assert cls(*values) == value and hash(cls(*values)) == hash(value)
    assert cls(**dict(zip(names, values, strict=True))) == value
    assert dataclasses.replace(value) == value  # type: ignore[type-var]
    assert pickle.loads(pickle.dumps(value)) == value
    assert repr(value).startswith(f"{cls.__name__}(")
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, names[0], None)


def test_defaults_still_apply() -> None:
    assert Decision(BTC, Layer.KERNEL, Action.SKIP, "code").detail == ""


def test_slot_setter_refuses_non_slots() -> None:
    with pytest.raises(TypeError):
        slot_setter(Decision, "__init__")
