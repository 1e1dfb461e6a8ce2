"""Valid bodies of every REST endpoint the adapter decodes, made by the emulator's own views (the
contract-checked wire format), and hypothesis strategies that break them in realistic ways."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from btcbot.btcturk import rest_decoders
from btcbot.domain import Symbol
from btcbot.emulator import rest_views
from btcbot.emulator.accounts import demo_account
from btcbot.emulator.engine import Exchange, FeeSchedule
from btcbot.emulator.market_sim import MarketSimulator
from btcbot.emulator.orders import OrderRequest
from btcbot.emulator.wire import dumps
from btcbot.exchange.symbol_table import load_symbol_table

NOW = 1_700_000_000_000
BTC_TRY = Symbol("BTC", "TRY")
Decoder = Callable[[bytes], object]


def seed_bodies() -> dict[str, tuple[Decoder, bytes]]:
    """Endpoint name -> (production decoder, a valid body)."""
    exchange = Exchange(load_symbol_table(None), FeeSchedule(), lambda: NOW)
    user = exchange.add_account(demo_account())
    simulator = MarketSimulator(exchange, seed=3)
    for _ in range(5):
        simulator.step()
    rule = exchange.rule("BTCTRY")
    price = rule.quantize_price(exchange.last_price("BTCTRY") * Decimal("0.99"))
    resting = exchange.submit(
        user.user_id, OrderRequest("BTCTRY", "buy", "limit", Decimal("0.001"), price, "seed-1")
    )
    taken = exchange.submit(
        user.user_id, OrderRequest("BTCTRY", "sell", "market", Decimal("0.0005"), None, "seed-2")
    )
    fills = exchange.fills[user.user_id]
    private, public = rest_views.private_envelope, rest_views.public_envelope
    trades = list(exchange.trades["BTCTRY"])[-3:]
    bodies: dict[str, tuple[Decoder, Any]] = {
        "server_time": (rest_decoders.server_time, {"serverTime": NOW, "serverTime2": "x"}),
        "exchange_info": (
            rest_decoders.symbol_rules,
            public(rest_views.exchange_info_view(exchange, NOW)),
        ),
        "currencies": (
            rest_decoders.currencies,
            public(rest_views.exchange_info_view(exchange, NOW)),
        ),
        "tickers": (
            rest_decoders.tickers,
            public([rest_views.ticker_item(exchange, r, NOW) for r in exchange.table.symbols[:2]]),
        ),
        "order_book": (
            rest_decoders.order_book(BTC_TRY),
            public(rest_views.orderbook_view(exchange, rule, 3, NOW)),
        ),
        "public_trades": (
            rest_decoders.public_trades,
            public([rest_views.trade_view(t) for t in trades]),
        ),
        "ohlc": (rest_decoders.ohlc_candles, [_ohlc("BTCTRY")]),
        "klines": (
            rest_decoders.kline_candles(BTC_TRY),
            {"s": "ok", "t": [1], "o": [1.5], "h": [2], "l": [1], "c": [1.7], "v": [9]},
        ),
        "balances": (
            rest_decoders.balances,
            private(rest_views.balances_view(exchange, user, NOW)[:3]),
        ),
        "open_orders": (
            rest_decoders.open_orders,
            private({"asks": [], "bids": [rest_views.order_view(resting)]}),
        ),
        "all_orders": (
            rest_decoders.orders,
            private([rest_views.order_view(o) for o in (resting, taken)]),
        ),
        "order": (rest_decoders.order, private(rest_views.order_view(taken))),
        "user_trades": (rest_decoders.fills, private([rest_views.fill_view(f) for f in fills])),
        "submit": (rest_decoders.submit_ack, private(rest_views.submit_view(resting), "SUCCESS")),
        "cancel": (
            rest_decoders.cancel_message,
            {"success": True, "message": "SUCCESS", "code": 0},
        ),
    }
    return {name: (decoder, dumps(body)) for name, (decoder, body) in bodies.items()}


def _ohlc(pair: str) -> dict[str, Any]:
    return {
        "pair": pair,
        "time": 1_700_000_000,
        "open": 3_000_000,
        "high": 3_100_000,
        "low": 2_900_000,
        "close": 3_050_000,
        "volume": 1.5,
        "total": 4_500_000,
        "average": 3_000_000,
        "dailyChangeAmount": 50_000,
        "dailyChangePercentage": 1.67,
    }


# --- breaking a body ------------------------------------------------------------------------

#: values a broken or hostile server might put anywhere, money-shaped ones first
ODD_SCALARS = st.one_of(
    st.sampled_from(
        [
            "NaN",
            "-NaN",
            "sNaN",
            "Infinity",
            "-Infinity",
            "inf",
            "1e999999",
            "-1e999999",
            "1E+40",
            "",
            " ",
            "abc",
            "1,5",
            "1.2.3",
            "0x10",
            "--1",
            "null",
            "true",
            "[]",
            "{}",
            "١٢٣",
        ]
    ),
    st.text(max_size=12),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
ODD_VALUES = st.recursive(
    ODD_SCALARS,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=6,
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside a JSON tree (dict keys and list indexes)."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


def mutate(tree: Any, path: tuple[Any, ...], how: str, value: Any) -> Any:
    """A copy of ``tree`` with the node at ``path`` replaced, deleted or duplicated."""
    copy = json.loads(json.dumps(tree))
    parent = copy
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if how == "delete":
        del parent[last]
    elif how == "duplicate" and isinstance(parent, list):
        parent.insert(last, parent[last])
    else:
        parent[last] = value
    return copy


@st.composite
def broken_bodies(draw: st.DrawFn, seed: bytes) -> bytes:
    """The seed body with 1-3 nodes replaced by odd values, deleted or duplicated; or cut."""
    if draw(st.integers(0, 9)) == 0:
        return seed[: draw(st.integers(0, max(0, len(seed) - 1)))]
    tree = json.loads(seed)
    for _ in range(draw(st.integers(1, 3))):
        spots = paths(tree)
        if not spots:
            break
        path = draw(st.sampled_from(spots))
        how = draw(st.sampled_from(["replace", "replace", "delete", "duplicate"]))
        tree = mutate(tree, path, how, draw(ODD_VALUES))
    return json.dumps(tree).encode()
