"""A real Alertmanager (Debian's package) with deploy/prometheus/alertmanager.yml delivers an
alert to a fake Telegram Bot API and a webhook on loopback: the message template renders, the
chat id is the configured one, and a tripped kill switch inhibits the alerts it explains.

The configuration runs as committed except what points outside this machine or waits long:
the Telegram ``api_url`` and the webhook URL point at the fake, the page group wait is 1 s,
and (Alertmanager 0.25 has no ``bot_token_file``) the token is inline.
"""

from __future__ import annotations

import json
import re
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.helpers import eventually, free_port
from tests.obs.promtools import tool

CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "prometheus" / "alertmanager.yml"
TOKEN = "123456:fake-token"


class FakeApi(ThreadingHTTPServer):
    """Telegram's sendMessage and a webhook receiver: records every request body."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def telegram(self) -> list[dict[str, Any]]:
        return [body for path, body in self.calls if path == f"/bot{TOKEN}/sendMessage"]

    def webhook(self) -> list[dict[str, Any]]:
        return [body for path, body in self.calls if path == "/hook"]


class _Handler(BaseHTTPRequestHandler):
    server: FakeApi

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.server.calls.append((self.path, json.loads(body or b"{}")))
        chat = {"id": -1, "type": "group"}
        answer = json.dumps({"ok": True, "result": {"message_id": 1, "date": 0, "chat": chat}})
        data = answer.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def fake() -> Iterator[FakeApi]:
    server = FakeApi()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def local_config(fake: FakeApi) -> str:
    text = CONFIG.read_text("utf-8")
    text, tokens = re.subn(
        r"bot_token_file: \S+", f'bot_token: "{TOKEN}"\n        api_url: {fake.url}', text
    )
    text, hooks = re.subn(r"url: https://\S+", f"url: {fake.url}/hook", text)
    text, waits = re.subn(r"group_wait: 10s", "group_wait: 1s", text)
    assert (tokens, hooks, waits) == (2, 2, 1)
    return text


@pytest.fixture
def alertmanager(fake: FakeApi, tmp_path: Path) -> Iterator[str]:
    config = tmp_path / "alertmanager.yml"
    config.write_text(local_config(fake), "utf-8")
    port = free_port()
    proc = subprocess.Popen(
        [
            tool("alertmanager"),
            f"--config.file={config}",
            f"--storage.path={tmp_path / 'data'}",
            f"--web.listen-address=127.0.0.1:{port}",
            "--cluster.listen-address=",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(10)


def alert(name: str, severity: str, summary: str, **labels: str) -> dict[str, Any]:
    return {
        "labels": {"alertname": name, "severity": severity, "account": "main", **labels},
        "annotations": {
            "summary": summary,
            "description": "cancels still run & <nothing> is lost",
            "runbook_url": f"docs/operations/runbook.md#{name.lower()}",
        },
    }


async def post(url: str, alerts: list[dict[str, Any]]) -> bool:
    try:
        async with httpx.AsyncClient() as client:
            answer = await client.post(f"{url}/api/v2/alerts", json=alerts)
    except httpx.TransportError:
        return False  # not listening yet
    return answer.status_code == 200


async def test_a_page_reaches_telegram_and_the_webhook_and_inhibits_what_it_explains(
    fake: FakeApi, alertmanager: str
) -> None:
    tripped = alert(
        "BtcbotKillSwitchTripped", "page", "kill switch tripped by reconcile", source="reconcile"
    )
    derived = alert("BtcbotReconcileFailing", "page", "3 consecutive reconciliation failures")
    await eventually(lambda: post(alertmanager, [tripped, derived]), timeout=20)
    await eventually(lambda: fake.telegram() and fake.webhook(), timeout=20)

    (message,) = fake.telegram()
    chats = {
        r["telegram_configs"][0]["chat_id"] for r in yaml.safe_load(CONFIG.read_text())["receivers"]
    }
    assert {str(message["chat_id"])} == {str(chat) for chat in chats}
    assert message["parse_mode"] == "HTML"
    text = message["text"]
    assert text.startswith("🔴 FIRING [page] BtcbotKillSwitchTripped (main)")
    assert "<b>kill switch tripped by reconcile</b>" in text
    assert "cancels still run &amp; &lt;nothing&gt; is lost" in text  # escaped for HTML
    assert "runbook: docs/operations/runbook.md#btcbotkillswitchtripped" in text
    # The page rings (a ticket would set disable_notification).
    assert message.get("disable_notification") in (None, False, "false")
    (hook,) = fake.webhook()
    assert hook["receiver"] == "page"
    # The reconciliation page that tripped the switch is inhibited: Alertmanager says so,
    # and nothing delivered names it.
    inhibitors = await eventually(lambda: inhibited_by(alertmanager, "BtcbotReconcileFailing"))
    assert len(inhibitors) == 1
    assert "BtcbotReconcileFailing" not in json.dumps(fake.calls)


async def inhibited_by(url: str, name: str) -> list[str]:
    async with httpx.AsyncClient() as client:
        answer = await client.get(f"{url}/api/v2/alerts", params={"filter": f"alertname={name}"})
    (found,) = answer.json()
    inhibitors: list[str] = found["status"]["inhibitedBy"]
    return inhibitors
