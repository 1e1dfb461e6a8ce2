"""BtcturkRestClient over real loopback HTTP against the scripted fake server."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.domain import OrderMethod, OrderRequest, OrderStatus, Side, Symbol
from btcbot.exchange.errors import (
    AuthError,
    BusinessReject,
    DefinitiveReject,
    NotSent,
    OrderNotFound,
    OutcomeUnknown,
    RateLimited,
    ServerError,
)
from tests.btcturk.rest_fake_server import Fault, fast_settings, loopback_client

BTC_TRY = Symbol("BTC", "TRY")
LIMIT_BUY = OrderRequest(
    BTC_TRY, Side.BUY, OrderMethod.LIMIT, "cid-1", quantity=Decimal("0.001"), price=Decimal("2e6")
)
MARKET_BUY = OrderRequest(
    BTC_TRY, Side.BUY, OrderMethod.MARKET, "cid-2", quote_amount=Decimal("150.50")
)


async def test_public_reads_decode_to_domain() -> None:
    async with loopback_client() as h:
        (ticker,) = await h.client.ticker(BTC_TRY)
        book = await h.client.order_book(BTC_TRY, limit=2)
    assert ticker.last == Decimal("3037028") and ticker.volume == Decimal("23.38654925")
    assert book.best_bid == Decimal("36371") and book.best_ask == Decimal("36401")
    assert book.timestamp_ms == 1643883463379
    ticker_query = next(s for s in h.fake.seen if s.path == "/api/v2/ticker").query
    assert ticker_query == {"pairSymbol": "BTCTRY"}


async def test_private_reads_are_signed_with_a_synced_stamp() -> None:
    async with loopback_client() as h:
        h.fake.skew_ms = 60_000  # server one minute ahead: unsynced stamps would be refused
        (balance,) = await h.client.balances()
        orders = await h.client.open_orders(BTC_TRY)
        order = await h.client.order(61912740)
    assert balance.free == Decimal("10") and balance.total == Decimal("10.5")
    assert [o.order_id for o in orders] == [61912740]
    assert order.status is OrderStatus.OPEN and order.side is Side.SELL
    private = [s for s in h.fake.seen if s.path.startswith("/api/v1/")]
    assert all({"X-PCK", "X-Stamp", "X-Signature"} <= set(s.headers) for s in private)
    assert h.fake.hits("GET", "/api/v2/server/time") == 1


async def test_submit_limit_sends_plain_strings_and_client_id() -> None:
    async with loopback_client() as h:
        ack = await h.client.submit_order(LIMIT_BUY)
    assert ack.order_id == 1048728402
    (sent,) = [s for s in h.fake.seen if s.method == "POST"]
    assert json.loads(sent.body) == {
        "quantity": "0.001",
        "price": "2000000",
        "newOrderClientId": "cid-1",
        "orderMethod": "limit",
        "orderType": "buy",
        "pairSymbol": "BTCTRY",
    }


async def test_market_buy_sends_the_quote_amount_as_quantity() -> None:
    async with loopback_client() as h:
        await h.client.submit_order(MARKET_BUY)
    body = json.loads(next(s for s in h.fake.seen if s.method == "POST").body)
    assert body["quantity"] == "150.5" and "price" not in body
    assert body["orderMethod"] == "market"


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        (
            OrderRequest(
                BTC_TRY,
                Side.SELL,
                OrderMethod.STOP_MARKET,
                "stop-1",
                quantity=Decimal("0.0012"),
                stop_price=Decimal("1900000"),
            ),
            {"orderMethod": "stopmarket", "stopPrice": "1900000"},
        ),
        (
            OrderRequest(
                BTC_TRY,
                Side.SELL,
                OrderMethod.STOP_LIMIT,
                "stop-2",
                quantity=Decimal("0.0012"),
                price=Decimal("1890000"),
                stop_price=Decimal("1900000"),
            ),
            {"orderMethod": "stoplimit", "stopPrice": "1900000", "price": "1890000"},
        ),
    ],
)
async def test_stop_orders_send_their_stop_price_as_a_string(
    request_: OrderRequest, expected: dict[str, str]
) -> None:
    async with loopback_client() as h:
        await h.client.submit_order(request_)
    body = json.loads(next(s for s in h.fake.seen if s.method == "POST").body)
    assert body == {
        "quantity": "0.0012",
        "newOrderClientId": request_.client_order_id,
        "orderType": "sell",
        "pairSymbol": "BTCTRY",
        **expected,
    }


async def test_cancel_is_an_acknowledgement_sent_as_query_id() -> None:
    async with loopback_client() as h:
        ack = await h.client.cancel_order(61912740)
    assert ack.order_id == 61912740 and ack.message == "SUCCESS"
    (sent,) = [s for s in h.fake.seen if s.method == "DELETE"]
    assert sent.query == {"id": "61912740"}


async def test_reads_retry_5xx_then_succeed() -> None:
    async with loopback_client() as h:
        h.fake.script("GET", "/api/v2/ticker", Fault(status=500), Fault(status=503))
        (ticker,) = await h.client.ticker(BTC_TRY)
    assert ticker.symbol == BTC_TRY
    assert h.fake.hits("GET", "/api/v2/ticker") == 3
    assert len(h.sleeps) == 2


async def test_reads_give_up_after_max_retries() -> None:
    async with loopback_client(rest_max_retries=2) as h:
        h.fake.script("GET", "/api/v2/ticker", *[Fault(status=502)] * 5)
        with pytest.raises(ServerError):
            await h.client.ticker()
    assert h.fake.hits("GET", "/api/v2/ticker") == 3


async def test_read_429_holds_the_group_for_retry_after() -> None:
    headers = {"Retry-After": "7"}
    async with loopback_client() as h:
        h.fake.script("GET", "/api/v2/orderbook", Fault(status=429, body={}, headers=headers))
        await h.client.order_book(BTC_TRY)
    assert h.fake.hits("GET", "/api/v2/orderbook") == 2
    assert any(abs(s - 7) < 0.5 for s in h.sleeps), h.sleeps  # limiter waited the hold out


@pytest.mark.parametrize(
    "fault",
    [
        Fault(status=500),
        Fault(status=502, raw=b"<html>bad gateway</html>"),
        Fault(drop=True),
        Fault(raw=b'{"success":true,"data":{"id":'),
        Fault(body={"success": True, "message": "SUCCESS", "code": 0}),  # 200 without data
    ],
    ids=["500", "502-html", "accept-then-drop", "truncated-200", "200-no-data"],
)
async def test_submit_failures_after_send_are_outcome_unknown_and_never_retried(
    fault: Fault,
) -> None:
    async with loopback_client() as h:
        h.fake.script("POST", "/api/v1/order", fault)
        with pytest.raises(OutcomeUnknown) as caught:
            await h.client.submit_order(LIMIT_BUY)
    assert not isinstance(caught.value, DefinitiveReject)
    assert h.fake.hits("POST", "/api/v1/order") == 1
    assert h.sleeps == []


async def test_submit_timeout_is_outcome_unknown() -> None:
    async with loopback_client(rest_timeout_seconds=0.1) as h:
        h.fake.script("POST", "/api/v1/order", Fault(delay_s=0.3))
        with pytest.raises(OutcomeUnknown):
            await h.client.submit_order(LIMIT_BUY)
    assert h.fake.hits("POST", "/api/v1/order") == 1


async def test_cancel_drop_is_outcome_unknown() -> None:
    async with loopback_client() as h:
        h.fake.script("DELETE", "/api/v1/order", Fault(drop=True))
        with pytest.raises(OutcomeUnknown):
            await h.client.cancel_order(5)
    assert h.fake.hits("DELETE", "/api/v1/order") == 1


async def test_submit_business_reject_is_definitive() -> None:
    body = {
        "httpStatusCode": 400,
        "data": None,
        "success": False,
        "message": "FAILED_MIN_TOTAL_AMOUNT",
        "code": 9999,  # a renumbered code must not matter
    }
    async with loopback_client() as h:
        h.fake.script("POST", "/api/v1/order", Fault(status=400, body=body))
        with pytest.raises(BusinessReject) as caught:
            await h.client.submit_order(LIMIT_BUY)
    assert caught.value.reason == "FAILED_MIN_TOTAL_AMOUNT"


async def test_submit_429_is_definitive_not_placed_and_not_retried() -> None:
    async with loopback_client() as h:
        h.fake.script("POST", "/api/v1/order", Fault(status=429, headers={"Retry-After": "3"}))
        with pytest.raises(RateLimited) as caught:
            await h.client.submit_order(LIMIT_BUY)
    assert isinstance(caught.value, DefinitiveReject) and caught.value.retry_after == 3
    assert h.fake.hits("POST", "/api/v1/order") == 1


async def test_cancel_unknown_order_is_order_not_found() -> None:
    body = {"success": False, "message": "NO_ORDER_MATCHES_YOUR_REQUEST", "code": 0}
    async with loopback_client() as h:
        h.fake.script("DELETE", "/api/v1/order", Fault(status=400, body=body))
        with pytest.raises(OrderNotFound):
            await h.client.cancel_order(404)


async def test_clock_skew_invalid_nonce_triggers_resync_and_one_resend() -> None:
    async with loopback_client() as h:
        await h.client.balances()  # first sync at skew 0
        h.fake.skew_ms = 30_000  # the server clock jumps; our offset is now stale
        ack = await h.client.submit_order(LIMIT_BUY)
    assert ack.order_id == 1048728402
    assert h.fake.hits("POST", "/api/v1/order") == 2  # refused by 401, then accepted
    assert h.fake.hits("GET", "/api/v2/server/time") == 2


async def test_bad_signature_is_auth_error_without_secrets_in_text() -> None:
    async with loopback_client(api_secret="d3Jvbmc=") as h:  # base64("wrong")
        with pytest.raises(AuthError) as caught:
            await h.client.balances()
    text = f"{caught.value!s} {caught.value!r} {caught.value.reason}"
    assert "d3Jvbmc=" not in text and "X-Signature" not in text
    assert caught.value.reason == "Unauthorized - Invalid Signature"


async def test_connect_refused_is_not_sent() -> None:
    settings = fast_settings("http://127.0.0.1:9", rest_max_retries=0)
    async with BtcturkRestClient.from_settings(settings) as client:
        with pytest.raises(NotSent) as caught:
            await client.submit_order(LIMIT_BUY)
    assert isinstance(caught.value, DefinitiveReject)


async def test_submit_whose_clock_sync_fails_is_not_sent() -> None:
    async with loopback_client(rest_max_retries=1) as h:
        h.fake.script("GET", "/api/v2/server/time", *[Fault(status=503)] * 2)
        with pytest.raises(NotSent, match="clock sync"):
            await h.client.submit_order(LIMIT_BUY)
    assert h.fake.hits("POST", "/api/v1/order") == 0
