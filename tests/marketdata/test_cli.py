"""``btcbot data download`` and ``btcbot data record`` through the real CLI app, against the
emulator on loopback (the URLs come from the environment, as for BTCTurk)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from btcbot.cli import app
from btcbot.data import read_dataset_rows
from btcbot.emulator import EmulatorConfig
from btcbot.marketdata.recording_files import read_events, read_trades
from tests.cli.runner import Result
from tests.helpers import isolate_settings
from tests.marketdata.threaded import ThreadedEmulator, threaded_emulator

MINUTE = 60_000
QUIET = EmulatorConfig(seed=4, port=0, tick_seconds=0.0, rate_limit_scale=None)


def btcbot(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return isolate_settings(tmp_path, monkeypatch)


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> Iterator[ThreadedEmulator]:
    with threaded_emulator(QUIET) as emulator:
        for name, value in emulator.env().items():
            monkeypatch.setenv(name, value)
        yield emulator


def ms_minutes_ago(emulator: ThreadedEmulator, minutes: int) -> str:
    return str(emulator.emu.now_ms() - minutes * MINUTE)


def download(since: str, out: Path, *more: str) -> Result:
    return btcbot(
        "data", "download", "--symbol", "BTC_TRY", "--timeframe", "1m", "--from", since,
        "--out", str(out), *more,
    )  # fmt: skip


def test_download_resumes_after_the_exchange_refuses(
    home: Path, quiet: ThreadedEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BTCTURK_REST_MAX_RETRIES", "0")  # a 429 ends the run at once
    quiet.emu.limiter.scale = 0.005  # the graph-api allows 3 requests per 10 minutes now
    since = ms_minutes_ago(quiet, 4500)
    out = home / "BTC_TRY-1m.parquet"
    first = download(since, out)
    assert first.code == 1, first.output
    assert "TOO_MANY_REQUESTS" in first.stderr or "429" in first.stderr
    assert "Rerun the same command to continue" in first.stderr
    info, rows = read_dataset_rows(out)
    # three graph calls allowed: the daily probe for where the data starts, then two pages
    assert len(rows) == 2000 and (info.symbol.normalized, info.timeframe) == ("BTC_TRY", "1m")
    assert info.source.startswith("btcturk graph-api klines/history 1m (http://127.0.0.1:")

    quiet.emu.limiter.scale = None
    until = ms_minutes_ago(quiet, 2)  # both runs end at the same candle, whatever the clock
    second = download(since, out, "--to", until)
    assert second.code == 0, second.output
    assert "2000 candles already stored, continuing after the last one" in second.stdout
    _, resumed = read_dataset_rows(out)
    fresh = home / "fresh.parquet"
    assert download(since, fresh, "--to", until).code == 0
    _, whole = read_dataset_rows(fresh)
    strip = [(r.open_ms, r.open, r.high, r.low, r.close, r.volume) for r in resumed]
    assert strip == [(r.open_ms, r.open, r.high, r.low, r.close, r.volume) for r in whole]
    assert len(strip) >= 4495 and len({r[0] for r in strip}) == len(strip)
    assert btcbot("data", "validate", str(out)).code == 0


def test_download_refuses_bad_input(home: Path, quiet: ThreadedEmulator) -> None:
    since = ms_minutes_ago(quiet, 10)
    assert download(since, home / "a.parquet").code == 0
    wrong = btcbot(
        "data", "download", "--symbol", "BTC_TRY", "--timeframe", "5m", "--from", since,
        "--out", str(home / "b.parquet"),
    )  # fmt: skip
    assert wrong.code == 2 and "--timeframe '5m': use 1m, 1h or 1d" in wrong.stderr
    other = btcbot(
        "data", "download", "--symbol", "ETH_TRY", "--timeframe", "1m", "--from", since,
        "--out", str(home / "a.parquet"),
    )  # fmt: skip
    assert other.code == 2 and "holds BTC_TRY 1m candles, not ETH_TRY 1m" in other.stderr
    backwards = download(since, home / "c.parquet", "--to", "2020-01-01")
    assert backwards.code == 2 and "--to must be after --from" in backwards.stderr
    garbage = download("yesterday", home / "c.parquet")
    assert garbage.code == 2 and "--from 'yesterday': use an ISO date" in garbage.stderr
    future = download("2999-01-01", home / "c.parquet")
    assert future.code == 2 and future.stderr.strip().splitlines() == [
        "error: --from 2999-01-01 is not in the past: give a --from before now (UTC)"
    ]
    unlisted = btcbot(
        "data", "download", "--symbol", "FOO_TRY", "--timeframe", "1h",
        "--from", ms_minutes_ago(quiet, 3 * 1440), "--out", str(home / "d.parquet"),
    )  # fmt: skip
    assert unlisted.code == 2, unlisted.output  # not "rerun the same command to continue"
    assert unlisted.stderr.strip().splitlines() == [
        "error: --symbol FOO_TRY: the exchange does not list this pair (exchangeinfo); "
        "choose a listed pair, e.g. BTC_TRY"
    ]
    assert not any((home / name).exists() for name in ("b.parquet", "c.parquet", "d.parquet"))


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def test_record_marks_gaps_and_resumes_in_a_new_session(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ticking = EmulatorConfig(
        seed=4, port=0, tick_seconds=0.05, ws_publish_seconds=0.05, rate_limit_scale=None
    )
    out = home / "rec"
    args = ("data", "record", "--symbols", "BTC_TRY,ETH_TRY", "--out", str(out))
    with threaded_emulator(ticking) as emulator:
        for name, value in emulator.env().items():
            monkeypatch.setenv(name, value)
        faults, feed = emulator.emu.faults, emulator.emu.feed

        def subscribed() -> bool:
            return any(("obdiff", "ETHTRY") in client.subscriptions for client in feed.clients)

        def break_the_feed() -> None:  # while the command records on the main thread
            wait_until(subscribed)
            faults.update({"ws_disconnect_now": True})
            wait_until(lambda: faults.counters.ws["connects"] >= 2 and subscribed())
            faults.update({"changeset_gap_next": 20})

        saboteur = threading.Thread(target=break_the_feed)
        saboteur.start()
        first = btcbot(*args, "--duration", "4", "--depth", "5")
        saboteur.join(10)
        assert first.code == 0, first.output
        assert "(session 1, new recording)" in first.stdout
        marked = first.stdout.split("gaps marked:")[1]
        assert "disconnect" in marked and "changeset_gap" in marked
        second = btcbot(*args, "--duration", "1")
        assert second.code == 0, second.output
        assert "(session 2, resuming after session 1)" in second.stdout
    events = read_events(out)
    kinds = {(e.session, e.kind) for e in events}
    assert {(1, "session_start"), (1, "disconnect"), (1, "changeset_gap"), (1, "session_end")} <= (
        kinds
    )
    assert {(2, "session_start"), (2, "session_end")} <= kinds
    ids = [t.trade_id for t in read_trades(out)]
    assert ids and len(ids) == len(set(ids))


def test_record_refuses_bad_input(home: Path) -> None:
    bad = btcbot("data", "record", "--symbols", "BTC_TRY,NOPE", "--out", str(home / "r"))
    assert bad.code == 2 and "'NOPE' is not a trading pair" in bad.stderr
    (home / "file").write_text("x")
    taken = btcbot("data", "record", "--symbols", "BTC_TRY", "--out", str(home / "file"))
    assert taken.code == 2 and "exists and is not a directory" in taken.stderr
    under = btcbot("data", "record", "--symbols", "BTC_TRY", "--out", str(home / "file" / "r"))
    assert under.code == 2 and under.stderr.strip().splitlines() == [
        f"error: cannot create the recording directory {home / 'file' / 'r'}: Not a directory; "
        "choose another --out"
    ]


def test_ctrl_c_keeps_the_pages_and_a_rerun_completes(home: Path, quiet: ThreadedEmulator) -> None:
    """The real entry point in a process of its own, interrupted by SIGINT."""
    since = ms_minutes_ago(quiet, 30 * 1440)
    out = home / "month.parquet"
    env = {k: v for k, v in os.environ.items() if not k.startswith("BTCTURK_")}
    env |= quiet.env()
    command = [sys.executable, "-m", "btcbot", "data", "download", "--symbol", "BTC_TRY"]
    command += ["--timeframe", "1m", "--from", since, "--out", str(out)]
    process = subprocess.Popen(
        command, cwd=home, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.strip().startswith("request 3:"):  # the daily probe, then two pages
            process.send_signal(signal.SIGINT)
            break
    rest, errors = process.communicate(timeout=60)
    assert process.returncode == 1, "".join(lines) + rest + errors
    assert "stopped before the end: rerun the same command to continue" in rest
    _, kept = read_dataset_rows(out)
    assert len(kept) >= 2000 and len(kept) % 1000 == 0
    again = download(since, out)
    assert again.code == 0, again.output
    assert f"{len(kept)} candles already stored" in again.stdout
    _, rows = read_dataset_rows(out)
    assert len(rows) >= 30 * 1440 - 1
