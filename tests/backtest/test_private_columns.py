"""A replay's cycle holds no later row anywhere a strategy can reach from what it is given,
private storage included: ``Series._values`` and the cut guard's own columns end at the
current bar, in a plain ``btcbot backtest`` (not only under the lookahead check). A strategy
that looks there to see the future finds nothing more (its planted check raises otherwise:
the run would end with its error, exit 2)."""

from __future__ import annotations

from pathlib import Path

from tests.backtest.factories import write_wave
from tests.cli.runner import cli

LOOKS_AHEAD = """
from btcbot.strategy.api import BaseStrategy, DataKind, Requirements


class LooksInPrivate(BaseStrategy):
    def requirements(self, params):
        return Requirements(data=frozenset({DataKind.BOOKS, DataKind.CANDLES}), timeframe="1h")

    def decide(self, view):
        for symbol in view.symbols:
            bars = view.bars(symbol)
            frame = view.frame(symbol)
            for name in frame.columns:
                series = view.series(symbol, name)
                held = {len(series._values), len(frame.columns._whole[name])}
                if held != {bars}:
                    raise RuntimeError(f"{name}: {held} rows held at bar {bars}")
            view.hold(symbol, "looked", str(bars))
        return []
"""


def test_a_backtests_private_columns_end_at_the_current_bar(workdir: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 96)
    (workdir / "peek.py").write_text(LOOKS_AHEAD)
    for every_bar in ((), ("--every-bar",)):
        result = cli("backtest", "--data", str(data), "--out", str(workdir / "run.db"),
                     "--overwrite", "--strategy", f"{workdir}/peek.py:LooksInPrivate",
                     *every_bar)  # fmt: skip
        assert result.code == 0, result.output
        assert "ran 96 cycle(s)" in result.stdout


KEEPS_WHAT_INDICATORS_SAW = """
from btcbot.strategy.api import BaseStrategy, DataKind, Requirements


class KeepsACopy(BaseStrategy):
    def __init__(self):
        self.closes = []

    def requirements(self, params):
        return Requirements(data=frozenset({DataKind.BOOKS, DataKind.CANDLES}), timeframe="1h")

    def indicators(self, frame, params):
        self.closes = list(frame.columns["close"])  # live: the cycle's candles
        return {}

    def decide(self, view):
        for symbol in view.symbols:
            if len(self.closes) > view.bars(symbol):
                raise RuntimeError(f"{len(self.closes)} closes kept at bar {view.bars(symbol)}")
            view.hold(symbol, "kept", str(len(self.closes)))
        return []


class KeepsTheFrame(BaseStrategy):
    def requirements(self, params):
        return Requirements(data=frozenset({DataKind.BOOKS, DataKind.CANDLES}), timeframe="1h")

    def indicators(self, frame, params):
        self.frame = frame
        return {}

    def decide(self, view):
        for symbol in view.symbols:
            view.hold(symbol, "last", str(self.frame.columns["close"][-1]))
        return []
"""


def test_what_indicators_keep_on_the_instance_is_not_the_deciding_instances(
    workdir: Path,
) -> None:
    # a backtest computes indicators once, on the whole dataset: kept on self, they would
    # show decide every later candle (live they are the cycle's, so such a strategy works)
    data = write_wave(workdir / "BTC_TRY.csv", 96)
    (workdir / "keeps.py").write_text(KEEPS_WHAT_INDICATORS_SAW)
    out = workdir / "run.db"
    copy = cli("backtest", "--data", str(data), "--out", str(out), "--strategy",
               f"{workdir}/keeps.py:KeepsACopy")  # fmt: skip
    assert copy.code == 0, copy.output
    frame = cli("backtest", "--data", str(data), "--out", str(out), "--overwrite",
                "--strategy", f"{workdir}/keeps.py:KeepsTheFrame")  # fmt: skip
    assert frame.code == 2, frame.output
    assert "decide raised AttributeError: 'KeepsTheFrame' object has no attribute 'frame'" in (
        frame.stderr
    )
    assert "decide cannot read what they keep on self, it would be the future" in frame.stderr
    assert "Traceback" not in frame.output
