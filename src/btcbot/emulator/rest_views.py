"""JSON shapes of REST responses, one function per payload (API_CONTRACT.md §3, fixtures).

Strings vs numbers follow the real API per endpoint: ticker and graph values are JSON numbers
(``Decimal`` here, encoded exactly), order / book / trade / balance values are strings.
"""

from decimal import Decimal
from typing import Any

from btcbot.emulator.engine import Exchange, UserAccount
from btcbot.emulator.orders import Fill, Order, Trade
from btcbot.emulator.rules import price_band
from btcbot.emulator.wire import dec_str, fixed, num
from btcbot.exchange.symbol_table import Currency, SymbolRule

FEE_PLACES = 8
LEFT_PLACES = 16


def public_envelope(data: Any) -> dict[str, Any]:
    return {"data": data, "success": True, "message": None, "code": 0}


def private_envelope(data: Any, message: str | None = None) -> dict[str, Any]:
    return {"httpStatusCode": 200, "data": data, "success": True, "message": message, "code": 0}


def error_body(message: str, code: int, status: int = 400) -> dict[str, Any]:
    return {
        "httpStatusCode": status,
        "data": None,
        "success": False,
        "message": message,
        "code": code,
    }


def price_text(rule: SymbolRule, price: Decimal) -> str:
    return fixed(price, rule.denominator_scale)


def stop_price_text(order: Order) -> str:
    return dec_str(order.stop_price) if order.stop_price is not None else "0"


def order_view(order: Order) -> dict[str, Any]:
    """An order as ``openOrders``/``allOrders``/``order/{id}`` show it. The price of a market
    order is its first fill's; an untriggered stop-market shows its stop price there (as the
    docs' single-order example does)."""
    rule = order.rule
    if order.rests_on_book:
        price = order.price
    else:
        price = order.first_fill_price or order.stop_price or Decimal(0)
    return {
        "id": order.id,
        "price": price_text(rule, price),
        "amount": dec_str(order.quantity),
        "quantity": dec_str(order.quantity),
        "stopPrice": stop_price_text(order),
        "pairSymbol": rule.name,
        "pairSymbolNormalized": rule.normalized,
        "type": order.side,
        "method": order.method,
        "orderClientId": order.client_id,
        "time": order.time_ms,
        "updateTime": order.update_ms,
        "status": order.status,
        "leftAmount": fixed(order.left, LEFT_PLACES),
    }


def submit_view(order: Order) -> dict[str, Any]:
    return {
        "id": order.id,
        "quantity": dec_str(order.quantity),
        "price": dec_str(order.price),
        "stopPrice": stop_price_text(order),
        "newOrderClientId": order.client_id,
        "type": order.side,
        "method": order.method,
        "pairSymbol": order.rule.name,
        "pairSymbolNormalized": order.rule.normalized,
        "datetime": order.time_ms,
    }


def balances_view(exchange: Exchange, user: UserAccount, now_ms: int) -> list[dict[str, Any]]:
    known = [cur.symbol for cur in exchange.table.currencies]
    extra = sorted(user.wallet.assets() - set(known))
    return [_balance_row(exchange, user, asset, now_ms) for asset in known + extra]


def _balance_row(exchange: Exchange, user: UserAccount, asset: str, now_ms: int) -> dict[str, Any]:
    currency = exchange.table.currency(asset)
    free, locked = user.wallet.free[asset], user.wallet.locked[asset]
    return {
        "asset": asset,
        "assetname": currency.name if currency else asset,
        "balance": dec_str(free + locked),
        "locked": dec_str(locked),
        "free": dec_str(free),
        "orderFund": dec_str(locked),
        "requestFund": "0",
        "precision": currency.precision if currency else 8,
        "timestamp": now_ms,
    }


def ticker_item(exchange: Exchange, rule: SymbolRule, now_ms: int) -> dict[str, Any]:
    stats = exchange.daily_stats(rule.name)
    book = exchange.books[rule.name]
    last = exchange.last_price(rule.name)
    daily = last - stats.open
    percent = (daily / stats.open * 100) if stats.open else Decimal(0)
    price_step = Decimal(1).scaleb(-rule.denominator_scale)
    return {
        "pair": rule.name,
        "pairNormalized": rule.normalized,
        "timestamp": now_ms,
        "last": num(last),
        "high": num(stats.high),
        "low": num(stats.low),
        "bid": num(book.bids.best() or Decimal(0)),
        "ask": num(book.asks.best() or Decimal(0)),
        "open": num(stats.open),
        "volume": num(stats.volume.quantize(Decimal("1e-8"))),
        "average": num(stats.average.quantize(price_step)),
        "daily": num(daily),
        "dailyPercent": num(percent.quantize(Decimal("0.01"))),
        "denominatorSymbol": rule.denominator,
        "numeratorSymbol": rule.numerator,
        "order": rule.order,
    }


def orderbook_view(exchange: Exchange, rule: SymbolRule, limit: int, now_ms: int) -> dict[str, Any]:
    book = exchange.books[rule.name]

    def rows(levels: list[tuple[Decimal, Decimal]]) -> list[list[str]]:
        return [[price_text(rule, p), fixed(a, rule.numerator_scale)] for p, a in levels]

    return {
        "timestamp": now_ms,
        "bids": rows(book.bids.depth(limit)),
        "asks": rows(book.asks.depth(limit)),
    }


def trade_view(trade: Trade) -> dict[str, Any]:
    rule = trade.rule
    return {
        "pair": rule.name,
        "pairNormalized": rule.normalized,
        "numerator": rule.numerator,
        "denominator": rule.denominator,
        "date": trade.time_ms,
        "tid": str(trade.id),
        "price": price_text(rule, trade.price),
        "amount": fixed(trade.amount, rule.numerator_scale),
        "side": trade.taker_side,
    }


def fill_view(fill: Fill) -> dict[str, Any]:
    """users/transactions/trade item; the WS 423 frame reorders the same fields."""
    sign = -1 if fill.side == "sell" else 1
    return {
        "id": fill.trade_id,
        "timestamp": fill.time_ms,
        "amount": dec_str(fill.amount * sign),
        "preciseAmount": num(fill.amount * sign),
        "fee": fixed(-fill.fee, FEE_PLACES),
        "tax": fixed(-fill.tax, FEE_PLACES),
        "price": price_text(fill.rule, fill.price),
        "numeratorSymbol": fill.rule.numerator,
        "denominatorSymbol": fill.rule.denominator,
        "orderType": fill.side,
        "orderId": fill.order_id,
        "orderClientId": fill.client_id,
    }


def exchange_info_view(exchange: Exchange, now_ms: int) -> dict[str, Any]:
    return {
        "timeZone": "UTC",
        "serverTime": now_ms,
        "symbols": [_symbol_view(exchange, rule) for rule in exchange.table.symbols],
        "currencies": [_currency_view(cur) for cur in exchange.table.currencies],
        "currencyOperationBlocks": [
            {"currencySymbol": cur.symbol, "withdrawalDisabled": False, "depositDisabled": False}
            for cur in exchange.table.currencies
        ],
    }


def _symbol_view(exchange: Exchange, rule: SymbolRule) -> dict[str, Any]:
    low, high = price_band(exchange.last_price(rule.name))
    return {
        "id": rule.id,
        "name": rule.name,
        "nameNormalized": rule.normalized,
        "status": "TRADING",
        "numerator": rule.numerator,
        "denominator": rule.denominator,
        "numeratorScale": rule.numerator_scale,
        "denominatorScale": rule.denominator_scale,
        "hasFraction": rule.has_fraction,
        "filters": [
            {
                "filterType": "PRICE_FILTER",
                "minPrice": "0.0000000000001",
                "maxPrice": "100000000000",
                "tickSize": rule.tick_size,
                "minExchangeValue": dec_str(rule.min_exchange_value),
                "minAmount": None,
                "maxAmount": None,
            }
        ],
        "orderMethods": ["MARKET", "LIMIT", "STOP_MARKET", "STOP_LIMIT"],
        "displayFormat": rule.display_format,
        "commissionFromNumerator": False,
        "order": rule.order,
        "priceRounding": False,
        "isNew": False,
        "marketPriceWarningThresholdPercentage": Decimal("0.25"),
        "maximumOrderAmount": None,
        "maximumLimitOrderPrice": num(high),
        "minimumLimitOrderPrice": num(low),
    }


def _currency_view(cur: Currency) -> dict[str, Any]:
    return {
        "id": cur.id,
        "symbol": cur.symbol,
        "minWithdrawal": num(Decimal(cur.min_withdrawal)),
        "minDeposit": num(Decimal(cur.min_deposit)),
        "precision": cur.precision,
        "currencyType": "FIAT" if cur.symbol == "TRY" else "CRYPTO",
        "name": cur.name,
        "isNew": False,
    }
