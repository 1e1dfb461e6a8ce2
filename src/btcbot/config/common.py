"""Settings every profile shares: safety gates, state database, symbols, market data, loop."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Annotated, ClassVar, Literal, Self

from pydantic import AliasChoices, BeforeValidator, Field, model_validator
from pydantic_settings import NoDecode

from btcbot.config.base import BtcbotSettings, parse_symbols
from btcbot.config.validators import DatabaseUrl, Directory, Host, LogLevel
from btcbot.domain import Symbol

MAX_PG_ACCOUNT_KEY = 48  # 64-character key columns less ":ledger-baseline"
#: What an ACCOUNT_KEY is made of: no ':' (the separator of the state keys derived from it).
_ACCOUNT_KEY = re.compile(r"[A-Za-z0-9_.-]+")
ACK_PHRASE = "I_UNDERSTAND"
#: Longest pause between cycles (a day): CYCLE_SECONDS and every --cycle-seconds option.
MAX_CYCLE_SECONDS = 86_400.0
#: Upper bounds of knobs whose huge values would break the run (a lock TTL too large for the
#: database's integer, a timeout that overflows in milliseconds, paper amounts past the
#: 28-digit Decimal context): far beyond any sensible value, refused at load.
MAX_LOCK_TTL_SECONDS = 86_400
MAX_PASS_TIMEOUT_SECONDS = 3_600.0
MAX_PAPER_BALANCE = Decimal(10**12)
DEFAULT_SYMBOLS = (Symbol("BTC", "TRY"), Symbol("ETH", "TRY"), Symbol("SOL", "TRY"))

Symbols = Annotated[tuple[Symbol, ...], NoDecode, BeforeValidator(parse_symbols)]


class CommonSettings(BtcbotSettings):
    """Knobs of every profile. Safe by default: nothing can trade until five gates are set."""

    RETIRED: ClassVar[dict[str, str]] = {
        "STATE_DB_STRICT_LOCK": "the process lock is always strict for writers",
        "KILL_CHAIN_MAX_CONSECUTIVE_ERRORS": "use RECONCILE_FAILURE_THRESHOLD (kill switch) "
        "or EXCHANGE_ERROR_STREAK (profiles 4 and 7)",
        "APP_ROLE": "a database role (live / dry_run) is stamped from the run mode",
        "PROCESS_ROLE": "a database role (live / dry_run) is stamped from the run mode",
    }

    dry_run: bool = Field(
        True,
        description="Default true: simulate fills against live data, never place real orders. "
        "Gate 1 of 5 for live trading.",
    )
    kill_switch: bool = Field(
        True,
        description="Default true: no new risk (cancels still allowed). Gate 2 of 5. The "
        "runtime can also trip a kill switch stored in the state database.",
    )
    safe_mode: bool = Field(
        True,
        description="Default true: observe only, no exchange writes at all (not even "
        "cancels). Gate 3 of 5.",
    )
    live_trading: bool = Field(
        False,
        description="Default false: the explicit 'I want real orders' switch. Gate 4 of 5; "
        "contradicts DRY_RUN=true.",
    )
    live_trading_ack: str | None = Field(
        None,
        description=f"Default unset: must be exactly {ACK_PHRASE} for live trading (gate 5 of "
        "5), so no single boolean typo can arm the bot.",
    )
    account_key: str = Field(
        "main",
        min_length=1,
        max_length=64,
        description="Default main: names the traded account in the process lock and the "
        "runtime state; distinct accounts sharing one PostgreSQL database need distinct keys "
        "(letters, digits, '_', '-' and '.'; at most 48 characters with PostgreSQL).",
    )
    state_db_path: Path = Field(
        Path("btcbot_state.db"),
        description="Default btcbot_state.db: SQLite state file (WAL mode). A dry run and a "
        "live run refuse to share one database.",
    )
    state_db_url: DatabaseUrl = Field(
        None,
        description="Default unset: SQLAlchemy URL, e.g. postgresql+psycopg://user:pw@host/db; "
        "wins over STATE_DB_PATH. Secret: it may carry a password.",
    )
    symbols: Symbols = Field(
        DEFAULT_SYMBOLS,
        validation_alias=AliasChoices("symbols", "universe_symbols"),
        description="Default BTC_TRY,ETH_TRY,SOL_TRY: CSV of traded pairs; BTCTRY spelling "
        "accepted.",
    )
    market_data_mode: Literal["rest", "ws"] = Field(
        "rest",
        description="Default rest: polling needs no WS feed; ws uses the WebSocket order book "
        "(refused at start-up if no feed can run).",
    )
    max_market_data_age_ms: int = Field(
        15_000,
        gt=0,
        validation_alias=AliasChoices("max_market_data_age_ms", "btcturk_marketdata_max_age_ms"),
        description="Default 15000: older data blocks new risk for that symbol (fail closed).",
    )
    orderbook_ttl_ms: int = Field(
        2_000,
        ge=0,
        description="Default 2000: a REST order book younger than this is reused (by the "
        "snapshot and the paper account) instead of read again; must be below "
        "MAX_MARKET_DATA_AGE_MS.",
    )
    orderbook_max_staleness_ms: int = Field(
        5_000,
        gt=0,
        description="Default 5000: a REST order book older than ORDERBOOK_TTL_MS is read again "
        "while the order-book rate budget has room to spare, and always once older than this "
        "(so the cycle rarely waits for the budget and no book is older than this).",
    )
    ws_market_data_rest_fallback: bool = Field(
        False,
        description="Default false: in ws mode, poll REST while the feed is stale instead of "
        "pausing new risk.",
    )
    log_level: LogLevel = Field(
        "INFO", description="Default INFO: structured log level (any case)."
    )
    metrics_port: int | None = Field(
        None,
        ge=1,
        le=65535,
        description="Default unset: no metrics endpoint; set a port to serve Prometheus metrics.",
    )
    metrics_host: Host = Field(
        "127.0.0.1",
        description="Default 127.0.0.1: address the metrics/health endpoint binds; containers "
        "set 0.0.0.0 so Prometheus and probes can reach it.",
    )
    reconcile_failure_threshold: int = Field(
        3,
        ge=1,
        description="Default 3: consecutive failed reconciliations that trip the kill switch "
        "(no silent drift; audit G4).",
    )
    reconcile_failure_max_seconds: int = Field(
        120,
        gt=0,
        description="Default 120: reconciliation failing for this long (from the start of the "
        "first failed pass) trips the kill switch even before RECONCILE_FAILURE_THRESHOLD "
        "passes failed, so slow failing passes cannot delay it by minutes.",
    )
    reconcile_pass_timeout_seconds: float = Field(
        45.0,
        gt=0,
        le=MAX_PASS_TIMEOUT_SECONDS,
        description="Default 45: one reconciliation pass taking longer fails (and counts): "
        "read retries under an outage cannot stretch a pass, and a cycle, without bound; at "
        "most 3600.",
    )
    process_instance_ttl_seconds: int = Field(
        180,
        gt=0,
        le=MAX_LOCK_TTL_SECONDS,
        description="Default 180: a process lock whose heartbeat is older is stale and may be "
        "taken over (crashed or hung holder, e.g. on another host); at most 86400. A holder "
        "on this host that is provably dead (its lock file released) is taken over at once.",
    )
    process_instance_heartbeat_interval_seconds: float = Field(
        30.0,
        gt=0,
        description="Default 30: how often a background thread refreshes the lock heartbeat, "
        "whatever the cycle is doing; at most half the TTL.",
    )
    lock_dir: Directory = Field(
        None,
        description="Default unset: $XDG_RUNTIME_DIR/btcbot when XDG_RUNTIME_DIR is set, else "
        "/tmp/btcbot-locks. Local directory of the per-host OS lock files, one per exchange "
        "account (API key fingerprint): every bot on a host must use the same one. Keep it "
        "across restarts (not a per-service private /tmp), so a restart after a crash can "
        "prove the old process gone.",
    )
    startup_exchange_wait_seconds: int = Field(
        600,
        ge=0,
        description="Default 600: at start-up, wait this long for the exchange (market data "
        "and start-up reconciliation) with backoff before exiting 1; 0 = do not wait. The "
        "systemd unit restarts the bot afterwards, so an outage never leaves it failed.",
    )
    startup_retry_base_seconds: float = Field(
        5.0,
        gt=0,
        description="Default 5: first pause between start-up attempts; it doubles per attempt "
        "(with jitter) up to STARTUP_RETRY_MAX_SECONDS. Each failed start-up reconciliation "
        "counts toward RECONCILE_FAILURE_THRESHOLD like a failed cycle, at about the same pace.",
    )
    startup_retry_max_seconds: float = Field(
        60.0,
        gt=0,
        description="Default 60: longest pause between start-up attempts (no hot loop into an "
        "exchange that is down).",
    )
    cycle_seconds: float = Field(
        10.0,
        gt=0,
        le=MAX_CYCLE_SECONDS,
        description="Default 10: pause between cycles in loop mode, at most 86400 (a day; the "
        "CLI's --cycle-seconds overrides it, 0 to 86400).",
    )
    dry_run_try_balance: Decimal = Field(
        Decimal(1000),
        ge=0,
        le=MAX_PAPER_BALANCE,
        description="Default 1000: starting TRY balance of the paper account in dry runs (at "
        "most 1000000000000).",
    )
    dry_run_maker_fee_bps: Decimal = Field(
        Decimal(5),
        ge=0,
        lt=10_000,
        description="Default 5: maker fee the paper account charges in dry runs, bps of the "
        "notional (BTCTurk's base tier: set your own; the 20 % tax on fees comes on top).",
    )
    dry_run_taker_fee_bps: Decimal = Field(
        Decimal(9),
        ge=0,
        lt=10_000,
        description="Default 9: taker fee the paper account charges in dry runs, bps.",
    )
    dry_run_slippage_bps: Decimal = Field(
        Decimal(0),
        ge=0,
        lt=10_000,
        description="Default 0: extra price a taker pays the paper account beyond the live "
        "book, bps, under 10000 (never past a limit order's own price).",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.live_trading_ack not in (None, ACK_PHRASE):
            raise ValueError(
                f"LIVE_TRADING_ACK must be exactly {ACK_PHRASE} or unset (the value is not shown)"
            )
        if self.process_instance_heartbeat_interval_seconds * 2 > self.process_instance_ttl_seconds:
            raise ValueError(
                "PROCESS_INSTANCE_HEARTBEAT_INTERVAL_SECONDS must be below "
                "PROCESS_INSTANCE_TTL_SECONDS / 2, or one late heartbeat makes a healthy "
                "holder look stale"
            )
        if self.startup_retry_max_seconds < self.startup_retry_base_seconds:
            raise ValueError("STARTUP_RETRY_MAX_SECONDS must be >= STARTUP_RETRY_BASE_SECONDS")
        if not self.symbols:
            raise ValueError("SYMBOLS is empty: list at least one pair, e.g. BTC_TRY")
        if not _ACCOUNT_KEY.fullmatch(self.account_key):
            # state derived from an account is kept under "<ACCOUNT_KEY>:<what>": a key with
            # a colon ("main:ledger-baseline") would read and write another account's
            raise ValueError(
                "ACCOUNT_KEY: use letters, digits, '_', '-' and '.' only, e.g. main or prod-1 "
                "(the value is not shown)"
            )
        url = None if self.state_db_url is None else self.state_db_url.get_secret_value()
        if url and url.startswith("postgresql") and len(self.account_key) > MAX_PG_ACCOUNT_KEY:
            # the ledger baseline is kept under ACCOUNT_KEY + ":ledger-baseline" in a
            # VARCHAR(64) column: PostgreSQL refused the first baseline write mid-run
            raise ValueError(
                f"ACCOUNT_KEY has {len(self.account_key)} characters: with a PostgreSQL "
                f"STATE_DB_URL it may have at most {MAX_PG_ACCOUNT_KEY} (the state keyed by it "
                "must fit the database's 64-character keys); choose a shorter one"
            )
        if not self.orderbook_ttl_ms <= self.orderbook_max_staleness_ms:
            raise ValueError(
                "ORDERBOOK_TTL_MS must not exceed ORDERBOOK_MAX_STALENESS_MS (a reused book "
                "would be older than the staleness limit)"
            )
        if not self.orderbook_ttl_ms < self.max_market_data_age_ms:
            # every book reused from the cache would already be stale: new risk blocked on
            # every cycle that reuses one, though a fresh read was allowed
            raise ValueError(
                f"ORDERBOOK_TTL_MS ({self.orderbook_ttl_ms}) must be below "
                f"MAX_MARKET_DATA_AGE_MS ({self.max_market_data_age_ms}): a reused order book "
                "would be too old to trade on; lower ORDERBOOK_TTL_MS"
            )
        return self

    @property
    def acknowledged(self) -> bool:
        return self.live_trading_ack == ACK_PHRASE
