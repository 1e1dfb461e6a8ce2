"""Every recorded REST payload in ../shared goes through the production client and decoders.

Each fixture is served verbatim (or minimally repaired, see ``repair_*``) by the loopback fake
server and fetched by the real ``BtcturkRestClient`` method, so URL, envelope, wire schema and
domain translation are all exercised. Files that are not strict JSON:

* balances doc example: ``// comment``, a ``...`` line, trailing commas → stripped;
* open orders doc example: trailing commas and a truncation marker → stripped, brackets closed;
* user trades doc example: truncated inside ``orderClientId`` → cut before it, brackets closed;
* allOrders row (issue #132): truncated before ``status`` → must be REFUSED, not guessed;
* auth / post-order error files: one body per line with comments; a PHP ``print_r`` line is
  skipped, a Python-dict line is read with ``ast.literal_eval``, a truncated 200 is cut before
  ``datetime`` (which is optional);
* exchangeinfo filter fragments: the ``"filters": [...]`` arrays and band numbers are extracted;
* mss1451 samples hold only the ``data`` part: wrapped in an envelope (a single ticker / OHLC
  item is wrapped in a list).
"""

from __future__ import annotations

import ast
import json
import re
from decimal import Decimal
from pathlib import Path

import msgspec
import pytest

from btcbot.btcturk import parse
from btcbot.btcturk import wire_schemas as w
from btcbot.btcturk.classify import response_error
from btcbot.domain import OrderMethod, OrderStatus, Side, Symbol
from btcbot.exchange.errors import (
    AuthError,
    BusinessReject,
    InvalidNonce,
    MalformedResponse,
    OrderNotFound,
)
from tests.btcturk.rest_fake_server import Fault, loopback_client
from tests.helpers import shared_path

BTC_TRY = Symbol("BTC", "TRY")
DOCS = ("btcturk", "fixtures", "docs_btcturk_com")
ISSUES = ("btcturk", "fixtures", "github_issues_broker_api_docs")
SAMPLES = ("data", "btcturk_api_samples")


def read(*parts: str) -> str:
    return shared_path(*parts).read_text(encoding="utf-8")


def envelope(data: object) -> dict[str, object]:
    return {"data": data, "success": True, "message": None, "code": 0}


def drop_comments(text: str) -> str:
    lines = [line.split("//")[0] for line in text.splitlines() if not line.startswith("#")]
    return "\n".join(line for line in lines if line.strip() not in {"...", ""})


def drop_trailing_commas(text: str) -> str:
    return re.sub(r",\s*([\]}])", r"\1", text)


# --- public ---------------------------------------------------------------------------------


async def test_ccxt_ticker_captures() -> None:
    cases = json.loads(read("btcturk", "fixtures", "ccxt", "response_btcturk.json"))["methods"]
    bodies = [case["httpResponse"] for method in cases.values() for case in method]
    assert len(bodies) == 7
    async with loopback_client() as h:
        for body in bodies:
            h.fake.bodies[("GET", "/api/v2/ticker")] = body
            item = body["data"][0]
            if "last" not in item:  # ccxt's edited case: a ticker without last is refused
                with pytest.raises(MalformedResponse, match="WireError"):
                    await h.client.ticker()
                continue
            (ticker,) = await h.client.ticker()
            assert ticker.last == Decimal(str(item["last"]))
            assert ticker.volume == Decimal(str(item["volume"]))  # exact digits, no float


async def test_zingu_ticker_capture() -> None:
    body = json.loads(read("btcturk", "fixtures", "zingu_ai", "ticker_200_zingu_capture_2026.json"))
    async with loopback_client() as h:
        h.fake.bodies[("GET", "/api/v2/ticker")] = body
        (ticker,) = await h.client.ticker(BTC_TRY)
    assert ticker.symbol == BTC_TRY and ticker.volume == Decimal("23.38654925")


async def test_mss1451_ticker_orderbook_trades_samples() -> None:
    ticker = json.loads(read(*SAMPLES, "mss1451_public_ticker_sample.json"))
    book = json.loads(read(*SAMPLES, "mss1451_public_order_book_sample.json"))
    trades = json.loads(read(*SAMPLES, "mss1451_public_trades_sample.json"))
    async with loopback_client() as h:
        h.fake.bodies[("GET", "/api/v2/ticker")] = envelope([ticker])
        h.fake.bodies[("GET", "/api/v2/orderbook")] = envelope(book)
        h.fake.bodies[("GET", "/api/v2/trades")] = envelope(trades)
        (tick,) = await h.client.ticker()
        snapshot = await h.client.order_book(Symbol("BTC", "USDT"))
        public = await h.client.trades(Symbol("BTC", "USDT"), last=2)
    assert tick.symbol == Symbol("BTC", "USDT") and tick.last == Decimal(36474)
    assert snapshot.timestamp_ms == 1643883463379  # "1643883463379.0" on the wire
    assert snapshot.best_bid == Decimal("36371") and snapshot.best_ask == Decimal("36401")
    assert public[0].trade_id == "101963779399182809" and public[0].side is Side.SELL


async def test_graph_ohlcs_doc_and_mss1451_sample() -> None:
    doc = json.loads(read(*DOCS, "graph_ohlcs_200.json"))
    sample = json.loads(read(*SAMPLES, "mss1451_public_ohlc_sample.json"))
    async with loopback_client() as h:
        h.fake.bodies[("GET", "/v1/ohlcs")] = doc
        candles = await h.client.ohlc(BTC_TRY, 1582070400, 1582243200)
        h.fake.bodies[("GET", "/v1/ohlcs")] = [sample]
        (usdt,) = await h.client.ohlc(Symbol("BTC", "USDT"), 0, 1)
    assert [c.open_time_s for c in candles] == [1582070400, 1582156800, 1582243200]
    assert candles[0].volume == Decimal("549.1858885452384")
    assert usdt.close == Decimal("48820.0")


async def test_exchangeinfo_exchangesharp_capture() -> None:
    body = read(
        "btcturk", "fixtures", "exchangesharp", "rest_exchangeinfo_symbol_BTCTRY_2022-02-17.json"
    )
    async with loopback_client() as h:
        h.fake.bodies[("GET", "/api/v2/server/exchangeinfo")] = json.loads(body)
        (rules,) = await h.client.exchange_info()
    assert rules.symbol == BTC_TRY and rules.price_scale == 0  # hasFraction=false → integer
    assert rules.min_exchange_value == Decimal("99.91")
    assert rules.max_limit_price == Decimal("5895000")
    assert rules.tick_size == Decimal(10)


async def test_exchangeinfo_mss1451_sample_with_currencies() -> None:
    info = json.loads(read(*SAMPLES, "mss1451_public_exchange_info_sample.json"))
    async with loopback_client() as h:
        h.fake.bodies[("GET", "/api/v2/server/exchangeinfo")] = envelope(info)
        rules = {r.symbol.normalized: r for r in await h.client.exchange_info()}
        currencies = await h.client.currencies()
    assert set(rules) == {"BTC_TRY", "USDT_TRY", "XTZ_BTC"}
    assert rules["USDT_TRY"].price_scale == 3 and rules["BTC_TRY"].price_scale == 0
    assert {c.symbol for c in currencies} >= {"TRY", "BTC"}


def test_exchangeinfo_filter_fragments() -> None:
    text = read(*ISSUES, "rest_exchangeinfo_filter_fragments.txt")
    arrays = re.findall(r'"filters": (\[.*?\])', text, flags=re.DOTALL)
    filters = [f for a in arrays for f in w.decode_bare(a.encode(), list[w.PriceFilter])]
    assert [f.tick_size for f in filters] == [Decimal("10"), Decimal("0.00001")]
    band = re.findall(r'"(\w+LimitOrderPrice)": ([\d.]+)', text)
    values = {name: w.decode_bare(number.encode(), Decimal) for name, number in band}
    assert values["minimumLimitOrderPrice"] == Decimal("42977.4000000000000000")


# --- private --------------------------------------------------------------------------------


async def test_balances_doc_example_with_comma_decimals() -> None:
    text = drop_trailing_commas(
        drop_comments(read(*DOCS, "balances_200_doc_example_COMMA_DECIMALS.txt"))
    )
    async with loopback_client() as h:
        h.fake.bodies[("GET", "/api/v1/users/balances")] = json.loads(text)
        balances = {b.asset: b for b in await h.client.balances()}
    assert balances["TRY"].free == Decimal("22349.3654565035348765")
    assert balances["BTC"].total == Decimal("9.7502186644553258")  # = the doc "balance"


async def test_single_order_doc_example_and_not_found() -> None:
    found = json.loads(read(*DOCS, "get_single_order_200.json"))
    missing = json.loads(read(*DOCS, "get_single_order_not_found.json"))
    async with loopback_client() as h:
        h.fake.bodies[("GET", "/api/v1/order/61912740")] = found
        order = await h.client.order(61912740)
        h.fake.script("GET", "/api/v1/order/7", Fault(status=404, body=missing))
        with pytest.raises(OrderNotFound):
            await h.client.order(7)
    assert order.status is OrderStatus.OPEN and order.method is OrderMethod.STOP_MARKET
    assert order.venue_method == "stopmarket" and order.left_amount == Decimal("0.12345678")
    assert order.stop_price == Decimal(20000)


async def test_open_orders_doc_example() -> None:
    text = read(*DOCS, "open_orders_200_partial_example.txt")
    text = drop_comments(text.split("<... truncated")[0])
    body = json.loads(drop_trailing_commas(text + "]}}"))
    async with loopback_client() as h:
        h.fake.bodies[("GET", "/api/v1/openOrders")] = body
        orders = await h.client.open_orders(BTC_TRY)
    by_id = {o.order_id: o for o in orders}
    assert by_id[16060237].status is OrderStatus.PARTIALLY_FILLED
    assert by_id[16071095].side is Side.BUY and by_id[16060235].side is Side.SELL
    assert by_id[16060235].created_ms is None  # "time": 0 in the docs


async def test_all_orders_row_truncated_before_status_is_refused() -> None:
    row = read(*ISSUES, "rest_allorders_row_issue132_2019.txt").split('"updateTime"')[0]
    body = envelope([json.loads(drop_trailing_commas(row + "}"))])
    async with loopback_client(rest_max_retries=0) as h:
        h.fake.bodies[("GET", "/api/v1/allOrders")] = body
        with pytest.raises(MalformedResponse) as caught:
            await h.client.all_orders(BTC_TRY)
    assert "status" in str(caught.value.__cause__)


async def test_user_trades_doc_example_keeps_big_ids_exact() -> None:
    text = read(*DOCS, "user_transactions_trade_200_TRUNCATED.txt").split('"orderClien')[0]
    body = json.loads(drop_trailing_commas(text + "}]}"))
    async with loopback_client() as h:
        h.fake.bodies[("GET", "/api/v1/users/transactions/trade")] = body
        (fill,) = await h.client.user_trades(order_id=10938696222)
    assert fill.trade_id == 1181163798924649598  # > 2**53, exact
    assert fill.side is Side.SELL and fill.quantity == Decimal("0.3384")
    assert fill.fee == Decimal("0.06297817") and fill.tax == Decimal("0.01133607")
    assert fill.symbol == Symbol("ETHW", "TRY")


@pytest.mark.parametrize(
    "parts",
    [
        (*DOCS, "submit_order_200.json"),
        (*ISSUES, "rest_post_order_limit_success_issue341_2021.json"),
    ],
)
async def test_submit_success_bodies(parts: tuple[str, ...]) -> None:
    body = json.loads(read(*parts))
    async with loopback_client() as h:
        h.fake.bodies[("POST", "/api/v1/order")] = body
        from tests.btcturk.test_rest_client import LIMIT_BUY

        ack = await h.client.submit_order(LIMIT_BUY)
    assert ack.order_id == body["data"]["id"] and ack.side is Side.BUY  # "Buy" or "buy"


@pytest.mark.parametrize(
    "parts",
    [(*DOCS, "cancel_order_200.json"), (*ISSUES, "rest_delete_order_success_issue606_2025.json")],
)
async def test_cancel_success_bodies(parts: tuple[str, ...]) -> None:
    async with loopback_client() as h:
        h.fake.bodies[("DELETE", "/api/v1/order")] = json.loads(read(*parts))
        ack = await h.client.cancel_order(12)
    assert ack.message == "SUCCESS"


# --- error bodies ---------------------------------------------------------------------------


def error_lines(text: str) -> list[str]:
    return [
        line.split("  #")[0].strip() for line in text.splitlines() if line.startswith(("{", '"'))
    ]


def classify(status: int, body: bytes, headers: dict[str, str] | None = None) -> object:
    import httpx

    response = httpx.Response(status, content=body, headers=headers or {})
    return response_error(response, mutating=True, where="POST /api/v1/order")


def test_auth_error_bodies() -> None:
    lines = error_lines(read(*ISSUES, "rest_auth_errors.txt"))
    bodies = [line if line.startswith("{") else "{" + line + "}" for line in lines]
    errors = [classify(401, body.encode()) for body in bodies]
    assert isinstance(errors[0], InvalidNonce)
    assert all(isinstance(e, AuthError) for e in errors)
    assert [e.reason for e in errors if isinstance(e, AuthError)][1:] == [
        "Unauthorized - Invalid Request",
        "Unauthorized - Invalid Public key",
        "Unauthorized - Invalid Request",
    ]


def test_post_order_error_bodies() -> None:
    text = read(*ISSUES, "rest_post_order_errors.txt")
    rejects, accepted = [], []
    for line in (ln for ln in text.splitlines() if ln.startswith("{")):
        if line.startswith("{'"):
            line = json.dumps(ast.literal_eval(line))
        if "<TRUNCATED" in line:
            body = line.split(',"datetime"')[0] + "}}"
            accepted.append(w.decode_envelope(body.encode(), w.SubmitResult))
            continue
        rejects.append(classify(400, line.encode()))
    assert [r.reason for r in rejects if isinstance(r, BusinessReject)] == [
        "FAILED_ORDER_WITH_OPEN_ORDERS",
        "FAILED_ORDER_WITH_OPEN_ORDERS",
        "FAILED_INVALID_PRICE_SCALE",
    ]
    (ack,) = accepted
    assert ack.data is not None and parse.submit_ack(ack.data).order_id == 21770789256


def test_rate_limit_429_bodies() -> None:
    text = read(*DOCS, "rate_limit_429_bodies.txt")
    blocks = re.findall(r"^\{.*?^\}", text, flags=re.DOTALL | re.MULTILINE)
    errors = [classify(429, block.encode()) for block in blocks]
    waits = [getattr(e, "retry_after", None) for e in errors]
    assert waits == [60.0, 53.0]  # ip: the 1m period; account: "try again in 53 second(s)"
    assert classify(429, blocks[0].encode(), {"Retry-After": "5"}).retry_after == 5.0  # type: ignore[attr-defined]


def test_decoders_never_produce_floats() -> None:
    body = json.dumps(
        envelope([{**json.loads(read(*SAMPLES, "mss1451_public_ticker_sample.json"))}])
    )
    (item,) = w.decode_envelope(body.encode(), list[w.TickerItem]).data or []
    values = msgspec.structs.asdict(item).values()
    assert not any(isinstance(v, float) for v in values)


def test_shared_fixture_folder_is_fully_covered() -> None:
    """A new REST fixture in ../shared must get a test here (WS files belong to the ws suite)."""
    root = shared_path("btcturk", "fixtures")
    rest = sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.name != "README.md" and not p.name.startswith("ws_")
    )
    covered = Path(__file__).read_text()
    assert [name for name in rest if Path(name).name not in covered] == []
