"""``--strategy`` / ``--param`` through the real CLI (in-process): an operator's strategy file
backtests and dry-runs against the emulator; every bad input is one line and exit 2."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from btcbot.cli import app
from btcbot.emulator import Emulator
from btcbot.store import DbRole, open_store, unit_of_work
from btcbot.store.schema import decisions, orders
from tests.backtest.factories import write_wave
from tests.cli.rig import (
    PLANTED_KEY,
    armed_env,
    emulator_env,
    invoke,
    isolate,
    paper_env,
    threaded_emulator,
)
from tests.cli.runner import Result
from tests.helpers import REPO_ROOT

SMA = f"{REPO_ROOT / 'examples' / 'sma_crossover.py'}:SmaCrossover"
FINGERPRINT = re.compile(r"fingerprint\s+([0-9a-f]{64})")

BUY_ONCE = '''
from decimal import Decimal

from btcbot.strategy.api import BaseStrategy, DecimalParam, Requirements


class BuyOnce(BaseStrategy):
    """Books only: buys a TRY notional of BTC_TRY while flat."""

    parameters = {"notional_try": DecimalParam(Decimal(200), Decimal(10), Decimal(1000))}

    def requirements(self, params):
        return Requirements(symbols=("BTC_TRY",))

    def decide(self, view):
        for symbol in view.symbols:
            if view.position(symbol) == 0:
                intent = view.buy(
                    symbol, notional_try=view.params["notional_try"], reason="buy_once"
                )
                if intent is not None:
                    yield intent


class NotAStrategy:
    pass
'''


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    isolate(monkeypatch, tmp_path)
    return tmp_path


def btcbot(*args: str, env: dict[str, str] | None = None) -> Result:
    return invoke(app, list(args), env or {})


def backtest(data: Path, out: Path, *extra: str, env: dict[str, str] | None = None) -> Result:
    args = ("backtest", "--data", str(data), "--out", str(out), "--no-progress", *extra)
    return btcbot(*args, env=env)


def test_the_sma_example_backtests_with_parameters_and_repeats_exactly(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 120)
    args = ("--strategy", SMA, "--param", "fast=3", "--param", "slow=8")
    first = backtest(data, workdir / "a.db", *args)
    assert first.code == 0, first.output
    assert "strategy " in first.stdout and "[fast=3,slow=8,notional_try=500]" in first.stdout
    assert "risk layer none, stage 3 knobs" in first.stdout
    fills = re.search(r"fills \(buy / sell\)\s+(\d+) \((\d+) / (\d+)\)", first.stdout)
    assert fills is not None and int(fills.group(2)) > 0 and int(fills.group(3)) > 0
    again = backtest(
        data, workdir / "b.db", "--strategy", SMA, env={"STRATEGY_PARAMS": "fast=3,slow=8"}
    )
    assert again.code == 0, again.output
    first_fp, again_fp = FINGERPRINT.search(first.stdout), FINGERPRINT.search(again.stdout)
    assert first_fp is not None and again_fp is not None
    assert first_fp.group(1) == again_fp.group(1)  # STRATEGY_PARAMS = the same --param values
    other = backtest(data, workdir / "c.db", *args, "--param", "notional_try=300")
    other_fp = FINGERPRINT.search(other.stdout)
    assert other_fp is not None and other_fp.group(1) != first_fp.group(1)


def test_a_builtin_strategy_by_name_is_the_stage_profile(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 48)
    by_stage = backtest(data, workdir / "s.db", "--stage", "3")
    by_name = backtest(data, workdir / "n.db", "--strategy", "profit-aware")
    assert by_stage.code == by_name.code == 0, by_name.output
    stage_fp, name_fp = FINGERPRINT.search(by_stage.stdout), FINGERPRINT.search(by_name.stdout)
    assert stage_fp is not None and name_fp is not None
    assert stage_fp.group(1) == name_fp.group(1)
    degrade = backtest(
        data, workdir / "d.db", "--strategy", "profit-aware", env={"STRATEGY_RISK_LAYER": "budget"}
    )
    assert degrade.code == 2 and "profit-aware runs with none or degrade" in degrade.stderr


@pytest.mark.parametrize(
    ("strategy", "extra", "message"),
    [
        (SMA, ("--stage", "3"), "--stage and --strategy are exclusive"),
        ("nope.py:X", (), "nope.py does not exist"),
        ("examples", (), "write path/to/file.py:ClassName"),
        ("{file}:Missing", (), "has no class 'Missing' (classes defined there: BuyOnce, "),
        ("{file}:NotAStrategy", (), "does not implement the strategy protocol: missing "),
        ("{broken}:X", (), "line 2: syntax error"),
        (SMA, ("--param", "fast=500"), "parameter fast: 500 is outside 2..200"),
        # the values given that do not go together: not "fix the strategy", the values
        (SMA, ("--param", "fast=60"), "error: parameter fast: 60 must be shorter than slow (50)\n"),
        ("{quits}:X", (), "quits.py failed to import: SystemExit: 0"),
        (SMA, ("--param", "speed=3"), "unknown parameter(s) speed: this strategy declares"),
        (SMA, ("--param", "fast"), "--param 'fast': write name=value"),
        (
            SMA,
            ("--param", "fast=10", "--param", "fast=20"),
            "--param: fast is given twice (fast=10 and fast=20): give it once",
        ),
        (SMA, ("--param", "notional_try=lots"), "notional_try: 'lots' is not a decimal"),
    ],
)
def test_bad_strategy_input_is_one_line_and_exit_2(
    workdir: Path, strategy: str, extra: tuple[str, ...], message: str
) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 24)
    (workdir / "mine.py").write_text(BUY_ONCE)
    (workdir / "broken.py").write_text("x = 1\ndef (:\n")
    (workdir / "quits.py").write_text("import sys\nsys.exit(0)\n")  # exited 0, silently
    spec = strategy.format(
        file=workdir / "mine.py", broken=workdir / "broken.py", quits=workdir / "quits.py"
    )
    result = backtest(data, workdir / "x.db", "--strategy", spec, *extra)
    assert result.code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (workdir / "x.db").exists()


def test_a_bad_settings_value_for_the_strategy_is_refused(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 24)
    bad = backtest(data, workdir / "x.db", "--strategy", SMA, env={"STRATEGY_PARAMS": "fast=1"})
    assert bad.code == 2 and "parameter fast: 1 is outside 2..200" in bad.stderr
    layer = backtest(data, workdir / "y.db", "--strategy", SMA, env={"STRATEGY_RISK_LAYER": "x"})
    assert layer.code == 2 and "STRATEGY_RISK_LAYER" in layer.stderr


def test_a_strategy_reading_ahead_stops_the_backtest_naming_the_column(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 24)
    (workdir / "ahead.py").write_text(
        "from btcbot.strategy.api import BaseStrategy, DataKind, Requirements\n\n"
        "class Ahead(BaseStrategy):\n"
        "    def requirements(self, params):\n"
        "        return Requirements(data={DataKind.BOOKS, DataKind.CANDLES})\n\n"
        "    def indicators(self, frame, params):\n"
        "        close = frame.columns['close']\n"
        "        return {'tomorrow': [*close[1:], None]}\n\n"
        "    def decide(self, view):\n"
        "        return ()\n"
    )
    result = backtest(data, workdir / "x.db", "--strategy", f"{workdir / 'ahead.py'}:Ahead")
    assert result.code == 2, result.output
    assert "lookahead" in result.stderr and "'tomorrow'" in result.stderr


@pytest.fixture
def emu(workdir: Path) -> Iterator[Emulator]:
    with threaded_emulator() as emulator:
        yield emulator


def test_run_dry_runs_an_operators_strategy_against_the_emulator(
    emu: Emulator, workdir: Path
) -> None:
    (workdir / "mine.py").write_text(BUY_ONCE)
    db = workdir / "state.db"
    env = {**emulator_env(emu), **paper_env(db), "SYMBOLS": "ETH_TRY"}
    spec = f"{workdir / 'mine.py'}:BuyOnce"
    result = btcbot(
        "run", "--strategy", spec, "--param", "notional_try=300", "--cycles", "2",
        "--cycle-seconds", "0", env=env,
    )  # fmt: skip
    assert result.code == 0, result.output
    assert result.stdout.startswith("DRY RUN")
    assert "strategy " in result.stdout and "BuyOnce [notional_try=300]" in result.stdout
    assert "symbols BTC_TRY" in result.stdout  # the strategy's own symbols, not SYMBOLS
    assert result.stdout.count("cycle ") >= 2
    engine = open_store(f"sqlite:///{db}", DbRole.DRY_RUN)
    try:
        with unit_of_work(engine) as conn:
            placed = conn.execute(select(orders.c.symbol, orders.c.side)).all()
            why = conn.execute(
                select(decisions.c.reason_code).where(decisions.c.action == "SUBMIT")
            ).all()
    finally:
        engine.dispose()
    assert [tuple(row) for row in placed] == [("BTC_TRY", "buy")]  # once: then it holds
    assert [row.reason_code for row in why] == ["buy_once"]


FAILS_AT_TIMES = '''
from btcbot.strategy.api import BaseStrategy, Requirements


class Fragile(BaseStrategy):
    """Raises on every cycle: a bug an operator's strategy may have."""

    def requirements(self, params):
        return Requirements(symbols=("BTC_TRY",))

    def decide(self, view):
        yield from ()
        raise ZeroDivisionError("volume was 0")
'''


QUITS = FAILS_AT_TIMES.replace('raise ZeroDivisionError("volume was 0")', "raise SystemExit(0)")


@pytest.mark.parametrize(
    ("source", "raised"),
    [
        (FAILS_AT_TIMES, "ZeroDivisionError: volume was 0"),
        # SystemExit is no Exception: sys.exit() in decide ended the run with exit 0, and a
        # supervisor restarting on failure only left the bot's orders to the market
        (QUITS, "SystemExit: 0"),
    ],
)
def test_a_live_strategys_raise_skips_its_intents_and_the_run_goes_on(
    emu: Emulator, workdir: Path, source: str, raised: str
) -> None:
    """A decide that raises used to end the run (and a restarted bot failed again on the same
    data, leaving its orders to the market): now the cycle records strategy_failed and goes on."""
    (workdir / "fragile.py").write_text(source)
    db = workdir / "state.db"
    env = {**emulator_env(emu), **paper_env(db)}
    spec = f"{workdir / 'fragile.py'}:Fragile"
    result = btcbot("run", "--strategy", spec, "--cycles", "3", "--cycle-seconds", "0", env=env)
    assert result.code == 0, result.output
    assert result.stdout.count("cycle ") == 3
    assert "strategy_failed" in result.stderr and raised in result.stderr
    engine = open_store(f"sqlite:///{db}", DbRole.DRY_RUN)
    try:
        with unit_of_work(engine) as conn:
            failed = conn.execute(
                select(decisions.c.detail).where(decisions.c.reason_code == "strategy_failed")
            ).all()
    finally:
        engine.dispose()
    assert len(failed) == 3
    assert all(f"{raised} at fragile.py:13" in row.detail for row in failed)


BUYS_THRICE = """
from decimal import Decimal

from btcbot.strategy.api import BaseStrategy, Requirements


class BuysThrice(BaseStrategy):
    def requirements(self, params):
        return Requirements(symbols=("BTC_TRY",))

    def decide(self, view):
        for symbol in view.symbols:
            for _ in range(3):
                yield view.buy(symbol, notional_try=Decimal(400), reason="probe")
"""


def test_several_buys_of_one_cycle_stay_within_the_position_cap(
    emu: Emulator, workdir: Path
) -> None:
    """Before: each buy was checked against the position and the live buys only, so three
    400 TRY buys in one cycle all reached the exchange under a 500 TRY position cap."""
    (workdir / "thrice.py").write_text(BUYS_THRICE)
    env = {
        **emulator_env(emu),
        **armed_env(workdir / "live.db"),
        "MAX_POSITION_TRY_PER_SYMBOL": "500",
        "MAX_OPEN_ORDERS_PER_SYMBOL": "5",
        "MAX_ORDERS_PER_CYCLE": "5",
        "NOTIONAL_CAP_TRY_PER_CYCLE": "5000",
    }
    spec = f"{workdir / 'thrice.py'}:BuysThrice"
    result = btcbot("run", "--strategy", spec, "--cycles", "1", env=env)
    assert result.code == 0, result.output
    user = emu.exchange.user_by_key(PLANTED_KEY)
    assert user is not None
    placed = emu.exchange.user_orders(user.user_id)
    assert placed, result.output
    # the cap values exposure at mid: at their own prices (at most the ask) the buys come to
    # the cap plus the spread's share, nowhere near the three orders' 1200 TRY
    assert sum(o.price * o.quantity for o in placed) <= Decimal(505), placed
