"""Fuzzed settings: any value of any setting, and any ``.env`` file, loads to exactly what was
written or fails with one :class:`ConfigError` — never another exception, never a value the
text did not say (a truncated number, a NaN, a boolean guessed from a typo)."""

from __future__ import annotations

import math
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic.fields import FieldInfo

from btcbot.config import CommonSettings, ConfigError, ExchangeSettings, load_config
from btcbot.config.base import BtcbotSettings, env_names
from btcbot.config.stages import STAGE_MODELS
from tests.helpers import SETTINGS_VARIABLES, isolate_settings

MODELS: list[tuple[int, type[Any]]] = [(3, CommonSettings), (3, ExchangeSettings)] + [
    (stage, model) for stage, model in STAGE_MODELS.items()
]
FIELDS = [
    (stage, model, name, field)
    for stage, model in MODELS
    for name, field in model.model_fields.items()
    if name not in ("api_secret_file",)  # a path read at load: the file tests cover it
]
TRUE, FALSE = {"1", "true", "yes", "on", "t", "y"}, {"0", "false", "no", "off", "f", "n"}
VALUES = st.one_of(
    st.sampled_from(
        ["", " ", "0", "1", "-1", "1.5", "1e3", "NaN", "Infinity", "-inf", "1e999999", "tru",
         "yes", "TRUE", "off", "2,5", "0x10", "١", "None", "null", "[]", "{}", "BTC_TRY",
         "BTC_TRY,ETH_TRY", "btctry", "rest", "ws", "I_UNDERSTAND", "http://127.0.0.1:1",
         '{"liquidity": 1}', "BTC_TRY:0.5", "\x00", "9" * 40]
    ),
    st.text(max_size=20),
    st.integers(-(10**12), 10**12).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(str),
)  # fmt: skip


ENV_LINES = [
    "DRY_RUN=maybe\n",
    "KILL_SWITCH=\n",
    "SYMBOLS=BTC_TRY,\n",
    "MAX_ORDERS_PER_CYCLE=NaN\n",
    'BTCTURK_API_KEY="unterminated\n',
    "=value\n",
    "export CYCLE_SECONDS=1e999999\n",
    "LIVE_TRADING=true\nDRY_RUN=true\n",
]


def env_name(model: type[Any], name: str, field: FieldInfo) -> str:
    if issubclass(model, BtcbotSettings):
        return env_names(name, field)[0]
    return f"BTCTURK_{name.upper()}"


def faithful(field: FieldInfo, text: str, value: Any) -> bool:
    """Did the loaded value say what the text said? (types with one obvious reading)"""
    kind = field.annotation
    plain = text.strip().lower()
    if kind is bool:
        return (plain in TRUE and value is True) or (plain in FALSE and value is False)
    if kind in (int, Decimal, float) or kind in (int | None, Decimal | None, float | None):
        if value is None:
            return plain in ("", "none", "null")
        try:
            written = Decimal(plain)
        except InvalidOperation:
            return False
        if isinstance(value, float):  # a float setting holds the nearest float, finite
            return written.is_finite() and math.isfinite(value) and float(plain) == value
        return written.is_finite() and Decimal(value) == written
    return True


@pytest.fixture
def clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in {env_name(m, n, f) for _, m, n, f in FIELDS} | set(SETTINGS_VARIABLES):
        monkeypatch.delenv(name, raising=False)
    return isolate_settings(tmp_path, monkeypatch)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(spot=st.sampled_from(FIELDS), text=VALUES)
def test_any_value_of_any_setting_loads_as_written_or_is_refused(
    clean: Path, spot: tuple[int, type[Any], str, FieldInfo], text: str
) -> None:
    stage, model, name, field = spot
    variable = env_name(model, name, field)
    if "\x00" in text:  # the OS cannot even hold it in the environment
        return
    with mock.patch.dict(os.environ, {variable: text}):
        try:
            config = load_config(stage)
        except ConfigError as exc:
            refusal = str(exc)
            config = None
    if config is None:
        assert refusal.strip(), variable
        return
    loaded = {CommonSettings: config.common, ExchangeSettings: config.exchange}.get(
        model, config.stage
    )
    assert faithful(field, text, getattr(loaded, name)), (variable, text, getattr(loaded, name))


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.binary(max_size=120)
    | st.text(max_size=120).map(str.encode)
    | st.sampled_from(ENV_LINES).map(str.encode)
)
def test_any_env_file_loads_or_is_refused_with_a_config_error(clean: Path, content: bytes) -> None:
    env_file = clean / "fuzzed.env"
    env_file.write_bytes(content)
    try:
        load_config(3, env_file)
    except ConfigError as exc:
        refusal = str(exc)
    else:
        return
    assert refusal.strip()
