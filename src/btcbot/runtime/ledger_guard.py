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

Nothing here re-reads fills: the check compares the baseline (read with the cycle's state, an
operator may have cleared it) plus the balance effect the OMS's ledger book carries.

What a rebase accepted is money that came in or went out from outside (the new baseline minus
the one it replaced, which the rebase keeps under :func:`replaced_key`): :attr:`LedgerGuard.flow`
holds it until the cycle runner has moved the day's starting equity and the equity peak by its
value, so a deposit is not counted as the day's profit (lifting a daily loss stop) and a
withdrawal not as a loss or a drawdown (stopping the bot for good).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

import structlog
from sqlalchemy import Engine

from btcbot.accounting import BalanceCheck, LedgerView, check_balances, with_effect
from btcbot.domain import Balance, Fill
from btcbot.domain.money import format_decimal, to_decimal
from btcbot.domain.trips import TripKind, resolution
from btcbot.runtime.foreign_activity import list_fills
from btcbot.store import StateSession, StateStore, as_store

log = structlog.get_logger(__name__)

DEFAULT_TOLERANCE = Decimal("0.00000001")


def baseline_key(account_key: str) -> str:
    return f"{account_key}:ledger-baseline"


def replaced_key(account_key: str) -> str:
    """The baseline ``btcbot ledger rebase`` cleared, kept until the balances the rebase
    accepted are taken out of the day's PnL and the equity peak."""
    return f"{account_key}:ledger-replaced"


@dataclass(frozen=True, slots=True)
class Baseline:
    """Balances before the booked fills, and when they were taken."""

    balances: Mapping[str, Decimal]
    taken_ms: int | None


class LedgerGuard:
    def __init__(
        self,
        store: StateStore | Engine,
        account_key: str,
        threshold: int,
        tolerance: Decimal = DEFAULT_TOLERANCE,
    ) -> None:
        self.store = as_store(store)
        self.account_key = account_key
        self.threshold = threshold
        self.tolerance = tolerance
        self.consecutive = 0
        self.last_mismatch = ""  # what the last failed check found
        self._baseline: Baseline | None = None  # the last one read
        # the last check that agreed, and the (immutable) values it compared
        self._agreed: tuple[tuple[object, ...], BalanceCheck] | None = None
        # balances a rebase accepted (asset -> amount in, negative: out), not yet valued
        self.flow: dict[str, Decimal] = {}

    def read_baseline(self, session: StateSession) -> Baseline | None:
        """The stored baseline (None: the next check takes one). An operator may clear it at
        any time (``btcbot ledger rebase``), so it is read every cycle: when it was written
        first, the document itself only when that changed."""
        key = baseline_key(self.account_key)
        taken_ms = session.documents.updated_ms(key)
        if taken_ms is None:
            return None
        if self._baseline is not None and self._baseline.taken_ms == taken_ms:
            return self._baseline
        document = session.documents.get(key)
        if document is None:
            return None
        balances = {asset: to_decimal(value) for asset, value in document.items()}
        first = self._baseline is None
        self._baseline = Baseline(balances, taken_ms)
        if first:  # a rebase's flow a crash or a stop left unapplied
            self._note_flow(session, self._baseline.balances)
        return self._baseline

    def in_force(
        self,
        balances: Mapping[str, Balance],
        ledger: LedgerView,
        baseline: Baseline | None,
        now_ms: int,
    ) -> Baseline:
        """``baseline``, or (none stored: the first check, or after ``btcbot ledger rebase``)
        one taken now from ``balances`` minus the booked fills, and stored."""
        return baseline if baseline is not None else self._take_baseline(balances, ledger, now_ms)

    def compare(
        self,
        balances: Mapping[str, Balance],
        ledger: LedgerView,
        baseline: Baseline,
        foreign_since: Callable[[int | None], Sequence[Fill]] = lambda _: (),
    ) -> BalanceCheck:
        """Baseline + booked fills against ``balances`` (nothing counted or logged). A
        mismatch names the foreign fills stored since the baseline was taken.

        The very same balances, booked effect and baseline as the last check that agreed
        (values: the reconciliation's balances, the ledger book's view and the baseline are
        never changed in place) agree again without adding up."""
        compared = (balances, ledger.effect, baseline)
        agreed = self._agreed
        if agreed is not None and all(a is b for a, b in zip(agreed[0], compared, strict=True)):
            return agreed[1]
        expected = with_effect(baseline.balances, ledger.effect)
        result = check_balances(expected, balances.values(), self.tolerance)
        if result.ok:
            self._agreed = (compared, result)
            return result
        return LedgerCheck(result.mismatches, tuple(foreign_since(baseline.taken_ms)))

    def count(self, result: BalanceCheck, now_ms: int) -> None:
        """One more check: a mismatch streak at ``threshold`` trips the kill switch."""
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
            with self.store.session() as session:
                session.op_state.set_kill_switch(
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

    def explain(self, result: BalanceCheck) -> str:
        """The mismatch, what may have caused it, and the command that accepts it."""
        return explain(result)

    def settle_flow(self, session: StateSession) -> None:
        """The cycle runner valued :attr:`flow` into the risk state it persists in
        ``session``: forget the replaced baseline in the same transaction."""
        session.documents.delete(replaced_key(self.account_key))
        self.flow = {}

    def _take_baseline(
        self, balances: Mapping[str, Balance], ledger: LedgerView, now_ms: int
    ) -> Baseline:
        baseline = _baseline(balances, ledger.effect)
        document = {asset: format_decimal(value) for asset, value in baseline.items()}
        with self.store.session() as session:
            session.documents.put(baseline_key(self.account_key), document, now_ms=now_ms)
            self._note_flow(session, baseline)
        return Baseline(baseline, now_ms)

    def _note_flow(self, session: StateSession, baseline: Mapping[str, Decimal]) -> None:
        """What moved between the baseline a rebase replaced and ``baseline``, if any."""
        replaced = session.documents.get(replaced_key(self.account_key))
        if replaced is None:
            return
        before = {asset: to_decimal(value) for asset, value in replaced.items()}
        moved = {
            asset: baseline.get(asset, Decimal(0)) - before.get(asset, Decimal(0))
            for asset in sorted(set(baseline) | set(before))
        }
        self.flow = {asset: amount for asset, amount in moved.items() if amount}
        if self.flow:
            moved_text = {asset: format_decimal(v) for asset, v in self.flow.items()}
            log.info("ledger_rebase_flow", moved=moved_text)


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
