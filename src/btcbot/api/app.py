"""The control API: the operator services over HTTP, with an OpenAPI document at
``/openapi.json`` and the web dashboard (:mod:`btcbot.api.dashboard`) on the same app.

Every path needs a valid token or dashboard session (:mod:`btcbot.api.auth`) except the login
page, logging out and the vendored static assets. Reads are ``GET /api/...``; writes are
``POST /api/actions/{action}`` and ``POST /api/confirm`` (the second step of a two-step write).
Refusals: 400 bad input, 401 no valid credentials, 404 not found, 409 not allowed here or now
(read-only surface, no running agent, an expired confirmation), 503 the state database did not
answer. None of these routes can place an order.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

import structlog
from fastapi import Body, FastAPI, Path, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import SQLAlchemyError

from btcbot import __version__
from btcbot.api.auth import Authenticator, Caller, Unauthorized, log_refused
from btcbot.domain import OrderStatus
from btcbot.operator import Action, BadRequest, NotFound, OperatorServices, Refused
from btcbot.operator.actions import MAX_OVERRIDE_MINUTES
from btcbot.operator.views import (
    ActionResult,
    AuditView,
    CycleDetail,
    CycleView,
    EquitySeries,
    FillView,
    HealthView,
    LedgerView,
    LogEntry,
    OrderView,
    ReasonView,
    ReportFile,
    RequestView,
    RunSettingsView,
    StatusView,
)
from btcbot.store import StoreError
from btcbot.store.orders import LIVE_STATUSES

log = structlog.get_logger(__name__)

# no credentials needed: the login page, logging out (it ends the session its cookie names,
# from a plain form) and the vendored assets under /static/
OPEN_PATHS = frozenset({"/login", "/logout"})
UNREADABLE_HEADER = "X-Unreadable-Orders"


class ActionBody(BaseModel):
    """Parameters of a write: ``reason`` (kill switch on, stop entries, degrade override),
    ``mode`` and ``minutes`` (degrade override)."""

    reason: str | None = Field(None, max_length=500)
    mode: str | None = Field(
        None, max_length=32, description="REDUCE_RISK_ONLY or OBSERVE_ONLY (degrade override)"
    )
    minutes: int | None = Field(None, ge=1, le=MAX_OVERRIDE_MINUTES, strict=True)


class ConfirmBody(BaseModel):
    token: str = Field(min_length=1, max_length=200)


def create_app(services: OperatorServices, auth: Authenticator) -> FastAPI:
    app = FastAPI(
        title="btcbot control API",
        version=__version__,
        description="Read the bot's state and switch its gates. Bearer token required.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.services = services
    app.state.auth = auth
    _guard(app, auth)
    _errors(app)
    _reads(app, services)
    _writes(app, services)
    from btcbot.api.dashboard import mount_dashboard

    mount_dashboard(app, services, auth)
    return app


def _guard(app: FastAPI, auth: Authenticator) -> None:
    @app.middleware("http")
    async def authenticate(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        path = request.url.path
        if path in OPEN_PATHS or path.startswith("/static/"):
            return await call_next(request)
        try:
            request.state.caller = auth.caller(request)
        except Unauthorized as exc:
            log_refused(request, exc.why)
            if path.startswith("/api/") or path == "/openapi.json":
                return JSONResponse(
                    {"detail": "a valid API token is required (Authorization: Bearer ...)"},
                    status_code=401,
                    headers={"WWW-Authenticate": "Bearer"},
                )
            from btcbot.api.dashboard import login_page

            return login_page(request, status_code=401)
        return await call_next(request)


def caller_of(request: Request) -> Caller:
    caller: Caller = request.state.caller
    return caller


def _errors(app: FastAPI) -> None:
    statuses: dict[type[Exception], int] = {
        BadRequest: 400,
        NotFound: 404,
        Refused: 409,
        StoreError: 503,
    }
    for kind, status in statuses.items():

        def handler(request: Request, exc: Exception, status: int = status) -> JSONResponse:
            return JSONResponse({"detail": str(exc)}, status_code=status)

        app.add_exception_handler(kind, handler)

    def unavailable(request: Request, exc: Exception) -> JSONResponse:
        # a busy (locked) or failing database: the driver's text may quote SQL, never shown
        log.warning("api_database_unavailable", path=request.url.path, error=type(exc).__name__)
        detail = "the state database did not answer (busy or unavailable): try again"
        return JSONResponse({"detail": detail}, status_code=503)

    app.add_exception_handler(SQLAlchemyError, unavailable)

    def invalid(request: Request, exc: Exception) -> JSONResponse:
        # FastAPI's own answer echoes the input; a lone surrogate in it ("\ud800" in a JSON
        # body) cannot be encoded as UTF-8 and turned the 422 into a 500
        assert isinstance(exc, RequestValidationError)
        return AsciiJSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)

    app.add_exception_handler(RequestValidationError, invalid)


class AsciiJSONResponse(JSONResponse):
    """JSON with every non-ASCII character escaped: any Python string renders."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, allow_nan=False, separators=(",", ":")).encode("ascii")


Limit = Annotated[int, Query(ge=1, le=10_000)]
LogLevel = Annotated[
    str,
    Query(
        pattern="(?i)^(debug|info|warning|error|critical)$",
        description="The least severe level shown: DEBUG, INFO, WARNING, ERROR or CRITICAL.",
    ),
]
RowId = Annotated[int, Path(ge=1, le=2**63 - 1, description="A request id (a positive integer).")]


def _reads(app: FastAPI, services: OperatorServices) -> None:
    @app.get("/api/status", tags=["read"])
    def status(cycles: Annotated[int, Query(ge=0, le=1000)] = 5) -> StatusView:
        """Everything at a glance: armed or not, trips with their resolutions, switches, risk
        mode with reasons, lock holder, last cycles and lag, health."""
        return services.status(cycles)

    @app.get("/api/health", tags=["read"])
    def health() -> HealthView:
        return services.status(1).health

    @app.get("/api/orders", tags=["read"])
    def orders(
        response: Response,
        status: Annotated[OrderStatus | None, Query()] = None,
        all_orders: Annotated[bool, Query(alias="all")] = False,
        limit: Limit = 50,
    ) -> list[OrderView]:
        """Our orders, newest first: live ones by default, ``all=true`` every one. Rows that
        do not read back (edited by hand, damaged) are left out and named in the
        ``X-Unreadable-Orders`` header (client ids); ``/api/status`` fails its health on them."""
        wanted = (status.value,) if status else (None if all_orders else LIVE_STATUSES)
        readable, unreadable = services.order_listing(wanted, limit)
        if unreadable:
            log.warning("api_orders_unreadable", rows=[u.client_order_id for u in unreadable])
            response.headers[UNREADABLE_HEADER] = ", ".join(u.client_order_id for u in unreadable)
        return readable

    @app.get("/api/fills", tags=["read"])
    def fills(limit: Limit = 100) -> list[FillView]:
        return services.fills(limit)

    @app.get("/api/ledger", tags=["read"])
    def ledger() -> LedgerView:
        """Balance baseline, the balances baseline + our fills explain, positions."""
        return services.ledger()

    @app.get("/api/equity", tags=["read"])
    def equity(limit: Limit = 500) -> EquitySeries:
        """Equity, PnL and drawdown per cycle, oldest first, with our fills."""
        return services.equity(limit)

    @app.get("/api/cycles", tags=["read"])
    def cycles(limit: Limit = 20) -> list[CycleView]:
        return services.cycles(limit)

    @app.get("/api/cycles/{cycle_id}", tags=["read"])
    def cycle(cycle_id: str) -> CycleDetail:
        """One cycle with its decisions and what each reason code means."""
        return services.cycle(cycle_id)

    @app.get("/api/reasons", tags=["read"])
    def reasons() -> list[ReasonView]:
        return services.reasons()

    @app.get("/api/settings", tags=["read"])
    def settings() -> RunSettingsView | None:
        """The settings the running (or last) instance started with, secrets as ***."""
        return services.run_settings()

    @app.get("/api/logs", tags=["read"])
    def logs(limit: Limit = 200, level: LogLevel = "INFO") -> list[LogEntry]:
        """This process's recent log events, newest first, secrets redacted."""
        return services.recent_logs(limit, level)

    @app.get("/api/audit", tags=["read"])
    def audit(limit: Limit = 100) -> list[AuditView]:
        """Operator writes, newest first, with who did them."""
        return services.audit(limit)

    @app.get("/api/requests", tags=["read"])
    def requests(limit: Limit = 50) -> list[RequestView]:
        return services.requests(limit)

    @app.get("/api/requests/{request_id}", tags=["read"])
    def request(request_id: RowId) -> RequestView:
        """An operator request: a cancel-all's outcome, a confirmation's state."""
        return services.request(request_id)

    @app.get("/api/reports", tags=["read"])
    def reports() -> list[ReportFile]:
        """Backtest HTML reports in API_REPORTS_DIR (the pages are at /reports/{name})."""
        return services.reports()


def _writes(app: FastAPI, services: OperatorServices) -> None:
    @app.post("/api/actions/{action}", tags=["write"])
    def act(
        action: Action, request: Request, body: Annotated[ActionBody | None, Body()] = None
    ) -> ActionResult:
        """Do a write: ``done``; ``confirm`` (send the token to /api/confirm before it
        expires: kill switch off, resume entries, freeze clear, degrade clear, ledger
        rebase); or ``queued`` (cancel all: the running bot sends the cancels)."""
        params: dict[str, Any] = {} if body is None else body.model_dump(exclude_none=True)
        return services.perform(action, params, actor=caller_of(request).actor)

    @app.post("/api/confirm", tags=["write"])
    def confirm(body: ConfirmBody, request: Request) -> ActionResult:
        """The second step of a two-step write, by whoever asked for it."""
        return services.confirm(body.token, actor=caller_of(request).actor)
