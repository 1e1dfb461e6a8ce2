"""Builders of WebSocket frame bodies (API_CONTRACT.md §6); each returns encoded bytes."""

from decimal import Decimal
from typing import Any

from btcbot.emulator.engine import Exchange
from btcbot.emulator.orders import Fill, Order, Trade
from btcbot.emulator.wire import dec_str, fixed, frame, num
from btcbot.exchange.symbol_table import SymbolRule

HELLO = frame(991, {"type": 991, "current": "6.0.0", "min": "2.3.0"})
MATCH_PLACES = 10
DELETE_PLACES = 16
# 0/1/2 per the WebSocket manual; stop-market has no documented code: 3 is our assumption.
METHOD_CODES = {"limit": 0, "market": 1, "stoplimit": 2, "stopmarket": 3}
SIDE_CODES = {"buy": 0, "sell": 1}

Level = tuple[Decimal, Decimal]


def result(ok: bool, message: str) -> bytes:
    return frame(100, {"ok": ok, "message": message, "type": 100})


def login_ok(user_id: int) -> bytes:
    return frame(114, {"type": 114, "id": user_id, "ok": True, "message": None})


def login_failed(message: str) -> bytes:
    return frame(114, {"type": 114, "ok": False, "id": 0, "message": message})


def _channel(channel: str, event: str, frame_type: int) -> dict[str, Any]:
    return {"channel": channel, "event": event, "type": frame_type}


def ticker_fields(exchange: Exchange, rule: SymbolRule) -> dict[str, Any]:
    book = exchange.books[rule.name]
    stats = exchange.daily_stats(rule.name)
    bid, ask = book.bids.best(), book.asks.best()
    last = exchange.last_price(rule.name)
    change = last - stats.open
    percent = (change / stats.open * 100).quantize(Decimal("0.01")) if stats.open else Decimal(0)
    return {
        "B": dec_str(bid or Decimal(0)),
        "A": dec_str(ask or Decimal(0)),
        "BA": dec_str(book.bids.level_total(bid) if bid else Decimal(0)),
        "AA": dec_str(book.asks.level_total(ask) if ask else Decimal(0)),
        "PS": rule.name,
        "H": dec_str(stats.high),
        "L": dec_str(stats.low),
        "LA": dec_str(last),
        "O": dec_str(stats.open),
        "V": dec_str(stats.volume),
        "AV": dec_str(stats.average.quantize(Decimal("1e-8"))),
        "D": dec_str(change),
        "DP": dec_str(percent),
        "DS": rule.denominator,
        "NS": rule.numerator,
        "PId": rule.id,
    }


def ticker_pair(exchange: Exchange, rule: SymbolRule) -> bytes:
    return frame(402, ticker_fields(exchange, rule) | _channel("ticker", rule.name, 402))


def ticker_all(exchange: Exchange) -> bytes:
    items = [ticker_fields(exchange, rule) for rule in exchange.table.symbols]
    return frame(401, {"items": items} | _channel("ticker", "all", 401))


def _trade_item(trade: Trade) -> dict[str, Any]:
    return {
        "D": str(trade.time_ms),
        "I": str(trade.id),
        "A": fixed(trade.amount, MATCH_PLACES),
        "P": fixed(trade.price, MATCH_PLACES),
    }


def trade_list(rule: SymbolRule, trades: list[Trade]) -> bytes:
    items = [_trade_item(t) | {"S": SIDE_CODES[t.taker_side]} for t in reversed(trades)]
    return frame(421, {"symbol": rule.name, "items": items} | _channel("trade", rule.name, 421))


def trade_single(trade: Trade) -> bytes:
    body = _trade_item(trade) | {"PS": trade.rule.name, "S": SIDE_CODES[trade.taker_side]}
    return frame(422, body | _channel("trade", trade.rule.name, 422))


def book_full(
    channel: str, rule: SymbolRule, cs: int, asks: list[Level], bids: list[Level]
) -> bytes:
    def rows(levels: list[Level]) -> list[dict[str, str]]:
        return [{"A": dec_str(amount), "P": dec_str(price)} for price, amount in levels]

    body = {"CS": cs, "PS": rule.name, "AO": rows(asks), "BO": rows(bids)}
    return frame(431, body | _channel(channel, rule.name, 431))


def book_diff(
    rule: SymbolRule, cs: int, asks: list[dict[str, Any]], bids: list[dict[str, Any]]
) -> bytes:
    body = {"CS": cs, "PS": rule.name, "AO": asks, "BO": bids}
    return frame(432, body | _channel("obdiff", rule.name, 432))


def order_event(frame_type: int, order: Order, denom_left: Decimal) -> bytes:
    """451 OrderInsert (plain numbers) or 452 OrderDelete (padded to 16 decimals)."""

    def text(value: Decimal) -> str:
        return fixed(value, DELETE_PLACES) if frame_type == 452 else dec_str(value)

    body = {
        "type": frame_type,
        "pairId": order.rule.id,
        "symbol": order.rule.name,
        "id": order.id,
        "method": METHOD_CODES[order.method],
        "userId": order.user_id,
        "orderType": SIDE_CODES[order.side],
        "price": text(order.price),
        "amount": text(order.quantity),
        "numLeft": text(order.left),
        "denomLeft": text(denom_left),
        "newOrderClientId": order.client_id,
    }
    return frame(frame_type, body)


def order_match(order: Order, amount: Decimal, price: Decimal) -> bytes:
    return frame(
        441,
        {
            "type": 441,
            "id": order.id,
            "user": order.user_id,
            "isBid": order.side == "buy",
            "method": METHOD_CODES[order.method],
            "pair": order.rule.id,
            "symbol": order.rule.name,
            "amount": fixed(amount, MATCH_PLACES),
            "price": fixed(price, MATCH_PLACES),
            "clientId": order.client_id,
        },
    )


def user_trade(fill: Fill) -> bytes:
    """423 exactly like the I#591 capture: no ``type`` inside the object."""
    sign = -1 if fill.side == "sell" else 1
    return frame(
        423,
        {
            "id": fill.trade_id,
            "orderId": fill.order_id,
            "timestamp": fill.time_ms,
            "numeratorSymbol": fill.rule.numerator,
            "denominatorSymbol": fill.rule.denominator,
            "amount": dec_str(fill.amount * sign),
            "fee": fixed(-fill.fee, 8),
            "tax": fixed(-fill.tax, 8),
            "price": fixed(fill.price, fill.rule.denominator_scale),
            "orderType": fill.side,
            "orderClientId": fill.client_id,
            "preciseAmount": num(fill.amount * sign),
        },
    )
