"""Fuzzed REST bodies: every production decoder returns a sound value or raises a typed decode
error (which the call engine turns into MalformedResponse / OutcomeUnknown) — never another
exception, and never a silently wrong value such as a NaN or infinite amount."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from btcbot.btcturk.parse import WireError
from btcbot.domain import OrderMethod, OrderRequest, Side
from btcbot.exchange.errors import MalformedResponse, OutcomeUnknown
from tests.btcturk.fuzz_seeds import BTC_TRY, ODD_VALUES, broken_bodies, mutate, seed_bodies
from tests.btcturk.rest_fake_server import loopback_client

SEEDS = seed_bodies()
TYPED = (msgspec.DecodeError, msgspec.ValidationError, WireError)
NON_NUMBERS = ["NaN", "-NaN", "sNaN", "Infinity", "-Infinity", "1e999999", "abc", ""]


def decimals_in(value: Any) -> list[Decimal]:
    if isinstance(value, Decimal):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [d for f in dataclasses.fields(value) for d in decimals_in(getattr(value, f.name))]
    if isinstance(value, list | tuple):
        return [d for item in value for d in decimals_in(item)]
    if isinstance(value, Mapping):
        return [d for item in value.values() for d in decimals_in(item)]
    return []


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_seed_is_a_valid_body(name: str) -> None:
    decoder, body = SEEDS[name]
    assert decoder(body) is not None or name == "cancel"


@pytest.mark.parametrize("name", sorted(SEEDS))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_broken_body_gives_a_typed_error_or_sound_values(name: str, data: st.DataObject) -> None:
    decoder, seed = SEEDS[name]
    body = data.draw(broken_bodies(seed), label="body")
    try:
        value = decoder(body)
    except TYPED:
        return
    odd = [d for d in decimals_in(value) if not d.is_finite() or (d and abs(d.adjusted()) > 30)]
    assert not odd, f"{name} accepted {odd} from {body!r}"


@pytest.mark.parametrize("name", sorted(SEEDS))
@settings(max_examples=15, deadline=None)
@given(body=st.binary(max_size=200) | ODD_VALUES.map(lambda v: json.dumps(v).encode()))
def test_garbage_gives_a_typed_error(name: str, body: bytes) -> None:
    decoder, _ = SEEDS[name]
    with contextlib.suppress(*TYPED):
        decoder(body)


MONEY_FIELDS = {
    "order": ("data", "price"),
    "all_orders": ("data", 0, "quantity"),
    "open_orders": ("data", "bids", 0, "leftAmount"),
    "user_trades": ("data", 0, "price"),
    "tickers": ("data", 0, "last"),
    "order_book": ("data", "bids", 0, 0),
    "order_book_time": ("data", "timestamp"),
    "submit": ("data", "quantity"),
    "public_trades": ("data", 0, "price"),
    "ohlc": (0, "close"),
    "balances": ("data", 0, "free"),
}


@pytest.mark.parametrize("where", sorted(MONEY_FIELDS))
@pytest.mark.parametrize("text", NON_NUMBERS)
def test_a_money_field_that_is_not_a_finite_number_is_refused(where: str, text: str) -> None:
    decoder, seed = SEEDS[where.removesuffix("_time")]
    body = json.dumps(mutate(json.loads(seed), MONEY_FIELDS[where], "replace", text)).encode()
    with pytest.raises(TYPED):
        decoder(body)


async def test_the_call_engine_types_a_broken_read_and_a_broken_submit_reply() -> None:
    _, order_seed = SEEDS["order"]
    broken_order = mutate(json.loads(order_seed), ("data", "price"), "replace", "NaN")
    _, submit_seed = SEEDS["submit"]
    broken_ack = mutate(json.loads(submit_seed), ("data", "quantity"), "replace", "Infinity")
    request = OrderRequest(
        BTC_TRY, Side.BUY, OrderMethod.LIMIT, "fuzz-1", quantity=Decimal(1), price=Decimal(10)
    )
    async with loopback_client() as h:
        h.fake.bodies[("GET", "/api/v1/order/1")] = broken_order
        with pytest.raises(MalformedResponse, match="WireError"):
            await h.client.order(1)
        h.fake.bodies[("POST", "/api/v1/order")] = broken_ack
        with pytest.raises(OutcomeUnknown, match="unreadable"):  # sent: its fate is unknown
            await h.client.submit_order(request)
