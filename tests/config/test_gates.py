from __future__ import annotations

import itertools

import pytest

from btcbot.config import (
    ACK_PHRASE,
    BlockReason,
    CommonSettings,
    ConfigError,
    check_gates,
    evaluate_arming,
    load_config,
)

GATES = list(itertools.product([False, True], repeat=5))


def common(dry: bool, kill: bool, live: bool, ack: bool, safe: bool) -> CommonSettings:
    return CommonSettings(
        dry_run=dry,
        kill_switch=kill,
        live_trading=live,
        live_trading_ack=ACK_PHRASE if ack else None,
        safe_mode=safe,
    )


@pytest.mark.parametrize("credentials", [False, True])
@pytest.mark.parametrize(("dry", "kill", "live", "ack", "safe"), GATES)
def test_every_gate_combination(
    dry: bool, kill: bool, live: bool, ack: bool, safe: bool, credentials: bool
) -> None:
    settings = common(dry, kill, live, ack, safe)
    contradictory = live and (dry or not ack or not credentials)
    if contradictory:
        with pytest.raises(ConfigError, match="LIVE_TRADING=true"):
            check_gates(settings, credentials)
    else:
        check_gates(settings, credentials)

    decision = evaluate_arming(settings, credentials)
    expected = {
        BlockReason.DRY_RUN: dry,
        BlockReason.KILL_SWITCH: kill,
        BlockReason.SAFE_MODE: safe,
        BlockReason.NOT_ARMED: not live,
        BlockReason.ACK_MISSING: not ack,
        BlockReason.NO_CREDENTIALS: not credentials,
    }
    assert set(decision.reasons) == {r.value for r, blocked in expected.items() if blocked}
    aligned = not dry and not kill and live and ack and not safe and credentials
    assert decision.armed is aligned
    assert decision.cancel_allowed is (not dry and live and ack and not safe and credentials)


def test_runtime_kill_switch_blocks_new_risk_but_not_cancels() -> None:
    armed = common(dry=False, kill=False, live=True, ack=True, safe=False)
    assert evaluate_arming(armed, True).armed
    tripped = evaluate_arming(armed, True, runtime_kill_switch=True)
    assert not tripped.armed
    assert tripped.reasons == (BlockReason.RUNTIME_KILL_SWITCH.value,)
    assert tripped.cancel_allowed


@pytest.mark.parametrize(
    ("env", "fix"),
    [
        ({"LIVE_TRADING": "true"}, "set DRY_RUN=false"),
        ({"LIVE_TRADING": "true", "DRY_RUN": "false"}, f"LIVE_TRADING_ACK={ACK_PHRASE}"),
        (
            {"LIVE_TRADING": "true", "DRY_RUN": "false", "LIVE_TRADING_ACK": ACK_PHRASE},
            "BTCTURK_API_KEY and BTCTURK_API_SECRET",
        ),
    ],
)
def test_contradictions_fail_at_load_with_the_fix(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], fix: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=fix) as info:
        load_config(3)
    assert info.value.exit_code == 2


def test_fully_armed_load(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {
        "DRY_RUN": "false",
        "KILL_SWITCH": "false",
        "SAFE_MODE": "false",
        "LIVE_TRADING": "true",
        "LIVE_TRADING_ACK": ACK_PHRASE,
        "BTCTURK_API_KEY": "key",
        "BTCTURK_API_SECRET": "c2VjcmV0",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    config = load_config(3)
    assert config.arming.armed and config.arming.reasons == ()
    assert config.has_credentials


def test_a_misspelt_ack_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIVE_TRADING_ACK", "i understand")
    with pytest.raises(ConfigError, match=f"LIVE_TRADING_ACK must be exactly {ACK_PHRASE}"):
        load_config(3)
