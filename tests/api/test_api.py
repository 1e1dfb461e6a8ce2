"""The control API over real HTTP, served by a running (dry-run) agent on the emulator."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from btcbot.store import OpState, make_engine, sqlite_url
from btcbot.store.schema import operator_audit
from tests.api.conftest import OTHER_TOKEN, Agent, live_orders
from tests.helpers import eventually


def op_status(db: Path) -> Any:
    engine = make_engine(sqlite_url(db), read_only=True)
    try:
        with engine.connect() as conn:
            return OpState(conn).get("main")
    finally:
        engine.dispose()


def audit_rows(db: Path) -> list[Any]:
    engine = make_engine(sqlite_url(db), read_only=True)
    try:
        with engine.connect() as conn:
            return list(conn.execute(select(operator_audit).order_by(operator_audit.c.audit_id)))
    finally:
        engine.dispose()


def test_every_read_endpoint_returns_real_data(agent: Agent) -> None:
    with agent.client() as api:
        status = api.get("/api/status").json()
        assert status["armed"] is False and status["run_settings"]["stage"] == 3
        assert status["cycles"] and status["last_cycle_ms"] and status["lag_s"] is not None
        assert status["lock"]["state"] == "live"  # the serving agent holds it
        assert status["risk"]["mode"] in {"NORMAL", "REDUCE_RISK_ONLY", "OBSERVE_ONLY"}
        assert api.get("/api/health").json()["status"] in {"ok", "degraded", "failing"}
        live = api.get("/api/orders").json()
        assert live and {o["status"] for o in live} <= {
            "OPEN",
            "PARTIALLY_FILLED",
            "IN_FLIGHT",
            "PENDING_SUBMIT",
            "PENDING_CANCEL",
        }
        every = api.get("/api/orders", params={"all": "true", "limit": 500}).json()
        assert len(every) >= len(live)
        assert any(o["status"] == "FILLED" for o in every)
        assert Decimal(every[0]["quantity"]) > 0  # money travels as exact strings
        fills = api.get("/api/fills").json()
        assert fills and all(f["ours"] for f in fills) and isinstance(fills[0]["trade_id"], int)
        ledger = api.get("/api/ledger").json()
        assert ledger["positions"] and ledger["baseline"] and "TRY" in ledger["balances"]
        equity = api.get("/api/equity").json()
        assert equity["points"] and equity["fills"]
        assert all(Decimal(p["drawdown"]) >= 0 for p in equity["points"])
        cycles = api.get("/api/cycles", params={"limit": 50}).json()
        detail = next(
            d
            for d in (api.get(f"/api/cycles/{c['cycle_id']}").json() for c in cycles)
            if d["decisions"]
        )
        assert all(d["meaning"] for d in detail["decisions"])  # every code is registered
        reasons = {r["code"] for r in api.get("/api/reasons").json()}
        assert {"stop_entries", "kill_switch", "take_profit"} <= reasons
        settings = api.get("/api/settings").json()
        assert settings["settings"]["DRY_RUN"] == "true"
        logs = api.get("/api/logs", params={"limit": 1000, "level": "DEBUG"}).json()
        assert logs and all(entry["event"] for entry in logs)
        assert api.get("/api/audit").status_code == 200
        assert api.get("/api/requests").status_code == 200
        reports = api.get("/api/reports").json()
        assert [r["name"] for r in reports] == ["last-week.html"]
        page = api.get("/reports/last-week.html")
        assert page.status_code == 200 and "<svg" in page.text
        assert api.get("/reports/..%2Fstate.db").status_code == 404
        assert api.get("/api/cycles/no-such-cycle").status_code == 404


def test_bad_read_parameters_are_a_422_naming_the_parameter(agent: Agent) -> None:
    bad = {
        "/api/requests/99999999999999999999999": "request_id",  # past SQLite's integers
        "/api/requests/0": "request_id",
        "/api/logs?level=nope": "level",
        "/api/logs?limit=0": "limit",
        "/api/orders?status=NOPE": "status",
        "/api/status?cycles=-1": "cycles",
    }
    with agent.client() as api:
        for path, parameter in bad.items():
            answer = api.get(path)
            assert answer.status_code == 422, (path, answer.text)
            assert answer.json()["detail"][0]["loc"][-1] == parameter, path
        assert api.get("/api/logs", params={"level": "warning"}).status_code == 200
        assert api.get("/api/requests/12345").status_code == 404


@pytest.mark.parametrize(
    ("headers", "why"),
    [
        ({}, "no token"),
        ({"Authorization": "Bearer wrong-token-0123456789"}, "wrong token"),
        ({"Authorization": "Basic YWxpY2U6cHc="}, "malformed Authorization header"),
    ],
)
def test_without_a_valid_token_every_path_is_401_and_logged(
    agent: Agent, headers: dict[str, str], why: str
) -> None:
    with httpx.Client(base_url=agent.url, headers=headers) as anonymous:
        for path in ("/api/status", "/api/orders", "/openapi.json", "/api/logs"):
            assert anonymous.get(path).status_code == 401
        assert anonymous.post("/api/actions/kill_switch_on", json={}).status_code == 401
        assert anonymous.get("/").status_code == 401  # the dashboard answers with its login
    assert op_status(agent.db).kill_switch is False or "refused" not in why
    with agent.client() as api:
        logs = api.get("/api/logs", params={"limit": 1000, "level": "WARNING"}).json()
    refused = [e for e in logs if e["event"] == "api_unauthorized" and e["fields"]["why"] == why]
    assert refused and {e["fields"]["path"] for e in refused} >= {"/api/status", "/openapi.json"}
    assert "wrong-token-0123456789" not in str(logs) and "YWxpY2U6cHc" not in str(logs)


def test_writes_are_applied_confirmed_and_audited(agent: Agent) -> None:
    with agent.client() as api, agent.client(OTHER_TOKEN) as bob:
        done = api.post("/api/actions/kill_switch_on", json={"reason": "api test"}).json()
        assert done["outcome"] == "done"
        assert op_status(agent.db).kill_switch is True
        assert op_status(agent.db).kill_switch_reason == "api test"
        asked = api.post("/api/actions/kill_switch_off").json()
        assert asked["outcome"] == "confirm" and asked["token"] and asked["expires_ms"]
        assert op_status(agent.db).kill_switch is True  # nothing changes before the confirm
        assert bob.post("/api/confirm", json={"token": asked["token"]}).status_code == 409
        assert api.post("/api/confirm", json={"token": "forged"}).status_code == 409
        confirmed = api.post("/api/confirm", json={"token": asked["token"]})
        assert confirmed.json()["outcome"] == "done", confirmed.text
        assert op_status(agent.db).kill_switch is False
        assert api.post("/api/confirm", json={"token": asked["token"]}).status_code == 409

        bad = api.post("/api/actions/degrade_override", json={"mode": "PANIC", "reason": "x"})
        assert bad.status_code == 400 and "choose REDUCE_RISK_ONLY or" in bad.json()["detail"]
        normal = {"mode": "NORMAL", "reason": "x"}
        lifted = api.post("/api/actions/degrade_override", json=normal)
        assert lifted.status_code == 400 and "more cautious mode" in lifted.json()["detail"]
        huge = {"mode": "M" * 33, "reason": "x"}
        assert api.post("/api/actions/degrade_override", json=huge).status_code == 422
        for minutes in (True, "5", 5.0):  # a number of minutes, not a flag, text or float
            odd = {"mode": "OBSERVE_ONLY", "reason": "x", "minutes": minutes}
            assert api.post("/api/actions/degrade_override", json=odd).status_code == 422
        forced = {"mode": "REDUCE_RISK_ONLY", "reason": "api test", "minutes": 5}
        assert api.post("/api/actions/degrade_override", json=forced).json()["outcome"] == "done"
        assert op_status(agent.db).degrade_override_mode == "REDUCE_RISK_ONLY"
        for action in ("degrade_clear", "freeze_clear", "ledger_rebase"):
            token = api.post(f"/api/actions/{action}").json()["token"]
            assert api.post("/api/confirm", json={"token": token}).json()["outcome"] == "done"
        assert op_status(agent.db).degrade_override_mode is None
        assert api.get("/api/actions/kill_switch_on").status_code == 405
        assert api.post("/api/actions/place_order").status_code == 422  # no such write
    rows = [(r.actor, r.action, r.outcome) for r in audit_rows(agent.db)]
    assert ("api:alice", "kill_switch_on", "done") in rows
    assert ("api:alice", "kill_switch_off", "confirmation_requested") in rows
    assert ("api:alice", "kill_switch_off", "done") in rows
    assert ("api:alice", "ledger_rebase", "done") in rows
    assert not any(actor == "api:bob" and outcome == "done" for actor, _, outcome in rows)


async def test_stop_entries_then_cancel_all_is_executed_by_the_agent(agent: Agent) -> None:
    with agent.client() as api:
        await eventually(lambda: live_orders(agent.db), timeout=30)  # entries rest at mid
        stopped = api.post("/api/actions/stop_entries", json={"reason": "api test"}).json()
        assert stopped["outcome"] == "done" and op_status(agent.db).stop_entries
        stopped_at = max(c["started_ms"] for c in api.get("/api/cycles").json())

        def seen_by_the_agent() -> bool:
            """A cycle that started after the switch: nothing new is placed from then on."""
            cycles = api.get("/api/cycles", params={"limit": 1}).json()
            return bool(cycles) and cycles[0]["started_ms"] > stopped_at and cycles[0]["ended_ms"]

        await eventually(seen_by_the_agent, timeout=30)
        resting = live_orders(agent.db)
        queued = api.post("/api/actions/cancel_all").json()
        assert queued["outcome"] == "queued" and queued["request_id"]

        def finished() -> dict[str, Any] | None:
            found: dict[str, Any] = api.get(f"/api/requests/{queued['request_id']}").json()
            return found if found["status"] in {"done", "failed"} else None

        request = await eventually(finished, timeout=30)
        assert request["status"] == "done", request
        assert set(resting) <= set(request["outcome"]["cancel_sent"]) | set(
            request["outcome"]["already_finished"]
        )

        def blocked_entries() -> list[dict[str, Any]]:
            """Buys of the latest cycles stopped at the gate (once the cancels are proven,
            the strategy's entries reach it again)."""
            cycles = api.get("/api/cycles", params={"limit": 3}).json()
            details = [api.get(f"/api/cycles/{c['cycle_id']}").json() for c in cycles]
            return [
                d for c in details for d in c["decisions"] if d["reason_code"] == "stop_entries"
            ]

        blocked = await eventually(blocked_entries, timeout=30)
        assert all(d["action"] == "BLOCK" for d in blocked)
        assert not [o for o in live_orders(agent.db) if o not in resting]  # no new order
        token = api.post("/api/actions/resume_entries").json()["token"]
        api.post("/api/confirm", json={"token": token})
        assert op_status(agent.db).stop_entries is False
    rows = [(r.actor, r.action, r.outcome) for r in audit_rows(agent.db)]
    assert ("api:alice", "cancel_all", "queued") in rows
    assert ("api:alice", "cancel_all", "done") in rows


def test_the_openapi_document_matches_the_responses(agent: Agent) -> None:
    with agent.client() as api:
        document = api.get("/openapi.json").json()
        checked = 0
        for path, item in document["paths"].items():
            if "get" not in item or "{" in path:
                continue
            reply = api.get(path)
            assert reply.status_code == 200, path
            schema = item["get"]["responses"]["200"]["content"]["application/json"]["schema"]
            body = reply.json()
            assert _matches(body, schema, document), (path, schema)
            checked += 1
        assert checked >= 12


def _matches(value: Any, schema: dict[str, Any], document: dict[str, Any]) -> bool:
    """A structural check of ``value`` against an OpenAPI schema (types, required keys)."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _matches(value, document["components"]["schemas"][name], document)
    if "anyOf" in schema:
        return any(_matches(value, option, document) for option in schema["anyOf"])
    kind = schema.get("type")
    if kind is None:
        return True
    if kind == "null":
        return value is None
    if kind == "array":
        return isinstance(value, list) and all(
            _matches(item, schema.get("items", {}), document) for item in value
        )
    if kind == "object":
        if not isinstance(value, dict):
            return False
        if not set(schema.get("required", [])) <= set(value):
            return False
        properties = schema.get("properties", {})
        return all(_matches(value[k], properties[k], document) for k in value if k in properties)
    types = {"string": str, "integer": int, "number": (int, float), "boolean": bool}
    if kind == "integer" and isinstance(value, bool):
        return False
    return isinstance(value, types[kind])
