"""``btcbot sweep`` and ``btcbot lookahead`` through the real CLI app, in process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.runner import Result, cli
from tests.research.conftest import PEEKING, SMA, SMA_SEARCH


def sweep(out: Path, data: Path, *extra: str) -> Result:
    return cli(
        "sweep", "--strategy", SMA, "--dataset", str(data), "--out", str(out),
        "--lookahead-cuts", "3", *SMA_SEARCH, *extra,
    )  # fmt: skip


def document(out: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((out / "sweep.json").read_text())
    return loaded


def trials_of(doc: dict[str, Any]) -> list[tuple[int, dict[str, str], float | None]]:
    return [(t["number"], t["values"], t["value"]) for w in doc["windows"] for t in w["all_trials"]]


def test_a_seed_gives_the_same_trials_and_results(wave_csv: Path, tmp_path: Path) -> None:
    first = sweep(tmp_path / "a", wave_csv, "--trials", "6", "--seed", "7", "--objective", "return")
    again = sweep(tmp_path / "b", wave_csv, "--trials", "6", "--seed", "7", "--objective", "return")
    other = sweep(tmp_path / "c", wave_csv, "--trials", "6", "--seed", "8", "--objective", "return")
    for result in (first, again, other):
        assert result.code == 0, result.output
    a, b, c = (trials_of(document(tmp_path / name)) for name in "abc")
    assert len(a) == 6 and [n for n, _, _ in a] == list(range(6))
    assert a == b  # same parameters, same objective values, trial by trial
    assert [v for _, v, _ in a] != [v for _, v, _ in c]  # another seed samples otherwise
    values = [value for _, _, value in a]
    assert all(isinstance(v, float) for v in values) and len(set(values)) > 1  # trades happen
    assert "6 trials tried (6 per window)" in first.stdout


def test_walk_forward_reports_in_and_out_of_sample_and_the_best_as_settings(
    wave_csv: Path, tmp_path: Path
) -> None:
    out = tmp_path / "wf"
    result = sweep(out, wave_csv, "--trials", "5", "--walk-forward", "train=5d,test=2d",
                   "--objective", "sharpe", "--max-drawdown", "0.5")  # fmt: skip
    assert result.code == 0, result.output
    doc = document(out)
    windows = doc["windows"]
    assert len(windows) == 3  # 12.5 days: train 5 + test 2, rolled by 2 days
    for w in windows:
        assert w["trials"]["finished"] == 5 and w["study"] == f"btcbot-sweep.w{w['index']}"
        assert w["train"][1] == w["test"][0]  # the test starts where the train ends
        assert w["in_sample"] is not None and w["out_of_sample"] is not None
        assert w["in_sample"]["fees_try"] != "0"  # fees (and tax) are in the figures
    best = windows[-1]["best"]
    assert doc["recommended"]["values"] == best["values"]
    flags = " ".join(f"--param {k}={v}" for k, v in best["values"].items())
    assert doc["recommended"]["param_flags"] == flags
    env = ",".join(f"{k}={v}" for k, v in best["values"].items())
    assert doc["recommended"]["env"] == [f"STRATEGY_PARAMS={env}"]
    assert doc["trials_tried"] == 15 and "rule: out-of-sample falls apart when" in result.stdout
    assert doc["lookahead"]["clean"] is True
    for line in doc["warnings"]:
        assert f"WARNING: {line}" in result.stdout
    means = [w["in_sample_per_year"] for w in windows]
    assert doc["overall"]["in_sample_per_year_mean"] == pytest.approx(sum(means) / len(means))
    assert "[of 5]" in result.stdout
    growth = 1.0
    for w in windows:  # the test spans tile the range: their returns chain
        growth *= 1 + w["out_of_sample"]["total_return"]
    compounded = doc["overall"]["out_of_sample_return_compounded"]
    assert float(compounded) == pytest.approx(growth - 1)
    assert doc["overall"]["out_of_sample_not_chained"] is None


def test_overlapping_test_spans_are_not_compounded_into_one_return(
    wave_csv: Path, tmp_path: Path
) -> None:
    """step < test: each day is in up to two test spans; chaining their returns (or adding
    up their fees) would count those days twice and overstate the out-of-sample figures."""
    out = tmp_path / "overlap"
    result = sweep(out, wave_csv, "--trials", "2", "--walk-forward", "train=5d,test=2d,step=1d",
                   "--objective", "return")  # fmt: skip
    assert result.code == 0, result.output
    doc = document(out)
    assert len(doc["windows"]) == 6  # 12.5 days: train 5 + test 2, rolled by 1 day
    assert all(w["out_of_sample"] is not None for w in doc["windows"])
    overall = doc["overall"]
    assert overall["out_of_sample_return_compounded"] is None
    assert overall["out_of_sample_fees_and_tax_try"] is None
    assert "test spans overlap" in overall["out_of_sample_not_chained"]
    assert "OOS return compounded - (test spans overlap" in result.stdout


def test_the_best_flags_reproduce_the_trial_through_btcbot_backtest(
    wave_csv: Path, tmp_path: Path
) -> None:
    out = tmp_path / "split"
    result = sweep(out, wave_csv, "--trials", "4", "--split", "0.6", "--objective", "return")
    assert result.code == 0, result.output
    doc = document(out)
    window = doc["windows"][0]
    best = window["best"]
    train_start, train_end = window["train"]
    flags = [part for k, v in best["values"].items() for part in ("--param", f"{k}={v}")]
    last = train_end.replace("Z", "")
    run = cli("backtest", "--strategy", SMA, "--data", str(wave_csv), *flags,
              "--start", train_start.replace("Z", ""), "--end", last,
              "--out", str(tmp_path / "bt.db"), "--no-progress")  # fmt: skip
    assert run.code == 0, run.output
    report = json.loads(cli("report", str(tmp_path / "bt.db"), "--format", "json").stdout)
    assert float(report["figures"]["total_return"]) == pytest.approx(best["total_return"])
    assert window["in_sample"]["final_equity"] == report["figures"]["final_equity"]


def test_keep_leaves_each_trials_database(wave_csv: Path, tmp_path: Path) -> None:
    kept, dropped = tmp_path / "kept", tmp_path / "dropped"
    assert sweep(kept, wave_csv, "--trials", "3", "--split", "0.7", "--keep").code == 0
    assert sweep(dropped, wave_csv, "--trials", "3", "--split", "0.7").code == 0
    names = sorted(p.name for p in (kept / "trials").glob("*.db"))
    assert names == ["w0-out-of-sample.db", "w0-trial0000.db", "w0-trial0001.db",
                     "w0-trial0002.db"]  # fmt: skip
    assert not (dropped / "trials").exists()
    assert sorted(p.name for p in dropped.iterdir()) == [
        "sweep-distribution.png", "sweep-objective.png", "sweep.html", "sweep.json"
    ]  # fmt: skip


def test_local_worker_processes_share_the_trials(wave_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "jobs"
    result = sweep(out, wave_csv, "--trials", "6", "--jobs", "2", "--objective", "return")
    assert result.code == 0, result.output
    trials = trials_of(document(out))
    assert sorted(n for n, _, _ in trials) == list(range(6))
    assert all(value is not None for _, _, value in trials)


def test_a_peeking_strategy_is_refused_before_any_trial(wave_csv: Path, tmp_path: Path) -> None:
    result = cli("sweep", "--strategy", f"{PEEKING}:StashesTheSeries", "--dataset",
                 str(wave_csv), "--out", str(tmp_path / "peek"), "--trials", "3",
                 "--lookahead-cuts", "4")  # fmt: skip
    assert result.code == 2, result.output
    assert "lookahead: the decision at" in result.stderr
    assert "peeking.py:" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "peek" / "sweep.json").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--objective", "profit"), "--objective 'profit': use one of return, sharpe"),
        (("--walk-forward", "train=5d"), "give both train= and test="),
        (("--split", "0.7", "--walk-forward", "train=5d,test=1d"), "exclusive"),
        (("--storage", "sqlite:///x.db"), "--storage needs --study NAME"),
        (("--study", "s"), "--study names a study in --storage"),
        (("--stale-after-seconds", "30"), "apply to a shared study: give --storage"),
        (
            (
                "--storage",
                "sqlite:///x.db",
                "--study",
                "s",
                "--heartbeat-seconds",
                "20",
                "--stale-after-seconds",
                "30",
            ),
            "less than two heartbeats (--heartbeat-seconds 20)",
        ),
        (("--heartbeat-seconds", "0"), "Invalid value for '--heartbeat-seconds'"),
        (("--range", "nope=1..2"), "unknown parameter nope"),
        (("--range", "fast=5..9", "--range", "fast=3..4"), "--range: fast is given twice"),
        (("--param", "fast=5", "--param", "fast=6"), "--param: fast is given twice"),
        (("--walk-forward", "train=30d,test=10d"), "shorter than one train + test window"),
        # windows of a candle, or shorter than the warm-up (slow=50 by default, 40 at most in
        # the searched range: 41 candles),
        # are refused before anything runs, not swept window after window for minutes
        (("--walk-forward", "train=1h,test=1h"), "give train=41h or longer"),
        (("--walk-forward", "train=3d,test=1h"), "a test span of 1h holds fewer than 2 candles"),
        (("--split", "0.05"), "give a larger --split share or more data"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    wave_csv: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = sweep(tmp_path / "bad", wave_csv, "--trials", "2", *args)
    assert result.code == 2, result.output
    assert message in result.stderr and "Traceback" not in result.output


def test_windows_rolled_by_less_than_a_candle_are_refused(tmp_path: Path) -> None:
    """step=1h on 4-hour candles: four windows in a row would hold the same candles."""
    rows = [f"{1_704_067_200_000 + i * 4 * 3_600_000},100,101,99,100,1" for i in range(80)]
    data = tmp_path / "BTC_TRY.csv"
    data.write_text("ts,open,high,low,close,volume\n" + "\n".join(rows) + "\n")
    result = cli("sweep", "--stage", "3", "--dataset", str(data), "--out", str(tmp_path / "s"),
                 "--trials", "2", "--range", "min_profit_bps=10..60",
                 "--walk-forward", "train=2d,test=1d,step=1h")  # fmt: skip
    assert result.code == 2, result.output
    assert "a step of 1h is shorter than a candle (4h)" in result.stderr
    assert "give step=4h or longer" in result.stderr and "Traceback" not in result.output


def test_a_range_outside_the_declared_bounds_is_one_line_and_exit_2(
    wave_csv: Path, tmp_path: Path
) -> None:
    result = cli("sweep", "--strategy", SMA, "--data", str(wave_csv), "--out",  # backtest's name
                 str(tmp_path / "bad"), "--trials", "2", "--range", "fast=1..9",
                 "--range", "slow=13..40")  # fmt: skip
    assert result.code == 2, result.output
    assert "parameter fast: 1 is outside 2..200" in result.stderr
    assert "Traceback" not in result.output


def test_lookahead_command_passes_an_honest_strategy_and_names_a_peeking_line(
    wave_csv: Path,
) -> None:
    honest = cli("lookahead", "--strategy", SMA, "--data", str(wave_csv), "--param",
                 "fast=5", "--param", "slow=20", "--cuts", "4")  # fmt: skip
    assert honest.code == 0, honest.output
    assert "no lookahead: " in honest.stdout and "at 4 cut points" in honest.stdout
    assert "then the data cut at up to 4 points (fewer on a short span)" in honest.stdout
    peek = cli("lookahead", "--strategy", f"{PEEKING}:StashesTheSeries", "--dataset",
               str(wave_csv), "--cuts", "4")  # fmt: skip
    assert peek.code == 1, peek.output
    assert "peeking.py:" in peek.stdout and "closes[-1]" in peek.stdout
    # a series' private column holds no later row to find: the peek never sees one
    private = cli("lookahead", "--strategy", f"{PEEKING}:PeeksPastTheSeries", "--dataset",
                  str(wave_csv), "--cuts", "4")  # fmt: skip
    assert private.code == 0 and "no lookahead: " in private.stdout, private.output
    built_in = cli("lookahead", "--stage", "4", "--dataset", str(wave_csv), "--cuts", "3")
    assert built_in.code == 0, built_in.output
