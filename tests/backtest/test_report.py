"""The summary's arithmetic, on a hand-made run (no database)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from btcbot.accounting import build_ledger
from btcbot.backtest import RunData, summarize, summarize_db
from btcbot.backtest.records import CycleRow
from btcbot.domain import Fill, Side
from tests.backtest.conftest import finished_run
from tests.backtest.factories import BTC_TRY, HOUR_MS, T0

D = Decimal


def fill(trade_id: int, side: Side, price: str, quantity: str, fee: str) -> Fill:
    return Fill(
        trade_id, trade_id, f"c{trade_id}", BTC_TRY, side, D(price), D(quantity), D(fee), D(0),
        T0 + trade_id * HOUR_MS,
    )  # fmt: skip


def cycle(index: int, equity: str | None, mode: str = "NORMAL", submits: int = 0) -> CycleRow:
    value = None if equity is None else D(equity)
    return CycleRow(f"c{index}", T0 + index * HOUR_MS, mode, submits, 0, value, f"fp{index}")


def run(manifest: dict[str, object] | None) -> RunData:
    fills = [fill(1, Side.BUY, "100", "2", "1"), fill(2, Side.SELL, "110", "1", "0.5")]
    return RunData(
        account_key="main",
        cycles=(
            cycle(0, "1000", submits=1),
            cycle(1, "1200", submits=1),
            cycle(2, None, "OBSERVE_ONLY"),
            cycle(3, "900"),
            cycle(4, "1100"),
        ),
        ledger=build_ledger(fills),
        balances={"TRY": D("908.5"), "BTC": D(1), "ETH": D(0)},
        orders_by_status={"FILLED": 2},
        manifest=manifest,
    )


def test_summary_from_cycles_ledger_and_manifest() -> None:
    summary = summarize(run({"initial_equity": "1000", "final_equity": "1050"}))
    assert summary.cycles == 5 and summary.planned_submits == 2
    assert (summary.fills, summary.buys, summary.sells) == (2, 1, 1)
    assert summary.initial_equity == D(1000) and summary.final_equity == D(1050)
    assert summary.return_pct == D(5)
    # average cost (200 + 1) / 2 = 100.5; sold 1 at 110, fee 0.5 -> 9
    assert summary.realized_pnl == {"TRY": D(9)}
    assert summary.fees == {"TRY": D("1.5")}
    assert summary.max_drawdown == D(300)  # 1200 -> 900
    assert summary.max_drawdown_pct == D(25)
    assert summary.modes == {"NORMAL": 4, "OBSERVE_ONLY": 1}
    assert summary.final_balances == {"BTC": D(1), "TRY": D("908.5")}  # zeros left out
    assert summary.first_ms == T0 and summary.last_ms == T0 + 4 * HOUR_MS
    labels = [label for label, _ in summary.lines()]
    assert labels[0] == "cycles" and labels[-1] == "fingerprint"


def test_without_a_manifest_the_cycle_equities_are_used() -> None:
    summary = summarize(run(None))
    assert summary.initial_equity == D(1000) and summary.final_equity == D(1100)
    assert summary.return_pct == D(10)


def test_the_fingerprint_ignores_the_manifest_and_equities() -> None:
    plain, noted = summarize(run(None)), summarize(run({"final_equity": "1"}))
    assert plain.fingerprint == noted.fingerprint


async def test_summary_of_a_database_file(tmp_path: Path) -> None:
    path = await finished_run(tmp_path / "run.db")
    summary = summarize_db(path)
    assert summary.cycles == 48 and summary.fills > 0
    assert summary.initial_equity == D(10_000)
