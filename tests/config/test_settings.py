from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from btcbot.config import (
    CommonSettings,
    ConfigError,
    Stage3Settings,
    Stage4Settings,
    Stage7Settings,
    load_config,
)
from btcbot.config.base import env_names
from btcbot.config.params import Profile3Params, Profile4Params, Profile7Params
from btcbot.domain import Symbol


def test_defaults_are_safe_and_match_the_kernel_defaults() -> None:
    config = load_config(3)
    common = config.common
    assert (common.dry_run, common.kill_switch, common.safe_mode) == (True, True, True)
    assert common.live_trading is False and common.live_trading_ack is None
    assert common.symbols == tuple(Symbol.parse(s) for s in ("BTC_TRY", "ETH_TRY", "SOL_TRY"))
    assert config.params == Profile3Params()
    assert Stage4Settings().to_params(common) == Profile4Params()
    assert Stage7Settings().to_params(common) == Profile7Params()


def test_knobs_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYMBOLS", "BTCTRY, eth_try,SOL_USDT")
    monkeypatch.setenv("btcturk_marketdata_max_age_ms", "9000")  # legacy alias, any case
    monkeypatch.setenv("NOTIONAL_CAP_TRY_PER_CYCLE", "1000.10")
    monkeypatch.setenv("TTL_SECONDS", "45")
    config = load_config(3)
    assert [str(s) for s in config.common.symbols] == ["BTC_TRY", "ETH_TRY", "SOL_USDT"]
    assert config.params.limits.max_data_age_ms == 9000
    assert config.params.limits.notional_cap_per_cycle == Decimal("1000.10")
    assert str(config.params.limits.notional_cap_per_cycle) == "1000.10"  # exact, no float
    assert config.params.lifecycle.ttl_seconds == 45


def test_dotenv_file_is_read_and_the_environment_wins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    env_file = tmp_path / "bot.env"
    env_file.write_text("TTL_SECONDS=45\nMIN_PROFIT_BPS=40\n# comment\nSYMBOLS=ETHTRY\n")
    monkeypatch.setenv("MIN_PROFIT_BPS", "55")
    config = load_config(3, env_file=env_file)
    assert config.params.lifecycle.ttl_seconds == 45
    assert config.params.strategy.min_profit_bps == 55
    assert config.common.symbols == (Symbol("ETH", "TRY"),)


def test_default_dotenv_in_the_working_directory(clean_env: Path) -> None:
    (clean_env / ".env").write_text("COOLDOWN_SECONDS=5\n")
    assert load_config(3).params.limits.cooldown_seconds == 5


def test_missing_env_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file") as info:
        load_config(3, env_file=tmp_path / "absent.env")
    assert info.value.exit_code == 2


def test_unknown_stage_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"unknown stage 5: choose one of \[3, 4, 7\]"):
        load_config(5)


def test_a_stage7_variable_can_never_configure_stage3(monkeypatch: pytest.MonkeyPatch) -> None:
    stage3_names = {
        n for name, f in Stage3Settings.model_fields.items() for n in env_names(name, f)
    }
    foreign = {
        n
        for name, f in Stage7Settings.model_fields.items()
        for n in env_names(name, f)
        if n not in stage3_names
    }
    assert {
        "MAX_ORDER_NOTIONAL_TRY",
        "STAGE7_ORDER_OFFSET_BPS",
        "MAX_SYMBOL_EXPOSURE_TRY",
    } <= foreign
    for name in foreign:
        monkeypatch.setenv(name, "7")
    config = load_config(3)
    assert config.params == Profile3Params()
    assert config.stage == Stage3Settings()


def test_settings_are_frozen() -> None:
    common = CommonSettings()
    with pytest.raises(ValidationError, match="frozen"):
        common.dry_run = False  # type: ignore[misc]


def test_validation_errors_name_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTL_SECONDS", "soon")
    monkeypatch.setenv("MAX_ORDERS_PER_CYCLE", "-1")
    with pytest.raises(ConfigError) as info:
        load_config(3)
    message = str(info.value)
    assert "TTL_SECONDS: Input should be a valid integer" in message
    assert "MAX_ORDERS_PER_CYCLE: Input should be greater than or equal to 0" in message
    assert "soon" not in message


def test_cross_field_checks_of_common(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROCESS_INSTANCE_HEARTBEAT_INTERVAL_SECONDS", "200")
    with pytest.raises(ConfigError, match="must be below PROCESS_INSTANCE_TTL_SECONDS"):
        load_config(3)


def test_kernel_invariants_surface_as_config_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAGE7_SCORE_WEIGHTS", '{"liquidity": 0, "spread": 0, "volatility": 0}')
    with pytest.raises(ConfigError, match="inconsistent Stage7Settings: weights"):
        load_config(7)


def test_bad_symbol_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SYMBOLS", "BTC_TRY,DOGE")
    with pytest.raises(
        ConfigError, match=r"SYMBOLS: entry 2 is not a pair: write it as BASE_QUOTE"
    ):
        load_config(3)


class TestLegacyNames:
    def test_alias_configures_the_canonical_knob_of_its_own_stage(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("MAX_ORDER_NOTIONAL_TRY", "1500")  # stage-7 legacy name
        monkeypatch.setenv("RISK_MAX_ORDER_NOTIONAL_TRY", "700")  # stage-4 legacy name
        assert load_config(7).params.limits.max_notional_per_order == 1500
        assert load_config(4).params.limits.max_notional_per_order == 700
        assert load_config(3).params.limits.max_notional_per_order is None

    def test_alias_and_canonical_disagreeing_is_refused(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("MAX_SYMBOL_EXPOSURE_TRY", "10")
        monkeypatch.setenv("MAX_POSITION_TRY_PER_SYMBOL", "11")
        with pytest.raises(ConfigError, match="keep only MAX_POSITION_TRY_PER_SYMBOL"):
            load_config(7)
        monkeypatch.setenv("MAX_SYMBOL_EXPOSURE_TRY", "11")
        assert load_config(7).params.limits.max_position_per_symbol == 11

    @pytest.mark.parametrize(
        ("stage", "name", "hint"),
        [
            (4, "MAX_OPEN_ORDERS", "MAX_OPEN_ORDERS_PER_SYMBOL"),
            (4, "RISK_MAX_DRAWDOWN_TRY", "MAX_DRAWDOWN_BPS"),
        ],
    )
    def test_a_legacy_name_that_meant_something_else_is_refused(
        self, monkeypatch: pytest.MonkeyPatch, stage: int, name: str, hint: str
    ) -> None:
        monkeypatch.setenv(name, "10")
        with pytest.raises(ConfigError, match=f"{name} is not supported: .*{hint}"):
            load_config(stage)

    @pytest.mark.parametrize("stage", [3, 4])
    def test_target_try_keeps_working_and_caps_the_entry(
        self, monkeypatch: pytest.MonkeyPatch, stage: int
    ) -> None:
        assert load_config(stage).params.strategy.entry_budget == 100
        monkeypatch.setenv("TARGET_TRY", "60")
        assert load_config(stage).params.strategy.entry_budget == 60

    def test_a_drawdown_in_percent_is_converted_to_bps(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("MAX_DRAWDOWN_PCT", "10")
        assert load_config(4).params.stops.max_drawdown_bps == 1000
        monkeypatch.setenv("MAX_DRAWDOWN_PCT", "7.5")
        assert load_config(4).params.stops.max_drawdown_bps == 750
        monkeypatch.setenv("MAX_DRAWDOWN_BPS", "750")
        assert load_config(4).params.stops.max_drawdown_bps == 750
        monkeypatch.setenv("MAX_DRAWDOWN_BPS", "900")
        with pytest.raises(ConfigError, match="keep only MAX_DRAWDOWN_BPS"):
            load_config(4)

    def test_predecessor_env_file_loads_for_every_stage(self, tmp_path: Path) -> None:
        """The names the predecessor's operators use keep working (issue: their .env files
        must work): shared and per-stage knobs, plus the stage-7 knobs."""
        env_file = tmp_path / "predecessor.env"
        env_file.write_text(
            "SYMBOLS=BTCTRY,ETHTRY\nMARKET_DATA_MODE=rest\nTARGET_TRY=300\nOFFSET_BPS=20\n"
            "TTL_SECONDS=120\nMIN_PROFIT_BPS=30\nMAX_ORDERS_PER_CYCLE=2\n"
            "MAX_OPEN_ORDERS_PER_SYMBOL=1\nCOOLDOWN_SECONDS=60\nNOTIONAL_CAP_TRY_PER_CYCLE=1000\n"
            "MAX_NOTIONAL_PER_ORDER_TRY=0\nMAX_POSITION_TRY_PER_SYMBOL=5000\n"
            "TRY_CASH_TARGET=300\nTRY_CASH_MAX=600\nMAX_DRAWDOWN_PCT=10\n"
            "STAGE7_UNIVERSE_SIZE=20\nSTAGE7_MAX_SPREAD_BPS=1000000\nSTAGE7_ORDER_OFFSET_BPS=5\n"
            "STAGE7_MAX_DRAWDOWN_PCT=0.25\nSTAGE7_ENABLED=false\n"
        )
        for stage in (3, 4, 7):
            config = load_config(stage, env_file=env_file)
            assert config.params.limits.max_orders_per_cycle == 2
        assert load_config(4, env_file=env_file).params.stops.max_drawdown_bps == 1000
        warnings = load_config(7, env_file=env_file).warnings
        assert any(w.startswith("STAGE7_MAX_DRAWDOWN_PCT has no effect") for w in warnings)

    def test_refused_name_in_a_dotenv_file_is_caught(self, tmp_path: Path) -> None:
        env_file = tmp_path / "legacy.env"
        env_file.write_text("MAX_OPEN_ORDERS=5\n")
        with pytest.raises(ConfigError, match="MAX_OPEN_ORDERS is not supported"):
            load_config(4, env_file=env_file)

    def test_retired_names_only_warn(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("STAGE7_ENABLED", "true")
        monkeypatch.setenv("STATE_DB_STRICT_LOCK", "false")
        warnings = load_config(7).warnings
        assert any(w.startswith("STAGE7_ENABLED has no effect") for w in warnings)
        assert any(w.startswith("STATE_DB_STRICT_LOCK has no effect") for w in warnings)


def test_stage7_lists_weights_and_targets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STAGE7_SCORE_WEIGHTS", '{"spread": 0.1}')
    monkeypatch.setenv("PORTFOLIO_TARGETS", "BTC_TRY:0.6, ETHTRY:0.4")
    monkeypatch.setenv("STAGE7_UNIVERSE_BLACKLIST", "USDT_TRY,usdctry")
    monkeypatch.setenv("STAGE7_MAX_DATA_AGE_SEC", "30")
    params = load_config(7).params
    assert isinstance(params, Profile7Params)
    assert params.universe.weight_spread == Decimal("0.1")
    assert params.universe.weight_liquidity == Decimal("0.5")
    assert params.universe.blacklist == ("USDTTRY", "USDCTRY")
    assert params.portfolio.targets == (("BTCTRY", Decimal("0.6")), ("ETHTRY", Decimal("0.4")))
    assert params.budget.stale_data_ms == 30_000


def test_stage4_sell_buffer_is_taker_fee_plus_slippage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FEE_BPS_TAKER", "20")
    params = load_config(4).params
    assert isinstance(params, Profile4Params)
    assert params.strategy.sell_cost_buffer_bps == 30
