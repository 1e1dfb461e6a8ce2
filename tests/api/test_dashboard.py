"""The dashboard in headless Chromium against a running agent: real data on every page, a
login that yields a session, an action that works after the browser's confirmation, and
actions refused without a session."""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path
from typing import Any

from tests.api.conftest import TOKEN, Agent
from tests.api.test_api import op_status
from tests.backtest.chromium import Page, open_page
from tests.helpers import eventually


async def _text(page: Page, selector: str) -> str:
    found = await page.evaluate(
        f"(document.querySelector({json.dumps(selector)}) || {{}}).innerText || ''"
    )
    return str(found)


async def _accept_dialogs(page: Page) -> None:
    """Answer every confirm() (htmx's hx-confirm) with OK, as an operator would."""
    while True:
        message = json.loads(await page.socket.recv())
        if message.get("method") == "Page.javascriptDialogOpening":
            await page.socket.send(
                json.dumps(
                    {
                        "id": 10_000,
                        "method": "Page.handleJavaScriptDialog",
                        "params": {"accept": True},
                    }
                )
            )
        else:
            page.events.append(message)


async def _log_in(page: Page, url: str) -> None:
    await page.evaluate(f"document.getElementById('token').value = {json.dumps(TOKEN)}")
    page.events.clear()
    await page.evaluate("document.getElementById('login').submit()")
    await asyncio.wait_for(page.wait_for("Page.loadEventFired"), 30)


async def test_pages_render_real_data_and_an_action_works_after_confirmation(
    agent: Agent, tmp_path: Path
) -> None:
    async with open_page(f"{agent.url}/", tmp_path / "profile") as page:
        assert "Log in" in await _text(page, "h1")  # no session: the login page (401)
        await _log_in(page, agent.url)
        assert "signed in as alice" in await _text(page, "nav")
        assert "DRY RUN" in await _text(page, "#armed")
        assert "risk mode" in await _text(page, "#risk-mode")
        assert "ago" in await _text(page, "#last-cycle")
        await eventually(lambda: _chart_points(page), timeout=15)
        assert int(await _chart_points(page)) > 0
        assert await page.evaluate("document.querySelectorAll('#equity-chart canvas').length") > 0

        forged = await _awaited(  # a session but no HX-Request header: the CSRF guard
            page,
            "fetch('/ui/actions/stop_entries', {method: 'POST', body: 'reason=x'})"
            ".then(r => r.status)",
        )
        assert forged == 401 and op_status(agent.db).stop_entries is False
        assert op_status(agent.db).kill_switch is False
        listener = asyncio.create_task(_accept_dialogs(page))
        try:
            await page.socket.send(
                json.dumps(
                    {
                        "id": 20_000,
                        "method": "Runtime.evaluate",
                        "params": {
                            "expression": "document.getElementById('kill-switch-on').click()"
                        },
                    }
                )
            )
            await eventually(lambda: op_status(agent.db).kill_switch, timeout=15)
        finally:
            listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await listener  # the page's socket is read by one reader at a time
        assert op_status(agent.db).kill_switch_reason == "dashboard"
        for minutes in ("%C2%B2", "999999999", "99999999999999999999"):  # "²".isdigit() is true
            refused = await _awaited(
                page,
                "fetch('/ui/actions/degrade_override', {method: 'POST', headers: {'HX-Request':"
                f" 'true'}}, body: 'mode=OBSERVE_ONLY&reason=r&minutes={minutes}'}})"
                ".then(async r => [r.status, await r.text()])",
            )
            assert refused[0] == 200 and "from 1 to 10,080" in refused[1], refused
        assert op_status(agent.db).degrade_override_mode is None

        page.events.clear()  # log out with the page's own form: the session ends
        await page.evaluate("document.querySelector('form[action=\"/logout\"]').submit()")
        await asyncio.wait_for(page.wait_for("Page.loadEventFired"), 30)
        await _navigate(page, f"{agent.url}/")
        assert "Log in" in await _text(page, "h1")

    async with open_page(f"{agent.url}/history", tmp_path / "profile2") as page:
        await _log_in(page, agent.url)
        await _navigate(page, f"{agent.url}/history")
        assert await page.evaluate("document.querySelectorAll('tr.order').length") > 0
        assert await page.evaluate("document.querySelectorAll('tr.fill').length") > 0
        await _navigate(page, f"{agent.url}/decisions")
        shown = await page.evaluate(
            "[...document.querySelectorAll('tr.decision td:nth-child(4) code')]"
            ".map(c => c.innerText)"
        )
        assert shown  # decisions of the latest cycles (which ones depends on timing)
        legend = await page.evaluate(
            "[...document.querySelectorAll('#legend dt code')].map(c => c.innerText)"
        )
        assert set(shown) == set(legend)  # every code shown is explained, and only those
        assert all(await page.evaluate("[...document.querySelectorAll('#legend dd')]"
                                       ".map(d => d.innerText.length > 0)"))  # fmt: skip
        await _navigate(page, f"{agent.url}/reports")
        assert "last-week.html" in await _text(page, "#reports")
        _release(agent)


async def test_actions_are_refused_without_a_session(agent: Agent, tmp_path: Path) -> None:
    before = op_status(agent.db).stop_entries
    async with open_page(f"{agent.url}/login", tmp_path / "profile") as page:
        status = await _awaited(
            page,
            "fetch('/ui/actions/stop_entries', {method: 'POST', headers: {'HX-Request': 'true'},"
            " body: 'reason=x'}).then(r => r.status)",
        )
        assert status == 401
        api = await _awaited(
            page, "fetch('/api/actions/stop_entries', {method: 'POST'}).then(r => r.status)"
        )
        assert api == 401
    assert op_status(agent.db).stop_entries == before


async def _awaited(page: Page, expression: str) -> Any:
    reply = await page.send(
        "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
    )
    return reply["result"].get("value")


async def _chart_points(page: Page) -> Any:
    return await page.evaluate("document.getElementById('equity-chart').dataset.points")


async def _navigate(page: Page, url: str) -> None:
    page.events.clear()
    await page.send("Page.navigate", url=url)
    await asyncio.wait_for(page.wait_for("Page.loadEventFired"), 30)


def _release(agent: Agent) -> None:
    with agent.client() as api:
        token = api.post("/api/actions/kill_switch_off").json()["token"]
        assert api.post("/api/confirm", json={"token": token}).json()["outcome"] == "done"
