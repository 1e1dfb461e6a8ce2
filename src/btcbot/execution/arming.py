"""The arming check the exchange adapter runs right before every mutating call."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine

from btcbot.config.common import CommonSettings
from btcbot.config.gates import ArmingDecision, evaluate_arming
from btcbot.store import OpState, unit_of_work


def store_backed_arming(
    engine: Engine,
    common: CommonSettings,
    *,
    has_credentials: bool,
    lock_held: Callable[[Connection], bool] = lambda _conn: True,
) -> Callable[[], ArmingDecision]:
    """Settings gates plus the kill switch stored for the account, read on every call (so a
    switch tripped by reconciliation or an operator a moment ago already blocks), plus the
    single-writer lock, read in the same transaction (``lock_held``): once its row is gone,
    force-released or taken over, nothing more is sent."""

    def current() -> ArmingDecision:
        with unit_of_work(engine) as conn:
            tripped = OpState(conn).get(common.account_key).kill_switch
            held = lock_held(conn)
        return evaluate_arming(
            common, has_credentials, runtime_kill_switch=tripped, lock_lost=not held
        )

    return current
