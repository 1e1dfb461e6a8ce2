"""Exchange transport settings (``BTCTURK_*``): URLs, credentials and reliability knobs.

Every knob here is read by the running client (audit G2: the predecessor defined retry knobs
that nothing used). Env names are kept from the predecessor where they existed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Self

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from btcbot.config.base import empty_is_none
from btcbot.config.files import read_bounded_text
from btcbot.config.validators import HttpUrl, WsUrl, is_base64

_SECRET_FIX = "paste the private key exactly as BTCTurk showed it (base64 text)"


class ExchangeSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="BTCTURK_",
        frozen=True,
        extra="ignore",
        case_sensitive=False,
        hide_input_in_errors=True,  # a bad value may be a secret
        allow_inf_nan=False,  # CYCLE_SECONDS=inf or a cap of NaN is a mistake, not a value
    )

    base_url: HttpUrl = Field(
        "https://api.btcturk.com",
        description="Default https://api.btcturk.com: REST root (v2 public, v1 private).",
    )
    graph_url: HttpUrl = Field(
        "https://graph-api.btcturk.com",
        description="Default https://graph-api.btcturk.com: OHLC and klines live on a "
        "separate host with its own rate limit.",
    )
    ws_url: WsUrl = Field(
        "wss://ws-feed-pro.btcturk.com",
        description="Default wss://ws-feed-pro.btcturk.com: the production WebSocket feed.",
    )
    api_key: str | None = Field(
        None, description="Default unset: public key; private endpoints need it."
    )
    api_secret: SecretStr | None = Field(
        None,
        description="Default unset: base64 private key; held as a secret, never printed.",
    )
    api_secret_file: Path | None = Field(
        None,
        description="Default unset: read the private key from this file instead (systemd "
        "LoadCredential=, Docker/Kubernetes secrets); conflicts with BTCTURK_API_SECRET.",
    )
    api_key_created: date | None = Field(
        None,
        description="Default unset: the day the API key was created on BTCTurk (YYYY-MM-DD); "
        "`btcbot secrets check` measures the key's age from it, else from the modification "
        "time of BTCTURK_API_SECRET_FILE (a copy of that file may be younger than the key).",
    )
    api_key_max_age_days: int = Field(
        90,
        ge=1,
        le=3650,
        description="Default 90: rotate the API key at least this often (a leaked key stops "
        "working at the latest then); `btcbot secrets check` fails an older key.",
    )
    rest_timeout_seconds: float = Field(
        10.0,
        gt=0,
        description="Default 10 s: total per-request timeout; longer stalls a cycle, shorter "
        "turns slow submits into ambiguous outcomes.",
    )
    rest_connect_timeout_seconds: float = Field(
        3.0,
        gt=0,
        description="Default 3 s: a connect that fails is a definitive 'not sent', so it "
        "may fail fast.",
    )
    rest_max_retries: int = Field(
        4,
        ge=0,
        le=20,
        description="Default 4: extra attempts for READS on 429/5xx/timeouts; submits and "
        "cancels are never retried blindly.",
    )
    rest_base_delay_ms: int = Field(
        400,
        ge=0,
        description="Default 400 ms: first backoff ceiling; full jitter draws in [0, ceiling].",
    )
    rest_max_delay_ms: int = Field(
        4000,
        ge=0,
        description="Default 4000 ms: backoff ceiling cap, keeps a cycle bounded.",
    )
    rate_limit_margin: float = Field(
        0.8,
        gt=0,
        le=1,
        description="Default 0.8: use 80 % of each documented limit, leaving room for clock "
        "drift between our sliding windows and the venue's fixed ones.",
    )
    clock_sync_interval_seconds: float = Field(
        300.0,
        gt=0,
        description="Default 300 s: re-measure the server-clock offset; stamps must be "
        "within ±5 s and local clocks drift slowly.",
    )
    ws_stale_after_seconds: float = Field(
        10.0,
        gt=0,
        description="Default 10 s: no WS message for this long = stale feed (BTCTurk sends "
        "no app-level heartbeat and can silently stop delivering).",
    )
    ws_reconnect_base_delay_ms: int = Field(
        500, ge=0, description="Default 500 ms: first WS reconnect backoff ceiling."
    )
    ws_reconnect_max_delay_ms: int = Field(
        30000, ge=0, description="Default 30000 ms: WS reconnect backoff cap."
    )
    ws_max_connects_per_minute: int = Field(
        12,
        ge=1,
        le=15,
        description="Default 12: BTCTurk blocks for 60 s after 15 connects/min; keep margin.",
    )
    ws_ping_interval_seconds: float = Field(
        20.0,
        gt=0,
        description="Default 20 s: protocol-level ping; there is no app-level ping message.",
    )

    @model_validator(mode="before")
    @classmethod
    def _secret_from_file(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        if data.get("api_key_created") == "":
            data = {**data, "api_key_created": None}
        path = data.get("api_secret_file")
        if path in (None, ""):
            return data
        if data.get("api_secret") not in (None, ""):
            raise ValueError("set BTCTURK_API_SECRET or BTCTURK_API_SECRET_FILE, not both")
        try:
            secret = read_bounded_text(path).strip()
        except OSError as exc:
            raise ValueError(
                f"BTCTURK_API_SECRET_FILE {path}: cannot read it ({exc.strerror})"
            ) from None
        except UnicodeDecodeError:
            raise ValueError(f"BTCTURK_API_SECRET_FILE {path} is not text: {_SECRET_FIX}") from None
        if not secret:
            raise ValueError(f"BTCTURK_API_SECRET_FILE {path} is empty")
        if not is_base64(secret):
            raise ValueError(f"BTCTURK_API_SECRET_FILE {path} is not base64: {_SECRET_FIX}")
        return {**data, "api_secret": secret}

    @field_validator("api_key", "api_secret", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        """``BTCTURK_API_KEY=`` (a template left blank) means no key, not an empty one."""
        return empty_is_none(value)

    @field_validator("api_secret")
    @classmethod
    def _base64_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if (
            value is not None
            and value.get_secret_value()
            and not is_base64(value.get_secret_value())
        ):
            raise ValueError(f"not base64 (the value is not shown): {_SECRET_FIX}")
        return value

    @field_validator("api_key")
    @classmethod
    def _printable_key(cls, value: str | None) -> str | None:
        if value is not None and (not value.isprintable() or any(c.isspace() for c in value)):
            raise ValueError(
                "holds spaces or control characters (the value is not shown): paste the "
                "public key exactly as BTCTurk showed it"
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.rest_max_delay_ms < self.rest_base_delay_ms:
            raise ValueError("BTCTURK_REST_MAX_DELAY_MS must be >= BTCTURK_REST_BASE_DELAY_MS")
        if self.ws_reconnect_max_delay_ms < self.ws_reconnect_base_delay_ms:
            raise ValueError(
                "BTCTURK_WS_RECONNECT_MAX_DELAY_MS must be >= BTCTURK_WS_RECONNECT_BASE_DELAY_MS"
            )
        if (self.api_key is None) != (self.api_secret is None):
            raise ValueError("set both BTCTURK_API_KEY and BTCTURK_API_SECRET, or neither")
        return self
