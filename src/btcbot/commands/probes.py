"""Doctor checks against the exchange: reachability and clock, symbol rules, credentials,
market data feed. Only reads: no probe sends an order or a cancel.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

import httpx

from btcbot.btcturk.rest_client import BtcturkRestClient, credentials_from
from btcbot.btcturk.ws_client import BtcturkWsClient
from btcbot.btcturk.ws_config import WsError
from btcbot.commands.checks import CheckResult, Verdict, failed, passed, skipped, warned
from btcbot.config import AppConfig
from btcbot.config.redaction import redact_url_password
from btcbot.domain import Symbol, SymbolRules
from btcbot.domain.money import format_decimal
from btcbot.exchange.errors import AuthError, ExchangeError
from btcbot.kernel.builtin import builtin_profile
from btcbot.kernel.profile import Profile
from btcbot.marketdata import conversion_pair, conversion_pairs
from btcbot.runtime.factory import ws_config

CLOCK_TOLERANCE_MS: Final = 5_000  # BTCTurk refuses X-Stamp values more than ±5 s off
WS_READY_SECONDS: Final = 5.0
PROBE_MAX_RETRIES: Final = 1  # a doctor answers quickly; one retry absorbs a blip
ACCOUNT_CURRENCY: Final = "TRY"  # every budget and cap is named in it


@dataclass
class ExchangeFindings:
    checks: list[CheckResult] = field(default_factory=list)
    rules: dict[str, SymbolRules] = field(default_factory=dict)  # configured symbols found
    #: TRY per unit of each non-TRY quote currency of the configured symbols, or why not.
    rates: dict[str, Decimal | str] = field(default_factory=dict)


async def probe_exchange(config: AppConfig) -> ExchangeFindings:
    retries = min(config.exchange.rest_max_retries, PROBE_MAX_RETRIES)
    settings = config.exchange.model_copy(update={"rest_max_retries": retries})
    findings = ExchangeFindings()
    async with BtcturkRestClient.from_settings(settings) as rest:
        reach = await _reachability(rest, config)
        findings.checks.append(reach)
        if reach.verdict is Verdict.FAIL:
            findings.checks.append(skipped("rules", "not checked: exchange unreachable"))
            findings.checks.append(skipped("credentials", "not checked: exchange unreachable"))
        else:
            checks, findings.rules, findings.rates = await _rules(rest, config)
            findings.checks.extend(checks)
            findings.checks.append(await _credentials(rest, config))
    findings.checks.append(await _market_data(config))
    return findings


async def _reachability(rest: BtcturkRestClient, config: AppConfig) -> CheckResult:
    url = redact_url_password(config.exchange.base_url)
    try:
        offset_ms = await rest.sync_clock()
    except (ExchangeError, httpx.InvalidURL) as exc:
        return failed(
            "exchange",
            redact_url_password(
                f"unreachable at {url}: {exc} (check BTCTURK_BASE_URL and the network)"
            ),
        )
    rtt = rest.session.clock.last_rtt_ms
    measured = f"server clock offset {offset_ms / 1000:+.3f} s, round trip {rtt} ms"
    if abs(offset_ms) > CLOCK_TOLERANCE_MS:
        return warned(
            "exchange",
            f"reachable at {url}, but {measured} exceeds the ±5 s stamp tolerance: btcbot "
            "corrects its stamps by the measured offset, but fix the host clock (NTP)",
            critical=True,
        )
    return passed("exchange", f"reachable at {url}; {measured} (tolerance ±5 s)", critical=True)


async def _rules(
    rest: BtcturkRestClient, config: AppConfig
) -> tuple[list[CheckResult], dict[str, SymbolRules], dict[str, Decimal | str]]:
    try:
        listed = {rules.symbol: rules for rules in await rest.exchange_info()}
    except ExchangeError as exc:
        return [failed("rules", f"exchangeinfo could not be read: {exc}")], {}, {}
    budget, why = per_order_budget(builtin_profile(config.params))
    floor = config.params.limits.min_order_notional
    rates = await _quote_rates(rest, config.common.symbols, listed)
    checks = [
        symbol_rules_check(
            symbol, listed.get(symbol), budget, why, floor, try_rate(symbol.quote, rates)
        )
        for symbol in config.common.symbols
    ]
    found = {s.normalized: listed[s] for s in config.common.symbols if s in listed}
    return checks, found, rates


async def _quote_rates(
    rest: BtcturkRestClient, symbols: Iterable[Symbol], listed: Mapping[Symbol, SymbolRules]
) -> dict[str, Decimal | str]:
    """TRY per unit of each non-TRY quote currency (its conversion book's mid), or why not."""
    rates: dict[str, Decimal | str] = {}
    for pair in conversion_pairs(symbols, ACCOUNT_CURRENCY):
        if pair not in listed:
            rates[pair.base] = f"the exchange lists no {pair.normalized} pair"
            continue
        try:
            mid = (await rest.order_book(pair, limit=1)).mid
        except ExchangeError as exc:
            rates[pair.base] = f"the {pair.normalized} book could not be read: {exc}"
            continue
        rates[pair.base] = (
            mid if mid is not None and mid > 0 else f"{pair.normalized} has no quotes"
        )
    return rates


def per_order_budget(profile: Profile) -> tuple[Decimal, str]:
    """The largest order the profile may place, and which knobs make it so."""
    limits = profile.limits
    caps = {"NOTIONAL_CAP_TRY_PER_CYCLE": limits.notional_cap_per_cycle}
    if limits.max_notional_per_order is not None:
        caps["MAX_NOTIONAL_PER_ORDER_TRY"] = limits.max_notional_per_order
    caps.update(profile.size_caps)
    budget = min(caps.values())
    why = ", ".join(f"{name} {format_decimal(value)}" for name, value in caps.items())
    return budget, f"min of {why}"


def try_rate(quote: str, rates: Mapping[str, Decimal | str]) -> Decimal | str | None:
    """TRY per unit of ``quote`` (1 for TRY), or why there is none (None: not fetched)."""
    return Decimal(1) if quote == ACCOUNT_CURRENCY else rates.get(quote)


def minimum_order_try(rules: SymbolRules, rate: Decimal, floor: Decimal) -> Decimal:
    """The smallest order the exchange and MIN_ORDER_NOTIONAL_TRY (``floor``) allow on a pair,
    in TRY: its minExchangeValue is in the pair's quote currency, worth ``rate`` TRY each."""
    return max(rules.min_exchange_value * rate, floor)


def rate_note(quote: str, rate: Decimal) -> str:
    """How a quote-currency amount was valued in TRY ('' for TRY itself)."""
    if quote == ACCOUNT_CURRENCY:
        return ""
    pair = conversion_pair(quote, ACCOUNT_CURRENCY).normalized
    return f" (at {format_decimal(rate)} TRY/{quote} from {pair})"


def symbol_rules_check(
    symbol: Symbol,
    rules: SymbolRules | None,
    budget: Decimal,
    why: str,
    floor: Decimal,
    rate: Decimal | str | None = None,
) -> CheckResult:
    """``rate``: TRY per unit of the symbol's quote currency (:func:`try_rate`: 1 for a TRY
    pair; a str says why there is none). Every budget is a TRY amount, so a pair whose
    minimum cannot be valued in TRY fails: its caps could not be enforced."""
    name = f"rules {symbol.normalized}"
    if rules is None:
        return failed(name, "not listed on the exchange: remove it from SYMBOLS")
    quote = symbol.quote
    scales = (
        f"price scale {rules.price_scale}, quantity scale {rules.numerator_scale}, "
        f"minExchangeValue {format_decimal(rules.min_exchange_value)} {quote}"
    )
    if not rules.is_trading:
        return warned(name, f"status {rules.status}: orders are refused; {scales}", critical=True)
    if not isinstance(rate, Decimal):
        pair = conversion_pair(quote, ACCOUNT_CURRENCY).normalized
        return failed(
            name,
            f"its budgets are TRY amounts but {quote} cannot be valued in TRY "
            f"({rate or f'no {pair} rate'}): the agent would refuse every order on it; "
            f"remove it from SYMBOLS or trade a pair with a {pair} book; {scales}",
        )
    via = rate_note(quote, rate)
    needed = minimum_order_try(rules, rate, floor)
    if budget < needed:
        return warned(
            name,
            f"per-order budget {format_decimal(budget)} TRY ({why}) cannot meet the minimum "
            f"order value {format_decimal(needed)} TRY{via} (minExchangeValue "
            f"{format_decimal(rules.min_exchange_value)} {quote}, MIN_ORDER_NOTIONAL_TRY "
            f"{format_decimal(floor)}): no order on this symbol can be placed; {scales}",
            critical=True,
        )
    return passed(
        name,
        f"TRADING; {scales}; per-order budget {format_decimal(budget)} TRY{via}",
        critical=True,
    )


async def _credentials(rest: BtcturkRestClient, config: AppConfig) -> CheckResult:
    armed = config.arming.live_account  # a cancel-only live run needs its keys as much
    if not config.has_credentials:
        return passed("credentials", "none configured (a dry run needs none)")
    try:
        balances = await rest.balances()
    except AuthError as exc:
        detail = f"rejected by the exchange: {exc.reason or exc.detail}"
        return failed("credentials", detail) if armed else warned("credentials", detail)
    except ExchangeError as exc:
        detail = f"signed read failed: {exc}"
        return failed("credentials", detail) if armed else warned("credentials", detail)
    held = sum(1 for balance in balances if balance.total > 0)
    return passed(
        "credentials",
        f"accepted (signed balance read: {held} asset(s) held; secret not shown)",
        critical=True,
    )


async def _market_data(config: AppConfig) -> CheckResult:
    common = config.common
    if common.market_data_mode == "rest":
        return passed("market data", "rest polling (no WebSocket feed needed)", critical=True)
    url = config.exchange.ws_url
    # an armed run logs the feed in with the key (dry runs do not): so does this check
    credentials = credentials_from(config.exchange) if config.arming.live_account else None
    feed = BtcturkWsClient(ws_config(config.exchange), credentials)
    try:
        async with feed, asyncio.timeout(WS_READY_SECONDS):
            await feed.wait_ready()
    except (TimeoutError, WsError) as exc:
        why = str(exc) or f"no session within {WS_READY_SECONDS:.0f} s"
        return failed(
            "market data",
            f"MARKET_DATA_MODE=ws but the WebSocket feed at {url} is not live ({why}): the "
            "run would refuse to start; check BTCTURK_WS_URL or set MARKET_DATA_MODE=rest",
        )
    return passed("market data", f"ws: WebSocket session established at {url}", critical=True)
