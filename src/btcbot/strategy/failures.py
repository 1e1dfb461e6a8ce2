"""A strategy's own code failing, described where it failed: the exception and the last line of
the strategy's own source files it passed through (``ZeroDivisionError: ... at mine.py:14
(decide)``), not the library frame it ended in.

Shared by the replay (its fault guard and lookahead checks stop a backtest with it) and a live
run (which records it as ``strategy_failed`` and goes on).
"""

from __future__ import annotations

import inspect
import traceback
from collections.abc import Callable
from pathlib import Path

from btcbot.strategy.api import Strategy
from btcbot.strategy.wrapped import innermost


def strategy_files(strategy: object) -> Callable[[str], bool]:
    """Which source files are "the strategy's" for the line trace: the directory of the file
    its class is defined in (an operator's file and its neighbours; btcbot/strategy/ for a
    built-in)."""
    source = inspect.getsourcefile(type(strategy))
    if source is None:
        return lambda _name: False
    folder = str(Path(source).resolve().parent) + "/"
    cache: dict[str, bool] = {}

    def owned(filename: str) -> bool:
        known = cache.get(filename)
        if known is None:
            known = cache[filename] = str(Path(filename).resolve()).startswith(folder)
        return known

    return owned


def described_raise(
    exc: BaseException, owned: Callable[[str], bool], *, limit: int | None = None
) -> str:
    """``exc`` as the checks describe it: type, message (its first ``limit`` characters, when
    given) and the last line it passed through in the files ``owned`` says are the strategy's
    (``file.py:14 (decide)``)."""
    where = [
        f"{Path(f.filename).name}:{f.lineno} ({f.name})"
        for f in traceback.extract_tb(exc.__traceback__)
        if owned(f.filename)
    ]
    at = f" at {where[-1]}" if where else ""
    message = str(exc) if limit is None else str(exc)[:limit]
    return f"{type(exc).__name__}: {message}{at}"


def raised(strategy: Strategy, exc: BaseException, *, limit: int | None = None) -> str:
    """``exc``, raised by ``strategy`` (inside any wrappers), described as above."""
    return described_raise(exc, strategy_files(innermost(strategy)), limit=limit)


__all__ = ["described_raise", "raised", "strategy_files"]
