"""The sweep report page in headless Chromium, and the figures beneath it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from btcbot.config.envdoc import render
from btcbot.research.report import deflated_sharpe
from btcbot.research.settings_snippet import STAGE_SETTINGS, env_lines
from btcbot.research.sweep import TrialRow
from tests.backtest.chromium import open_page
from tests.cli.runner import cli
from tests.research.conftest import SMA, SMA_SEARCH, STAGE3_SEARCH
from tests.research.test_sweep_cli import document

DOM = """(() => {
  const rows = {};
  for (const row of document.querySelectorAll('#headline tr[data-figure]'))
    rows[row.dataset.figure] = row.querySelector('td').textContent;
  return {
    charts: [...document.querySelectorAll('figure.chart')].map(f => f.id),
    sizes: [...document.querySelectorAll('figure.chart svg')].map(s => {
      const r = s.getBoundingClientRect(); return [r.width, r.height]; }),
    dots: document.querySelectorAll('[id^="objective-trace-trials-w"] path, '
      + '[id^="objective-trace-trials-w"] use').length,
    bars: document.querySelectorAll('[id^="distribution-trace-histogram"]').length,
    headline: rows,
    windows: [...document.querySelectorAll('#windows tbody tr')].map(r => r.dataset.window),
    importance: [...document.querySelectorAll('#importance tr[data-param]')].map(
      r => r.dataset.param),
    env: document.querySelector('#env-snippet').textContent,
    flags: document.querySelector('#param-flags').textContent,
    trials: document.querySelectorAll('#trials tbody tr').length,
    lookahead: document.querySelector('#lookahead').className,
  };
})()"""


@pytest.fixture(scope="module")
def swept(wave_csv: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sweep-report") / "report"
    result = cli("sweep", "--strategy", SMA, "--dataset", str(wave_csv), "--out", str(out),
                 "--trials", "6", "--walk-forward", "train=6d,test=3d", "--objective", "return",
                 "--lookahead-cuts", "2", *SMA_SEARCH)  # fmt: skip
    assert result.code == 0, result.output
    return out


async def test_the_sweep_page_renders_in_headless_chromium(swept: Path, tmp_path: Path) -> None:
    out = swept
    doc = document(out)
    for name in ("objective", "distribution"):
        png = Image.open(out / f"sweep-{name}.png")
        assert png.size == (1000, 320) and ImageStat.Stat(png.convert("L")).stddev[0] > 10
    page_url = (out / "sweep.html").as_uri()
    async with open_page(page_url, tmp_path / "profile") as page:
        dom = await page.evaluate(DOM)
        shot = await page.screenshot()
        requested = [e["params"]["request"]["url"] for e in page.events
                     if e.get("method") == "Network.requestWillBeSent"]  # fmt: skip
    assert requested == [page_url]  # self-contained
    assert dom["charts"] == ["chart-objective", "chart-distribution"]
    assert all(w > 600 and h > 150 for w, h in dom["sizes"]), dom["sizes"]
    assert dom["dots"] >= 1 and dom["bars"] >= 1
    last = doc["windows"][-1]
    assert dom["headline"]["trials"] == "12 tried (6 per window)"
    assert f"best of {last['trials']['finished']} trials" in dom["headline"]["best"]
    assert dom["headline"]["costs"].startswith("fees ") and "tax" in dom["headline"]["costs"]
    assert dom["windows"] == ["0", "1", "overall"]
    assert dom["env"] == "\n".join(doc["recommended"]["env"])
    assert dom["flags"] == doc["recommended"]["param_flags"]
    assert dom["trials"] == 12 and dom["lookahead"] == "ok"
    importance = [w["importance"] for w in doc["windows"] if w["importance"]]
    assert sorted(dom["importance"]) == sorted(k for weights in importance for k in weights)
    image = Image.open(io.BytesIO(shot)).convert("L")
    assert image.size[0] >= 1000 and image.size[1] > 1200
    assert ImageStat.Stat(image).stddev[0] > 20


def test_stage_settings_are_real_settings_and_the_snippet_runs(
    wave_csv: Path, tmp_path: Path
) -> None:
    documented = render()
    for names in STAGE_SETTINGS.values():
        for name in names:
            assert f"# {name}=" in documented, name
    lines = env_lines({"min_profit_bps": "40", "sell_cost_buffer_bps": "5"}, by_stage=True)
    assert lines == [
        "MIN_PROFIT_BPS=40",
        "# sell_cost_buffer_bps has no setting of its own: pass --param sell_cost_buffer_bps=5",
    ]
    out = tmp_path / "stage"
    result = cli("sweep", "--stage", "3", "--dataset", str(wave_csv), "--out", str(out),
                 *STAGE3_SEARCH)  # fmt: skip
    assert result.code == 0, result.output
    doc = json.loads((out / "sweep.json").read_text())
    best = doc["windows"][0]["best"]
    env_file = tmp_path / "best.env"
    env_file.write_text(
        "\n".join(line for line in doc["recommended"]["env"] if not line.startswith("#")) + "\n"
    )
    assert f"ENTRY_NOTIONAL_TRY={best['values']['entry_budget']}" in env_file.read_text()
    run = cli("backtest", "--stage", "3", "--data", str(wave_csv), "--env-file", str(env_file),
              "--out", str(tmp_path / "bt.db"), "--no-progress")  # fmt: skip
    assert run.code == 0, run.output
    report = json.loads(cli("report", str(tmp_path / "bt.db"), "--format", "json").stdout)
    assert float(report["figures"]["total_return"]) == best["total_return"]


def row(number: int, sharpe: float | None, periods: int = 200) -> TrialRow:
    from btcbot.research.objectives import TrialFigures

    figures = TrialFigures(None, None, None, None, None, None, None, None, None, None, 0.0, 0,
                           None, 0, "0", "0", None, periods, sharpe, 0.0, 3.0)  # fmt: skip
    return TrialRow(number, "COMPLETE", sharpe, {}, figures, True, None)


def test_deflated_sharpe_discounts_the_best_of_many() -> None:
    spread = (0.0, 0.02, 0.04, 0.1)  # the same spread of trial Sharpes, tried 4 or 200 times
    few = [row(i, spread[i % 4]) for i in range(4)]
    many = [row(i, spread[i % 4]) for i in range(200)]
    best_of_few, best_of_many = deflated_sharpe(few, few[3]), deflated_sharpe(many, many[3])
    assert best_of_few is not None and best_of_many is not None
    assert best_of_few > 0.8 > 0.6 > best_of_many  # the same Sharpe: among 200, luck
    assert deflated_sharpe([row(0, 0.1)], row(0, 0.1)) is None  # one trial: nothing to deflate
