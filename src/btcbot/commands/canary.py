"""``btcbot canary once|loop``: a guarded first live run on one symbol with a small cap.

1. Load the settings for ``--stage`` (3 or 4) and override, explicitly and printed: the universe
   is the one ``--symbol``, the per-order and per-cycle notional caps are at most
   ``--notional-try``, the order TTL is at most ``--ttl-seconds`` (a tighter configured cap or
   TTL is kept). Settings stay frozen: the overrides are copies (``model_copy``) and the profile
   parameters are rebuilt from them.
2. Run the doctor on that configuration; any FAIL refuses the canary (exit 2).
3. Refuse (exit 2, with the numbers) when the capped per-order budget cannot meet the symbol's
   minimum order value in TRY (a non-TRY pair's minExchangeValue valued at the conversion rate
   the doctor read, e.g. USDT_TRY's mid).
4. Run the normal runtime for 1 cycle (``once``) or up to ``--max-cycles`` (``loop``), then
   summarise what the canary did from the state database.

The gates are the normal ones: not armed means a dry run (paper fills), said plainly.
Profile 7 is refused: it picks its own universe and rebalances holdings beyond one symbol.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Annotated, Any, Final

import typer
from sqlalchemy import select

from btcbot.accounting import build_ledger
from btcbot.commands.checks import render, render_summary
from btcbot.commands.common import (
    EXIT_CONFIG,
    EnvFile,
    bounded_option,
    cycle_seconds_option,
    fail,
    inspected_store,
    now_ms,
)
from btcbot.commands.doctor import diagnose, route_logs
from btcbot.commands.probes import (
    minimum_order_try,
    per_order_budget,
    rate_note,
    try_rate,
)
from btcbot.commands.run import banner, load_or_exit, run_config
from btcbot.config import AppConfig
from btcbot.domain import Symbol, SymbolError, SymbolRules
from btcbot.domain.money import format_decimal
from btcbot.kernel.builtin import builtin_profile
from btcbot.store import FillRepository
from btcbot.store.schema import orders

CANARY_STAGES = (3, 4)
#: --notional-try: a canary is a small first run; its cap is at most this many TRY.
MIN_NOTIONAL_TRY: Final = 0.01
MAX_NOTIONAL_TRY: Final = 1_000_000.0
CENT: Final = Decimal("0.01")

canary_app = typer.Typer(
    help="A guarded first live run: one symbol, a small notional cap, a short TTL, doctor first.",
    no_args_is_help=True,
)

SymbolOpt = Annotated[str, typer.Option("--symbol", help="The one pair to trade.")]
NotionalOpt = Annotated[
    float,
    typer.Option("--notional-try", help="Cap per order and per cycle, in TRY (0.01 to 1000000)."),
]
CycleSecondsOpt = Annotated[
    float, typer.Option("--cycle-seconds", help="Pause between cycles (0 to 86400).")
]
TtlOpt = Annotated[
    int, typer.Option("--ttl-seconds", min=1, help="Orders older than this are cancelled.")
]
StageOpt = Annotated[int, typer.Option("--stage", help="Strategy profile: 3 or 4.")]


@dataclass(frozen=True, slots=True)
class CanaryOptions:
    symbol: Symbol
    notional: Decimal
    ttl_seconds: int
    cycle_seconds: float


def canary_config(config: AppConfig, options: CanaryOptions) -> tuple[AppConfig, list[str]]:
    """``config`` with the canary's overrides (never loosening a tighter configured cap or
    TTL), and one line per override for the operator."""
    limits = config.params.limits
    per_order = limits.max_notional_per_order
    per_order = options.notional if per_order is None else min(per_order, options.notional)
    per_cycle = min(limits.notional_cap_per_cycle, options.notional)
    ttl = min(config.params.lifecycle.ttl_seconds, options.ttl_seconds)
    common = config.common.model_copy(update={"symbols": (options.symbol,)})
    stage = config.stage.model_copy(
        update={
            "max_notional_per_order_try": per_order,
            "notional_cap_try_per_cycle": per_cycle,
            "ttl_seconds": ttl,
        }
    )
    changed = dataclasses.replace(
        config, common=common, stage=stage, params=stage.to_params(common)
    )
    was_symbols = ",".join(s.normalized for s in config.common.symbols)
    lines = [
        f"SYMBOLS={options.symbol.normalized} (was {was_symbols})",
        f"MAX_NOTIONAL_PER_ORDER_TRY={format_decimal(per_order)} "
        f"(was {_cap(limits.max_notional_per_order)})",
        f"NOTIONAL_CAP_TRY_PER_CYCLE={format_decimal(per_cycle)} "
        f"(was {format_decimal(limits.notional_cap_per_cycle)})",
        f"TTL_SECONDS={ttl} (was {config.params.lifecycle.ttl_seconds})",
    ]
    return changed, lines


def _cap(value: Decimal | None) -> str:
    return "unset" if value is None else format_decimal(value)


def check_min_notional(
    config: AppConfig,
    symbol: Symbol,
    rules: SymbolRules | None,
    rates: Mapping[str, Decimal | str],
) -> None:
    """Refuse when no order within the cap can meet the symbol's minimum order value, valued
    in TRY as the doctor and the risk policy value it (``rates``: TRY per unit of each
    non-TRY quote currency, from the doctor's probe)."""
    if rules is None:
        fail(f"{symbol.normalized} is not listed on the exchange: choose another --symbol")
    rate = try_rate(symbol.quote, rates)
    if not isinstance(rate, Decimal):
        fail(
            f"the canary cannot value {symbol.normalized}'s minimum order in TRY "
            f"({rate or 'no conversion rate'}): choose a TRY pair as --symbol",
            EXIT_CONFIG,
        )
    budget, why = per_order_budget(builtin_profile(config.params))
    floor = config.params.limits.min_order_notional
    needed = minimum_order_try(rules, rate, floor)
    if budget < needed:
        fail(
            f"the canary cannot place an order on {symbol.normalized}: its per-order budget "
            f"{format_decimal(budget)} TRY ({why}) is below the minimum order value "
            f"{format_decimal(needed)} TRY{rate_note(symbol.quote, rate)} (exchange "
            f"minExchangeValue {format_decimal(rules.min_exchange_value)} {symbol.quote}, "
            f"MIN_ORDER_NOTIONAL_TRY {format_decimal(floor)}); raise --notional-try (and "
            "ENTRY_NOTIONAL_TRY if it is the smaller) to at least "
            f"{format_decimal(needed.quantize(CENT, rounding=ROUND_CEILING))}",
            EXIT_CONFIG,
        )


def canary_summary(config: AppConfig, symbol: Symbol, since_ms: int) -> dict[str, Any]:
    """What the canary did, from the database: its orders by status, their fills, and the
    realized PnL those fills added on the symbol."""
    with inspected_store(config.common) as engine, engine.connect() as conn:
        rows = conn.execute(
            select(orders.c.status, orders.c.exchange_order_id)
            .where(orders.c.symbol == symbol.normalized)
            .where(orders.c.created_ms >= since_ms)
        ).all()
        every_fill = FillRepository(conn).all(symbol)
    ids = {row.exchange_order_id for row in rows if row.exchange_order_id is not None}
    ours = [f for f in every_fill if f.order_id in ids]
    before = build_ledger([f for f in every_fill if f.order_id not in ids]).position(symbol)
    after = build_ledger(every_fill).position(symbol)
    statuses = Counter(row.status for row in rows)
    return {
        "symbol": symbol.normalized,
        "orders_placed": len(ids),
        "orders_by_status": dict(sorted(statuses.items())),
        "fills": len(ours),
        "realized_pnl_try": format_decimal(after.realized_pnl - before.realized_pnl),
    }


def print_summary(summary: dict[str, Any], armed: bool) -> None:
    statuses = summary["orders_by_status"]
    counts = ", ".join(f"{status} {n}" for status, n in statuses.items()) or "none"
    mode = "LIVE" if armed else "DRY RUN (paper)"
    typer.secho(
        f"canary summary [{mode}] {summary['symbol']}: orders placed {summary['orders_placed']} "
        f"(canceled {statuses.get('CANCELED', 0)}, filled {statuses.get('FILLED', 0)}; "
        f"by status: {counts}); fills {summary['fills']}; realized PnL "
        f"{summary['realized_pnl_try']} TRY",
        bold=True,
    )
    typer.echo("details: btcbot orders --all --limit 20; btcbot status")


def _options(symbol: str, notional: float, ttl: int, pause: float) -> CanaryOptions:
    """The options, checked: inf, nan or out of range exits 2 naming the option."""
    try:
        parsed = Symbol.parse(symbol)
    except SymbolError as exc:
        fail(f"--symbol {symbol!r}: {exc}")
    bounded_option("--notional-try", notional, MIN_NOTIONAL_TRY, MAX_NOTIONAL_TRY, " TRY")
    return CanaryOptions(parsed, Decimal(str(notional)), ttl, cycle_seconds_option(pause))


def run_canary(stage: int, options: CanaryOptions, cycles: int, env_file: EnvFile) -> None:
    if stage not in CANARY_STAGES:
        fail(
            f"--stage {stage}: the canary runs profile 3 or 4 (profile 7 selects its own "
            "universe and rebalances holdings beyond one symbol)"
        )
    config, overrides = canary_config(load_or_exit(stage, env_file), options)
    route_logs(config)
    typer.secho(banner(config), bold=True)
    if not config.arming.armed:
        typer.secho(
            "not armed: this canary is a DRY RUN, no order reaches the exchange",
            fg=typer.colors.YELLOW,
        )
    typer.echo("canary overrides: " + "; ".join(overrides))
    report = asyncio.run(diagnose(config))
    render(report.checks)
    render_summary(report, "doctor")
    if not report.ok:
        fail("the doctor found failures: refusing to start the canary", EXIT_CONFIG)
    symbol = options.symbol
    check_min_notional(config, symbol, report.rules.get(symbol.normalized), report.rates)
    started = now_ms()
    asyncio.run(run_config(config, cycles=cycles, cycle_seconds=options.cycle_seconds))
    print_summary(canary_summary(config, options.symbol, started), config.arming.armed)


@canary_app.command("once")
def canary_once(
    symbol: SymbolOpt = "BTC_TRY",
    notional_try: NotionalOpt = 150.0,
    cycle_seconds: CycleSecondsOpt = 10.0,
    ttl_seconds: TtlOpt = 30,
    stage: StageOpt = 4,
    env_file: EnvFile = None,
) -> None:
    """One guarded cycle on one symbol (doctor first)."""
    options = _options(symbol, notional_try, ttl_seconds, cycle_seconds)
    run_canary(stage, options, 1, env_file)


@canary_app.command("loop")
def canary_loop(
    symbol: SymbolOpt = "BTC_TRY",
    notional_try: NotionalOpt = 150.0,
    cycle_seconds: CycleSecondsOpt = 10.0,
    ttl_seconds: TtlOpt = 30,
    max_cycles: Annotated[
        int, typer.Option("--max-cycles", min=1, help="Stop after this many cycles.")
    ] = 60,
    stage: StageOpt = 4,
    env_file: EnvFile = None,
) -> None:
    """Guarded cycles on one symbol until --max-cycles or SIGTERM/SIGINT (doctor first)."""
    options = _options(symbol, notional_try, ttl_seconds, cycle_seconds)
    run_canary(stage, options, max_cycles, env_file)


__all__ = ["canary_app", "canary_config", "canary_summary", "check_min_notional"]
