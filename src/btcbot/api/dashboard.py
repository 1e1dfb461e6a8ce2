"""The web dashboard: server-rendered pages (Jinja2) with htmx for the write actions and uPlot
for the charts, all assets vendored under ``static/`` (nothing from a CDN).

Pages read the operator services like every other surface; the actions post to ``/ui/...``,
which call the same services (audited as ``web:<token name>``). One-step writes ask the
browser's confirmation (``hx-confirm``); two-step writes answer with a confirm button carrying
the short-lived token. Login exchanges a token for an HttpOnly session cookie
(:mod:`btcbot.api.auth`).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from btcbot.api.auth import SESSION_COOKIE, SESSION_TTL_MS, Authenticator, log_refused
from btcbot.domain.money import format_decimal
from btcbot.operator import Action, OperatorError, OperatorServices
from btcbot.operator.views import LedgerView
from btcbot.store import DamagedRow

HERE = Path(__file__).parent
_WHOLE_MINUTES = re.compile(r"[0-9]{1,6}")  # ASCII digits only ("²".isdigit() is true)
templates = Jinja2Templates(directory=HERE / "templates")


def when(ms: int | None) -> str:
    if ms is None:
        return "-"
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def money(value: Decimal | None, places: int | None = None) -> str:
    if value is None:
        return "-"
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    return format_decimal(value)


templates.env.filters["when"] = when
templates.env.filters["money"] = money

ONE_STEP = {
    Action.KILL_SWITCH_ON: "Trip the kill switch: no new risk from the next cycle?",
    Action.STOP_ENTRIES: "Stop new entries: no new buys (sells, stops, cancels go on)?",
    Action.CANCEL_ALL: "Cancel every open order of the bot now?",
    Action.DEGRADE_OVERRIDE: "Force this risk mode?",
}


def login_page(request: Request, status_code: int = 200, error: str | None = None) -> Response:
    return templates.TemplateResponse(
        request, "login.html", {"error": error}, status_code=status_code
    )


def mount_dashboard(app: FastAPI, services: OperatorServices, auth: Authenticator) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/login", include_in_schema=False)
    def login_form(request: Request) -> Response:
        return login_page(request)

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        token = (form.get("token") or [""])[0].strip()
        name = auth.name_of(token) if token else None
        if name is None:
            log_refused(request, "wrong token at login" if token else "no token at login")
            return login_page(request, 401, "That token is not valid.")
        response = RedirectResponse("/", status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            auth.open_session(name),
            max_age=SESSION_TTL_MS // 1000,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request) -> Response:
        auth.close_session(request.cookies.get(SESSION_COOKIE))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @app.get("/", include_in_schema=False)
    def overview(request: Request) -> Response:
        status = services.status(cycles=10)
        try:
            ledger, ledger_error = services.ledger(), None
        except DamagedRow as exc:  # the rest of the page still shows
            ledger, ledger_error = LedgerView(None, {}, ()), str(exc)
        context = {
            "status": status,
            "orders": services.orders(limit=100),
            "ledger": ledger,
            "ledger_error": ledger_error,
            "caller": request.state.caller,
            "one_step": ONE_STEP,
        }
        return templates.TemplateResponse(request, "overview.html", context)

    @app.get("/history", include_in_schema=False)
    def history(request: Request) -> Response:
        orders, unreadable = services.order_listing(None, 200)
        context = {
            "orders": orders,
            "unreadable": unreadable,
            "fills": services.fills(200),
            "caller": request.state.caller,
        }
        return templates.TemplateResponse(request, "history.html", context)

    @app.get("/decisions", include_in_schema=False)
    def decisions(request: Request) -> Response:
        details = [services.cycle(c.cycle_id) for c in services.cycles(10)]
        used = sorted({d.reason_code for c in details for d in c.decisions})
        legend = [r for r in services.reasons() if r.code in used]
        context = {"cycles": details, "legend": legend, "caller": request.state.caller}
        return templates.TemplateResponse(request, "decisions.html", context)

    @app.get("/reports", include_in_schema=False)
    def reports(request: Request) -> Response:
        try:
            found, problem = services.reports(), None
        except OperatorError as exc:
            found, problem = [], str(exc)
        context = {"reports": found, "problem": problem, "caller": request.state.caller}
        return templates.TemplateResponse(request, "reports.html", context)

    @app.get("/reports/{name}", include_in_schema=False)
    def report(name: str) -> Response:
        return FileResponse(services.report_path(name), media_type="text/html")

    @app.post("/ui/actions/{action}", include_in_schema=False)
    async def ui_action(action: Action, request: Request) -> Response:
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        params: dict[str, Any] = {k: v[0] for k, v in form.items() if v and v[0].strip()}
        minutes = params.get("minutes")
        if minutes is not None and _WHOLE_MINUTES.fullmatch(minutes.strip()):
            params["minutes"] = int(minutes)  # else left as text: the services refuse it
        return _result(request, lambda: services.perform(action, params, actor=_actor(request)))

    @app.post("/ui/confirm", include_in_schema=False)
    async def ui_confirm(request: Request) -> Response:
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        token = (form.get("token") or [""])[0]
        return _result(request, lambda: services.confirm(token, actor=_actor(request)))


def _actor(request: Request) -> str:
    return str(request.state.caller.actor)


def _result(request: Request, run: Any) -> Response:
    try:
        result, error = run(), None
    except OperatorError as exc:
        result, error = None, str(exc)
    context = {"result": result, "error": error}
    return templates.TemplateResponse(request, "action_result.html", context)


__all__ = ["HTMLResponse", "login_page", "mount_dashboard"]
