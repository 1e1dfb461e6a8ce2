import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from btcbot.emulator import Account, running_emulator
from btcbot.emulator.accounts import load_accounts_file, parse_account_spec
from btcbot.emulator.command import emulator_command
from btcbot.emulator.demo_account import DEMO_API_KEY, DEMO_API_SECRET, DEMO_BALANCES
from btcbot.emulator.server import Emulator

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SERIES = SHARED / "data" / "binance_tr_btctry_1h" / "BTCTRY_1h_2019-12-20_2026-05-31.csv"


def market_fingerprint(emu: Emulator) -> list[Any]:
    trades = [
        (t.id, t.rule.name, t.price, t.amount, t.taker_side)
        for name in sorted(emu.exchange.trades)
        for t in emu.exchange.trades[name]
    ]
    books = [
        (name, book.bids.depth(), book.asks.depth())
        for name, book in sorted(emu.exchange.books.items())
    ]
    return [trades, books]


async def test_same_seed_same_market(make_config: Any) -> None:
    prints = []
    for seed in (7, 7, 8):
        async with running_emulator(make_config(seed=seed)) as emu:
            await emu.step(25)
            prints.append(market_fingerprint(emu))
    assert prints[0] == prints[1]
    assert prints[0] != prints[2]


def test_demo_account_constants() -> None:
    assert (DEMO_API_KEY, DEMO_API_SECRET) == ("btcbot-demo-key", "YnRjYm90LWRlbW8tc2VjcmV0")
    assert {k: str(v) for k, v in DEMO_BALANCES.items()} == {
        "TRY": "100000",
        "USDT": "5000",
        "BTC": "0.05",
        "ETH": "1",
    }


def test_account_spec_and_file(tmp_path: Path) -> None:
    account = parse_account_spec("k1:c2VjcmV0LWtleQ==:try=10.5,BTC=1")
    assert (account.api_key, {k: str(v) for k, v in account.balances.items()}) == (
        "k1",
        {"TRY": "10.5", "BTC": "1"},
    )
    assert "c2VjcmV0" not in repr(account)
    path = tmp_path / "accounts.json"
    path.write_text(
        json.dumps([{"api_key": "k2", "api_secret": "c2VjcmV0LWtleQ==", "balances": {"USDT": "5"}}])
    )
    assert [a.api_key for a in load_accounts_file(path)] == ["k2"]
    with pytest.raises(ValueError, match="base64"):
        Account("k", "not base64!", {})
    with pytest.raises(ValueError, match="KEY:SECRET"):
        parse_account_spec("only-key")


def test_cli_refuses_non_loopback_host() -> None:
    app = typer.Typer()
    app.command()(emulator_command)
    result = CliRunner().invoke(app, ["--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "allow-non-loopback" in result.output


def test_cli_rejects_unknown_fault() -> None:
    app = typer.Typer()
    app.command()(emulator_command)
    result = CliRunner().invoke(app, ["--fault", "bogus=1"])
    assert result.exit_code == 2 and "unknown fault" in result.output


@pytest.mark.shared
@pytest.mark.skipif(not SERIES.exists(), reason="../shared/data (real BTC/TRY series) is absent")
async def test_price_series_drives_reference_price(make_config: Any) -> None:
    config = make_config(price_series=SERIES, series_symbol="BTC_TRY", series_start_row=10)
    async with running_emulator(config) as emu:
        await emu.step(2)
        series = emu.simulator.series
        assert series is not None and series.position == 10 + 3 + 2
        assert emu.exchange.ref_prices["BTCTRY"] == series.current()
        best_bid = emu.exchange.books["BTCTRY"].bids.best()
        assert best_bid is not None and abs(best_bid / series.current() - 1) < 0.01
