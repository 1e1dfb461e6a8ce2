"""``btcbot report`` on a backtest database, through the real CLI app in process."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from typer.testing import CliRunner

from btcbot.backtest import open_dataset, run_backtest, summarize_db
from btcbot.cli import app
from tests.backtest.chromium import open_page
from tests.backtest.factories import HOUR_MS, START, T0, lively, write_wave
from tests.cli.runner import Result
from tests.cli.test_bad_input import read_only_directory

D = Decimal


def btcbot(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


@pytest.fixture(scope="module")
def run_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A lively 96-hour backtest whose manifest names its CSV (for the price chart)."""
    folder = tmp_path_factory.mktemp("report")
    data = write_wave(folder / "BTC_TRY.csv", 96)
    out = folder / "run.db"
    asyncio.run(
        run_backtest(
            open_dataset(data),
            stage=3,
            params=lively(3),
            out_db=out,
            starting_balances=START,
            seed=3,
            spread_bps=D(10),
        )
    )
    return out


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_json_figures_agree_with_the_run_summary(run_db: Path) -> None:
    result = btcbot("report", str(run_db), "--format", "json")
    assert result.code == 0, result.output
    report = json.loads(result.stdout)
    summary = summarize_db(run_db)
    figures = report["figures"]
    assert report["role"] == "replay" and report["stage"] == 3
    assert D(figures["final_equity"]) == summary.final_equity
    assert D(figures["initial_equity"]) == summary.initial_equity == D(10_000)
    assert figures["fills"] == summary.fills and figures["trips"]["count"] > 2
    assert D(figures["fees"]) + D(figures["tax"]) == summary.fees["TRY"]
    assert sum(D(t["pnl"]) for t in report["round_trips"]) == summary.realized_pnl["TRY"]
    # a round trip's own costs are its exit's (the entry's are in its entry price)
    sells = {f["order_id"]: D(0) for f in report["fills"] if f["side"] == "sell"}
    for fill in report["fills"]:
        if fill["order_id"] in sells:
            sells[fill["order_id"]] += D(fill["fee"]) + D(fill["tax"])
    assert {t["order_id"]: D(t["exit_fees"]) for t in report["round_trips"]} == sells
    assert D(figures["realized_pnl"]) == summary.realized_pnl["TRY"]
    assert figures["ratios"]["sampling_ms"] == 3_600_000 and figures["ratios"]["sharpe"] is not None
    assert D(figures["max_drawdown"]["fraction"]) * 100 == summary.max_drawdown_pct
    # every cycle; the data ran out, so the final valuation replaced the last cycle's sample
    assert len(report["equity"]) == summary.cycles
    assert D(report["equity"][-1][1]) == summary.final_equity
    assert report["monthly_returns"][0]["year"] == 2024


def test_text_csv_and_window(run_db: Path, tmp_path: Path) -> None:
    text = btcbot("report", str(run_db))
    assert text.code == 0, text.output
    for label in ("Sharpe", "Sortino", "Calmar", "CAGR", "Max drawdown: duration", "Win rate",
                  "Profit factor", "Expectancy", "Exposure", "Turnover", "Tax paid (TRY)",
                  "Monthly returns", "round trips"):  # fmt: skip
        assert label in text.stdout
    assert "Equity samples (interval)        96 (1h)" in text.stdout
    written = btcbot("report", str(run_db), "--format", "csv", "--out", str(tmp_path / "csv"))
    assert written.code == 0, written.output
    names = sorted(p.name for p in (tmp_path / "csv").iterdir())
    assert names == ["equity.csv", "figures.csv", "fills.csv", "monthly_returns.csv",
                     "round_trips.csv"]  # fmt: skip
    assert (tmp_path / "csv" / "equity.csv").read_text().count("\n") == 97
    last = btcbot("report", str(run_db), "--last", "12h", "--format", "json")
    assert len(json.loads(last.stdout)["equity"]) == 13  # 12 hours back from the final sample
    window = btcbot("report", str(run_db), "--since", "2024-01-02", "--until", "2024-01-02T05:00",
                    "--format", "json")  # fmt: skip
    assert len(json.loads(window.stdout)["equity"]) == 6


def test_a_last_longer_than_the_records_reports_them_all(run_db: Path) -> None:
    # 99999999 days back from 2024 is before year 1: the window's date raised a traceback
    whole = btcbot("report", str(run_db), "--format", "json")
    for length in ("99999999d", "9" * 30 + "w"):
        longer = btcbot("report", str(run_db), "--last", length, "--format", "json")
        assert longer.code == 0, longer.output
        assert json.loads(longer.stdout)["equity"] == json.loads(whole.stdout)["equity"]
        text = btcbot("report", str(run_db), "--last", length)
        assert text.code == 0 and "Equity samples (interval)        96 (1h)" in text.stdout


def test_refusals_exit_2_and_nothing_is_created(run_db: Path, tmp_path: Path) -> None:
    before = digest(run_db)
    missing = tmp_path / "nope.db"
    for args, message in (
        ((str(missing),), "no such database file"),
        ((str(run_db), "--format", "html"), "--format html writes files: pass --out"),
        ((str(run_db), "--last", "7d", "--since", "2024-01-01"), "give one of them"),
        ((str(run_db), "--last", "week"), "--last: 'week' is not a duration"),
        ((str(run_db), "--since", "monday"), "--since 'monday': use an ISO date"),
        ((str(run_db), "--data", str(missing)), "--data: dataset:"),
        # not "an unfinished backtest": the account named is not in the database
        ((str(run_db), "--account", "other"), "holds no account 'other' (it holds main)"),
    ):
        result = btcbot("report", *args)
        if "--data" in args:
            assert result.code == 2 and "no such file" in result.stderr, result.output
        else:
            assert result.code == 2 and message in result.stderr, (args, result.output)
        assert "Traceback" not in result.output
    assert not missing.exists()
    assert digest(run_db) == before


def test_out_never_replaces_a_database_or_a_dataset(run_db: Path, tmp_path: Path) -> None:
    """The report's own database (or any other) and a Parquet dataset named as ``--out`` are
    left as they were; a file where a directory goes and the reverse are refused too."""
    dataset = tmp_path / "BTC_TRY.parquet"
    dataset.write_bytes(b"PAR1" + bytes(64) + b"PAR1")
    keep = {run_db: digest(run_db), dataset: digest(dataset)}
    cases = [
        *((fmt, run_db, "is a SQLite database") for fmt in ("html", "json", "text")),
        ("json", dataset, "is a Parquet dataset file"),
        ("csv", run_db, "--format csv writes a directory"),
        ("png", dataset, "--format png writes a directory"),
        ("html", tmp_path, "--format html writes a file"),
    ]
    for fmt, out, message in cases:
        result = btcbot("report", str(run_db), "--format", fmt, "--out", str(out))
        assert result.code == 2 and message in result.stderr, (fmt, out, result.output)
        assert "Traceback" not in result.output
    assert {path: digest(path) for path in keep} == keep
    again = tmp_path / "report.json"  # an earlier report is replaced, as operators expect
    for _ in range(2):
        assert btcbot("report", str(run_db), "--format", "json", "--out", str(again)).code == 0
    assert json.loads(again.read_text())["role"] == "replay"


async def test_the_html_page_renders_in_headless_chromium(run_db: Path, tmp_path: Path) -> None:
    page_path = tmp_path / "out" / "report.html"
    result = btcbot("report", str(run_db), "--format", "html", "--out", str(page_path))
    assert result.code == 0, result.output
    figures = json.loads(btcbot("report", str(run_db), "--format", "json").stdout)["figures"]
    for name in ("equity", "drawdown", "price"):
        png = Image.open(page_path.with_name(f"report-{name}.png"))
        assert png.size == (1000, 320) and ImageStat.Stat(png.convert("L")).stddev[0] > 10
    async with open_page(page_path.as_uri(), tmp_path / "profile") as page:
        dom = await page.evaluate(DOM_FACTS)
        shot = await page.screenshot()
        requested = [e["params"]["request"]["url"] for e in page.events
                     if e.get("method") == "Network.requestWillBeSent"]  # fmt: skip
    assert requested == [page_path.as_uri()]  # self-contained: nothing else is loaded
    assert dom["charts"] == ["chart-equity", "chart-drawdown", "chart-price"]
    assert all(w > 600 and h > 150 for w, h in dom["sizes"]), dom["sizes"]
    assert dom["equityPath"] > 500  # the equity line's path data: 97 points
    assert dom["drawdownPaths"] >= 1
    assert dom["pricePath"] > 500 and dom["buys"] >= 1 and dom["sells"] >= 1
    sharpe = f"{figures['ratios']['sharpe']:.2f}"
    assert dom["figures"]["sharpe"] == sharpe
    assert dom["figures"]["round_trips"].startswith(str(figures["trips"]["count"]))
    assert dom["tripRows"] == figures["trips"]["count"] and dom["monthRows"] == 1
    image = Image.open(io.BytesIO(shot)).convert("L")
    assert image.size[0] >= 1000 and image.size[1] > 1500  # the whole page, not one screen
    assert ImageStat.Stat(image).stddev[0] > 20  # not blank
    dark = sum(image.histogram()[:128]) / (image.size[0] * image.size[1])
    assert dark > 0.005  # text and lines were drawn


DOM_FACTS = """(() => {
  const q = (s) => document.querySelector(s);
  const len = (el) => el ? (el.getAttribute('d') || '').length : 0;
  const figures = {};
  for (const row of document.querySelectorAll('#figures tr[data-figure]'))
    figures[row.dataset.figure] = row.querySelector('td').textContent;
  return {
    charts: [...document.querySelectorAll('figure.chart')].map(f => f.id),
    sizes: [...document.querySelectorAll('figure.chart svg')].map(s => {
      const r = s.getBoundingClientRect(); return [r.width, r.height]; }),
    equityPath: len(q('#equity-trace-equity path')),
    drawdownPaths: document.querySelectorAll('#drawdown-trace-drawdown path').length,
    pricePath: len(q('#price-trace-price-BTC_TRY path')),
    buys: document.querySelectorAll('#price-trace-buys-BTC_TRY use').length,
    sells: document.querySelectorAll('#price-trace-sells-BTC_TRY use').length,
    figures,
    tripRows: document.querySelectorAll('#round-trips tbody tr').length,
    monthRows: document.querySelectorAll('#monthly-returns tbody tr').length,
  };
})()"""


def test_the_price_chart_reads_only_the_candles_of_the_report_window(run_db: Path) -> None:
    """The chart's candles are read over the report's window (and a margin), not the whole
    recorded file: the same closes as plotting from every candle; a text report reads none."""
    from btcbot.backtest.records import existing_run, read_run
    from btcbot.backtest.report_data import Window, build_report, equity_span
    from btcbot.commands.report import _prices

    with existing_run(run_db) as engine:
        run = read_run(engine)
    whole = open_dataset(run_db.parent / "BTC_TRY.csv")
    for window in (Window(), Window(T0 + 30 * HOUR_MS, T0 + 50 * HOUR_MS)):
        read = _prices(run, None, None, equity_span(run, window))
        assert read is not None
        (series,) = read.series.values()
        expected = build_report(run, title="t", window=window, dataset=whole).prices
        assert build_report(run, title="t", window=window, dataset=read).prices == expected
        first, last = equity_span(run, window)
        assert first is not None and last is not None
        assert series.bars[0].open_ms >= first - 7 * 86_400_000
        assert series.bars[-1].open_ms <= last
    text = build_report(run, title="t", charts=False)
    assert text.prices == {} and not any("price" in note for note in text.notes)
    narrow = _prices(run, None, None, (T0 + 40 * HOUR_MS, T0 + 41 * HOUR_MS))
    assert narrow is not None and len(next(iter(narrow.series.values())).bars) < 96


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "html", "png"])
def test_an_out_where_nothing_can_be_written_is_one_error_line(
    run_db: Path, tmp_path: Path, fmt: str
) -> None:
    """--out in a directory no file can be created in (root: sysfs) was a traceback."""
    shut = read_only_directory(tmp_path)
    result = btcbot("report", str(run_db), "--format", fmt, "--out", str(shut / "report.out"))
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"error: --out {shut / 'report.out'}: cannot write"), line


def test_a_last_longer_than_the_epoch_reports_the_whole_run(run_db: Path) -> None:
    whole = json.loads(btcbot("report", str(run_db), "--format", "json").stdout)
    longest = btcbot("report", str(run_db), "--last", "99999999999d", "--format", "json")
    assert longest.code == 0, longest.output
    assert json.loads(longest.stdout)["equity"] == whole["equity"]
    text = btcbot("report", str(run_db), "--last", "99999999999d")  # was: year out of range
    assert text.code == 0, text.output
    assert "window 1970-01-01 00:00" in text.stdout
