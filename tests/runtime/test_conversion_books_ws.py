"""WebSocket market data streams the conversion books too: a USDT-quoted pair has its USDT_TRY
rate from the first cycle on, instead of blocking on ``quote_rate_unavailable`` until a book
that was never subscribed shows up."""

from __future__ import annotations

from pathlib import Path

import pytest

from btcbot.config import load_config
from btcbot.emulator import Emulator
from btcbot.runtime.factory import open_runtime
from btcbot.store import unit_of_work
from btcbot.store.schema import decisions
from tests.runtime.conftest import paper, point_at


async def test_ws_mode_streams_the_quote_conversion_book_from_the_start(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    point_at(monkeypatch, emulator)
    paper(monkeypatch)
    monkeypatch.setenv("MARKET_DATA_MODE", "ws")
    monkeypatch.setenv("SYMBOLS", "BTC_USDT")
    async with open_runtime(load_config(3)) as runtime:
        feed = runtime.feed
        assert feed is not None
        report = await runtime.runner.run_once()
        assert report.skipped is None, report.line()
        with unit_of_work(runtime.engine) as conn:
            codes = {row.reason_code for row in conn.execute(decisions.select())}
    assert not codes & {"quote_rate_unavailable", "quote_rate_stale"}, codes
    assert "USDT_TRY" not in report.stale_symbols
