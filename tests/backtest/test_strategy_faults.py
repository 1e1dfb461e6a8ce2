"""A strategy's own code failing in ``btcbot backtest`` is one ``error:`` line and exit 2: it
names the strategy, what its code did (raised, returned no list of intents, returned an
invalid intent, returned bad indicators or requirements) and, for a decision, when and
where in the strategy's file; never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.backtest.factories import write_wave
from tests.cli.runner import cli

STRATEGIES = """
from decimal import Decimal
from btcbot.domain import Side
from btcbot.strategy.api import BaseStrategy, DataKind, Intent, Requirements

C = frozenset({DataKind.BOOKS, DataKind.CANDLES})


class Base(BaseStrategy):
    def requirements(self, params):
        return Requirements(data=C, timeframe="1h", warmup_bars=1)


class DecideRaise(Base):
    def decide(self, view):
        if view.bars(view.symbols[0]) > 10:
            raise ZeroDivisionError("boom in decide")
        return []


class ReturnsNone(Base):
    def decide(self, view):
        return None


class ReturnsDict(Base):
    def decide(self, view):
        return [{"side": "buy", "qty": 1}]


class Yields(Base):
    def decide(self, view):
        yield 5


class FloatPrice(Base):
    def decide(self, view):
        s = view.symbols[0]
        return [Intent(s, Side.BUY, float(view.quote(s).ask), 0.0002, "floaty")]


class NanPrice(Base):
    def decide(self, view):
        return [Intent(view.symbols[0], Side.BUY, Decimal("NaN"), Decimal("0.0002"), "nan")]


class HugeQty(Base):
    def decide(self, view):
        s = view.symbols[0]
        return [Intent(s, Side.BUY, view.quote(s).ask, Decimal("1e30"), "huge")]


class BuyNanNotional(Base):
    def decide(self, view):
        made = view.buy(view.symbols[0], notional_try=Decimal("NaN"), reason="nan_notional")
        return [made] if made else []


class ListSymbol(Base):
    def decide(self, view):
        return [Intent([1], Side.BUY, Decimal(1), Decimal(1), "odd")]


class ZeroQty(Base):
    def decide(self, view):
        s = view.symbols[0]
        return [Intent(s, Side.BUY, view.quote(s).ask, Decimal(0), "nothing")]


class RememberInt(Base):
    def decide(self, view):
        view.remember(n=5)
        return []


class ReqRaise(Base):
    def requirements(self, params):
        raise KeyError("nope")


class ReqWrongType(Base):
    def requirements(self, params):
        return {"timeframe": "1h"}


class IndRaise(Base):
    def indicators(self, frame, params):
        raise ValueError("indicator boom")


class IndShort(Base):
    def indicators(self, frame, params):
        return {"x": [1, 2, 3]}


class IndNotMapping(Base):
    def indicators(self, frame, params):
        return [1, 2, 3]


class DecideExits(Base):
    def decide(self, view):
        raise SystemExit(0)


class IndExits(Base):
    def indicators(self, frame, params):
        raise SystemExit(3)


class ReqExits(Base):
    def requirements(self, params):
        raise SystemExit(0)
"""


RETURNED = {
    "ReturnsNone",
    "ReturnsDict",
    "Yields",
    "ListSymbol",
    "FloatPrice",
    "NanPrice",
    "HugeQty",
    "BuyNanNotional",
}
DECISIONS = {"DecideRaise", "RememberInt", "DecideExits", *RETURNED}


@pytest.fixture
def strategies(workdir: Path) -> Path:
    path = workdir / "bad.py"
    path.write_text(STRATEGIES)
    return path


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("DecideRaise", "decide raised ZeroDivisionError: boom in decide at bad.py:{line}"),
        ("ReturnsNone", "decide returned None: return a list of intents"),
        ("ReturnsDict", "invalid intent: dict {'side': 'buy', 'qty': 1} is not an Intent"),
        ("Yields", "invalid intent: int 5 is not an Intent"),
        ("ListSymbol", "invalid intent: symbol [1] is not a Symbol"),
        ("FloatPrice", "invalid intent: price "),
        ("NanPrice", "invalid intent: price NaN is not a finite number"),
        ("HugeQty", "invalid intent: quantity 1E+30 is absurdly large"),
        ("BuyNanNotional", "notional_try=Decimal('NaN') is not a finite Decimal"),
        ("RememberInt", "remember(n=5): int is not allowed, only str values are"),
        ("ReqRaise", "requirements(params) raised KeyError: 'nope' at bad.py:"),
        ("ReqWrongType", "requirements(params) returned a dict"),
        ("IndRaise", "indicators raised ValueError: indicator boom at bad.py:"),
        ("IndShort", "indicators: column 'x' of BTC_TRY has 3 rows, the candles 48"),
        ("IndNotMapping", "indicators returned a list [1, 2, 3]: return a dict"),
        # sys.exit() is no Exception: it ended the backtest with its code, silently
        ("DecideExits", "decide raised SystemExit: 0 at bad.py:"),
        ("IndExits", "indicators raised SystemExit: 3 at bad.py:"),
        ("ReqExits", "requirements(params) raised SystemExit: 0 at bad.py:"),
    ],
)
def test_a_strategys_failure_is_one_error_line_and_exit_2(
    workdir: Path, strategies: Path, name: str, said: str
) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 48)
    out = workdir / "run.db"
    spec = f"{strategies}:{name}"
    result = cli("backtest", "--data", str(data), "--out", str(out), "--strategy", spec)
    assert result.code == 2, result.output
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"error: {spec}: "), result.stderr
    said = said.replace("{line}", str(line_of(strategies, "raise ZeroDivisionError")))
    assert said in errors[0]
    assert "Traceback" not in result.output
    if name in DECISIONS:
        assert "in the decision at 2024-01-" in errors[0] and " of BTC_TRY)" in errors[0]
        assert errors[0].endswith("fix the strategy")
    if name in RETURNED:  # located at decide's definition, and what live trading does with it
        decide = line_of(strategies, f"class {name}(Base):") + 1
        assert f"(decide at bad.py:{decide})" in errors[0]
        assert "live, the kernel drops it (invalid_intent)" in errors[0]
    assert not out.exists()


def test_the_raise_names_the_bar_it_happened_at(workdir: Path, strategies: Path) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 48)
    spec = f"{strategies}:DecideRaise"
    result = cli(
        "backtest", "--data", str(data), "--out", str(workdir / "r.db"), "--strategy", spec
    )
    assert "(bar 11 of BTC_TRY)" in result.stderr  # the first decision with 11 closed candles


def test_a_size_that_came_to_nothing_is_skipped_not_a_failure(
    workdir: Path, strategies: Path
) -> None:
    data = write_wave(workdir / "BTC_TRY.csv", 24)
    out = workdir / "zero.db"
    result = cli("backtest", "--data", str(data), "--out", str(out), "--strategy",
                 f"{strategies}:ZeroQty")  # fmt: skip
    assert result.code == 0, result.output
    assert "fills (buy / sell)         0 (0 / 0)" in result.stdout
