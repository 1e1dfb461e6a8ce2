"""Endpoints older clients still call (API_CONTRACT §3.1, §3.2): legacy OHLC and transfers.

=================================================  ========================================
``GET /api/v2/ohlc?pairSymbol=P[&last=N]``          public envelope; the last ``N`` daily
                                                   candles (all of them without ``last``),
                                                   oldest first; ``time`` in ms (O1's
                                                   capture), every value a string (SW2's
                                                   ``GraphDataOutputModel``)
``GET /api/v1/users/transactions/crypto``          HMAC; deposits/withdrawals of crypto
``GET /api/v1/users/transactions/fiat``            HMAC; of fiat (TRY)
=================================================  ========================================

Transfer filters (R, SW1): ``type`` (repeatable ``deposit``/``withdrawal``; R spells it
``balanceTypes`` on ``/fiat``), ``symbol`` (repeatable currency codes, any case; R:
``currencySymbols`` on ``/fiat``), ``startDate``/``endDate`` in ms (default: the last 30 days).
Items (R's example, with amounts as strings like every balance-related field): ``balanceType``
(``Deposit``/``Withdrawal``), ``currencySymbol``, ``id``, ``timestamp`` (ms), ``funds`` (the
balance after), ``amount`` (negative for a withdrawal), ``fee``, ``tax``; newest first. R
documents them as POST, SW1 as GET: both are served. Rate limit: 90 per minute per IP (§4.3).
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from aiohttp import web

from btcbot.emulator import errors
from btcbot.emulator.candles import DAY_MINUTES, Candle
from btcbot.emulator.engine import Exchange
from btcbot.emulator.http_util import json_response
from btcbot.emulator.rest_api import RestApi, bad_param, business_error
from btcbot.emulator.rest_views import private_envelope, public_envelope
from btcbot.emulator.transfers import Transfer, Transfers
from btcbot.emulator.wire import dec_str
from btcbot.exchange.symbol_table import SymbolRule

DAY_S = 86_400
THIRTY_DAYS_MS = 30 * DAY_S * 1000
KINDS = frozenset({"deposit", "withdrawal"})


class LegacyApi:
    def __init__(
        self,
        exchange: Exchange,
        rest: RestApi,
        transfers: Transfers,
        clock: Callable[[], int],
        history_start_s: Callable[[str], int],
    ) -> None:
        self.exchange = exchange
        self.rest = rest
        self.transfers = transfers
        self.clock = clock
        self.history_start_s = history_start_s

    def routes(self) -> list[web.RouteDef]:
        routes = [web.get("/api/v2/ohlc", self.ohlc)]
        for kind in ("crypto", "fiat"):
            path = f"/api/v1/users/transactions/{kind}"
            handler = self._transfers_handler(fiat=kind == "fiat")
            routes += [web.get(path, handler), web.post(path, handler)]
        return routes

    async def ohlc(self, request: web.Request) -> web.Response:
        rule = self.exchange.table.find(request.query.get("pairSymbol", ""))
        if rule is None:
            return business_error(errors.PAIR_NOT_FOUND)
        raw = request.query.get("last", "")
        last = int(raw) if raw.isdigit() else None
        if raw and (last is None or last < 1):
            return bad_param("last")
        now_s = self.clock() // 1000
        today = now_s - now_s % DAY_S
        first = self.history_start_s(rule.name) if last is None else today - (last - 1) * DAY_S
        candles = self.exchange.candles[rule.name].aggregate(first, now_s, DAY_MINUTES)
        views = [_ohlc_view(rule, candle) for candle in candles]
        return json_response(public_envelope(views if last is None else views[-last:]))

    def _transfers_handler(self, *, fiat: bool) -> Callable[[web.Request], Any]:
        async def handler(request: web.Request) -> web.Response:
            user = self.rest.authenticate(request)
            if isinstance(user, web.Response):
                return user
            chosen = _filter(self.transfers.of(user.user_id), request.query, self.clock(), fiat)
            if chosen is None:
                return bad_param("type/symbol/startDate/endDate")
            items = [_transfer_view(transfer) for transfer in reversed(chosen)]
            return json_response(private_envelope(items))

        return handler


def _filter(
    transfers: list[Transfer], query: Any, now_ms: int, fiat: bool
) -> list[Transfer] | None:
    kinds = {k.lower() for key in ("type", "balanceTypes") for k in query.getall(key, [])}
    assets = {s.upper() for key in ("symbol", "currencySymbols") for s in query.getall(key, [])}
    start, end = _ms(query.get("startDate")), _ms(query.get("endDate"))
    if not kinds <= KINDS or start == -1 or end == -1:
        return None
    since = now_ms - THIRTY_DAYS_MS if start is None else start
    return [
        t
        for t in transfers
        if t.is_fiat == fiat
        and (not kinds or t.kind in kinds)
        and (not assets or t.asset in assets)
        and t.time_ms >= since
        and (end is None or t.time_ms <= end)
    ]


def _ms(value: str | None) -> int | None:
    """``None`` when absent, ``-1`` when not an integer."""
    if value is None or value == "":
        return None
    try:
        return int(value)
    except ValueError:
        return -1


def _transfer_view(transfer: Transfer) -> dict[str, Any]:
    return {
        "balanceType": transfer.kind.capitalize(),
        "currencySymbol": transfer.asset,
        "id": transfer.id,
        "timestamp": transfer.time_ms,
        "funds": dec_str(transfer.funds),
        "amount": dec_str(transfer.amount),
        "fee": dec_str(transfer.fee),
        "tax": dec_str(transfer.tax),
    }


def _ohlc_view(rule: SymbolRule, candle: Candle) -> dict[str, Any]:
    change = candle.close - candle.open
    percent = (change / candle.open * 100).quantize(Decimal("0.01")) if candle.open else Decimal(0)
    average = candle.total / candle.volume if candle.volume else candle.close
    return {
        "pairSymbol": rule.name,
        "pairSymbolNormalized": rule.normalized,
        "time": candle.start_s * 1000,
        "open": dec_str(candle.open),
        "high": dec_str(candle.high),
        "low": dec_str(candle.low),
        "close": dec_str(candle.close),
        "volume": dec_str(candle.volume),
        "average": dec_str(average.quantize(Decimal("0.01"))),
        "dailyChangeAmount": dec_str(change),
        "dailyChangePercentage": dec_str(percent),
    }
