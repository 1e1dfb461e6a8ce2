"""The account-wide user-trades pull looks back a bounded window, whatever the symbols' history.

A symbol that has not traded for long (or never) must not hold every later pull's window at
its last fill: that re-reads every fill since then on every pass, so a cycle's cost would grow
with the account's history (issue 7 §1).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

import pytest

from btcbot.domain import Fill, Symbol
from btcbot.execution import OmsSettings, OrderManager
from tests.execution.rig import ACCOUNT, BTC_TRY, rig

SYMBOLS = [BTC_TRY, Symbol("ETH", "TRY"), Symbol("SOL", "TRY")]
HOUR_S = 3600


async def test_idle_symbols_do_not_hold_back_the_window_of_later_pulls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = OmsSettings()
    async with rig(tmp_path) as r:
        manager = OrderManager(
            r.engine, r.port, mode="live", clock_ms=r.clock, account_key=ACCOUNT, settings=settings
        )
        assert (await manager.startup(SYMBOLS)).ok  # no symbol has a fill, none ever trades
        original = r.port.account_fills
        pulls: list[tuple[int, int]] = []  # (when, since_ms asked for)

        async def recording(since_ms: int) -> Sequence[Fill]:
            pulls.append((r.clock(), since_ms))
            return await original(since_ms)

        monkeypatch.setattr(r.port, "account_fills", recording)
        for _ in range(4):
            r.clock.advance(HOUR_S)
            assert not (await manager.sync_fills(SYMBOLS)).errors
    lookback = settings.fill_initial_lookback_ms + settings.fill_overlap_ms
    # each pull starts the lookback before the previous one, not where the first one started
    for (before, _), (_, since) in pairwise(pulls):
        assert since == before - lookback
    assert len(pulls) == 4
