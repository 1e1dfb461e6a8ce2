"""Knobs of the order manager, each with its default and why (the runtime maps settings here)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OmsSettings:
    #: 5 s: first look for an ambiguous submit (NautilusTrader's default); the exchange needs
    #: a moment before allOrders / user trades show a just-placed order.
    resolve_first_delay_ms: int = 5_000
    #: 2 s between further looks while the order is still not found.
    resolve_interval_ms: int = 2_000
    #: 5 fully answered looks that find nothing before an order is declared NOT_PLACED.
    resolve_max_tries: int = 5
    #: 60 s: allOrders / user trades are scanned from the order's creation minus this
    #: (clock differences between us and the exchange).
    resolve_lookback_ms: int = 60_000
    #: 30 s: a PENDING_SUBMIT row older than this that no submit of this process is sending
    #: belongs to a process that died mid-send: it goes IN_FLIGHT and up the ladder.
    #: Must exceed the REST timeout.
    pending_submit_grace_ms: int = 30_000
    #: 15 s: a pending cancel the exchange still shows open after this is sent again.
    cancel_resend_after_ms: int = 15_000
    #: 60 s: user trades are re-read from the newest stored fill minus this (late arrivals;
    #: duplicates are dropped by trade id).
    fill_overlap_ms: int = 60_000
    #: 1 h: how far back the first fill sync of a symbol with no stored fill looks.
    fill_initial_lookback_ms: int = 3_600_000
    #: 60 s: the longest a symbol without a live order of ours goes unswept (its fills and
    #: open orders can only be someone else's). Such reads happen every pass while the rate
    #: budget has room to spare; this bounds how long they may be put off when it has not.
    idle_sweep_max_interval_ms: int = 60_000
    #: 3: consecutive failed reconciliations that trip the kill switch
    #: (``RECONCILE_FAILURE_THRESHOLD``).
    reconcile_failure_threshold: int = 3
    #: 120 s: reconciliation failing this long (from the start of the first failed pass)
    #: trips the kill switch even below the threshold (``RECONCILE_FAILURE_MAX_SECONDS``).
    reconcile_failure_max_ms: int = 120_000
    #: 45 s: one reconciliation pass taking longer fails and counts
    #: (``RECONCILE_PASS_TIMEOUT_SECONDS``); bounds a pass whatever the read retries do.
    #: None only for a venue that answers from memory (the replay): its pass awaits no I/O
    #: and cannot hang, and a wall-clock deadline would tie a replay's outcome to the speed
    #: of the machine.
    reconcile_pass_timeout_ms: int | None = 45_000
    #: 1000 private WS events about orders not yet known locally kept for replay.
    evidence_buffer_max: int = 1_000

    def __post_init__(self) -> None:
        if self.resolve_max_tries < 1 or self.reconcile_failure_threshold < 1:
            raise ValueError("resolve_max_tries and reconcile_failure_threshold must be >= 1")
        if min(self.resolve_first_delay_ms, self.resolve_interval_ms) < 0:
            raise ValueError("resolution delays must not be negative")
        pass_timeout = self.reconcile_pass_timeout_ms
        if self.reconcile_failure_max_ms <= 0 or (pass_timeout is not None and pass_timeout <= 0):
            raise ValueError("reconciliation time bounds must be positive")
