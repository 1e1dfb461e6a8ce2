"""The SMA example, except that it hangs in a trial when ``STALL_MARKER`` names a file to create.

Test data for the dead-worker test: the worker started with ``STALL_MARKER`` set creates the file
on its first trial (a parameter set other than the defaults the lookahead check replays) and then
hangs there, alive and beating, until the test SIGKILLs it. Any other worker runs it as the SMA
example (the same file, so the same sweep fingerprint).
"""

from __future__ import annotations

import importlib.util
import os
import time
from collections.abc import Iterator
from pathlib import Path

from btcbot.strategy.api import BaseStrategy, Intent, StrategyView

DEFAULT_SLOW = 50


def _sma_example() -> type[BaseStrategy]:
    path = Path(__file__).resolve().parents[3] / "examples" / "sma_crossover.py"
    spec = importlib.util.spec_from_file_location("sma_crossover_example", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    example: type[BaseStrategy] = module.SmaCrossover
    return example


class StallingSma(_sma_example()):  # type: ignore[misc,valid-type]
    def decide(self, view: StrategyView) -> Iterator[Intent]:
        marker = os.environ.get("STALL_MARKER")
        if marker and int(view.params["slow"]) != DEFAULT_SLOW:
            Path(marker).write_text(str(os.getpid()))
            while True:  # a worker stuck in its trial, until killed
                time.sleep(1)
        yield from super().decide(view)
