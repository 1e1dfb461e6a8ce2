"""The ledger must explain the exchange balances, or trading stops.

At the first check the current balances, minus the effect of the fills already booked, become
the account's baseline (stored with the runtime state). From then on, baseline + fills must
equal what the exchange reports, asset by asset, within ``tolerance``. A mismatch blocks the
cycle; ``threshold`` consecutive mismatches trip the kill switch (a one-off mismatch can be a
fill that landed between the two reads, a persistent one cannot).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import structlog
from sqlalchemy import Engine

from btcbot.accounting import BalanceCheck, check_balances, expected_holdings
from btcbot.domain import Balance
from btcbot.domain.money import format_decimal, to_decimal
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

    def check(self, balances: Mapping[str, Balance], now_ms: int) -> BalanceCheck:
        with unit_of_work(self.engine) as conn:
            fills = FillRepository(conn).all()
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
            self._count(result, conn_state=OpState(conn), now_ms=now_ms)
        return result

    def _count(self, result: BalanceCheck, *, conn_state: OpState, now_ms: int) -> None:
        if result.ok:
            self.consecutive = 0
            return
        self.consecutive += 1
        detail = "; ".join(m.describe() for m in result.mismatches)
        log.error("ledger_mismatch", consecutive=self.consecutive, detail=detail)
        if self.consecutive >= self.threshold:
            conn_state.set_kill_switch(
                self.account_key,
                active=True,
                source="ledger",
                reason=f"{self.consecutive} consecutive ledger mismatches: {detail}",
                now_ms=now_ms,
            )
            log.error("kill_switch_tripped", source="ledger", detail=detail)


def _baseline(balances: Mapping[str, Balance], effect: Mapping[str, Decimal]) -> dict[str, Decimal]:
    assets = set(balances) | set(effect)
    totals = {asset: balances[asset].total if asset in balances else Decimal(0) for asset in assets}
    return {asset: totals[asset] - effect.get(asset, Decimal(0)) for asset in sorted(assets)}
