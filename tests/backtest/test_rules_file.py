"""A replay's exchange rules from a saved BTCTurk ``exchangeinfo`` response (``--rules``), and
what ``btcbot backtest`` checks and cuts from a dataset's outline before its candles load."""

from __future__ import annotations

import asyncio
import json
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import httpx
import pytest

from btcbot.backtest import (
    RulesFileError,
    UnknownSymbolRules,
    dataset_digest,
    dataset_outline,
    open_dataset,
    read_rules_file,
    read_run,
    run_backtest,
    venue_rules,
)
from btcbot.backtest.records import existing_run
from btcbot.config import load_config
from btcbot.data import import_csv
from btcbot.domain import Symbol, SymbolRules
from btcbot.emulator import running_emulator
from btcbot.research.subject import ReplayBench, Subject
from btcbot.research.windows import Span
from tests.backtest.factories import T0, exchange_info, write_wave
from tests.backtest.test_cli import backtest, fingerprint, invoke
from tests.emulator.conftest import BASE_CONFIG
from tests.helpers import REPO_ROOT, shared_path

BTC_TRY, ADA_TRY = Symbol("BTC", "TRY"), Symbol("ADA", "TRY")
HOUR_MS = 3_600_000


def rules_file(path: Path, *pairs: tuple[str, int, int, str]) -> Path:
    path.write_text(json.dumps(exchange_info(*pairs)))
    return path


def test_a_real_exchangeinfo_response_gives_the_replay_its_scales_and_minimum() -> None:
    """The exchangeinfo BTCTurk sent (2022, as published): the replay takes the scales, the
    fraction flag and the minimum order value; the day's status, price band and caps stay out
    (the replay moves the band with the replayed price)."""
    saved = shared_path(
        "btcturk/fixtures/exchangesharp/rest_exchangeinfo_symbol_BTCTRY_2022-02-17.json"
    )
    rules = read_rules_file(saved)
    assert rules == {
        BTC_TRY: SymbolRules(
            BTC_TRY,
            numerator_scale=8,
            denominator_scale=2,
            has_fraction=False,
            min_exchange_value=Decimal("99.91"),
        )
    }
    assert venue_rules([BTC_TRY], rules) == rules


async def test_a_response_saved_from_the_exchange_is_the_shipped_tables_rules(
    tmp_path: Path,
) -> None:
    """What ``curl -o exchangeinfo.json .../exchangeinfo`` saves, here from the emulator over
    loopback HTTP (it serves the shipped table): the same rules the default gives."""
    async with (
        running_emulator(BASE_CONFIG) as emulator,
        httpx.AsyncClient(base_url=emulator.rest_url, timeout=5.0) as client,
    ):
        response = await client.get("/api/v2/server/exchangeinfo")
    assert response.status_code == 200
    saved = tmp_path / "exchangeinfo.json"
    saved.write_bytes(response.content)
    rules = read_rules_file(saved)
    assert {BTC_TRY, Symbol("ETH", "USDT")} <= set(rules)
    assert rules == dict(venue_rules(rules))  # the shipped table's, pair for pair


def test_files_that_are_not_an_exchangeinfo_response_are_named(tmp_path: Path) -> None:
    cases = {
        "missing.json": None,
        "text.json": "not json at all",
        "table.json": json.dumps({"symbols": [], "currencies": []}),  # the shipped table's form
        "empty.json": json.dumps({"data": {"symbols": []}, "success": True}),
        "nan.json": json.dumps(exchange_info(("ADA", 1, 4, "NaN"))),
    }
    for name, text in cases.items():
        path = tmp_path / name
        if text is not None:
            path.write_text(text)
        with pytest.raises(RulesFileError) as raised:
            read_rules_file(path)
        message = str(raised.value)
        assert message.startswith(f"--rules {path}: "), message
        assert "curl -o exchangeinfo.json https://api.btcturk.com/api/v2/server/exchangeinfo" in (
            message
        )
    with pytest.raises(RulesFileError, match="lists no pairs"):
        read_rules_file(tmp_path / "empty.json")
    with pytest.raises(RulesFileError, match="no such file"):
        read_rules_file(tmp_path / "missing.json")


def test_a_pair_missing_from_the_rules_is_refused_with_what_to_do(tmp_path: Path) -> None:
    given = read_rules_file(rules_file(tmp_path / "info.json", ("ADA", 1, 4, "99.91")))
    assert set(venue_rules([ADA_TRY], given)) == {ADA_TRY}
    with pytest.raises(UnknownSymbolRules) as raised:
        venue_rules([ADA_TRY, BTC_TRY], given)
    assert "no exchange rules for BTC_TRY (the rules given list 1 pair(s)): pass --rules" in str(
        raised.value
    )
    with pytest.raises(UnknownSymbolRules) as shipped:
        venue_rules([ADA_TRY, BTC_TRY])
    assert "no exchange rules for ADA_TRY (the shipped symbol table knows only BTC_TRY" in str(
        shipped.value
    )


def test_a_backtest_of_a_pair_the_shipped_table_lacks_runs_on_its_rules(workdir: Path) -> None:
    data = write_wave(workdir / "ADA_TRY.csv", 48)
    refused = backtest(data, workdir / "a.db")
    assert refused.code == 2 and "no exchange rules for ADA_TRY" in refused.stderr
    assert "--rules FILE" in refused.stderr and not (workdir / "a.db").exists()
    info = rules_file(workdir / "exchangeinfo.json", ("ADA", 2, 1, "50"))
    ran = backtest(data, workdir / "a.db", "--rules", str(info))
    assert ran.code == 0, ran.output
    assert f"exchange rules: {info}" in ran.stdout
    with existing_run(workdir / "a.db") as engine:
        manifest = read_run(engine).manifest
    assert manifest is not None
    assert manifest["rules"] == {
        "ADA_TRY": {
            "numerator_scale": 2,
            "denominator_scale": 1,
            "has_fraction": True,
            "min_exchange_value": "50",
        }
    }
    bad = backtest(data, workdir / "b.db", "--rules", str(workdir / "nope.json"))
    assert bad.code == 2 and "--rules" in bad.stderr and "nope.json: no such file" in bad.stderr


def test_the_rules_are_checked_before_the_candles_load(workdir: Path) -> None:
    """A pair without rules is refused before the dataset is read: a broken row further
    down the file is never reached (a year of candles takes a minute to load)."""
    lines = write_wave(workdir / "ADA_TRY.csv", 24).read_text().splitlines()
    lines[20] = "not-a-time" + lines[20][lines[20].index(",") :]
    (workdir / "ADA_TRY.csv").write_text("\n".join(lines) + "\n")
    refused = backtest(workdir / "ADA_TRY.csv", workdir / "a.db")
    assert refused.code == 2 and "no exchange rules for ADA_TRY" in refused.stderr
    info = rules_file(workdir / "info.json", ("ADA", 2, 1, "50"))
    broken = backtest(workdir / "ADA_TRY.csv", workdir / "a.db", "--rules", str(info))
    assert broken.code == 2 and "ADA_TRY.csv:21: bad timestamp" in broken.stderr


def parquet_pairs(folder: Path, hours: int) -> Path:
    """``folder`` holding BTC_TRY and ETH_TRY as Parquet datasets (``btcbot data import``)."""
    folder.mkdir()
    for pair in (BTC_TRY, Symbol("ETH", "TRY")):
        csv = write_wave(folder.parent / f"{pair.normalized}.csv", hours)
        import_csv(csv, pair, folder / f"{pair.normalized}.parquet")
    return folder


def test_the_outline_names_what_open_dataset_loads(tmp_path: Path) -> None:
    folder = parquet_pairs(tmp_path / "pq", 30)
    shutil.copy(write_wave(tmp_path / "src.csv", 30), folder / "XRP_TRY.csv")
    csvs = tmp_path / "csvs"
    csvs.mkdir()
    for name in ("BTC_TRY.csv", "ETH_TRY.csv"):
        shutil.copy(tmp_path / "src.csv", csvs / name)
    cases = [
        (folder, None, None),  # a CSV among the Parquet files: no declared interval for it
        (csvs, None, None),
        (folder / "BTC_TRY.parquet", None, HOUR_MS),
        (csvs / "BTC_TRY.csv", None, None),
        (tmp_path / "src.csv", "ETH_TRY", None),
    ]
    for path, symbol, interval in cases:
        outline = dataset_outline(path, symbol=symbol)
        assert outline is not None, path
        loaded = open_dataset(path, symbol=symbol)
        assert set(outline.pairs) == set(loaded.symbols), path
        assert outline.interval_ms == interval, path
    (folder / "XRP_TRY.csv").unlink()
    outline = dataset_outline(folder)
    assert outline is not None and outline.interval_ms == HOUR_MS
    assert dataset_outline(tmp_path / "nope") is None  # the load says "no such file"
    assert dataset_outline(tmp_path / "src.csv") is None  # "src" is no pair: the load says so
    assert dataset_outline(folder, symbol="BTC_TRY") is None  # --symbol is for one file


def test_a_window_ending_early_loads_only_the_candles_it_can_reach(workdir: Path) -> None:
    """``--end`` on a Parquet dataset loads the candles up to the last cycle's step (and one
    more) instead of the whole file: the same run as on every candle, a smaller load."""
    folder = parquet_pairs(workdir / "pq", 96)
    end = "2024-01-02T06:00"
    args = ("--stage", "7", "--end", end, "--step-bars", "2", "--progress-every", "0")
    cut = backtest(folder, workdir / "cut.db", *args)
    assert cut.code == 0, cut.output
    with existing_run(workdir / "cut.db") as engine:
        manifest = read_run(engine).manifest
    assert manifest is not None
    bars = {pair: one["bars"] for pair, one in manifest["dataset"]["series"].items()}
    reached = (manifest["end_ms"] + 3 * HOUR_MS - T0) // HOUR_MS  # 2 steps after it, one more
    assert bars == {"BTC_TRY": reached, "ETH_TRY": reached} and reached < 96, bars
    whole = asyncio.run(
        run_backtest(
            open_dataset(folder),
            stage=7,
            params=load_config(7, None).params,
            out_db=workdir / "whole.db",
            starting_balances={"TRY": Decimal(10_000)},
            seed=123,
            spread_bps=Decimal(10),
            step_bars=2,
            end_ms=manifest["end_ms"],
        )
    )
    assert whole.summary.fingerprint == fingerprint(cut)
    assert invoke("parity", str(workdir / "cut.db"), str(workdir / "whole.db")).code == 0


def test_lookahead_and_sweep_replay_on_the_rules_given(workdir: Path) -> None:
    """``btcbot lookahead`` (and ``sweep``, through the same replay bench) take ``--rules``."""
    data = write_wave(workdir / "ADA_TRY.csv", 120)
    sma = str(REPO_ROOT / "examples/sma_crossover.py") + ":SmaCrossover"
    args = ("lookahead", "--strategy", sma, "--dataset", str(data), "--cuts", "2")
    params = ("--param", "fast=3", "--param", "slow=8")
    refused = invoke(*args, *params)
    assert refused.code == 2 and "no exchange rules for ADA_TRY" in refused.stderr
    info = rules_file(workdir / "info.json", ("ADA", 2, 1, "50"))
    checked = invoke(*args, *params, "--rules", str(info))
    assert checked.code == 0, checked.output
    assert "no lookahead" in checked.stdout
    bad = invoke(*args, *params, "--rules", str(workdir / "nope.json"))
    assert bad.code == 2 and "nope.json: no such file" in bad.stderr
    swept = invoke("sweep", "--strategy", sma, "--dataset", str(data), "--out",
                   str(workdir / "sweep"), "--trials", "2", "--lookahead-cuts", "2",
                   "--range", "fast=2..5", "--range", "slow=8..20", "--rules", str(info),
                   "--no-progress")  # fmt: skip
    assert swept.code == 0, swept.output


def test_a_sweep_window_ending_early_loads_only_what_its_replays_read(workdir: Path) -> None:
    """A sweep's (or lookahead check's) replays read to two candles after its ``--end``: the
    candles after that are not loaded, and a trial replays exactly as on every candle."""
    folder = parquet_pairs(workdir / "pq", 96)
    outline = dataset_outline(folder)
    assert outline is not None and outline.interval_ms == HOUR_MS
    end = T0 + 40 * HOUR_MS
    assert outline.reach_ms(end, 3) == end + 3 * HOUR_MS
    assert outline.reach_ms(None, 3) is None
    subject = Subject(stage=7, strategy=None, dataset=folder)
    cut = ReplayBench(replace(subject, until_ms=outline.reach_ms(end, 3)))
    whole = ReplayBench(subject)
    assert {len(s.bars) for s in cut.data.series.values()} == {43}  # to 42:00, not 96
    span = Span(T0 + 24 * HOUR_MS, end + 1)
    assert cut.replay({}, span) == whole.replay({}, span)
    swept = invoke("sweep", "--stage", "7", "--dataset", str(folder), "--out",
                   str(workdir / "sweep"), "--trials", "2", "--lookahead-cuts", "2",
                   "--start", "2024-01-03", "--end", "2024-01-03T16:00", "--split", "0.5",
                   "--range", "order_offset_bps=0..20", "--no-progress")  # fmt: skip
    assert swept.code == 0, swept.output
    report = json.loads((workdir / "sweep" / "sweep.json").read_text())
    reach = outline.reach_ms(T0 + 64 * HOUR_MS, 3)  # 2024-01-03T16:00, then 3 intervals
    # from --start back a day (profile 7's warm-up: its 24 h tickers) to two candles after --end
    loaded = open_dataset(folder, warmup_from_ms=T0 + 24 * HOUR_MS, end_ms=reach)
    assert report["dataset"]["digest"] == dataset_digest(loaded)  # what the sweep loaded


def test_a_sweep_starting_late_loads_the_warm_up_it_needs_and_no_more(workdir: Path) -> None:
    """From ``--start`` back, a sweep's candles load as far as the default profile's warm-up
    reaches; a trial whose parameters warm up longer loads them from further back: every
    replay the same as on every candle."""
    folder = parquet_pairs(workdir / "pq", 200)
    sma = str(REPO_ROOT / "examples/sma_crossover.py") + ":SmaCrossover"
    start = T0 + 150 * HOUR_MS
    subject = Subject(stage=None, strategy=sma, dataset=folder, outline=dataset_outline(folder))
    late = ReplayBench(replace(subject, from_ms=start))
    whole = ReplayBench(subject)
    first = min(s.bars[0].open_ms for s in late.data.series.values())
    assert first == start - 52 * HOUR_MS  # slow=50: 51 warm-up bars, and one more
    span = Span(start, T0 + 190 * HOUR_MS)
    short = {"fast": 3, "slow": 20}
    assert late.replay(short, span) == whole.replay(short, span)
    assert min(s.bars[0].open_ms for s in late.data.series.values()) == first  # enough
    longer = {"fast": 5, "slow": 90}
    assert late.replay(longer, span) == whole.replay(longer, span)
    assert min(s.bars[0].open_ms for s in late.data.series.values()) == start - 92 * HOUR_MS
