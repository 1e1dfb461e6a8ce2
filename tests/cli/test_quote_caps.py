"""TRY caps on a USDT-quoted pair, through the real ``btcbot run`` (and doctor/preflight)
against the emulator: the order's value in TRY, computed from the emulator's own records and
its USDT_TRY book, never exceeds the TRY budget (the probe bought 100 USDT for 100 TRY)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest

from btcbot.cli import app
from btcbot.emulator import Emulator
from btcbot.emulator.orders import Order
from btcbot.store import DbRole, open_store, unit_of_work
from btcbot.store.schema import decisions
from tests.cli.rig import (
    PLANTED_KEY,
    armed_env,
    emulator_env,
    invoke,
    isolate,
    threaded_emulator,
)


@pytest.fixture
def emu() -> Iterator[Emulator]:
    """The rig's emulator; its account holds TRY and BTC, and gets USDT to buy with."""
    with threaded_emulator() as emulator:
        user = emulator.exchange.user_by_key(PLANTED_KEY)
        assert user is not None
        user.wallet.free["USDT"] += Decimal(5000)  # before any request: the loop is idle
        yield emulator


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(monkeypatch, tmp_path)


def usdt_env(emu: Emulator, db: Path, entry: str) -> dict[str, str]:
    return {
        **emulator_env(emu),
        **armed_env(db),
        "SYMBOLS": "BTC_USDT",
        "ENTRY_NOTIONAL_TRY": entry,
        "TARGET_TRY": entry,
    }


def usdt_try_mid(emu: Emulator) -> Decimal:
    book = emu.exchange.books["USDTTRY"]
    bid, ask = book.bids.best(), book.asks.best()
    assert bid is not None and ask is not None
    return (bid + ask) / 2


def our_orders(emu: Emulator) -> list[Order]:
    user = emu.exchange.user_by_key(PLANTED_KEY)
    assert user is not None
    return emu.exchange.user_orders(user.user_id)


def test_entry_budget_holds_in_try_on_a_usdt_pair(emu: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    result = invoke(app, ["run", "--stage", "3", "--cycles", "1"], usdt_env(emu, db, "600"))
    assert result.code == 0, result.output
    placed = our_orders(emu)
    assert [(o.rule.name, o.side) for o in placed] == [("BTCUSDT", "buy")], result.output
    value_try = placed[0].price * placed[0].quantity * usdt_try_mid(emu)
    assert Decimal(500) < value_try <= Decimal(600), value_try  # not 600 USDT (~25,000 TRY)


def test_a_budget_below_the_pairs_minimum_in_try_places_nothing(
    emu: Emulator, tmp_path: Path
) -> None:
    """100 TRY is about 2.4 USDT, below BTC_USDT's 9.99 USDT minimum: refused, not inflated
    into 100 USDT."""
    db = tmp_path / "live.db"
    result = invoke(app, ["run", "--stage", "3", "--cycles", "1"], usdt_env(emu, db, "100"))
    assert result.code == 0, result.output
    assert our_orders(emu) == []
    engine = open_store(f"sqlite:///{db}", DbRole.LIVE)
    try:
        with unit_of_work(engine) as conn:
            codes = {row.reason_code for row in conn.execute(decisions.select())}
    finally:
        engine.dispose()
    assert "min_notional" in codes, codes


def without_usdt_try(tmp_path: Path) -> Path:
    """The emulator's symbol table with no USDT_TRY pair: USDT cannot be valued in TRY."""
    table = json.loads(resources.files("btcbot.exchange").joinpath("data/symbols.json").read_text())
    table["symbols"] = [s for s in table["symbols"] if s["name"] != "USDTTRY"]
    path = tmp_path / "symbols.json"
    path.write_text(json.dumps(table))
    return path


@pytest.fixture
def no_rate(tmp_path: Path) -> Iterator[Emulator]:
    with threaded_emulator(symbols_file=without_usdt_try(tmp_path)) as emulator:
        user = emulator.exchange.user_by_key(PLANTED_KEY)
        assert user is not None
        user.wallet.free["USDT"] += Decimal(5000)
        yield emulator


def test_without_a_conversion_pair_the_usdt_pair_gets_no_order(
    no_rate: Emulator, tmp_path: Path
) -> None:
    db = tmp_path / "live.db"
    env = usdt_env(no_rate, db, "600")
    result = invoke(app, ["run", "--stage", "3", "--cycles", "1"], env)
    assert result.code == 0, result.output
    assert our_orders(no_rate) == []
    assert "quote_rate_unavailable" in result.output, result.output


@pytest.mark.parametrize("command", ["doctor", "preflight"])
def test_doctor_and_preflight_fail_when_a_budget_cannot_be_compared_in_try(
    command: str, no_rate: Emulator, tmp_path: Path
) -> None:
    env = usdt_env(no_rate, tmp_path / "live.db", "600")
    result = invoke(app, [command, "--stage", "3"], env)
    assert result.code == 2, result.output
    line = next(x for x in result.stdout.splitlines() if "rules BTC_USDT" in x)
    assert line.startswith("FAIL") and "USDT_TRY" in line, line


def test_doctor_compares_a_usdt_pairs_minimum_in_try(emu: Emulator, tmp_path: Path) -> None:
    """With USDT_TRY listed the comparison is made: 100 TRY cannot meet 9.99 USDT (a WARN
    that preflight reads as a FAIL), 600 TRY can."""
    low = invoke(app, ["doctor", "--stage", "3"], usdt_env(emu, tmp_path / "a.db", "100"))
    line = next(x for x in low.stdout.splitlines() if "rules BTC_USDT" in x)
    assert line.startswith("WARN") and "TRY" in line and "USDT_TRY" in line, line
    ok = invoke(app, ["doctor", "--stage", "3"], usdt_env(emu, tmp_path / "b.db", "600"))
    line = next(x for x in ok.stdout.splitlines() if "rules BTC_USDT" in x)
    assert line.startswith("PASS"), line
