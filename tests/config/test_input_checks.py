"""Settings files are read strictly, misspelled names are caught, and every value that needs
more than a type (URLs, hosts, secrets, currencies, limits) is checked at load."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from btcbot.config import ConfigError, load_config
from btcbot.config.envfile import read_env_file
from btcbot.config.limits import BLOCKS_AT_ZERO
from btcbot.config.names import known_names, misspellings

ARMED = {
    "DRY_RUN": "false",
    "KILL_SWITCH": "false",
    "SAFE_MODE": "false",
    "LIVE_TRADING": "true",
    "LIVE_TRADING_ACK": "I_UNDERSTAND",
    "BTCTURK_API_KEY": "public-key",
    "BTCTURK_API_SECRET": base64.b64encode(b"secret").decode(),
}


class TestSettingsFile:
    def test_a_line_that_does_not_parse_stops_the_load_and_is_named(self, tmp_path: Path) -> None:
        env = tmp_path / "bot.env"
        env.write_text("TTL_SECONDS=45\nKILL_SWITCH false\nDRY_RUN=true\n")
        with pytest.raises(ConfigError, match=r"bot\.env:2: cannot parse this line") as info:
            load_config(3, env_file=env)
        assert "KILL_SWITCH false" not in str(info.value)  # the line may hold a secret

    def test_a_gate_set_twice_to_different_values_is_refused(self, tmp_path: Path) -> None:
        """Before: the last line won silently: a file showing DRY_RUN=true at the top armed the
        bot through a DRY_RUN=false further down (or dry_run=false: names are case-blind)."""
        env = tmp_path / "bot.env"
        lines = [f"{name}={value}" for name, value in ARMED.items()]
        env.write_text("DRY_RUN=true\n" + "\n".join(lines[1:]) + "\n# later\ndry_run=false\n")
        with pytest.raises(ConfigError, match=r"bot\.env:9: dry_run is set again") as info:
            load_config(3, env_file=env)
        assert "line 1" in str(info.value)
        assert "true" not in str(info.value).lower().replace("dry_run", "")

    def test_a_key_repeated_with_the_same_value_is_fine(self, tmp_path: Path) -> None:
        env = tmp_path / "bot.env"
        env.write_text("TTL_SECONDS=45\nTTL_SECONDS=45\n")
        assert load_config(3, env_file=env).params.lifecycle.ttl_seconds == 45

    def test_a_key_without_equals_is_not_dropped_silently(self, tmp_path: Path) -> None:
        env = tmp_path / "bot.env"
        env.write_text("# comment\n\nexport TTL_SECONDS=45\nKILL_SWITCH\n")
        with pytest.raises(ConfigError, match=r"bot\.env:4: KILL_SWITCH has no '='"):
            load_config(3, env_file=env)

    @pytest.mark.parametrize(
        ("content", "why"),
        [
            (b"DRY_RUN=\xff\xfe\x00true\n", "is not UTF-8 text"),
            (b"DRY_RUN=true\x00\n", "holds NUL bytes"),
        ],
    )
    def test_a_binary_file_is_refused(self, tmp_path: Path, content: bytes, why: str) -> None:
        env = tmp_path / "bot.env"
        env.write_bytes(content)
        with pytest.raises(ConfigError, match=why):
            load_config(3, env_file=env)

    def test_the_default_dotenv_is_read_as_strictly(self, clean_env: Path) -> None:
        (clean_env / ".env").write_text("SAFE_MODE = = false\n'\n")
        with pytest.raises(ConfigError, match=r"\.env:"):
            load_config(3)

    def test_quotes_comments_and_export_are_fine(self, tmp_path: Path) -> None:
        env = tmp_path / "bot.env"
        env.write_text('\ufeff# c\nexport TTL_SECONDS=45 # inline\nSYMBOLS="BTC_TRY, ETH_TRY"\n')
        assert read_env_file(env) == {"TTL_SECONDS": "45", "SYMBOLS": "BTC_TRY, ETH_TRY"}
        assert load_config(3, env_file=env).params.lifecycle.ttl_seconds == 45


class TestEnvironment:
    def test_a_gate_in_two_spellings_with_different_values_is_refused(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Before: with DRY_RUN=true and dry_run=false both in the process environment (names
        are case-blind) whichever came last in the environment won: the bot armed."""
        for name, value in ARMED.items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("DRY_RUN", "true")
        monkeypatch.setenv("dry_run", "false")
        with pytest.raises(ConfigError, match="DRY_RUN") as info:
            load_config(3)
        assert "dry_run" in str(info.value) and "true" not in str(info.value)

    def test_the_same_value_in_two_spellings_is_fine(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("TTL_SECONDS", "45")
        monkeypatch.setenv("ttl_seconds", "45")
        assert load_config(3).params.lifecycle.ttl_seconds == 45


class TestMisspelledNames:
    def test_close_names_are_found_and_exact_or_unrelated_ones_are_not(self) -> None:
        found = misspellings(["LIVE_TRADNG", "kill_swich", "DRY_RUN", "HOME", "PATH"], "env")
        assert [(m.name, m.suggestion) for m in found] == [
            ("LIVE_TRADNG", "LIVE_TRADING"),
            ("kill_swich", "KILL_SWITCH"),
        ]

    def test_every_alias_and_legacy_name_counts_as_known(self) -> None:
        for name in ("UNIVERSE_SYMBOLS", "MAX_OPEN_ORDERS", "STAGE7_ENABLED", "MAX_DRAWDOWN_PCT"):
            assert name in known_names()

    def test_a_dry_run_warns(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        env = tmp_path / "bot.env"
        env.write_text("KILL_SWICH=true\n")
        monkeypatch.setenv("LIVE_TRADNG", "true")
        warnings = load_config(3, env_file=env).warnings
        assert any(
            "LIVE_TRADNG (in the environment)" in w and "LIVE_TRADING" in w for w in warnings
        )
        assert any(f"KILL_SWICH (in {env})" in w and "KILL_SWITCH?" in w for w in warnings)

    def test_an_armed_run_refuses_them(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        for name, value in ARMED.items():
            monkeypatch.setenv(name, value)
        assert load_config(3).arming.armed
        env = tmp_path / "bot.env"
        env.write_text("KILL_SWICH=true\n")
        with pytest.raises(ConfigError, match=r"KILL_SWICH .* did you mean KILL_SWITCH.*refused"):
            load_config(3, env_file=env)


class TestKnobsOfAnotherProfile:
    """Before: MAX_DAILY_LOSS_TRY=1 (or FEE_BURN_LIMIT_TRY, MAX_ORDER_NOTIONAL_TRY) on a
    profile-3 run loaded without a word: the operator believed a loss stop or cap applied."""

    def test_a_knob_this_profile_does_not_have_is_named_in_a_warning(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        env = tmp_path / "bot.env"
        env.write_text("FEE_BURN_LIMIT_TRY=0\n")
        monkeypatch.setenv("MAX_DAILY_LOSS_TRY", "1")
        monkeypatch.setenv("MAX_ORDER_NOTIONAL_TRY", "50")  # profile 7's alias of a shared knob
        warnings = load_config(3, env_file=env).warnings
        assert (
            "MAX_DAILY_LOSS_TRY is a setting of profile 4, not of profile 3: it has no effect "
            "on this run"
        ) in warnings
        assert any(w.startswith("FEE_BURN_LIMIT_TRY is a setting of profile 7,") for w in warnings)
        assert any(
            w.startswith("MAX_ORDER_NOTIONAL_TRY is a setting of profile 7,") for w in warnings
        )

    def test_knobs_of_this_profile_and_shared_ones_are_not(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        for name in ("MAX_DAILY_LOSS_TRY", "MAX_NOTIONAL_PER_ORDER_TRY", "CYCLE_SECONDS"):
            monkeypatch.setenv(name, "100")
        assert not [w for w in load_config(4).warnings if "is a setting of profile" in w]


class TestUniverseQuote:
    """Before: a whitelist or targets of USDT pairs beside the default STAGE7_UNIVERSE_QUOTE_CCY
    (TRY) loaded, and profile 7 never selected them: every cycle traded nothing, unexplained."""

    @pytest.mark.parametrize(
        ("name", "value", "culprit"),
        [
            ("STAGE7_UNIVERSE_WHITELIST", "BTC_TRY,BTC_USDT", "entry 2 (BTCUSDT)"),
            ("PORTFOLIO_TARGETS", "BTC_USDT:0.5", "entry 1 (BTCUSDT)"),
        ],
    )
    def test_a_pair_of_another_quote_currency_is_refused(
        self, monkeypatch: pytest.MonkeyPatch, name: str, value: str, culprit: str
    ) -> None:
        monkeypatch.setenv(name, value)
        with pytest.raises(ConfigError, match=rf"{name}: {re.escape(culprit)} is not quoted in "
                           r"STAGE7_UNIVERSE_QUOTE_CCY=TRY"):  # fmt: skip
            load_config(7)

    def test_pairs_of_the_universe_quote_load(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("STAGE7_UNIVERSE_QUOTE_CCY", "usdt")
        monkeypatch.setenv("STAGE7_UNIVERSE_WHITELIST", "BTC_USDT,ETH_USDT")
        monkeypatch.setenv("PORTFOLIO_TARGETS", "BTC_USDT:0.5")
        monkeypatch.setenv("STAGE7_UNIVERSE_BLACKLIST", "BTC_TRY")  # harmless: never a candidate
        assert load_config(7).stage.stage7_universe_whitelist == ("BTCUSDT", "ETHUSDT")  # type: ignore[union-attr]


class TestValues:
    @pytest.mark.parametrize(
        ("name", "value", "message"),
        [
            ("BTCTURK_API_SECRET", "not base64!", "not base64"),
            ("BTCTURK_API_SECRET", "c2VjcmV0 ", "not base64"),  # auth would refuse it later
            ("BTCTURK_API_KEY", "pub key", "spaces or control characters"),
            ("BTCTURK_BASE_URL", "api.btcturk.com", "not a URL"),
            ("BTCTURK_WS_URL", "https://ws-feed-pro.btcturk.com", "not a URL: write wss://"),
            ("BTCTURK_BASE_URL", "http://127.0.0.1:port", "bad port"),
            ("STATE_DB_URL", "not a url", "not a database URL"),
            ("STATE_DB_URL", "mysql://u:p@h/db", "'mysql' databases are not supported"),
            ("METRICS_HOST", "999.1.1.1", "not an IP address or host name"),
            ("LOG_LEVEL", "LOUD", "LOG_LEVEL: Input should be"),
            ("CYCLE_SECONDS", "inf", "finite number"),
            ("NOTIONAL_CAP_TRY_PER_CYCLE", "NaN", "finite number"),
        ],
    )
    def test_bad_values_are_refused_at_load_without_echoing_them(
        self, monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
    ) -> None:
        if name.startswith("BTCTURK_API_"):
            monkeypatch.setenv("BTCTURK_API_KEY", "public-key")
            monkeypatch.setenv("BTCTURK_API_SECRET", ARMED["BTCTURK_API_SECRET"])
        monkeypatch.setenv(name, value)
        with pytest.raises(ConfigError, match=message) as info:
            load_config(3)
        assert name in str(info.value)
        if len(value) > 4:
            assert value not in str(info.value)

    def test_secret_file_content_must_be_base64_text(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        secret = tmp_path / "secret"
        monkeypatch.setenv("BTCTURK_API_KEY", "public-key")
        monkeypatch.setenv("BTCTURK_API_SECRET_FILE", str(secret))
        secret.write_bytes(b"\x89PNG\r\n\x1a\n\xff")
        with pytest.raises(ConfigError, match=r"BTCTURK_API_SECRET_FILE .* is not text"):
            load_config(3)
        secret.write_text("not base64!\n")
        with pytest.raises(ConfigError, match=r"BTCTURK_API_SECRET_FILE .* is not base64"):
            load_config(3)

    def test_log_level_is_case_insensitive(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("LOG_LEVEL", "debug")
        assert load_config(3).common.log_level == "DEBUG"


def test_an_order_book_cache_that_would_serve_stale_books_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # every book reused for ORDERBOOK_TTL_MS (2000) would be older than the freshness limit
    monkeypatch.setenv("MAX_MARKET_DATA_AGE_MS", "1000")
    with pytest.raises(ConfigError, match=r"ORDERBOOK_TTL_MS \(2000\) must be below MAX_MARKET"):
        load_config(3)
    monkeypatch.setenv("ORDERBOOK_TTL_MS", "500")
    assert load_config(3).common.orderbook_ttl_ms == 500


class TestZeroMeansZero:
    def test_the_per_order_cap_is_off_only_when_empty(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        assert load_config(3).params.limits.max_notional_per_order is None
        monkeypatch.setenv("MAX_NOTIONAL_PER_ORDER_TRY", "")
        assert load_config(4).params.limits.max_notional_per_order is None
        assert load_config(7).params.limits.max_notional_per_order is None
        monkeypatch.setenv("MAX_NOTIONAL_PER_ORDER_TRY", "0")
        config = load_config(3)
        assert config.params.limits.max_notional_per_order == 0
        assert any(
            w.startswith("MAX_NOTIONAL_PER_ORDER_TRY=0: no new order is placed")
            for w in config.warnings
        )

    @pytest.mark.parametrize("stage", [3, 4, 7])
    def test_every_limit_set_to_zero_is_named_in_a_warning(
        self, monkeypatch: pytest.MonkeyPatch, stage: int
    ) -> None:
        config = load_config(stage)
        fields = [name for name in BLOCKS_AT_ZERO if name in type(config.stage).model_fields]
        assert fields
        for name in fields:
            monkeypatch.setenv(type(config.stage).env_name(name), "0")
        warnings = load_config(stage).warnings
        for name in fields:
            variable = type(config.stage).env_name(name)
            assert any(w.startswith(f"{variable}=0: ") for w in warnings), variable
