"""``fast_init``: the generated ``__init__`` of hot value types behaves like the dataclass's."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import InitVar, dataclass, field
from decimal import Decimal

import pytest

from btcbot.decision.intents import Intent
from btcbot.decision.market import Quote
from btcbot.decision.plan import Action, Decision, Layer
from btcbot.decision.snapshot import Snapshot
from btcbot.domain import BookLevel, Order, OrderMethod, OrderRequest, Side, Symbol
from btcbot.domain.slots import evolve, fast_init, slot_setter

BTC = Symbol("BTC", "TRY")


@fast_init
@dataclass(frozen=True, slots=True)
class _Sample:
    count: int
    tags: tuple[str, ...] = ()
    extra: dict[str, int] = field(default_factory=dict)
    note: str = field(default="", kw_only=True)

    def __post_init__(self) -> None:
        if self.count < 0:
            raise ValueError("count must be >= 0")


@dataclass(frozen=True, slots=True)
class _Plain:  # the same class without fast_init: what it must match
    count: int
    tags: tuple[str, ...] = ()
    extra: dict[str, int] = field(default_factory=dict)
    note: str = field(default="", kw_only=True)


@pytest.mark.parametrize(
    "value",
    [
        Decision(BTC, Layer.KERNEL, Action.SKIP, "code"),
        Decision(symbol=None, layer=Layer.RULES, action=Action.BLOCK, reason_code="r", detail="x"),
        Intent(BTC, Side.BUY, Decimal(1), Decimal(2), "why"),
        Quote(BTC, Decimal(1), Decimal(2), Decimal("1.5"), Decimal(5), None, False),
        BookLevel(Decimal("1.5"), Decimal(2)),
        Order(OrderRequest(BTC, Side.BUY, OrderMethod.LIMIT, "c-1", Decimal("0.1"), Decimal(100))),
    ],
)
def test_fast_init_keeps_dataclass_semantics(value: object) -> None:
    cls = type(value)
    fields = [f for f in dataclasses.fields(value) if not f.kw_only]  # type: ignore[arg-type]
    keyword = {f.name: getattr(value, f.name) for f in dataclasses.fields(value) if f.kw_only}  # type: ignore[arg-type]
    values = [getattr(value, f.name) for f in fields]
    assert cls(*values, **keyword) == value and hash(cls(*values, **keyword)) == hash(value)
    assert cls(**{f.name: v for f, v in zip(fields, values, strict=True)}, **keyword) == value
    assert dataclasses.replace(value) == value  # type: ignore[type-var]
    assert pickle.loads(pickle.dumps(value)) == value
    assert repr(value).startswith(f"{cls.__name__}(")
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(value, fields[0].name, None)


def test_signature_defaults_factories_and_post_init_as_the_dataclass_has_them() -> None:
    ours, theirs = inspect.signature(_Sample), inspect.signature(_Plain)
    assert [(p.name, p.kind) for p in ours.parameters.values()] == [
        (p.name, p.kind) for p in theirs.parameters.values()
    ]
    first, second = _Sample(1), _Sample(1)
    assert first.tags == () and first.extra == {} and first.note == ""
    assert first.extra is not second.extra  # a fresh default per instance
    with pytest.raises(TypeError):
        _Sample(1, (), {}, "positional note")  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="count must be >= 0"):
        _Sample(-1)
    with pytest.raises(ValueError, match="count must be >= 0"):
        dataclasses.replace(_Sample(1), count=-1)
    with pytest.raises(TypeError):
        Snapshot("positional")  # type: ignore[call-arg]  # kw_only stays keyword-only


@pytest.mark.parametrize(
    ("value", "others"),
    [
        (
            Decision(BTC, Layer.KERNEL, Action.SKIP, "code", detail="d"),
            {"symbol": None, "reason_code": "other", "detail": None},
        ),
        (
            Quote(BTC, Decimal(1), Decimal(2), Decimal("1.5"), Decimal(5), None, False),
            {"bid": Decimal("1.1"), "spread_bps": Decimal(7), "fresh": True},
        ),
        (
            Order(OrderRequest(BTC, Side.BUY, OrderMethod.LIMIT, "c", Decimal("0.1"), Decimal(9))),
            {"exchange_order_id": 7, "filled_quantity": Decimal("0.05"), "reason": "r"},
        ),
        (_Sample(3, ("a",), {"k": 1}, note="n"), {"count": 4, "tags": (), "note": "m"}),
    ],
)
def test_evolve_makes_what_dataclasses_replace_makes(
    value: object, others: dict[str, object]
) -> None:
    names = [f.name for f in dataclasses.fields(value)]  # type: ignore[arg-type]
    for changes in [*({name: other} for name, other in others.items()), others]:
        made = evolve(value, **changes)
        expected = dataclasses.replace(value, **changes)  # type: ignore[type-var]
        assert type(made) is type(expected)
        assert [getattr(made, n) for n in names] == [getattr(expected, n) for n in names]
        assert all(getattr(made, n) == v for n, v in changes.items())
    assert evolve(value) == value and evolve(value) is not value


def test_evolve_runs_post_init_and_refuses_unknown_fields() -> None:
    with pytest.raises(ValueError, match="count must be >= 0"):
        evolve(_Sample(1), count=-1)
    with pytest.raises(TypeError):
        evolve(_Sample(1), missing=1)
    with pytest.raises(TypeError):
        evolve(_Plain(1), missing=1)  # no __replace__: dataclasses.replace refuses it too
    assert evolve(_Plain(1), note="x") == _Plain(1, note="x")


def test_evolve_keeps_a_subclass_fields() -> None:
    @dataclass(frozen=True, slots=True)
    class Tagged(_Sample):
        label: str = field(default="", kw_only=True)

    value = Tagged(1, label="kept")
    evolved = evolve(value, count=2)  # not the parent's __replace__: that would drop label
    assert type(evolved) is Tagged and evolved.label == "kept" and evolved.count == 2


def test_refuses_what_it_cannot_spell() -> None:
    @dataclass(slots=True)
    class Mutable:
        x: int

    @dataclass(frozen=True)
    class NoSlots:
        x: int

    @dataclass(frozen=True, slots=True)
    class NotInit:
        x: int
        y: int = field(default=0, init=False)

    @dataclass(frozen=True, slots=True)
    class WithInitVar:
        x: int
        seed: InitVar[int] = 0

        def __post_init__(self, seed: int) -> None:
            pass

    for cls in (Mutable, NoSlots, NotInit, WithInitVar):
        with pytest.raises(TypeError):
            fast_init(cls)


def test_slot_setter_refuses_non_slots() -> None:
    with pytest.raises(TypeError):
        slot_setter(Decision, "__init__")
