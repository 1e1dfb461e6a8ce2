from __future__ import annotations

from btcbot.config.params import RiskBudgetParams
from btcbot.decision.modes import Mode
from btcbot.decision.risk_state import RiskState
from btcbot.domain import Symbol
from btcbot.risk.budget import BudgetInputs, decide_budget
from btcbot.risk.equity import DAY_MS, read_equity, value_balances
from tests.kernel.factories import BTC, NOW, balance, d, position

P = RiskBudgetParams()


def test_value_balances_and_missing_mark():
    balances = {"TRY": balance("TRY", "100", "50"), "BTC": balance("BTC", "1")}
    assert value_balances(balances, {"BTC": d(1000)}, "TRY") == d(1150)
    assert value_balances(balances, {}, "TRY") is None
    assert value_balances({"DOGE": balance("DOGE", "0")}, {}, "TRY") == 0


def test_day_rollover_resets_day_start_and_tracks_peak():
    prev = RiskState(day_key=NOW // DAY_MS - 1, day_start_equity=d(5000), peak_equity=d(6000))
    reading = read_equity(d(5500), {BTC: position(BTC, "1", "1", fees="7")}, NOW, prev)
    assert reading.day_start_equity == d(5500) and reading.daily_pnl == 0
    assert reading.day_start_fees == d(7) and reading.fees_today == 0
    assert reading.peak_equity == d(6000)
    assert reading.drawdown_bps == d(6000 - 5500) / d(6000) * 10_000


def test_same_day_keeps_start_and_counts_fees():
    prev = RiskState(day_key=NOW // DAY_MS, day_start_equity=d(5000), day_start_fees=d(2))
    reading = read_equity(d(4400), {BTC: position(BTC, "1", "1", fees="9")}, NOW, prev)
    assert reading.daily_pnl == d(-600) and reading.fees_today == d(7)


def test_fees_in_another_quote_currency_count_today_only_what_was_paid_today():
    """USDT fees are kept per currency from the day's start: 100 USDT paid on earlier days
    never count as today's, whether the rate was missing at the day's first cycle or moved."""
    btc_usdt = Symbol("BTC", "USDT")
    earlier = {btc_usdt: position(btc_usdt, "1", "1", fees="100"), BTC: position(BTC, "1", "1")}
    yesterday = RiskState(day_key=NOW // DAY_MS - 1)
    no_rate = read_equity(d(5000), earlier, NOW, yesterday, {"TRY": d(1)}, "TRY")
    assert no_rate.fees_today == 0 and no_rate.day_start_fees_by_quote == {"USDT": d(100)}
    state = RiskState(
        day_key=no_rate.day_key,
        day_start_fees=no_rate.day_start_fees,
        day_start_fees_by_quote=no_rate.day_start_fees_by_quote,
    )
    back = read_equity(d(5000), earlier, NOW + 60_000, state, {"TRY": d(1), "USDT": d(42)}, "TRY")
    assert back.fees_today == 0  # all-time fees valued at the returned rate: 4200 TRY before
    paid = {**earlier, btc_usdt: position(btc_usdt, "1", "1", fees="103")}
    moved = read_equity(d(5000), paid, NOW + 120_000, state, {"TRY": d(1), "USDT": d(40)}, "TRY")
    assert moved.fees_today == d(3) * d(40)  # today's 3 USDT at today's rate
    try_fees = {**paid, BTC: position(BTC, "1", "1", fees="5")}
    both = read_equity(d(5000), try_fees, NOW + 180_000, state, {"TRY": d(1), "USDT": d(40)}, "TRY")
    assert both.fees_today == d(5) + d(120)


def test_unknown_equity_never_lifts_peak():
    prev = RiskState(peak_equity=d(100))
    reading = read_equity(None, {}, NOW, prev)
    assert reading.peak_equity == d(100) and reading.drawdown_bps is None


def inputs(**kw):
    fields = {
        "kill_switch": False,
        "exchange_error_streak": 0,
        "max_data_age_ms": 1000,
        "max_spread_bps": d(10),
        "equity": read_equity(d(1000), {}, NOW, RiskState()),
    }
    fields.update(kw)
    return BudgetInputs(**fields)


def decide(prev=None, **kw):
    return decide_budget(inputs(**kw), prev or RiskState(), NOW, P)


def test_normal_when_healthy():
    out = decide()
    assert out.mode is Mode.NORMAL and out.reasons == () and out.cooldown_until_ms == 0


def test_observe_triggers():
    assert decide(kill_switch=True).reasons == ("kill_switch",)
    assert decide(exchange_error_streak=3).mode is Mode.OBSERVE_ONLY
    assert decide(exchange_error_streak=2).mode is Mode.NORMAL
    assert decide(max_data_age_ms=60_001).reasons == ("stale_data",)
    assert decide(max_data_age_ms=60_000).mode is Mode.NORMAL
    assert decide(max_data_age_ms=None).mode is Mode.OBSERVE_ONLY


def reading(equity, day_start, peak, fees="0"):
    prev = RiskState(day_key=NOW // DAY_MS, day_start_equity=d(day_start), peak_equity=d(peak))
    r = read_equity(d(equity), {BTC: position(BTC, "1", "1", fees=fees)}, NOW, prev)
    return r


def test_reduce_triggers_at_their_thresholds():
    assert decide(equity=reading(10_000, 10_500, 10_500)).reasons == ("daily_loss_limit",)
    assert decide(equity=reading(10_001, 10_500, 10_500)).mode is Mode.NORMAL
    dd = decide(equity=reading(7500, 7500, 10_000))
    assert dd.mode is Mode.REDUCE_RISK_ONLY and dd.reasons == ("max_drawdown",)
    assert decide(equity=reading(1000, 1000, 1000, fees="150")).reasons == ("fee_burn",)
    assert decide(max_spread_bps=d(500)).reasons == ("spread_spike",)
    warn = decide(max_spread_bps=d(250))
    assert warn.mode is Mode.NORMAL and warn.reasons == ("high_volatility_warn",)


def test_trigger_starts_cooldown_which_holds_worse_mode():
    out = decide(kill_switch=True)
    assert out.cooldown_until_ms == NOW + 900_000
    held = RiskState(mode=Mode.OBSERVE_ONLY, mode_cooldown_until_ms=NOW + 1)
    out = decide(prev=held)
    assert out.mode is Mode.OBSERVE_ONLY and out.reasons == ("cooldown_hold",)
    expired = RiskState(mode=Mode.OBSERVE_ONLY, mode_cooldown_until_ms=NOW)
    assert decide(prev=expired).mode is Mode.NORMAL
