from decimal import Decimal

from btcbot.decision.modes import Mode
from btcbot.decision.risk_state import RiskState
from btcbot.domain import Symbol
from btcbot.runtime.risk_state_codec import decode_risk_state, encode_risk_state
from btcbot.store.types import dumps_json, loads_json


def test_round_trip_through_json_is_exact() -> None:
    state = RiskState(
        mode=Mode.REDUCE_RISK_ONLY,
        mode_reasons=("daily_loss",),
        mode_cooldown_until_ms=1_700_000_900_000,
        degrade_level=2,
        warn_history=(1, 0, 1),
        peak_equity=Decimal("100123.456789012345678901234567"),
        day_key=19675,
        day_start_equity=Decimal("99000.5"),
        fees_today=Decimal("1.23"),
        day_start_fees_by_quote={"USDT": Decimal("100.000001")},
        previous_mids={Symbol("BTC", "TRY"): Decimal("2500000.5")},
        rejects_last_cycle=3,
        params_version=4,
    )
    document = loads_json(dumps_json(encode_risk_state(state)))
    assert decode_risk_state(document) == state


def test_missing_document_and_missing_keys_give_defaults() -> None:
    assert decode_risk_state(None) == RiskState()
    assert decode_risk_state({"mode": "OBSERVE_ONLY"}) == RiskState(mode=Mode.OBSERVE_ONLY)
