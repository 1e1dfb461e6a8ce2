"""Two worker processes join one study on a real PostgreSQL server (the tests start it)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import optuna
import pytest
import sqlalchemy
from optuna.trial import TrialState

from btcbot.research.study import close_storage
from tests.backtest.factories import exchange_info
from tests.helpers import REPO_ROOT, eventually
from tests.postgres import fresh_database, postgres_server
from tests.research.conftest import SMA, SMA_SEARCH

STALLING = str(REPO_ROOT / "tests" / "research" / "strategies" / "stalling.py") + ":StallingSma"

TRIALS = 8


@pytest.fixture(scope="module")
def server() -> object:
    with postgres_server() as url:
        yield url


def worker(
    url: str,
    data: Path,
    out: Path,
    *,
    strategy: str = SMA,
    extra: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
) -> subprocess.Popen[str]:
    """``btcbot sweep`` as a process of its own: a second machine, as far as the study sees."""
    command = [
        sys.executable, "-m", "btcbot", "sweep", "--strategy", strategy, "--dataset", str(data),
        "--out", str(out), "--trials", str(TRIALS), "--objective", "return",
        "--storage", url, "--study", "shared", "--lookahead-cuts", "2", "--no-progress",
        *SMA_SEARCH, *extra,
    ]  # fmt: skip
    scrubbed = {k: v for k, v in os.environ.items() if not k.startswith(("BTCTURK_", "STATE_DB"))}
    return subprocess.Popen(
        command,
        cwd=REPO_ROOT,
        env={**scrubbed, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: killed whole, like a lost machine
    )


def stored_trials(url: str, name: str) -> list[optuna.trial.FrozenTrial]:
    storage = optuna.storages.RDBStorage(url)
    try:
        return optuna.load_study(study_name=name, storage=storage).get_trials()
    finally:
        close_storage(storage)


@pytest.mark.timeout(180)
def test_two_workers_share_one_study_without_duplicate_work(
    server: str, wave_csv: Path, tmp_path: Path
) -> None:
    url = fresh_database(server)
    workers = [worker(url, wave_csv, tmp_path / f"w{i}") for i in range(2)]
    outputs = [w.communicate(timeout=170) for w in workers]
    for process, (stdout, stderr) in zip(workers, outputs, strict=True):
        assert process.returncode == 0, stdout + stderr
    trials = stored_trials(url, "shared")
    assert len(trials) == TRIALS  # total = requested: no surplus trial, none missing
    assert sorted(t.number for t in trials) == list(range(TRIALS))
    assert all(t.state is TrialState.COMPLETE for t in trials)  # all finished
    params = [tuple(sorted(t.params.items())) for t in trials]
    assert len(set(params)) == len(params)  # each parameter set evaluated once
    # both workers did trials (their heartbeats are on record), and both reports agree
    beats = {t.number for t in trials}
    assert beats == set(range(TRIALS))
    docs = [json.loads((tmp_path / f"w{i}" / "sweep.json").read_text()) for i in range(2)]
    assert docs[0]["windows"][0]["best"] == docs[1]["windows"][0]["best"]
    assert docs[0]["trials_tried"] == TRIALS
    assert docs[0]["storage"] == url  # no password in this URL to hide


def test_a_worker_of_another_sweep_is_refused(server: str, wave_csv: Path, tmp_path: Path) -> None:
    from tests.cli.runner import cli

    url = fresh_database(server)
    first = cli("sweep", "--strategy", SMA, "--dataset", str(wave_csv), "--out",
                str(tmp_path / "a"), "--trials", "2", "--storage", url, "--study", "s",
                "--lookahead-cuts", "2", *SMA_SEARCH)  # fmt: skip
    assert first.code == 0, first.output
    other = cli("sweep", "--strategy", SMA, "--dataset", str(wave_csv), "--out",
                str(tmp_path / "b"), "--trials", "2", "--storage", url, "--study", "s",
                "--objective", "return", "--lookahead-cuts", "2", *SMA_SEARCH)  # fmt: skip
    assert other.code == 2, other.output
    assert "study s belongs to another sweep (it differs in: objective)" in other.stderr
    rules = tmp_path / "exchangeinfo.json"  # BTC_TRY's rules as a saved response gives them
    rules.write_text(json.dumps(exchange_info(("BTC", 8, 2, "99.91"))))
    ruled = cli("sweep", "--strategy", SMA, "--dataset", str(wave_csv), "--out",
                str(tmp_path / "r"), "--trials", "2", "--storage", url, "--study", "s",
                "--lookahead-cuts", "2", "--rules", str(rules), *SMA_SEARCH)  # fmt: skip
    assert ruled.code == 2, ruled.output  # replays on other rules: not the same sweep
    assert "study s belongs to another sweep (it differs in: rules)" in ruled.stderr
    dearer = cli("sweep", "--strategy", SMA, "--dataset", str(wave_csv), "--out",
                 str(tmp_path / "f"), "--trials", "2", "--storage", url, "--study", "s",
                 "--lookahead-cuts", "2", "--taker-fee-bps", "20", *SMA_SEARCH)  # fmt: skip
    assert dearer.code == 2, dearer.output  # replays at other fees: not the same sweep
    assert "study s belongs to another sweep (it differs in: costs)" in dearer.stderr
    more = cli("sweep", "--strategy", SMA, "--dataset", str(wave_csv), "--out",
               str(tmp_path / "c"), "--trials", "3", "--storage", url, "--study", "s",
               "--lookahead-cuts", "2", *SMA_SEARCH)  # fmt: skip
    assert more.code == 2 and "made for 2 trials, not 3" in more.stderr, more.output
    again = cli("sweep", "--strategy", SMA, "--dataset", str(wave_csv), "--out",
                str(tmp_path / "d"), "--trials", "2", "--storage", url, "--study", "s",
                "--lookahead-cuts", "2", *SMA_SEARCH)  # fmt: skip
    assert again.code == 0, again.output  # the finished study: no new trial, the report again
    assert len(stored_trials(url, "s")) == 2


def heartbeat_age(url: str, trial_id: int, start: datetime) -> float:
    """Seconds from a trial's start to its latest heartbeat (Optuna's trial_heartbeats table)."""
    engine = sqlalchemy.create_engine(url)
    try:
        with engine.connect() as conn:
            beat = conn.execute(
                sqlalchemy.text("SELECT heartbeat FROM trial_heartbeats WHERE trial_id = :t"),
                {"t": trial_id},
            ).scalar()
    finally:
        engine.dispose()
    return 0.0 if beat is None else (beat - start).total_seconds()


@pytest.mark.timeout(240)
async def test_a_dead_workers_trial_is_run_again_by_a_live_one(
    server: str, wave_csv: Path, tmp_path: Path
) -> None:
    """Worker A hangs in a trial (alive: its heartbeat goes on) and is SIGKILLed; worker B,
    started afterwards, fails that trial once its heartbeat is stale, queues it again with the
    same parameters, runs it, and the study ends with exactly --trials finished trials."""
    url = fresh_database(server)
    marker = tmp_path / "stalled"
    beats = ("--heartbeat-seconds", "1", "--stale-after-seconds", "4")
    doomed = worker(url, wave_csv, tmp_path / "a", strategy=STALLING, extra=beats,
                    env={"STALL_MARKER": str(marker)})  # fmt: skip
    try:
        await eventually(marker.exists, timeout=120)
        running = [t for t in stored_trials(url, "shared") if t.state is TrialState.RUNNING]
        assert len(running) == 1  # the one it hangs in (--jobs 1)
        start = running[0].datetime_start
        assert start is not None
        # alive but slow is not dead: its heartbeat goes on past --stale-after-seconds
        await eventually(lambda: heartbeat_age(url, running[0]._trial_id, start) > 6, timeout=60)
    finally:
        os.killpg(doomed.pid, signal.SIGKILL)
        doomed.communicate(timeout=30)
    stuck = running[0]
    survivor = worker(url, wave_csv, tmp_path / "b", strategy=STALLING, extra=beats)
    stdout, stderr = survivor.communicate(timeout=200)
    assert survivor.returncode == 0, stdout + stderr

    trials = stored_trials(url, "shared")
    dead = next(t for t in trials if t.number == stuck.number)
    assert dead.state is TrialState.FAIL  # failed by the live worker, not left RUNNING
    retry = [t for t in trials if t.system_attrs.get("failed_trial") == stuck.number]
    assert len(retry) == 1 and retry[0].state is TrialState.COMPLETE
    assert retry[0].params == stuck.params  # the same parameter set, run once more
    complete = [t for t in trials if t.state is TrialState.COMPLETE]
    assert len(complete) == TRIALS  # exactly the requested trials finished, none lost
    assert not [t for t in trials if t.state in (TrialState.RUNNING, TrialState.WAITING)]
    document = json.loads((tmp_path / "b" / "sweep.json").read_text())
    assert document["trials_tried"] == TRIALS
