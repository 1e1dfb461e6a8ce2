"""SMA 10/50 crossover: btcbot's replay vs backtrader and NautilusTrader on the same candles.

Run:     .venv/bin/python bench/strategy_vs_peers.py [--rounds 5] [--bars N] [--engines ...]
         [--baseline ../main/src]
Install: .venv/bin/pip install -e '.[bench]'   (the peers: backtrader, nautilus_trader; pinned)

Series: the real BTC/TRY 1h candles in ../shared/data/binance_tr_btctry_1h (56,479 bars,
2019-12-20 .. 2026-05-31); the bench needs them (it is a comparison on real data).

The same strategy in each engine: a fast (10) and a slow (50) simple moving average of the
closes; when the fast one crosses above the slow one and nothing is held, buy 500 TRY worth;
when it crosses below, sell everything held. 10,000 TRY to start, a 0.108 % fee per trade
(BTCTurk's taker 0.09 % plus the 20 % tax on the fee, as btcbot's replay charges):

* ``btcbot``: ``examples/sma_crossover.py`` through ``run_backtest`` (what ``btcbot backtest
  --strategy examples/sma_crossover.py:SmaCrossover`` runs: the live cycle runner, OMS with
  reconciliation, kernel, risk policy, ledger and its balance check, the replay venue with
  synthetic books and fees, every cycle's decisions kept and written to a SQLite database at
  the end), fast engine, stage 3 knobs, seed 123, 10 bps synthetic spread. Orders are
  marketable limits at the touch, so each trade pays the spread too.
* ``backtrader`` (1.9.78.123): ``bt.indicators.SMA`` and ``CrossOver``, market orders filled
  at the next bar's open, ``commission=0.00108``, ``runonce`` (its default, vectorised
  indicators), no analyzers or observers (``stdstats=False``).
* ``nautilus``: NautilusTrader 1.221.0 (the newest with a CPython 3.11 wheel), a
  ``BacktestEngine`` with one CASH venue (NETTING), a BTC/TRY ``CurrencyPair`` with taker and
  maker fee 0.00108, 1-hour LAST bars built by ``BarDataWrangler`` from the same CSV, its
  ``SimpleMovingAverage`` indicators, market orders (IOC) executed on the bars, log level
  ERROR.

Each engine runs in a fresh process per round (so no engine inherits another's heap or
caches); the rounds alternate the engines' order. Per engine the worker reports:

* ``import``: seconds to import the engine's modules (process start itself is printed too:
  the whole worker's wall time as the parent saw it);
* ``load``: seconds to read the CSV into what the engine consumes (btcbot: ``open_dataset``;
  backtrader: pandas + ``PandasData``; nautilus: pandas + ``BarDataWrangler`` bars);
* ``loop``: seconds of the replay loop alone, bars per second over it, in wall and CPU time
  (btcbot: from the first cycle to the last 1,000th one, slept cycles counted as they are
  recorded (``on_slept``: the example declares its crossings as triggers, so the cycles
  between them are slept, see ``btcbot.runtime.slept``): the clocks are read every 1,000
  cycles only, see ``MARK_EVERY``; backtrader: the strategy's ``start`` to ``stop``;
  nautilus: ``on_start`` to ``on_stop``);
* ``run``: the engine's whole run call (btcbot's includes the start-up reconciliation, the
  lookahead proof and the final bulk write; backtrader's its feed preload; nautilus's its
  post-run reports);
* ``trades``: orders filled (btcbot: fills, buy / sell), so the reader can see that the
  engines did comparable work (they differ where fills differ: btcbot's orders trade against
  the book at the touch, the peers' at the next open).

Medians over the rounds, and ratios of btcbot's loop rate to each peer's (wall and CPU): the
ratio of the medians, and the median (and range) of each round's own ratio, the two engines
measured a minute apart under the same load (the steadier figure on a shared machine).
``--baseline ../main/src`` adds btcbot from another checkout as engine ``baseline`` (its
package imported first through ``PYTHONPATH``; the same example file and settings), so a
change is measured before/after in the same alternation.
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SERIES = ROOT.parent / "shared/data/binance_tr_btctry_1h/BTCTRY_1h_2019-12-20_2026-05-31.csv"
ENGINES = ("btcbot", "backtrader", "nautilus")
BASELINE = "baseline"  # btcbot from another checkout (--baseline), for a before/after ratio
MODULES = {"backtrader": "backtrader", "nautilus": "nautilus_trader"}
FAST, SLOW = 10, 50
NOTIONAL_TRY = 500
START_TRY = 10_000
FEE = 0.00108  # taker 0.09 % + 20 % tax on the fee


def clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


# A cycle report is timed only every MARK_EVERY cycles: reading the process CPU clock costs
# 10-75 µs on this machine's VM (``time.process_time`` after real work, not in a tight loop),
# a third of a cycle, so reading it at every report slowed the loop it measured by ~15 %.
MARK_EVERY = 1_000


# --- btcbot ------------------------------------------------------------------------------


def run_btcbot(bars: int | None) -> dict[str, Any]:
    began = clocks()
    import asyncio
    import logging
    import tempfile

    import structlog

    from btcbot.backtest import open_dataset, run_backtest
    from btcbot.config import load_config
    from btcbot.kernel.builtin import strategy_profile
    from btcbot.strategy.loader import load_strategy

    imported = clocks()
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    os.chdir(tempfile.gettempdir())  # no stray .env is read
    end_ms = None if bars is None else _nth_close_ms(bars)
    dataset = open_dataset(SERIES, symbol="BTC_TRY", end_ms=end_ms)
    loaded = clocks()
    import btcbot

    # the example of the checkout btcbot is imported from (--baseline: that checkout's own)
    checkout = Path(btcbot.__file__).resolve().parents[2]
    spec = f"{checkout / 'examples/sma_crossover.py'}:SmaCrossover"
    config = load_config(3, None)
    profile = strategy_profile(
        load_strategy(spec),
        spec,
        {"fast": FAST, "slow": SLOW, "notional_try": NOTIONAL_TRY},
        config.params,
    )
    marks: list[tuple[int, tuple[float, float]]] = []  # (cycles done, clocks)
    done = 0

    def count(cycles: int) -> None:
        nonlocal done
        before, done = done, done + cycles
        if not marks or before // MARK_EVERY != done // MARK_EVERY:
            marks.append((done, clocks()))

    def mark(_: object) -> None:
        count(1)

    # a checkout from before slept cycles (--baseline) has no on_slept
    accepts = "on_slept" in inspect.signature(run_backtest).parameters
    slept: dict[str, Any] = {"on_slept": count} if accepts else {}
    with tempfile.TemporaryDirectory() as folder:
        started = clocks()
        result = asyncio.run(
            run_backtest(
                dataset,
                stage=3,
                params=config.params,
                profile=profile,
                out_db=Path(folder) / "run.db",
                starting_balances={"TRY": Decimal(START_TRY)},
                seed=123,
                spread_bps=Decimal(10),
                on_report=mark,
                **slept,
            )
        )
        ended = clocks()
    if len(marks) < 2:
        sys.exit(f"btcbot: too few cycles to time the loop (at least {MARK_EVERY + 1} bars)")
    summary = result.summary
    return {
        "bars": result.cycles,
        "import": _spent(began, imported),
        "load": _spent(imported, loaded),
        "loop": _spent(marks[0][1], marks[-1][1]),
        "loop_bars": marks[-1][0] - marks[0][0],
        "run": _spent(started, ended),
        "trades": f"{summary.fills} fills ({summary.buys} buys)",
        "final": f"{summary.final_equity} TRY, fingerprint {summary.fingerprint[:12]}",
    }


def _nth_close_ms(bars: int) -> int:
    from btcbot.backtest import open_dataset

    series = next(iter(open_dataset(SERIES, symbol="BTC_TRY").series.values()))
    return series.bars[min(bars, len(series.bars)) - 1].close_ms


# --- backtrader --------------------------------------------------------------------------


def run_backtrader(bars: int | None) -> dict[str, Any]:
    began = clocks()
    import backtrader as bt
    import pandas as pd

    imported = clocks()
    frame = _candles(pd, bars)
    feed = bt.feeds.PandasData(dataname=frame)
    loaded = clocks()
    span: dict[str, tuple[float, float]] = {}
    counts = {"buys": 0, "sells": 0}

    class SmaCross(bt.Strategy):  # type: ignore[misc]
        def __init__(self) -> None:
            fast = bt.indicators.SMA(self.data.close, period=FAST)
            slow = bt.indicators.SMA(self.data.close, period=SLOW)
            self.cross = bt.indicators.CrossOver(fast, slow)

        def start(self) -> None:
            span["start"] = clocks()

        def stop(self) -> None:
            span["stop"] = clocks()

        def next(self) -> None:
            if self.cross[0] > 0 and not self.position:
                self.buy(size=NOTIONAL_TRY / self.data.close[0])
            elif self.cross[0] < 0 and self.position:
                self.close()

        def notify_order(self, order: Any) -> None:
            if order.status == order.Completed:
                counts["buys" if order.isbuy() else "sells"] += 1

    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(feed)
    cerebro.addstrategy(SmaCross)
    cerebro.broker.setcash(START_TRY)
    cerebro.broker.setcommission(commission=FEE)
    started = clocks()
    cerebro.run()
    ended = clocks()
    return {
        "bars": len(frame),
        "import": _spent(began, imported),
        "load": _spent(imported, loaded),
        "loop": _spent(span["start"], span["stop"]),
        "loop_bars": len(frame),
        "run": _spent(started, ended),
        "trades": f"{counts['buys'] + counts['sells']} fills ({counts['buys']} buys)",
        "final": f"{cerebro.broker.getvalue():.2f} TRY",
    }


def _candles(pd: Any, bars: int | None) -> Any:
    frame = pd.read_csv(SERIES, parse_dates=["Open_Time"], index_col="Open_Time")
    frame.columns = [c.lower() for c in frame.columns]
    return frame if bars is None else frame.iloc[:bars]


# --- NautilusTrader ----------------------------------------------------------------------


def run_nautilus(bars: int | None) -> dict[str, Any]:
    began = clocks()
    import pandas as pd
    from nautilus_trader.backtest.engine import BacktestEngine, BacktestEngineConfig
    from nautilus_trader.config import LoggingConfig, StrategyConfig
    from nautilus_trader.indicators import SimpleMovingAverage
    from nautilus_trader.model.currencies import BTC
    from nautilus_trader.model.data import Bar, BarType
    from nautilus_trader.model.enums import AccountType, OmsType, OrderSide, TimeInForce
    from nautilus_trader.model.events import OrderFilled
    from nautilus_trader.model.identifiers import InstrumentId, Symbol, Venue
    from nautilus_trader.model.instruments import CurrencyPair
    from nautilus_trader.model.objects import Currency, Money, Price, Quantity
    from nautilus_trader.persistence.wranglers import BarDataWrangler
    from nautilus_trader.trading.strategy import Strategy

    imported = clocks()
    lira = Currency.from_str("TRY")
    venue = Venue("BINANCE")
    instrument = CurrencyPair(
        instrument_id=InstrumentId(Symbol("BTCTRY"), venue),
        raw_symbol=Symbol("BTCTRY"),
        base_currency=BTC,
        quote_currency=lira,
        price_precision=1,
        size_precision=8,
        price_increment=Price.from_str("0.1"),
        size_increment=Quantity.from_str("0.00000001"),
        lot_size=None,
        max_quantity=None,
        min_quantity=Quantity.from_str("0.00000001"),
        max_notional=None,
        min_notional=None,
        max_price=None,
        min_price=None,
        margin_init=Decimal(0),
        margin_maint=Decimal(0),
        maker_fee=Decimal(str(FEE)),
        taker_fee=Decimal(str(FEE)),
        ts_event=0,
        ts_init=0,
    )
    bar_type = BarType.from_str(f"{instrument.id}-1-HOUR-LAST-EXTERNAL")
    frame = _candles(pd, bars)
    # a bar is stamped when it closes (Open_Time is the candle's open)
    frame.index = frame.index + pd.Timedelta(hours=1)
    frame.index.name = "timestamp"
    data = BarDataWrangler(bar_type, instrument).process(frame)
    loaded = clocks()
    span: dict[str, tuple[float, float]] = {}
    counts = {"buys": 0, "sells": 0}

    class SmaCrossConfig(StrategyConfig, frozen=True):  # type: ignore[misc,call-arg]
        instrument_id: InstrumentId
        bar_type: BarType

    class SmaCross(Strategy):  # type: ignore[misc]
        def __init__(self, config: SmaCrossConfig) -> None:
            super().__init__(config)
            self.fast = SimpleMovingAverage(FAST)
            self.slow = SimpleMovingAverage(SLOW)
            self.was_above: bool | None = None

        def on_start(self) -> None:
            span["start"] = clocks()
            self.register_indicator_for_bars(self.config.bar_type, self.fast)
            self.register_indicator_for_bars(self.config.bar_type, self.slow)
            self.subscribe_bars(self.config.bar_type)

        def on_stop(self) -> None:
            span["stop"] = clocks()

        def on_bar(self, bar: Bar) -> None:
            if not self.slow.initialized:
                return
            above = self.fast.value > self.slow.value
            was_above, self.was_above = self.was_above, above
            if was_above is None:
                return
            held = self.portfolio.is_net_long(instrument.id)
            if above and not was_above and not held:
                quantity = instrument.make_qty(NOTIONAL_TRY / bar.close.as_double())
                self.submit_order(
                    self.order_factory.market(
                        instrument.id, OrderSide.BUY, quantity, time_in_force=TimeInForce.IOC
                    )
                )
            elif was_above and not above and held:
                self.close_all_positions(instrument.id)

        def on_order_filled(self, event: OrderFilled) -> None:
            counts["buys" if event.order_side == OrderSide.BUY else "sells"] += 1

    engine = BacktestEngine(
        BacktestEngineConfig(trader_id="BENCH-001", logging=LoggingConfig(log_level="ERROR"))
    )
    engine.add_venue(
        venue=venue,
        oms_type=OmsType.NETTING,
        account_type=AccountType.CASH,
        base_currency=None,
        starting_balances=[Money(START_TRY, lira)],
    )
    engine.add_instrument(instrument)
    engine.add_data(data)
    engine.add_strategy(SmaCross(SmaCrossConfig(instrument_id=instrument.id, bar_type=bar_type)))
    started = clocks()
    engine.run()
    ended = clocks()
    cash = engine.portfolio.account(venue).balance_total(lira).as_double()
    held = float(engine.portfolio.net_position(instrument.id))
    final = cash + held * float(frame["close"].iloc[-1])
    engine.dispose()
    return {
        "bars": len(data),
        "import": _spent(began, imported),
        "load": _spent(imported, loaded),
        "loop": _spent(span["start"], span["stop"]),
        "loop_bars": len(data),
        "run": _spent(started, ended),
        "trades": f"{counts['buys'] + counts['sells']} fills ({counts['buys']} buys)",
        "final": f"{final:.2f} TRY",
    }


# --- harness -----------------------------------------------------------------------------

WORKERS: dict[str, Callable[[int | None], dict[str, Any]]] = {
    "btcbot": run_btcbot,
    "backtrader": run_backtrader,
    "nautilus": run_nautilus,
}


def _spent(since: tuple[float, float], until: tuple[float, float]) -> list[float]:
    """[wall, CPU] seconds."""
    return [until[0] - since[0], until[1] - since[1]]


def worker(engine: str, bars: int | None) -> None:
    print(json.dumps(WORKERS[engine](bars)))


def one_round(engine: str, bars: int | None, baseline: Path | None = None) -> dict[str, Any]:
    """One worker process; ``baseline`` engine: btcbot imported from that ``src`` first."""
    env = dict(os.environ)
    if engine == BASELINE and baseline is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(baseline), env.get("PYTHONPATH")]))
    command = [sys.executable, __file__, "--worker", "btcbot" if engine == BASELINE else engine]
    if bars is not None:
        command += ["--bars", str(bars)]
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT, env=env)
    if done.returncode != 0:
        sys.exit(f"{engine} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    figures["process"] = time.perf_counter() - began
    return figures


def median(rounds: list[dict[str, Any]], key: str, clock: int) -> float:
    return float(statistics.median(r[key][clock] for r in rounds))


def rate(rounds: list[dict[str, Any]], clock: int, span: str = "loop") -> float:
    """Median bars per second over ``span`` (``loop``, or the engine's whole ``run`` call)."""
    bars = "loop_bars" if span == "loop" else "bars"
    return float(statistics.median(r[bars] / r[span][clock] for r in rounds))


def per_round(ours: list[dict[str, Any]], peer: list[dict[str, Any]], clock: int) -> str:
    """The median (and range) of the loop-rate ratios of the rounds."""
    ratios = [rate([a], clock) / rate([b], clock) for a, b in zip(ours, peer, strict=True)]
    return f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--bars", type=int, default=None, help="the first N bars only")
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout's src (e.g. ../main/src): its btcbot runs the same workload as "
        "engine 'baseline', alternated with the others",
    )
    parser.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.bars)
        return
    if not SERIES.exists():
        sys.exit(f"the series is missing: {SERIES}")
    engines = [e.strip() for e in args.engines.split(",")]
    print(f"command: {sys.executable} {' '.join(sys.argv)}")
    if args.baseline is not None:
        if not (args.baseline / "btcbot").is_dir():
            sys.exit(f"--baseline: no btcbot package in {args.baseline}")
        args.baseline = args.baseline.resolve()
        print(f"baseline: btcbot from {args.baseline}")
        engines.append(BASELINE)
    peers = [e for e in engines if e in MODULES]
    missing = [e for e in peers if importlib.util.find_spec(MODULES[e]) is None]
    if missing:
        print(f"not installed: {', '.join(missing)} (.venv/bin/pip install -e '.[bench]')")
        engines = [e for e in engines if e not in missing]
    print(f"series: {SERIES.name}, {'all' if args.bars is None else args.bars} bars; SMA 10/50")
    results: dict[str, list[dict[str, Any]]] = {engine: [] for engine in engines}
    for round_ in range(args.rounds):
        order = engines if round_ % 2 == 0 else engines[::-1]
        for engine in order:
            results[engine].append(one_round(engine, args.bars, args.baseline))
        line = "  ".join(f"{e} {rate(results[e][-1:], 0):,.0f}" for e in engines)
        print(f"  round {round_ + 1}: loop bars/s (wall) {line}", flush=True)
    print(f"medians over {args.rounds} alternated rounds (wall / CPU):")
    header = f"  {'engine':<11}{'bars':>7}{'loop bars/s':>19}{'run bars/s':>12}{'loop s':>8}"
    print(header + f"{'run s':>8}{'load s':>8}{'import s':>10}{'process s':>11}  trades, final")
    for engine, rounds in results.items():
        first = rounds[0]
        print(
            f"  {engine:<11}{first['bars']:>7}"
            f"{rate(rounds, 0):>10,.0f} /{rate(rounds, 1):>6,.0f}"
            f"{rate(rounds, 0, 'run'):>12,.0f}"
            f"{median(rounds, 'loop', 0):>8.2f}{median(rounds, 'run', 0):>8.2f}"
            f"{median(rounds, 'load', 0):>8.2f}{median(rounds, 'import', 0):>10.2f}"
            f"{statistics.median(r['process'] for r in rounds):>11.2f}"
            f"  {first['trades']}, {first['final']}"
        )
    if "btcbot" in results:
        ours = results["btcbot"]
        for peer in (e for e in engines if e != "btcbot"):
            ratios = [
                f"{rate(ours, clock) / rate(results[peer], clock):.2f}x ({name})"
                for clock, name in ((0, "wall"), (1, "CPU"))
            ]
            whole = rate(ours, 0, "run") / rate(results[peer], 0, "run")
            print(f"  btcbot / {peer}: loop {' '.join(ratios)}; whole run {whole:.2f}x (wall)")
            # each round's own ratio: the two engines ran a minute apart, under the same load
            wall, cpu = (per_round(ours, results[peer], clock) for clock in (0, 1))
            print(f"    per-round loop ratios, median (range): {wall} wall, {cpu} CPU")


if __name__ == "__main__":
    main()
