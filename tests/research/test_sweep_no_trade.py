"""A sweep whose trials never trade recommends nothing: every trial scored what doing nothing
scores, so "best parameters" would be an arbitrary pick presented as a finding."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.runner import Result, cli
from tests.research.conftest import SMA, STAGE3_SEARCH


def sweep(out: Path, data: Path, *search: str) -> Result:
    return cli(
        "sweep", "--strategy", SMA, "--dataset", str(data), "--out", str(out),
        "--lookahead-cuts", "3", "--trials", "3", "--no-progress", *search,
    )  # fmt: skip


def test_no_trial_traded_is_said_plainly_and_nothing_is_recommended(
    wave_csv: Path, tmp_path: Path
) -> None:
    # an order size no 10 000 TRY balance can pay: no trial ever fills
    out = tmp_path / "none"
    result = sweep(out, wave_csv, "--range", "fast=2..3", "--range", "slow=4..6",
                   "--param", "notional_try=500000")  # fmt: skip
    assert result.code == 0, result.output
    assert "best parameters (" not in result.stdout and "--param fast=" not in result.stdout
    assert "STRATEGY_PARAMS" not in result.stdout
    said = "no recommendation: no trial traded: none of the 3 trials of the most recent window"
    assert f"{said} made a single fill" in result.stdout
    assert "WARNING: window 0: no trial traded" in result.stdout
    doc = json.loads((out / "sweep.json").read_text())
    assert doc["recommended"] is None
    assert doc["no_recommendation"].startswith("no trial traded")
    assert doc["windows"][0]["trials"]["traded"] == 0
    page = (out / "sweep.html").read_text()
    assert "none: no trial traded" in page and 'id="param-flags"' not in page


def test_a_sweep_whose_best_trial_did_not_trade_recommends_with_a_warning(
    wave_csv: Path, tmp_path: Path
) -> None:
    out = tmp_path / "idle-best"
    result = cli("sweep", "--stage", "3", "--dataset", str(wave_csv), "--out", str(out),
                 *STAGE3_SEARCH)  # fmt: skip
    assert result.code == 0, result.output
    doc = json.loads((out / "sweep.json").read_text())
    window = doc["windows"][0]
    assert window["trials"]["traded"] == 2 and window["best"]["traded"] is False
    assert doc["recommended"] is not None  # doing nothing beat the trades that lost
    assert "WARNING: window 0: its best trial made no trade: it scored best by doing nothing" in (
        result.stdout
    )


def test_a_sweep_that_trades_still_recommends(wave_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "some"
    result = sweep(out, wave_csv, "--range", "fast=2..12", "--range", "slow=13..40",
                   "--param", "notional_try=500")  # fmt: skip
    assert result.code == 0, result.output
    doc = json.loads((out / "sweep.json").read_text())
    assert doc["recommended"] is not None and doc["no_recommendation"] is None
    assert doc["windows"][0]["trials"]["traded"] > 0
    assert "best parameters (window 0" in result.stdout


def test_sweep_balance_try_out_of_range_is_refused(wave_csv: Path, tmp_path: Path) -> None:
    result = sweep(tmp_path / "x", wave_csv, "--range", "fast=2..3", "--balance-try", "1e30")
    assert result.code == 2, result.output
    assert result.stderr.strip().startswith("error: --balance-try 1e30: give a starting TRY")
