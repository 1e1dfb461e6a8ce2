"""The whole agent on PostgreSQL (STATE_DB_URL): armed against the emulator, ledger exact."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.accounting import expected_holdings
from btcbot.config import load_config
from btcbot.domain.money import to_decimal
from btcbot.emulator import EmulatorConfig, running_emulator
from btcbot.runtime.factory import open_runtime
from btcbot.runtime.ledger_guard import baseline_key
from btcbot.store import CycleRepository, FillRepository, RiskStateRepository, unit_of_work
from tests.postgres import fresh_database
from tests.runtime.conftest import arm, point_at


async def test_armed_run_on_postgresql_keeps_an_exact_ledger(
    workdir: Path, postgres: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STATE_DB_URL", fresh_database(postgres))
    stepped = EmulatorConfig(seed=11, port=0, tick_seconds=0.0, rate_limit_scale=None)
    async with running_emulator(stepped) as emu:
        point_at(monkeypatch, emu)
        arm(monkeypatch, emu)
        config = load_config(3)
        async with open_runtime(config) as runtime:
            assert runtime.engine.dialect.name == "postgresql"
            reports = []
            for _ in range(6):
                reports.append(await runtime.runner.run_once())
                await emu.step(5)
            assert (await runtime.runner.oms.reconcile(config.common.symbols)).ok
            with unit_of_work(runtime.engine) as conn:
                fills = FillRepository(conn).all()
                stored = RiskStateRepository(conn).get(baseline_key("main"))
                cycles = CycleRepository(conn).latest(10)
        user = emu.exchange.user_by_key(emu.demo_account.api_key)
        assert user is not None
        actual = {asset: user.wallet.total(asset) for asset in user.wallet.assets()}
    assert all(r.skipped is None for r in reports), [r.line() for r in reports]
    assert fills
    assert len(cycles) == 6
    assert stored is not None
    expected = expected_holdings(fills, {a: to_decimal(v) for a, v in stored.items()})
    for asset in set(expected) | set(actual):
        assert expected.get(asset, Decimal(0)) == actual.get(asset, Decimal(0)), asset
    assert not (workdir / "state.db").exists(), "STATE_DB_URL wins over STATE_DB_PATH"
