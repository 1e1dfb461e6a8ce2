"""The ledger must explain the exchange balances, or trading stops.

At the first check the current balances, minus the effect of the fills already booked, become
the account's baseline (stored with the runtime state). From then on, baseline + our fills
must equal what the exchange reports, asset by asset, within ``tolerance``. A mismatch blocks
the cycle; ``threshold`` consecutive mismatches trip the kill switch (a one-off mismatch can
be a fill that landed between the two reads, a persistent one cannot).

Only fills of orders the agent placed are booked. A deposit, a withdrawal or another client's
trade on the account (a *foreign* fill, stored for the record) changes balances the ledger
cannot explain: the message names the foreign fills seen since the baseline and the command
that accepts the change, ``btcbot ledger rebase`` (the next check takes a new baseline).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import structlog
from sqlalchemy import Engine

from btcbot.accounting import BalanceCheck, check_balances, expected_holdings
from btcbot.domain import Balance, Fill
from btcbot.domain.money import format_decimal, to_decimal
from btcbot.domain.trips import TripKind, resolution
from btcbot.runtime.foreign_activity import list_fills
from btcbot.store import FillRepository, OpState, RiskStateRepository, unit_of_work

log = structlog.get_logger(__name__)

DEFAULT_TOLERANCE = Decimal("0.00000001")


def baseline_key(account_key: str) -> str:
    return f"{account_key}:ledger-baseline"


@dataclass
class LedgerGuard:
    engine: Engine
    account_key: str
    threshold: int
    tolerance: Decimal = DEFAULT_TOLERANCE
    consecutive: int = field(default=0, init=False)
    last_mismatch: str = field(default="", init=False)  # what the last failed check found

    def check(
        self, balances: Mapping[str, Balance], now_ms: int, *, count: bool = True
    ) -> BalanceCheck:
        """Compare ``balances`` with baseline + our fills; ``count=False`` only looks (no
        mismatch is counted or logged, the baseline is still taken on the first check)."""
        with unit_of_work(self.engine) as conn:
            fills = FillRepository(conn).ours()
            states = RiskStateRepository(conn)
            stored = states.get(baseline_key(self.account_key))
            if stored is None:
                baseline = _baseline(balances, expected_holdings(fills))
                document = {a: format_decimal(v) for a, v in baseline.items()}
                states.put(baseline_key(self.account_key), document, now_ms=now_ms)
            else:
                baseline = {asset: to_decimal(value) for asset, value in stored.items()}
            result = check_balances(
                expected_holdings(fills, baseline), balances.values(), self.tolerance
            )
            if not result.ok:
                since = states.updated_ms(baseline_key(self.account_key))
                foreign = FillRepository(conn).foreign(recorded_since_ms=since)
                result = LedgerCheck(result.mismatches, tuple(foreign))
            if count:
                self._count(result, conn_state=OpState(conn), now_ms=now_ms)
        return result

    def explain(self, result: BalanceCheck) -> str:
        """The mismatch, what may have caused it, and the command that accepts it."""
        return explain(result)

    def _count(self, result: BalanceCheck, *, conn_state: OpState, now_ms: int) -> None:
        if result.ok:
            self.consecutive = 0
            return
        self.consecutive += 1
        detail = explain(result)
        self.last_mismatch = detail
        log.error(
            "ledger_mismatch",
            consecutive=self.consecutive,
            detail=detail,
            resolve=resolution(TripKind.LEDGER_MISMATCH),
        )
        if self.consecutive >= self.threshold:
            conn_state.set_kill_switch(
                self.account_key,
                active=True,
                source="ledger",
                reason=f"{self.consecutive} consecutive ledger mismatches: {detail}; then "
                "release the kill switch: btcbot kill-switch off",
                now_ms=now_ms,
            )
            log.error(
                "kill_switch_tripped",
                source="ledger",
                detail=detail,
                resolve=resolution(TripKind.KILL_SWITCH_LEDGER),
            )


@dataclass(frozen=True, slots=True)
class LedgerCheck(BalanceCheck):
    """A failed check with the foreign fills stored since the baseline was taken."""

    foreign: tuple[Fill, ...] = ()


def explain(result: BalanceCheck) -> str:
    detail = "; ".join(m.describe() for m in result.mismatches)
    foreign = result.foreign if isinstance(result, LedgerCheck) else ()
    cause = (
        list_fills(foreign)
        if foreign
        else "a deposit, a withdrawal or a trade made outside the agent"
    )
    return (
        f"ledger disagrees with exchange balances: {detail}. Likely cause: {cause}. Check it; "
        "to accept the exchange balances as the new baseline run: btcbot ledger rebase"
    )


def _baseline(balances: Mapping[str, Balance], effect: Mapping[str, Decimal]) -> dict[str, Decimal]:
    assets = set(balances) | set(effect)
    totals = {asset: balances[asset].total if asset in balances else Decimal(0) for asset in assets}
    return {asset: totals[asset] - effect.get(asset, Decimal(0)) for asset in sorted(assets)}
