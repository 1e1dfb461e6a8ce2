"""A live or dry-run cycle survives its strategy's bug.

A strategy's ``decide`` that raises (a division by zero on a candle of zero volume, a key it
did not expect) would end the cycle, and the run with it: then nothing cancels the bot's stale
orders, and a restarted bot fails again on the same data. :class:`ContainedStrategy` turns such
a raise into a decision of its own (``strategy_failed``, with the error and the strategy's line)
and no intents: the kernel still plans its cancels, protective stops and everything else, and
the next cycle asks the strategy again. A replay does not contain it: a backtest stops on the
first such failure and names it (:mod:`btcbot.backtest.faults`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import structlog

from btcbot.decision.intents import Intent
from btcbot.decision.plan import Action, Layer
from btcbot.kernel.profile import Profile
from btcbot.strategy.failures import raised
from btcbot.strategy.view import StrategyView
from btcbot.strategy.wrapped import WrappedStrategy

log = structlog.get_logger(__name__)


class ContainedStrategy(WrappedStrategy):
    """Decides as ``inner``; a raise in ``decide`` is logged and decides nothing."""

    def decide(self, view: StrategyView) -> Iterable[Intent]:
        try:
            return list(self.inner.decide(view))  # a generator raises while it is drained
        except (Exception, SystemExit) as exc:  # noqa: BLE001 -- its bug must not end the run
            detail = raised(self.inner, exc, limit=300)
            view.log.add(None, Layer.STRATEGY, Action.SKIP, "strategy_failed", detail)
            log.error("strategy_failed", error=detail)
            return []


def contained(profile: Profile) -> Profile:
    """``profile`` with its strategy contained (:class:`ContainedStrategy`)."""
    return replace(profile, strategy=ContainedStrategy(profile.strategy))
