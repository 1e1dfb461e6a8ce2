"""The indicator recomputation check compares values: NaN (a warm-up) equals NaN."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import pytest

from btcbot.backtest.lookahead import (
    LookaheadDetected,
    check_no_lookahead,
    replay_frames,
    same_value,
)
from btcbot.decision.frames import Frame
from tests.backtest.factories import wave_dataset


def mean3(frame: Frame, nan: Any) -> list[Any]:
    """A causal 3-candle mean, ``nan`` before it has 3 (pandas' rolling(3).mean() gives NaN)."""
    close = [Decimal(c) for c in frame.columns["close"]]
    return [
        nan if i < 2 else (close[i] + close[i - 1] + close[i - 2]) / 3 for i in range(len(close))
    ]


@pytest.mark.parametrize("nan", [float("nan"), Decimal("NaN"), Decimal("sNaN")])
def test_a_warm_up_of_nan_passes_the_check(nan: Any) -> None:
    def indicators(frame: Frame) -> Mapping[str, Sequence[Any]]:
        return {"m3": mean3(frame, nan)}

    frames = replay_frames(wave_dataset(60), indicators)
    check_no_lookahead(frames, indicators)  # no LookaheadDetected


def test_nan_against_a_number_is_still_a_difference() -> None:
    def whole_run_knows(frame: Frame) -> Mapping[str, Sequence[Any]]:
        known = mean3(frame, float("nan"))
        if frame.rows == 60:  # the whole dataset: a value where the cut run has NaN
            known[0] = 1.0
        return {"m3": known}

    frames = replay_frames(wave_dataset(60), whole_run_knows)
    with pytest.raises(LookaheadDetected, match=r"'m3' of BTC_TRY at bar 0 .* is 1\.0 .* nan"):
        check_no_lookahead(frames, whole_run_knows)


def test_same_value() -> None:
    assert same_value(float("nan"), float("nan")) and same_value(Decimal("NaN"), float("nan"))
    assert same_value(Decimal("sNaN"), Decimal("NaN")) and same_value(None, None)
    assert same_value(Decimal(1), 1.0) and not same_value(float("nan"), None)
    assert not same_value(Decimal("sNaN"), Decimal(1)) and not same_value(1, 2)
