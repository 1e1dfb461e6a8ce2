"""Live-arming gates: one pure function, used at load and before every mutating call.

New risk (a submit) needs all of: ``DRY_RUN=false``, ``KILL_SWITCH=false``,
``LIVE_TRADING=true``, ``LIVE_TRADING_ACK=I_UNDERSTAND``, ``SAFE_MODE=false``, credentials, and
no kill switch tripped at run time, and (while running) the single-writer lock still held. A
cancel removes risk, so the kill switch does not block it; SAFE_MODE (observe only), a lost
lock (another instance now writes to the account) and everything that makes the bot not-live
do.

Contradictory configurations (:func:`check_gates`) fail at load instead of silently running in
a mode the operator did not ask for.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from btcbot.config.common import ACK_PHRASE, CommonSettings
from btcbot.config.errors import ConfigError


class BlockReason(StrEnum):
    DRY_RUN = "DRY_RUN"
    KILL_SWITCH = "KILL_SWITCH"
    RUNTIME_KILL_SWITCH = "RUNTIME_KILL_SWITCH"
    SAFE_MODE = "SAFE_MODE"
    NOT_ARMED = "NOT_ARMED"  # LIVE_TRADING=false
    ACK_MISSING = "ACK_MISSING"
    NO_CREDENTIALS = "NO_CREDENTIALS"
    LOCK_LOST = "LOCK_LOST"  # another instance took over the account's single-writer lock


# Reasons that still allow cancels (they only forbid *new* risk).
_CANCEL_OK = frozenset({BlockReason.KILL_SWITCH, BlockReason.RUNTIME_KILL_SWITCH})


@dataclass(frozen=True, slots=True)
class ArmingDecision:
    armed: bool  # new orders may be sent to the exchange
    reasons: tuple[str, ...]  # BlockReason values, empty when armed

    @property
    def cancel_allowed(self) -> bool:
        """Cancels reach the exchange unless a reason other than a kill switch blocks."""
        return all(reason in _CANCEL_OK for reason in self.reasons)

    @property
    def live_account(self) -> bool:
        """The run works the real account: armed, or armed but for a kill switch. With
        ``KILL_SWITCH=true`` (every other gate set) it runs live with no new risk: it keeps
        reconciling and tracking its orders and sends cancels (stale orders, cancel-all),
        never a submit. Any other missing gate makes it a dry run."""
        return self.cancel_allowed


def evaluate_arming(
    common: CommonSettings,
    has_credentials: bool,
    *,
    runtime_kill_switch: bool = False,
    lock_lost: bool = False,
) -> ArmingDecision:
    """Whether live side effects are allowed, and every reason they are not."""
    checks = (
        (common.dry_run, BlockReason.DRY_RUN),
        (common.kill_switch, BlockReason.KILL_SWITCH),
        (runtime_kill_switch, BlockReason.RUNTIME_KILL_SWITCH),
        (common.safe_mode, BlockReason.SAFE_MODE),
        (not common.live_trading, BlockReason.NOT_ARMED),
        (not common.acknowledged, BlockReason.ACK_MISSING),
        (not has_credentials, BlockReason.NO_CREDENTIALS),
        (lock_lost, BlockReason.LOCK_LOST),
    )
    reasons = tuple(reason.value for blocked, reason in checks if blocked)
    return ArmingDecision(armed=not reasons, reasons=reasons)


def check_gates(common: CommonSettings, has_credentials: bool) -> None:
    """Refuse contradictory gate settings with the variable and the fix named."""
    if not common.live_trading:
        return
    if common.dry_run:
        raise ConfigError(
            "LIVE_TRADING=true contradicts DRY_RUN=true: set DRY_RUN=false to trade live, "
            "or LIVE_TRADING=false for a dry run"
        )
    if not common.acknowledged:
        raise ConfigError(
            f"LIVE_TRADING=true needs LIVE_TRADING_ACK={ACK_PHRASE}: set it to confirm real "
            "orders, or set LIVE_TRADING=false"
        )
    if not has_credentials:
        raise ConfigError(
            "LIVE_TRADING=true needs BTCTURK_API_KEY and BTCTURK_API_SECRET: set both, or "
            "set LIVE_TRADING=false"
        )
