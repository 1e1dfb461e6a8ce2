"""What a chaos run is made of: the run's options and the agent's settings, with the reasons.

The agent runs with its real settings loader; the harness only chooses values that make a
minute of trading dense enough to test (short TTL and cooldown, small timeouts so a fault costs
seconds, not minutes) and limits it can check from the exchange side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from btcbot.emulator import Account

CHAOS_KEY_PREFIX = "chaos-agent-key"
CHAOS_SECRET = "Y2hhb3MtYWdlbnQtc2VjcmV0LW5vdC1yZWFs"  # base64 of chaos-agent-secret-not-real
#: Pre-existing base holdings matter: a double sell is only possible when the account holds
#: more than the agent's own position (the demo account's BTC is the issue's example).
CHAOS_BALANCES = {
    "TRY": Decimal(20_000),
    "USDT": Decimal(500),
    "BTC": Decimal("0.02"),
    "ETH": Decimal("0.5"),
}
STAGES = (3, 4, 7)


def chaos_key(seed: int) -> str:
    """One API key per scenario: an exchange account (and the agent's single-writer lock on
    it) is never shared by two scenarios running at the same time."""
    return f"{CHAOS_KEY_PREFIX}-{seed}"


def chaos_account(seed: int) -> Account:
    return Account(chaos_key(seed), CHAOS_SECRET, dict(CHAOS_BALANCES))


@dataclass(frozen=True)
class AgentSettings:
    """The agent's environment (names as in ``.env.example``). Limits named here are the ones
    the invariants check on the exchange side."""

    symbols: str = "BTC_TRY,ETH_TRY,XRP_TRY"
    account_key: str = "chaos"
    cycle_seconds: float = 1.0
    max_open_orders_per_symbol: int = 1
    max_notional_per_order_try: Decimal = Decimal(400)
    reconcile_failure_threshold: int = 3
    #: a failing reconciliation trips the kill switch after this long at the latest
    reconcile_failure_max_seconds: int = 30
    #: short TTL and drift make stage 4/7 cancel-and-replace often (where the double fill was)
    ttl_seconds: int = 4
    order_drift_bps: int = 10
    #: the lock TTL bounds how long a restart after SIGKILL can be refused today (issue 6 §1)
    lock_ttl_seconds: int = 6
    rest_timeout_seconds: float = 2.0
    extra: tuple[tuple[str, str], ...] = ()

    def environment(
        self, *, api_key: str, base_url: str, ws_url: str, db_path: Path
    ) -> dict[str, str]:
        env = {
            "BTCTURK_BASE_URL": base_url,
            "BTCTURK_GRAPH_URL": base_url,
            "BTCTURK_WS_URL": ws_url,
            "BTCTURK_API_KEY": api_key,
            "BTCTURK_API_SECRET": CHAOS_SECRET,
            "DRY_RUN": "false",
            "KILL_SWITCH": "false",
            "SAFE_MODE": "false",
            "LIVE_TRADING": "true",
            "LIVE_TRADING_ACK": "I_UNDERSTAND",
            "STATE_DB_PATH": str(db_path),
            "ACCOUNT_KEY": self.account_key,
            "SYMBOLS": self.symbols,
            "MARKET_DATA_MODE": "ws",
            "WS_MARKET_DATA_REST_FALLBACK": "true",
            "RECONCILE_FAILURE_THRESHOLD": str(self.reconcile_failure_threshold),
            "RECONCILE_FAILURE_MAX_SECONDS": str(self.reconcile_failure_max_seconds),
            "LOCK_DIR": str(db_path.parent / "locks"),
            "PROCESS_INSTANCE_TTL_SECONDS": str(self.lock_ttl_seconds),
            "PROCESS_INSTANCE_HEARTBEAT_INTERVAL_SECONDS": "1",
            "BTCTURK_REST_TIMEOUT_SECONDS": str(self.rest_timeout_seconds),
            "BTCTURK_REST_CONNECT_TIMEOUT_SECONDS": "1",
            "BTCTURK_REST_MAX_RETRIES": "2",
            "BTCTURK_REST_BASE_DELAY_MS": "100",
            "BTCTURK_REST_MAX_DELAY_MS": "500",
            "BTCTURK_WS_STALE_AFTER_SECONDS": "3",
            "BTCTURK_WS_RECONNECT_BASE_DELAY_MS": "200",
            "BTCTURK_WS_RECONNECT_MAX_DELAY_MS": "2000",
            "MAX_OPEN_ORDERS_PER_SYMBOL": str(self.max_open_orders_per_symbol),
            "MAX_NOTIONAL_PER_ORDER_TRY": str(self.max_notional_per_order_try),
            "MAX_ORDERS_PER_CYCLE": "2",
            "NOTIONAL_CAP_TRY_PER_CYCLE": "800",
            "COOLDOWN_SECONDS": "2",
            "TTL_SECONDS": str(self.ttl_seconds),
            "ORDER_DRIFT_BPS": str(self.order_drift_bps),
            "ENTRY_NOTIONAL_TRY": "150",
            "TARGET_TRY": "300",
            "OFFSET_BPS": "0",
            "MIN_PROFIT_BPS": "0",
            "FEE_BPS_TAKER": "0",
            "SLIPPAGE_BPS_BUFFER": "0",
            "TAKE_PROFIT_FRACTION": "1",
            "STAGE7_UNIVERSE_SIZE": "3",
            "STAGE7_ORDER_OFFSET_BPS": "2",
            "MAX_POSITION_TRY_PER_SYMBOL": "1500",
            "RISK_COOLDOWN_SEC": "5",
            # the universe stays within the streamed symbols (a new symbol's first book is
            # stale and holds profile 7 in OBSERVE_ONLY)
            "STAGE7_UNIVERSE_WHITELIST": self.symbols,
            "LOG_LEVEL": "INFO",
        }
        env.update(dict(self.extra))
        return env


@dataclass(frozen=True)
class RunOptions:
    seed: int = 1
    scenarios: int = 3
    #: scenarios run at the same time (each its own emulator, agent and directory)
    jobs: int = 1
    stages: tuple[int, ...] = STAGES
    #: seconds of faults per scenario (then a quiet phase, the end checks)
    fault_seconds: float = 60.0
    #: network/exchange faults per scenario
    faults: int = 24
    #: SIGKILLs of the agent per scenario
    crashes: int = 3
    #: the persistent-failure probe (invariant 6) in every scenario
    persistent_failure: bool = True
    #: fault-free seconds before the end checks (longer than the in-flight resolution ladder)
    quiet_s: float = 15.0
    #: fault kinds to use (empty: all); see ``schedule.FAULT_KINDS`` / ``CRASH_POINTS``
    kinds: tuple[str, ...] = ()
    #: healthy seconds (agent up, no fault active) within which an exchange order must be known
    resolution_window_s: float = 20.0
    #: seconds after the last fault cleared within which a cycle must succeed again
    recovery_limit_s: float = 45.0
    #: the kill switch must trip within RECONCILE_FAILURE_MAX_SECONDS plus this (the pass that
    #: reaches the bound ends, the cycle records it)
    trip_slack_s: float = 15.0
    workdir: Path = Path(".chaos")
    #: BTCTurk's limits x4: a minute holds enough cycles to meet the faults (429 bursts are
    #: injected on purpose); 1.0 is the real exchange
    rate_limit_scale: float | None = 4.0
    agent: AgentSettings = field(default_factory=AgentSettings)

    @property
    def trip_within_s(self) -> float:
        """Seconds from the start of a persistent failure to the kill switch, at most."""
        return self.agent.reconcile_failure_max_seconds + self.trip_slack_s

    def reproduce(self, index: int) -> str:
        """The command that replays scenario ``index`` alone (same schedule)."""
        parts = [
            f"--seed {self.scenario_seed(index)} --scenarios 1",
            f"--stages {self.scenario_stage(index)}",
            f"--seconds {self.fault_seconds:g} --faults {self.faults} --crashes {self.crashes}",
            f"--quiet-seconds {self.quiet_s:g}",
        ]
        if self.kinds:
            parts.append(f"--kinds {','.join(self.kinds)}")
        if not self.persistent_failure:
            parts.append("--no-probe")
        return "python -m chaos " + " ".join(parts)

    def scenario_seed(self, index: int) -> int:
        return self.seed + index

    def scenario_stage(self, index: int) -> int:
        return self.stages[index % len(self.stages)]
