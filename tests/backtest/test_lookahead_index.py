"""``Series.index`` of a value not among the visible rows is a ValueError, as for a list."""

from __future__ import annotations

from decimal import Decimal

import pytest

from btcbot.decision.frames import Frame
from btcbot.domain import Symbol
from tests.backtest.factories import wave_dataset

BTC = Symbol("BTC", "TRY")


def whole() -> Frame:
    return Frame.of_candles(BTC, [bar.candle for bar in wave_dataset(10).series[BTC].bars])


def test_index_of_a_value_not_among_the_visible_rows_is_a_value_error() -> None:
    frame = whole()
    shown = frame.at(4)
    close = shown.series("close")
    later = frame.columns["close"][6]
    for missing in (Decimal(-1), later):
        with pytest.raises(ValueError, match="is not in BTC_TRY column 'close' up to bar 3"):
            close.index(missing)
        with pytest.raises(ValueError, match="is not in"):
            frame.at(4).series("open").index(missing)
    assert close.index(close[2]) == 2
    assert close.index(close[3], -1) == 3 and close.index(close[3], 0, 100) == 3
    with pytest.raises(ValueError, match="is not in"):
        close.index(close[3], 0, 3)
    assert close.count(later) == 0 and later not in close
