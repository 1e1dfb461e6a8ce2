"""Every reason code a decision, a skip or a refusal can carry, with one line saying what it
means (``btcbot reasons`` prints this table; the README's list is generated from it).

A code is matched exactly. Codes built from a prefix and a number (``degrade_level_2``) are
listed by their family with a ``*`` (``degrade_level_*``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_REASONS: dict[str, str] = {
    # --- strategy: profit-aware (profiles 3 and 4) -------------------------------------------
    "take_profit": "sell part of a position at the bid: it is MIN_PROFIT_BPS above average cost",
    "conservative_entry": "buy a flat symbol with a bounded TRY budget: its spread is tight",
    "below_profit_threshold": "holding: the bid is not yet MIN_PROFIT_BPS above average cost",
    "no_free_inventory": "nothing to sell: the position is locked in open orders",
    "spread_too_wide": "no entry: the spread is wider than the entry limit",
    "no_investable_cash": "no entry: no cash above the TRY cash reserve",
    "no_market_data": "no book for this symbol this cycle",
    # --- kernel: any strategy (built-in or --strategy) -----------------------------------------
    "outside_universe": "dropped: the strategy asked to trade a symbol outside its universe",
    "strategy_warmup": "dropped: the symbol has fewer closed candles than the strategy's "
    "warm-up (warmup_bars)",
    "non_positive_intent": "not placed: the strategy's intent had no positive price or size",
    "invalid_intent": "dropped: the strategy gave something that is not a valid intent (not "
    "an Intent; a price or size that is not a positive finite Decimal, or absurdly large); the "
    "detail says what. A backtest stops on it, unless it is only a price or size of 0 or less",
    "stale_market_data": "the book is older than the freshness limit: no new risk on it",
    "quote_rate_unavailable": "no new risk: the pair's quote currency has no book converting it "
    "to TRY (e.g. USDT_TRY), so its TRY caps cannot be checked",
    "quote_rate_stale": "no new risk: the book converting the pair's quote currency to TRY is "
    "older than the freshness limit",
    # --- strategy: universe, portfolio, order builder (profile 7) ----------------------------
    "blacklisted": "excluded from the universe: on the blacklist",
    "not_whitelisted": "excluded from the universe: a whitelist is set and it is not on it",
    "rules_unavailable": "no exchange rules for this symbol: it cannot be quantized or checked",
    "not_trading": "the exchange does not list this pair as trading",
    "missing_spread": "excluded from the universe: no spread known",
    "spread_above_max": "excluded from the universe: spread above the universe maximum",
    "missing_volume": "excluded from the universe: no quote volume known",
    "volume_below_min": "excluded from the universe: quote volume below the minimum",
    "rank_below_cutoff": "excluded from the universe: ranked below the universe size",
    "missing_mark_price": "no price to value or size this symbol",
    "within_target": "holding: the position is within its target weight",
    "turnover_or_cash_exhausted": "rebalance dropped: the cycle's turnover or cash is used up",
    "turnover_or_cash_cap": "rebalance shrunk to the cycle's turnover or cash left",
    "price_rounds_to_zero": "the limit price rounds to zero at the symbol's price scale",
    "spot_sell_requires_inventory": "a sell larger than the free inventory is not placed",
    "qty_rounds_to_zero": "the quantity rounds to zero at the symbol's quantity scale",
    "insufficient_notional_after_buffers": "below the minimum order value after fee buffers",
    "rebalance_buy": "buy toward the portfolio target weight",
    "rebalance_sell": "sell toward the portfolio target weight",
    "universe_frozen": "universe kept as it was: the exchange is degraded, the mode is not "
    "NORMAL or the universe's data is stale",
    "observe_only": "why the universe is frozen: the mode is OBSERVE_ONLY (or a kill switch, "
    "SAFE_MODE or an unknown order forces it)",
    "mode_degraded": "why the universe is frozen: the mode is REDUCE_RISK_ONLY",
    "universe_probation": "not yet in the universe: a newcomer ranks in for "
    "STAGE7_UNIVERSE_GOVERNANCE_PROBATION_CYCLES cycles first",
    "universe_cooldown": "not back in the universe yet: it left less than "
    "STAGE7_UNIVERSE_GOVERNANCE_COOLDOWN_SEC ago",
    "universe_churn_limit": "universe kept as it was: the change would exceed "
    "STAGE7_UNIVERSE_GOVERNANCE_MAX_CHURN_PER_DAY additions + removals in 24 h",
    "universe_added": "joined the universe",
    "universe_removed": "left the universe (may not rejoin before its cooldown ends)",
    # --- lifecycle (profiles 4 and 7) -----------------------------------------------------------
    "ttl_expired": "cancel: the order rested longer than its TTL",
    "price_drift": "cancel: the market moved away from the order's price",
    "replace_awaits_cancel": "held: an order on this symbol and side is being cancelled; its "
    "replacement waits until the exchange proves the cancel (it may still fill)",
    "duplicate_of_open_order": "an equal order is already resting: nothing new is sent",
    "mode_reduce_risk": "cancel a resting buy: the mode is REDUCE_RISK_ONLY",
    # --- protective stops (every profile, PROTECTIVE_STOP_BPS) ---------------------------------
    "protective_stop": "place a stop-market sell on the exchange for the position's free "
    "quantity, PROTECTIVE_STOP_BPS below its average cost",
    "protective_stop_in_place": "holding: the position is covered by our stop of the right size",
    "protective_stop_below_bid": "the average-cost stop level is at or above the bid (the "
    "exchange would refuse it): the stop goes PROTECTIVE_STOP_BPS below the bid instead",
    "protective_stop_yield": "a strategy sell needs the inventory our stop locks: the stop is "
    "cancelled and the sell goes out once that cancel is proven",
    "protective_stop_resize": "cancel our stop: its size no longer equals the position's free "
    "quantity (a new one is placed once the cancel is proven)",
    "protective_stop_flat": "cancel our stop: its position is gone",
    "protective_stop_off": "cancel our stop: PROTECTIVE_STOP_BPS is not set",
    "protective_stop_pending": "a stop of ours (or its cancel) is not settled yet: nothing new "
    "on this symbol's stop until it is",
    # --- live-arming gates ("not armed: ..." in the banner, doctor and preflight) -------------
    "DRY_RUN": "not armed: DRY_RUN=true, fills are simulated and nothing reaches the exchange",
    "KILL_SWITCH": "not armed for new risk: KILL_SWITCH=true (cancels are still sent)",
    "RUNTIME_KILL_SWITCH": "not armed for new risk: the kill switch stored in the state "
    "database is on (btcbot kill-switch status, then kill-switch off)",
    "SAFE_MODE": "not armed: SAFE_MODE=true, observe only (no exchange write at all)",
    "NOT_ARMED": "not armed: LIVE_TRADING=false",
    "ACK_MISSING": "not armed: LIVE_TRADING_ACK is not I_UNDERSTAND",
    "NO_CREDENTIALS": "not armed: BTCTURK_API_KEY and BTCTURK_API_SECRET are not both set",
    # --- global gates and modes -----------------------------------------------------------------
    "kill_switch": "new risk blocked: a kill switch is on (btcbot kill-switch status)",
    "safe_mode": "every exchange write blocked: SAFE_MODE=true",
    "LOCK_LOST": "every exchange write blocked and the run stopped: another instance took over "
    "the account's single-writer lock, or it was force-released (btcbot lock status)",
    "unknown_order_freeze": "new risk blocked: an order we cannot account for is on the "
    "exchange (btcbot freeze status, then freeze clear)",
    "order_unresolved": "new risk blocked: an order of ours has an unknown fate (its submit or "
    "cancel answer was lost); the bot resolves it from the exchange's evidence, usually within "
    "seconds (btcbot orders shows it; no freeze to clear)",
    "strategy_failed": "no intents this cycle: the strategy's decide raised (the error and its "
    "line are in the detail and the log); the cycle went on (cancels, stops) and the next one "
    "asks the strategy again: fix the strategy",
    "mode_observe_only": "blocked: the mode is OBSERVE_ONLY (nothing new is sent)",
    "mode_reduce_risk_only": "blocked: the mode is REDUCE_RISK_ONLY (sells and cancels only)",
    "stop_entries": "buy blocked: an operator stopped new entries (sells, protective stops and "
    "cancels go on; btcbot entries resume)",
    "degrade_buy_blocked": "buy blocked by the degrade level",
    "degrade_buy_shrink": "buy shrunk by the degrade level's size factor",
    "degrade_universe_cap": "buy blocked: the degrade level allows buys on fewer symbols "
    "(8 / 4 / 2 at levels 1 / 2 / 3)",
    "degrade_override": "an operator forced a worse mode (btcbot degrade status)",
    # --- anomalies and degrade (profile 4) --------------------------------------------------
    "STALE_MARKET_DATA": "anomaly: market data older than the anomaly limit",
    "SPREAD_SPIKE": "anomaly: spread at or above the spike threshold",
    "PRICE_JUMP": "anomaly: mid moved more than the jump threshold since the last cycle",
    "ORDER_REJECT_SPIKE": "anomaly: too many rejected orders in the last cycle",
    "EXCHANGE_DEGRADED": "anomaly: consecutive exchange errors (drives degrade level 3)",
    "EXCHANGE_LATENCY_SPIKE": "anomaly: the previous cycle took at least LATENCY_SPIKE_MS",
    "CURSOR_STALL": "anomaly (live): no new fill booked for the symbol for CURSOR_STALL_CYCLES "
    "cycles",
    "CLOCK_SKEW": "anomaly: the exchange clock is more than CLOCK_SKEW_SECONDS_THRESHOLD from ours",
    "PNL_DIVERGENCE": "anomaly: exchange PnL and ledger PnL differ by PNL_DIVERGENCE_TRY_WARN "
    "(warning) or PNL_DIVERGENCE_TRY_ERROR (error: degrade level 3)",
    "degrade_level_*": "the degrade level changed (0 normal, 1-2 reduce risk, 3 observe only)",
    "max_daily_loss": "OBSERVE_ONLY: today's loss reached the daily loss limit",
    # --- risk budget (profile 7) ------------------------------------------------------------
    "exchange_degraded": "mode worsened: consecutive exchange errors",
    "stale_data": "mode worsened: market data of the selected symbols is stale",
    "daily_loss_limit": "mode worsened: today's loss reached the daily loss limit",
    "max_drawdown": "mode worsened: drawdown from peak equity reached the limit",
    "fee_burn": "mode worsened: fees paid today reached the fee-burn limit",
    "spread_spike": "mode worsened: a selected symbol's spread spiked",
    "high_volatility_warn": "warning: volatility above the high-volatility threshold",
    "cooldown_hold": "the worse mode is held until its cooldown ends",
    # --- parameter adaptation (profile 7; why a parameter version changed) --------------------
    "reject_spike": "adaptation: a cycle of the window had a reject spike, the order offset widens",
    "throttled": "adaptation: a cycle of the window was throttled, fewer orders per cycle",
    "high_drawdown": "adaptation: drawdown reached half the rollback limit, the turnover cap "
    "shrinks by 20 %",
    "healthy_window": "adaptation: nothing to correct in the window, the turnover cap grows "
    "by 10 %",
    "rollback": "adaptation: drawdown past the rollback limit, back to the last checkpoint",
    # --- risk policy (per cycle) ------------------------------------------------------------
    "RISK_DROP_MAX_ORDERS_PER_CYCLE": "dropped: more intents than MAX_ORDERS_PER_CYCLE",
    "RISK_BLOCK_MAX_OPEN_ORDERS": "blocked: the symbol already has MAX_OPEN_ORDERS_PER_SYMBOL "
    "orders on the exchange",
    "cooldown": "blocked: the same symbol and side traded within COOLDOWN_SECONDS",
    "exchange_rules_unavailable": "blocked: no exchange rules for this symbol",
    "non_positive_after_quantize": "blocked: the quantity rounds to zero",
    "min_notional": "blocked: below the exchange's minimum order value",
    "RISK_BLOCK_CASH_RESERVE_TARGET": "blocked: the buy would dip into the TRY cash reserve",
    "notional_cap": "blocked: the cycle's notional cap (NOTIONAL_CAP_TRY_PER_CYCLE) is used up",
    "RISK_CAP_MAX_NOTIONAL_PER_ORDER": "shrunk to the per-order notional cap",
    "RISK_BLOCK_MAX_NOTIONAL_PER_ORDER": "blocked: even shrunk to the per-order cap it is too "
    "small to place",
    "RISK_CAP_POSITION": "shrunk so the position stays within the per-symbol position cap",
    "RISK_BLOCK_POSITION_CAP": "blocked: the position is at the per-symbol position cap",
    "RISK_BLOCK_SELL_EXCEEDS_INVENTORY": "blocked: the sell is larger than the free inventory "
    "not already promised to our other sells (spot: never sell what is not held)",
    "SYMBOL_ON_COOLDOWN_1123": "blocked: the exchange refused REJECT1123_THRESHOLD orders on "
    "this symbol with FAILED_ORDER_WITH_OPEN_ORDERS within the window; it cools down",
    # --- exchange rules (the exchange would refuse the order) ---------------------------------
    "SYMBOL_NOT_TRADING": "the exchange does not accept orders on this pair now",
    "NON_POSITIVE_AMOUNT": "quantity or price is not positive",
    "FAILED_INVALID_PRICE_SCALE": "price has more decimals than the pair allows",
    "FAILED_INVALID_QUANTITY_SCALE": "quantity has more decimals than the pair allows",
    "FAILED_MIN_TOTAL_AMOUNT": "order value below the exchange minimum",
    "ORDER_MIN_PRICE_EXCEEDED": "price below the exchange's price band",
    "ORDER_MAX_PRICE_EXCEEDED": "price above the exchange's price band",
    "MAXIMUM_ORDER_AMOUNT_EXCEEDED": "order larger than the exchange maximum",
    "NO_REFERENCE_PRICE": "a market order cannot be checked without a reference price",
    "FAILED_INVALID_STOP_PRICE_SCALE": "stop price has more decimals than the pair allows",
    "FAILED_STOP_PRICE_LESS_THAN_BEST_BID": "a sell stop must be below the best bid (it would "
    "trigger at once)",
    "FAILED_STOP_PRICE_GREATER_THAN_BEST_ASK": "a buy stop must be above the best ask (it would "
    "trigger at once)",
}

REASONS: Mapping[str, str] = MappingProxyType(_REASONS)


def explain(code: str) -> str | None:
    """The one-line meaning of ``code``, or ``None`` when the code is not registered."""
    found = REASONS.get(code)
    if found is not None:
        return found
    head, sep, tail = code.rpartition("_")
    if sep and tail.isdigit():
        return REASONS.get(f"{head}_*")
    return None


__all__ = ["REASONS", "explain"]
