"""The read-only view one decision of a strategy gets (see :mod:`btcbot.strategy.api`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from btcbot.decision.account import AccountView
from btcbot.decision.frames import Frame, Series
from btcbot.decision.intents import Intent
from btcbot.decision.market import MarketView, Quote
from btcbot.decision.plan import Action, DecisionLog, Layer
from btcbot.decision.snapshot import Snapshot
from btcbot.domain import Position, Side, Symbol, SymbolRules
from btcbot.domain.money import ZERO
from btcbot.strategy.parameters import Params

Indicators = Callable[[Frame], Mapping[str, Sequence[Any]]]
_NOTHING: Mapping[str, str] = MappingProxyType({})


class StrategyView:
    """Everything a strategy may look at in one decision, and the only ways it may act: return
    intents (built by hand or with :meth:`buy` / :meth:`sell`), note why it holds or skips,
    and remember a few strings for its next decision."""

    __slots__ = (
        "_frames",
        "_indicators",
        "_kept",
        "_targets",
        "account",
        "log",
        "market",
        "params",
        "snapshot",
        "symbols",
    )

    def __init__(
        self,
        *,
        snapshot: Snapshot,
        market: MarketView,
        account: AccountView,
        log: DecisionLog,
        symbols: Sequence[Symbol],
        params: Params,
        indicators: Indicators | None = None,
    ) -> None:
        self.snapshot = snapshot
        """The whole cycle snapshot (read-only)."""
        self.market = market
        """Quotes (bid, ask, mid, spread, freshness) and the TRY rates of quote currencies."""
        self.account = account
        """Investable cash per quote currency (in TRY), sellable inventory, our open orders."""
        self.log = log
        """The cycle's audit trail (built-in strategies log with their own layer)."""
        self.symbols = tuple(symbols)
        """The symbols this strategy trades this cycle (its universe), sorted."""
        self.params = params
        """The strategy's parameter values, validated against its declaration."""
        self._indicators = indicators
        self._frames: dict[Symbol, Frame] = {}
        self._kept: dict[str, str] | None = None
        self._targets: tuple[tuple[Symbol, Decimal], ...] | None = None

    # --- time, market, account ---------------------------------------------------------------

    @property
    def now_ms(self) -> int:
        """The cycle's time (epoch ms, UTC): the only clock a decision may read."""
        return self.snapshot.now_ms

    @property
    def positions(self) -> Mapping[Symbol, Position]:
        return self.snapshot.positions

    @property
    def rules(self) -> Mapping[Symbol, SymbolRules]:
        return self.snapshot.rules

    def quote(self, symbol: Symbol) -> Quote | None:
        """Best bid/ask, mid and spread of ``symbol``; None without a book or ticker."""
        return self.market.quotes.get(symbol)

    def position(self, symbol: Symbol) -> Decimal:
        """Base quantity the ledger says we hold (0 when flat)."""
        held = self.snapshot.positions.get(symbol)
        return held.quantity if held is not None else ZERO

    def cash_try(self, quote: str = "TRY") -> Decimal:
        """Investable cash of ``quote`` (above the cash reserve, net of our open buys), valued
        in TRY."""
        return self.account.investable.get(quote, ZERO)

    def sellable(self, symbol: Symbol) -> Decimal:
        """Base quantity free to sell (not locked by our open sells)."""
        return self.account.sellable.get(symbol, ZERO)

    # --- candles and indicators --------------------------------------------------------------

    def frame(self, symbol: Symbol) -> Frame | None:
        """``symbol``'s candle and indicator columns up to the last closed candle; None when
        the strategy declared no candles or none arrived."""
        frame = self._frames.get(symbol)
        if frame is not None:
            return frame
        frame = self.snapshot.frames.get(symbol)
        if frame is None:
            candles = self.snapshot.candles.get(symbol)
            if candles is None:
                return None
            frame = Frame.of_candles(symbol, candles)
            if self._indicators is not None:
                frame = frame.with_columns(self._indicators(frame))
        self._frames[symbol] = frame
        return frame

    def bars(self, symbol: Symbol) -> int:
        """Closed candles visible for ``symbol`` (0 without any)."""
        frame = self.frame(symbol)
        return frame.end if frame is not None else 0

    def series(self, symbol: Symbol, name: str) -> Series:
        """A candle column (``open``, ``high``, ``low``, ``close``, ``volume``,
        ``open_time_s``) or an indicator of ``symbol``, up to the current bar; ``[-1]`` is the
        last closed candle. Reading a later row raises ``LookaheadError``."""
        frame = self.frame(symbol)
        if frame is None:
            raise KeyError(f"no candles for {symbol.normalized}: declare candles in requirements")
        return frame.series(name)

    # --- acting ------------------------------------------------------------------------------

    def buy(
        self,
        symbol: Symbol,
        *,
        reason: str,
        notional_try: Decimal | None = None,
        quantity: Decimal | None = None,
        price: Decimal | None = None,
    ) -> Intent | None:
        """A buy of ``quantity`` (base) or ``notional_try`` (TRY, converted through the quote
        currency's fresh rate) at ``price``, or at the best ask when ``price`` is None (a
        marketable limit: it trades at once as far as the book allows, never beyond the ask).
        None, with a note, when the symbol has no quote or its quote currency no TRY rate."""
        return self._intent(symbol, Side.BUY, reason, notional_try, quantity, price)

    def sell(
        self,
        symbol: Symbol,
        *,
        reason: str,
        notional_try: Decimal | None = None,
        quantity: Decimal | None = None,
        price: Decimal | None = None,
    ) -> Intent | None:
        """Like :meth:`buy`; without a price it sells at the best bid."""
        return self._intent(symbol, Side.SELL, reason, notional_try, quantity, price)

    def hold(self, symbol: Symbol | None, code: str, detail: str = "") -> None:
        """Note that nothing is done on ``symbol`` and why (a line of the cycle's audit)."""
        self.log.add(symbol, Layer.STRATEGY, Action.HOLD, code, detail)

    def skip(self, symbol: Symbol | None, code: str, detail: str = "") -> None:
        """Note that ``symbol`` could not be decided on and why."""
        self.log.add(symbol, Layer.STRATEGY, Action.SKIP, code, detail)

    @property
    def state(self) -> Mapping[str, str]:
        """What the previous decision remembered (empty at the start)."""
        return self.snapshot.risk_state.strategy_state or _NOTHING

    def remember(self, **values: str) -> None:
        """Keep ``values`` (strings) for the next decision; persisted with the risk state, so a
        restart keeps them. Keys not given again are kept as they were."""
        kept = dict(self.state) if self._kept is None else self._kept
        for key, value in values.items():
            if not isinstance(value, str):
                raise TypeError(
                    f"remember({key}={value!r}): {type(value).__name__} is not allowed, only "
                    f"str values are (convert it: remember({key}=str(...)), and read it back "
                    "with int(...), Decimal(...) from view.state)"
                )
            kept[key] = value
        self._kept = kept

    def report_targets(self, weights: Sequence[tuple[Symbol, Decimal]]) -> None:
        """Record target weights (shown in the plan's portfolio report)."""
        self._targets = tuple(weights)

    @property
    def remembered(self) -> Mapping[str, str] | None:
        """What :meth:`remember` set this decision (None: nothing new)."""
        return self._kept

    @property
    def targets(self) -> tuple[tuple[Symbol, Decimal], ...] | None:
        return self._targets

    def _intent(
        self,
        symbol: Symbol,
        side: Side,
        reason: str,
        notional_try: Decimal | None,
        quantity: Decimal | None,
        price: Decimal | None,
    ) -> Intent | None:
        if (notional_try is None) == (quantity is None):
            raise ValueError("give exactly one of notional_try and quantity")
        given = (("notional_try", notional_try), ("quantity", quantity), ("price", price))
        for name, value in given:
            if value is not None and not (isinstance(value, Decimal) and value.is_finite()):
                # a strategy's bug must not crash a live cycle: no intent, and why
                detail = f"{reason}: {name}={value!r} is not a finite Decimal"
                self.skip(symbol, "invalid_intent", detail)
                return None
        quote = self.market.quotes.get(symbol)
        if price is None:
            if quote is None:
                self.skip(symbol, "no_market_data", reason)
                return None
            price = quote.ask if side is Side.BUY else quote.bid
        if quantity is None and price > ZERO:  # (a price <= 0 is refused below)
            rate = self.market.rate(symbol.quote)
            if rate is None:
                self.skip(symbol, self.market.rate_problem(symbol.quote), reason)
                return None
            quantity = (notional_try or ZERO) / (price * rate)
        if price <= ZERO or quantity is None or quantity <= ZERO:
            self.skip(symbol, "non_positive_intent", f"{reason}: price={price} qty={quantity}")
            return None
        return Intent(symbol, side, price, quantity, reason)


__all__ = ["Indicators", "StrategyView"]
