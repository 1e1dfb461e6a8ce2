"""Two worker processes join one study on a real PostgreSQL server (the tests start it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import optuna
import pytest
from optuna.trial import TrialState

from btcbot.research.study import close_storage
from tests.helpers import REPO_ROOT
from tests.postgres import fresh_database, postgres_server
from tests.research.conftest import SMA, SMA_SEARCH

TRIALS = 8


@pytest.fixture(scope="module")
def server() -> object:
    with postgres_server() as url:
        yield url


def worker(url: str, data: Path, out: Path) -> subprocess.Popen[str]:
    """``btcbot sweep`` as a process of its own: a second machine, as far as the study sees."""
    command = [
        sys.executable, "-m", "btcbot", "sweep", "--strategy", SMA, "--dataset", str(data),
        "--out", str(out), "--trials", str(TRIALS), "--objective", "return",
        "--storage", url, "--study", "shared", "--lookahead-cuts", "2", "--no-progress",
        *SMA_SEARCH,
    ]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BTCTURK_", "STATE_DB"))}
    return subprocess.Popen(
        command, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
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
    more = cli("sweep", "--strategy", SMA, "--dataset", str(wave_csv), "--out",
               str(tmp_path / "c"), "--trials", "3", "--storage", url, "--study", "s",
               "--lookahead-cuts", "2", *SMA_SEARCH)  # fmt: skip
    assert more.code == 2 and "made for 2 trials, not 3" in more.stderr, more.output
    again = cli("sweep", "--strategy", SMA, "--dataset", str(wave_csv), "--out",
                str(tmp_path / "d"), "--trials", "2", "--storage", url, "--study", "s",
                "--lookahead-cuts", "2", *SMA_SEARCH)  # fmt: skip
    assert again.code == 0, again.output  # the finished study: no new trial, the report again
    assert len(stored_trials(url, "s")) == 2
