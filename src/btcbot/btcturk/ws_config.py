"""Settings and errors of the BTCTurk WebSocket client.

Errors::

    WsError
    ├── WsAuthError          login (114) refused: fatal, never retried (would hammer a bad key)
    ├── WsSubscriptionError  a 151 join/leave was refused (100 ok:false): fatal, a config bug
    └── WsProtocolError      the server broke the protocol (no 991 hello...): reconnect
"""

from __future__ import annotations

from dataclasses import dataclass

PROD_WS_URL = "wss://ws-feed-pro.btcturk.com"
OFFICIAL_LOGIN_NONCE = 3000  # the official sample's constant; signing str(ms) is reported to fail


class WsError(RuntimeError):
    """Base of the WebSocket client's own errors."""


class WsAuthError(WsError):
    """The server refused our 114 login; the message names the server's reason."""


class WsSubscriptionError(WsError):
    """The server answered a subscription with ``ok: false``."""


class WsProtocolError(WsError):
    """The server did not follow the protocol (handled by reconnecting)."""


@dataclass(frozen=True, slots=True)
class WsClientConfig:
    """Knobs of :class:`~btcbot.btcturk.ws_client.BtcturkWsClient` (defaults and why).

    * ``url``: production feed; the emulator gives a loopback URL.
    * ``stale_after_seconds``: no frame for this long → the feed is stale and is reconnected.
      Subscribe to something that ticks (``ticker`` ≤ 1 s) or a quiet private-only socket will
      be recycled; ``None`` disables the watchdog.
    * ``reconnect_base_delay_ms`` / ``reconnect_max_delay_ms``: full-jitter exponential backoff.
    * ``max_connects_per_minute``: BTCTurk blocks an IP for 60 s past 15 connection requests a
      minute; 10 leaves room for a second process.
    * ``ping_interval_seconds``: WebSocket protocol pings (BTCTurk has no app heartbeat);
      ``ping_timeout_seconds`` closes a connection whose pong never comes.
    * ``handshake_timeout_seconds``: wait for 991 hello and the 114 login reply.
    * ``snapshot_timeout_seconds``: a book still without its 431 this long after its ``obdiff``
      join (a subscription, a reconnect, a resnapshot) asks again: a lost 431 would otherwise
      leave the pair unsynced for as long as the connection lives.
    * ``login_nonce``: signed as ``publicKey + str(nonce)`` (API_CONTRACT §2.2).
    * ``market_queue_size``: bounded market-event queue (oldest dropped, counted); the private
      queue is unbounded because a fill must never be dropped.
    """

    url: str = PROD_WS_URL
    stale_after_seconds: float | None = 15.0
    reconnect_base_delay_ms: int = 500
    reconnect_max_delay_ms: int = 30_000
    max_connects_per_minute: int = 10
    ping_interval_seconds: float | None = 20.0
    ping_timeout_seconds: float | None = 20.0
    open_timeout_seconds: float = 10.0
    close_timeout_seconds: float = 2.0
    handshake_timeout_seconds: float = 10.0
    snapshot_timeout_seconds: float = 10.0
    login_nonce: int = OFFICIAL_LOGIN_NONCE
    market_queue_size: int = 10_000

    def __post_init__(self) -> None:
        if not 1 <= self.max_connects_per_minute <= 15:
            raise ValueError("max_connects_per_minute must be 1..15 (BTCTurk blocks above 15)")
        if not 0 <= self.reconnect_base_delay_ms <= self.reconnect_max_delay_ms:
            raise ValueError("need 0 <= reconnect_base_delay_ms <= reconnect_max_delay_ms")
        if self.stale_after_seconds is not None and self.stale_after_seconds <= 0:
            raise ValueError("stale_after_seconds must be positive (or None to disable)")
        if self.snapshot_timeout_seconds <= 0:
            raise ValueError("snapshot_timeout_seconds must be positive")
        if self.market_queue_size < 1:
            raise ValueError("market_queue_size must be >= 1")
