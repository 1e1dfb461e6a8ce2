"""The summary of a run database: activity, PnL, fees, equity, drawdown, modes, fingerprint.

Equity figures are in the valuation currency (TRY): per cycle as the cycle runner measured it
(balances at the start of the cycle at book mids), final as the backtest measured it after its
last cycle (ledger balances at the last closes). A database without those figures (a live or
dry-run database) reports what it has and leaves the rest ``None``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Context, Decimal
from pathlib import Path

from btcbot.accounting import DrawdownState, LedgerState, max_drawdown, track_equity
from btcbot.backtest.parity import nonzero, run_fingerprint
from btcbot.backtest.records import RunData, existing_run, read_run
from btcbot.domain import Side
from btcbot.domain.money import ZERO, format_decimal, to_decimal

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class BacktestSummary:
    cycles: int
    first_ms: int | None
    last_ms: int | None
    planned_submits: int
    planned_cancels: int
    orders_by_status: Mapping[str, int]
    fills: int
    buys: int
    sells: int
    initial_equity: Decimal | None
    final_equity: Decimal | None
    return_pct: Decimal | None
    realized_pnl: Mapping[str, Decimal]  # per quote currency
    fees: Mapping[str, Decimal]  # fee + tax, per quote currency
    max_drawdown: Decimal
    max_drawdown_pct: Decimal
    modes: Mapping[str, int]
    final_balances: Mapping[str, Decimal]
    fingerprint: str

    @property
    def orders(self) -> int:
        return sum(self.orders_by_status.values())

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) rows for a table or plain output."""
        return [
            ("cycles", str(self.cycles)),
            ("planned submits / cancels", f"{self.planned_submits} / {self.planned_cancels}"),
            ("orders by status", _counts(self.orders_by_status)),
            ("fills (buy / sell)", f"{self.fills} ({self.buys} / {self.sells})"),
            ("initial equity", _amount(self.initial_equity)),
            ("final equity", _amount(self.final_equity)),
            ("return %", _amount(self.return_pct)),
            ("realized PnL", _per_asset(self.realized_pnl)),
            ("fees + tax", _per_asset(self.fees)),
            ("max drawdown", f"{_amount(self.max_drawdown)} ({_amount(self.max_drawdown_pct)} %)"),
            ("risk modes", _counts(self.modes)),
            ("final balances", _per_asset(self.final_balances, places=8)),
            ("fingerprint", self.fingerprint),
        ]


def summarize(run: RunData) -> BacktestSummary:
    equities = _equity_curve(run)
    initial = _manifest_amount(run, "initial_equity")
    if initial is None and equities:
        initial = equities[0]
    final = equities[-1] if equities else None
    worst_pct = _worst_drawdown_pct(equities)
    sides = Counter(fill.side for fill in run.ledger.fills)
    return BacktestSummary(
        cycles=len(run.cycles),
        first_ms=run.cycles[0].started_ms if run.cycles else None,
        last_ms=run.cycles[-1].started_ms if run.cycles else None,
        planned_submits=sum(row.submits for row in run.cycles),
        planned_cancels=sum(row.cancels for row in run.cycles),
        orders_by_status=run.orders_by_status,
        fills=len(run.ledger.fills),
        buys=sides[Side.BUY],
        sells=sides[Side.SELL],
        initial_equity=initial,
        final_equity=final,
        return_pct=_return_pct(initial, final),
        realized_pnl=dict(run.ledger.realized_pnl),
        fees=_fees(run.ledger),
        max_drawdown=max_drawdown(equities),
        max_drawdown_pct=worst_pct,
        modes=dict(sorted(Counter(row.risk_mode or "-" for row in run.cycles).items())),
        final_balances=nonzero(run.balances),
        fingerprint=run_fingerprint(run),
    )


def summarize_db(path: Path) -> BacktestSummary:
    """Summary of a run database file (raises ``RunDatabaseError`` when it is unusable)."""
    with existing_run(path) as engine:
        return summarize(read_run(engine))


def _equity_curve(run: RunData) -> list[Decimal]:
    curve = [row.equity for row in run.cycles if row.equity is not None]
    final = _manifest_amount(run, "final_equity")
    return [*curve, final] if final is not None else curve


def _manifest_amount(run: RunData, key: str) -> Decimal | None:
    value = (run.manifest or {}).get(key)
    return None if value is None else to_decimal(str(value))


def _worst_drawdown_pct(equities: list[Decimal]) -> Decimal:
    state: DrawdownState | None = None
    worst = ZERO
    for equity in equities:
        state = track_equity(state, equity)
        worst = max(worst, state.drawdown_bps / HUNDRED)
    return worst


def _return_pct(initial: Decimal | None, final: Decimal | None) -> Decimal | None:
    if initial is None or final is None or initial <= ZERO:
        return None
    return (final - initial) / initial * HUNDRED


def _fees(ledger: LedgerState) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for fill in ledger.fills:
        quote = fill.symbol.quote
        totals[quote] = totals.get(quote, ZERO) + fill.cost
    return totals


def rounded(value: Decimal, places: int = 2) -> Decimal:
    """``value`` rounded to ``places`` decimals, however large: with the precision that
    takes (the default 28 digits refuse a quantization of 1E+30 to cents)."""
    if not value.is_finite():
        return value
    digits = max(value.adjusted(), 0) + places + 2
    return value.quantize(Decimal(1).scaleb(-places), context=Context(prec=max(28, digits)))


def _amount(value: Decimal | None, places: int = 2) -> str:
    if value is None:
        return "-"
    shown = rounded(value, places)
    return format_decimal(shown) if shown.is_finite() else str(shown)


def _per_asset(values: Mapping[str, Decimal], places: int = 2) -> str:
    if not values:
        return "-"
    return ", ".join(f"{asset} {_amount(v, places)}" for asset, v in sorted(values.items()))


def _counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{key} {n}" for key, n in counts.items()) or "-"
