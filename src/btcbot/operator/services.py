"""The one place every operator surface gets its answers and performs its writes.

The CLI (``status``, ``orders``, ``kill-switch``, ``entries``, ``freeze``, ``degrade``,
``ledger``), the HTTP API and dashboard (:mod:`btcbot.api`) and the Telegram bot all call an
:class:`OperatorServices`; none of them reads or writes the state database itself.

Reads go through ``reader``, an engine that is read-only where the surface only reads
(:func:`btcbot.store.open_for_inspection`). Writes go through ``writer`` (a vetted live or
dry-run database, :func:`btcbot.store.open_for_operator`), each in one transaction with its
audit row naming the ``actor`` (an API token's name, ``telegram:<chat id>``, ``cli:<user>``).
No write places an order.

::

    services = OperatorServices(common, reader=engine, writer=engine)
    services.status().trips                       # what holds the bot back, and the fix
    services.perform(Action.KILL_SWITCH_ON, {"reason": "news"}, actor="api:alice")
    pending = services.perform(Action.KILL_SWITCH_OFF, {}, actor="telegram:42")
    services.confirm(pending.token, actor="telegram:42")   # two-step: the token comes back
    services.perform(Action.CANCEL_ALL, {}, actor="api:alice")   # queued for the agent

``perform`` answers with an :class:`~btcbot.operator.views.ActionResult`: ``done``; ``confirm``
(actions in :data:`~btcbot.operator.actions.NEEDS_CONFIRMATION`: send the token back through
:meth:`OperatorServices.confirm` before it expires); or ``queued`` (cancel all: only the process
holding the account lock may send, so the running agent executes it at its next cycle; follow
it with :meth:`OperatorServices.request`). Refusals raise :mod:`btcbot.operator.errors`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog
from sqlalchemy import Engine

from btcbot.config import CommonSettings
from btcbot.domain.reasons import REASONS
from btcbot.obs.logging import RecentLogs
from btcbot.operator import history
from btcbot.operator.actions import NEEDS_CONFIRMATION, Action, apply, audit
from btcbot.operator.confirm import confirm, request_confirmation
from btcbot.operator.daily import DailyFigures, daily_figures
from btcbot.operator.errors import BadRequest, NotFound, Refused
from btcbot.operator.ledger import read_ledger
from btcbot.operator.requests import queue_cancel_all
from btcbot.operator.status import agent_running, read_status
from btcbot.operator.views import (
    ActionResult,
    AuditView,
    CycleDetail,
    CycleView,
    EquitySeries,
    FillView,
    LedgerView,
    LogEntry,
    OrderView,
    ReasonView,
    ReportFile,
    RequestView,
    RunSettingsView,
    StatusView,
    UnreadableOrderView,
)
from btcbot.store import unit_of_work
from btcbot.store.operator_log import AuditLog, OperatorRequests, StoredRequest
from btcbot.store.orders import LIVE_STATUSES
from btcbot.store.run_settings import RunSettingsRepository

log = structlog.get_logger(__name__)

MAX_ROWS = 10_000  # the most rows one read returns


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class OperatorServices:
    common: CommonSettings
    reader: Engine
    writer: Engine | None = None  # None: a read-only surface, every write is refused
    api_key: str | None = None  # BTCTURK_API_KEY: names the account lock (never shown)
    clock_ms: Callable[[], int] = wall_clock_ms
    in_agent: bool = False  # served by the running agent itself (it executes the requests)
    wake_agent: Callable[[], None] | None = None  # the agent runs queued requests now
    logs: RecentLogs | None = None  # this process's recent log events
    reports_dir: Path | None = None  # where backtest HTML reports are listed from

    # --- reads --------------------------------------------------------------------------

    def status(self, cycles: int = 5) -> StatusView:
        return read_status(
            self.reader, self.common, _bounded(cycles), self.clock_ms(), api_key=self.api_key
        )

    def orders(
        self, statuses: Sequence[str] | None = LIVE_STATUSES, limit: int = 50
    ) -> list[OrderView]:
        """Newest first; ``statuses`` None: every order (default: the live ones). Rows that do
        not read back are left out (logged; :meth:`order_listing` names them)."""
        readable, unreadable = self.order_listing(statuses, limit)
        if unreadable:
            log.warning(
                "orders_unreadable",
                rows=[f"{u.client_order_id}: {u.problem}" for u in unreadable[:5]],
                count=len(unreadable),
            )
        return readable

    def order_listing(
        self, statuses: Sequence[str] | None = LIVE_STATUSES, limit: int = 50
    ) -> tuple[list[OrderView], list[UnreadableOrderView]]:
        """:meth:`orders`, and the rows that do not read back (edited by hand, damaged)."""
        with self.reader.connect() as conn:
            return history.list_orders(conn, statuses, _bounded(limit), self.clock_ms())

    def fills(self, limit: int = 100) -> list[FillView]:
        """Newest first, ours and others' (``ours`` says which the ledger books)."""
        with self.reader.connect() as conn:
            return history.list_fills(conn, _bounded(limit))

    def ledger(self) -> LedgerView:
        with self.reader.connect() as conn:
            return read_ledger(conn, self.common.account_key)

    def equity(self, limit: int = 500) -> EquitySeries:
        with self.reader.connect() as conn:
            return history.equity_series(conn, _bounded(limit), MAX_ROWS)

    def daily(self, end_ms: int | None = None) -> DailyFigures:
        """The 24 hours before ``end_ms`` (default: now): realized PnL net of fee and tax, fee
        and tax paid, our fills, orders placed, equity at both ends of the window."""
        with self.reader.connect() as conn:
            return daily_figures(conn, self.clock_ms() if end_ms is None else end_ms)

    def cycles(self, limit: int = 20) -> list[CycleView]:
        with self.reader.connect() as conn:
            return history.list_cycles(conn, _bounded(limit))

    def cycle(self, cycle_id: str) -> CycleDetail:
        with self.reader.connect() as conn:
            found = history.cycle_detail(conn, cycle_id)
        if found is None:
            raise NotFound(f"no cycle {cycle_id!r} in the state database")
        return found

    def reasons(self) -> list[ReasonView]:
        return [ReasonView(code, meaning) for code, meaning in REASONS.items()]

    def run_settings(self) -> RunSettingsView | None:
        return self.status(cycles=1).run_settings

    def recent_logs(self, limit: int = 200, level: str = "INFO") -> list[LogEntry]:
        """This process's recent log events, newest first (secrets redacted)."""
        if self.logs is None:
            return []
        threshold = logging.getLevelNamesMapping().get(level.upper(), logging.INFO)
        return [_log_entry(e) for e in self.logs.events(_bounded(limit), threshold)]

    def audit(self, limit: int = 100) -> list[AuditView]:
        with self.reader.connect() as conn:
            entries = AuditLog(conn).latest(self.common.account_key, _bounded(limit))
        return [
            AuditView(e.audit_id, e.at_ms, e.actor, e.action, e.outcome, e.detail) for e in entries
        ]

    def requests(self, limit: int = 50) -> list[RequestView]:
        with self.reader.connect() as conn:
            found = OperatorRequests(conn).latest(self.common.account_key, _bounded(limit))
        return [_request_view(r) for r in found]

    def request(self, request_id: int) -> RequestView:
        with self.reader.connect() as conn:
            found = OperatorRequests(conn).get(request_id)
        if found is None or found.account_key != self.common.account_key:
            raise NotFound(f"no operator request {request_id}")
        return _request_view(found)

    def reports(self) -> list[ReportFile]:
        """HTML reports (``btcbot report --format html``) in the reports directory."""
        folder = self._reports_folder()
        found = []
        for path in folder.glob("*.html"):
            try:  # a report removed meanwhile is not listed
                stat = path.stat()
            except OSError:
                continue
            if path.is_file():
                found.append(ReportFile(path.name, stat.st_size, int(stat.st_mtime * 1000)))
        found.sort(key=lambda report: report.modified_ms, reverse=True)
        return found[:MAX_ROWS]

    def report_path(self, name: str) -> Path:
        """The report file called ``name`` (a bare file name in the reports directory)."""
        folder = self._reports_folder()
        if Path(name).name != name or not name.endswith(".html"):
            raise NotFound(f"no report {name!r}")
        path = folder / name
        if not path.is_file():
            raise NotFound(f"no report {name!r}")
        return path

    def _reports_folder(self) -> Path:
        if self.reports_dir is None:
            raise NotFound("no reports directory configured (API_REPORTS_DIR)")
        if not self.reports_dir.is_dir():
            # a typo or a file there listed "no reports", as if none had been written
            what = "is not a directory" if self.reports_dir.exists() else "does not exist"
            raise NotFound(
                f"API_REPORTS_DIR {self.reports_dir} {what}: point it at the directory "
                "`btcbot report --format html --out DIR/NAME.html` writes into"
            )
        return self.reports_dir

    # --- writes -------------------------------------------------------------------------

    def perform(self, action: Action, params: Mapping[str, Any], *, actor: str) -> ActionResult:
        """Do ``action`` as ``actor``: at once, or ask for a confirmation, or queue it."""
        writer = self._writer()
        self._require_account(writer)
        now = self.clock_ms()
        if action is Action.CANCEL_ALL:
            return self._queue_cancel_all(writer, actor, now)
        if action in NEEDS_CONFIRMATION:
            with unit_of_work(writer) as conn:
                request_id, token, expires = request_confirmation(
                    conn, self.common.account_key, action, params, actor=actor, now_ms=now
                )
            return ActionResult(
                action.value,
                "confirm",
                f"confirm {action.value} within {(expires - now) // 1000} s",
                request_id=request_id,
                token=token,
                expires_ms=expires,
            )
        return self.apply_now(action, params, actor=actor)

    def apply_now(self, action: Action, params: Mapping[str, Any], *, actor: str) -> ActionResult:
        """Do a database write at once: for a surface that has confirmed it its own way (the
        CLI's prompt or ``--yes``). Not for :attr:`Action.CANCEL_ALL`."""
        writer = self._writer()
        self._require_account(writer)
        with unit_of_work(writer) as conn:
            applied = apply(conn, self.common, action, params, actor=actor, now_ms=self.clock_ms())
        return ActionResult(action.value, "done", applied.message)

    def confirm(self, token: str, *, actor: str) -> ActionResult:
        writer = self._writer()
        with unit_of_work(writer) as conn:
            outcome = confirm(conn, self.common, token, actor=actor, now_ms=self.clock_ms())
        if isinstance(outcome, Refused):
            raise outcome  # after the expiry was recorded
        action, applied = outcome
        return ActionResult(action.value, "done", applied.message)

    def _queue_cancel_all(self, writer: Engine, actor: str, now: int) -> ActionResult:
        if not self.in_agent and not agent_running(self.reader, self.common, self.api_key, now):
            with unit_of_work(writer) as conn:
                audit(
                    conn,
                    self.common.account_key,
                    actor=actor,
                    action=Action.CANCEL_ALL,
                    outcome="refused",
                    detail="no running agent",
                    now_ms=now,
                )
            raise Refused(
                "no running bot holds this account's lock, and only that process may send "
                "cancels: start `btcbot run` and ask again (it sends them before its next "
                "cycle), or cancel on the exchange"
            )
        with unit_of_work(writer) as conn:
            request_id = queue_cancel_all(conn, self.common.account_key, actor=actor, now_ms=now)
        if self.wake_agent is not None:
            self.wake_agent()
        where = "now" if self.in_agent else "at its next cycle"
        return ActionResult(
            Action.CANCEL_ALL.value,
            "queued",
            f"cancel of every open order queued: the running bot sends it {where} "
            f"(request {request_id})",
            request_id=request_id,
        )

    def _require_account(self, writer: Engine) -> None:
        """A switch is kept per account: one set on an account that never ran here would not
        reach the bot that runs here (it reads its own ``ACCOUNT_KEY``'s). Before any run, any
        account may be set up (a kill switch set before the first start)."""
        account = self.common.account_key
        with writer.connect() as conn:
            accounts = RunSettingsRepository(conn).accounts()
        if accounts and account not in accounts:
            ran = ", ".join(repr(a) for a in accounts)
            raise BadRequest(
                f"account {account!r} has never run on this database, so a switch set for it "
                f"would not reach the bot here, which runs as {ran}: set ACCOUNT_KEY as the "
                "bot's settings do (or pass the bot's --env-file) and try again"
            )

    def _writer(self) -> Engine:
        if self.writer is None:
            raise Refused(
                "this surface is read-only (btcbot serve --read-only, or a database that is "
                "not a live or dry-run state database): use the CLI on the bot's host"
            )
        return self.writer


def _bounded(limit: int) -> int:
    return max(1, min(int(limit), MAX_ROWS))


def _request_view(found: StoredRequest) -> RequestView:
    return RequestView(
        request_id=found.request_id,
        action=found.action,
        actor=found.actor,
        status=found.status.value,
        created_ms=found.created_ms,
        expires_ms=found.expires_ms,
        finished_ms=found.finished_ms,
        outcome=None if found.outcome is None else dict(found.outcome),
    )


_LOG_KEYS = ("timestamp", "level", "event", "logger")


def _log_entry(event: Mapping[str, object]) -> LogEntry:
    return LogEntry(
        time=str(event.get("timestamp", "")),
        level=str(event.get("level", "")),
        event=str(event.get("event", "")),
        logger=None if event.get("logger") is None else str(event.get("logger")),
        fields={k: v for k, v in event.items() if k not in _LOG_KEYS},
    )
