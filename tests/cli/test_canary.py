"""``btcbot canary once|loop`` against the emulator, and secrets in every command's output."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.commands.canary import CanaryOptions, canary_config
from btcbot.config import load_config
from btcbot.domain import Symbol
from btcbot.emulator import Emulator
from btcbot.store import DbRole, OrderRepository, open_store, unit_of_work
from tests.cli.rig import (
    PLANTED_KEY,
    PLANTED_SECRET,
    PLANTED_SECRET_PLAIN,
    armed_env,
    closed_port,
    emulator_env,
    isolate,
    paper_env,
    threaded_emulator,
)
from tests.cli.runner import Result, cli

ONCE = ("canary", "once", "--cycle-seconds", "0")
D150 = Decimal(150)


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with threaded_emulator() as emulator:
        yield emulator


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate(monkeypatch, tmp_path)


def canary(*args: str, env: dict[str, str]) -> Result:
    return cli(*ONCE, *args, env=env)


def exchange_orders(emu: Emulator) -> list[tuple[str, Decimal]]:
    user = emu.exchange.user_by_key(PLANTED_KEY)
    assert user is not None
    return [(o.rule.name, o.price * o.quantity) for o in emu.exchange.user_orders(user.user_id)]


def test_armed_canary_places_at_most_one_order_on_its_symbol_within_the_cap(
    emu: Emulator, tmp_path: Path
) -> None:
    db = tmp_path / "state.db"
    result = canary("--notional-try", "150", env={**emulator_env(emu), **armed_env(db)})
    assert result.code == 0, result.output
    out = result.stdout
    assert out.startswith("LIVE: armed")
    assert "canary overrides: SYMBOLS=BTC_TRY (was BTC_TRY,ETH_TRY,SOL_TRY)" in out
    assert "MAX_NOTIONAL_PER_ORDER_TRY=150 (was unset)" in out
    assert "TTL_SECONDS=30 (was 120)" in out
    assert "doctor: OK" in out
    assert "stopped cleanly after 1 cycle(s)" in out
    placed = exchange_orders(emu)
    assert len(placed) == 1, placed
    assert emu.faults.counters.mutating["submit"] == 1
    symbol, notional = placed[0]
    assert symbol == "BTCTRY"
    assert notional <= 150
    assert "canary summary [LIVE] BTC_TRY: orders placed 1" in out
    engine = open_store(f"sqlite:///{db}", DbRole.LIVE)
    with unit_of_work(engine) as conn:
        stored = OrderRepository(conn).live_orders()
    engine.dispose()
    assert [s.order.request.symbol.normalized for s in stored] == ["BTC_TRY"]


def test_canary_refuses_when_the_doctor_fails(tmp_path: Path) -> None:
    env = {
        **armed_env(tmp_path / "state.db"),
        "BTCTURK_BASE_URL": f"http://127.0.0.1:{closed_port()}",
    }
    result = canary(env=env)
    assert result.code == 2
    assert "FAIL  exchange" in result.stdout
    assert "refusing to start the canary" in result.stderr
    assert "stopped cleanly" not in result.stdout
    assert not (tmp_path / "state.db").exists()


def test_canary_refuses_a_cap_below_the_min_notional_with_the_numbers(
    emu: Emulator, tmp_path: Path
) -> None:
    env = {**emulator_env(emu), **armed_env(tmp_path / "state.db")}
    result = canary("--notional-try", "50", env=env)
    assert result.code == 2
    assert "per-order budget 50 TRY" in result.stderr
    assert "minimum order value 99.91 TRY" in result.stderr
    assert emu.faults.counters.mutating_total == 0


@pytest.mark.parametrize("notional", ["5", "50", "250"])
def test_canary_values_a_usdt_pairs_minimum_in_try_at_the_usdt_try_rate(
    emu: Emulator, tmp_path: Path, notional: str
) -> None:
    """Before: 9.99 USDT was read as 9.99 TRY, so --notional-try 50 ran, placed nothing
    (blocked min_notional) and exited 0; 5 was refused with 'minimum 10 TRY'."""
    entry = {"ENTRY_NOTIONAL_TRY": "1000"}  # the canary's cap is the per-order budget
    env = {**emulator_env(emu), **armed_env(tmp_path / "state.db"), **entry}
    result = canary("--symbol", "BTC_USDT", "--notional-try", notional, env=env)
    assert result.code == 2, result.output
    assert result.stderr.count("error: ") == 1 and "Traceback" not in result.output
    found = re.search(
        r"minimum order value ([\d.]+) TRY \(at ([\d.]+) TRY/USDT from USDT_TRY\) "
        r"\(exchange minExchangeValue ([\d.]+) USDT",
        result.stderr,
    )
    assert found is not None, result.stderr
    needed, rate, minimum = (Decimal(found.group(i)) for i in (1, 2, 3))
    usdt_try = emu.exchange.last_price("USDTTRY")  # the market moves: near it
    assert usdt_try * Decimal("0.9") < rate < usdt_try * Decimal("1.1")
    assert needed == minimum * rate > 100  # in TRY: some 400, not 10
    assert f"per-order budget {notional} TRY" in result.stderr
    assert "stopped cleanly" not in result.stdout
    assert emu.faults.counters.mutating_total == 0


def test_unarmed_canary_runs_as_a_dry_run_and_says_so(emu: Emulator, tmp_path: Path) -> None:
    env = {**emulator_env(emu), **paper_env(tmp_path / "state.db")}
    result = canary(env=env)
    assert result.code == 0, result.output
    assert result.stdout.startswith("DRY RUN")
    assert "not armed: this canary is a DRY RUN" in result.stdout
    assert "canary summary [DRY RUN (paper)] BTC_TRY" in result.stdout
    assert emu.faults.counters.mutating_total == 0


def test_canary_loop_stops_at_max_cycles(emu: Emulator, tmp_path: Path) -> None:
    env = {**emulator_env(emu), **paper_env(tmp_path / "state.db")}
    args = ["canary", "loop", "--max-cycles", "2", "--cycle-seconds", "0", "--stage", "3"]
    result = cli(*args, env=env)
    assert result.code == 0, result.output
    assert "stopped cleanly after 2 cycle(s)" in result.stdout


def test_canary_refuses_profile_7_and_a_bad_symbol(tmp_path: Path) -> None:
    env = paper_env(tmp_path / "state.db")
    seven = canary("--stage", "7", env=env)
    assert seven.code == 2
    assert "profile 3 or 4" in seven.stderr
    bad = canary("--symbol", "NOPE", env=env)
    assert bad.code == 2
    assert "--symbol" in bad.stderr


def test_overrides_copy_frozen_settings_and_never_loosen_a_tighter_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAX_NOTIONAL_PER_ORDER_TRY", "120")
    monkeypatch.setenv("NOTIONAL_CAP_TRY_PER_CYCLE", "1000")
    config = load_config(4)
    options = CanaryOptions(Symbol("ETH", "TRY"), Decimal(150), 15, 1.0)
    changed, lines = canary_config(config, options)
    assert changed.common.symbols == (Symbol("ETH", "TRY"),)
    assert changed.params.limits.max_notional_per_order == 120  # tighter: kept
    assert changed.params.limits.notional_cap_per_cycle == 150
    assert changed.params.lifecycle.ttl_seconds == 15
    assert config.params.limits.notional_cap_per_cycle == 1000  # the original is untouched
    assert len(config.common.symbols) == 3
    assert "MAX_NOTIONAL_PER_ORDER_TRY=120 (was 120)" in lines


def test_overrides_never_loosen_a_tighter_ttl(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: TTL_SECONDS=10 became 30 (the --ttl-seconds default)."""
    monkeypatch.setenv("TTL_SECONDS", "10")
    config = load_config(4)
    changed, lines = canary_config(config, CanaryOptions(Symbol("BTC", "TRY"), D150, 30, 1.0))
    assert changed.params.lifecycle.ttl_seconds == 10
    assert "TTL_SECONDS=10 (was 10)" in lines
    tighter, lines = canary_config(config, CanaryOptions(Symbol("BTC", "TRY"), D150, 5, 1.0))
    assert tighter.params.lifecycle.ttl_seconds == 5
    assert "TTL_SECONDS=5 (was 10)" in lines


def test_planted_secret_never_appears_in_any_command_output(emu: Emulator, tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    env = {**emulator_env(emu), **armed_env(db), "LOG_LEVEL": "DEBUG"}
    outputs = [canary(env=env)]
    assert outputs[0].code == 0, outputs[0].output
    for args in (
        ["doctor"],
        ["doctor", "--json"],
        ["preflight"],
        ["status", "--json"],
        ["status"],
        ["orders", "--all"],
    ):
        outputs.append(cli(*args, env=env))
    assert all(o.code == 0 for o in outputs), [o.output for o in outputs]
    for result in outputs:
        assert PLANTED_SECRET not in result.output
        assert PLANTED_SECRET_PLAIN not in result.output
    stored = b"".join(path.read_bytes() for path in tmp_path.glob("state.db*"))
    assert b"run-settings" in stored  # the run recorded its settings, redacted:
    assert PLANTED_SECRET.encode() not in stored
    assert PLANTED_KEY.encode() not in stored


URL_PASSWORD = "URLPASSMARKER"


def with_password(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://operator:{URL_PASSWORD}@{rest}"


def test_a_password_in_a_url_setting_never_reaches_output_logs_or_the_database(
    emu: Emulator, tmp_path: Path
) -> None:
    """Before: BTCTURK_BASE_URL=http://u:pw@host printed pw in the start banner, stored it in
    the recorded run settings and `btcbot status` showed it."""
    db = tmp_path / "state.db"
    urls = {name: with_password(url) for name, url in emulator_env(emu).items()}
    env = {**urls, **armed_env(db), "LOG_LEVEL": "DEBUG"}
    run = cli("run", "--stage", "3", "--once", env=env)
    assert run.code == 0, run.output
    assert run.stdout.startswith("LIVE: armed, real orders will be sent to http://operator:***@")
    assert "stopped cleanly after 1 cycle(s)" in run.stdout
    assert "[debug" in run.stderr or '"debug"' in run.stderr  # the log output was there
    outputs = [run]
    for args in (["status"], ["status", "--json"], ["doctor"], ["doctor", "--json"]):
        outputs.append(cli(*args, env=env))
    for result in outputs:
        assert URL_PASSWORD not in result.output, result.output
    status = json.loads(outputs[2].stdout)
    recorded = status["run_settings"]["settings"]
    assert recorded["BTCTURK_BASE_URL"].startswith("http://operator:***@127.0.0.1:")
    for stored in tmp_path.glob("state.db*"):
        assert URL_PASSWORD.encode() not in stored.read_bytes(), stored
