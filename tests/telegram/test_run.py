"""The Telegram surface of a real run: the emulator on loopback, a real SQLite state database,
the fake Bot API (``fake_bot_api.py``), the real operator services.

``btcbot run``'s own code path (:func:`btcbot.commands.run.run_config`) trades armed on the
emulator while a test plays the operator in the allowed chat (and a stranger in another),
then stops it with SIGINT as an operator would.
"""

from __future__ import annotations

import asyncio
import io
import os
import signal
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from btcbot.commands.common import config_secrets
from btcbot.commands.run import run_config
from btcbot.config import load_config
from btcbot.emulator import Emulator
from btcbot.obs.logging import configure_logging, reset_logging
from btcbot.runtime.factory import open_runtime, wall_clock_ms
from btcbot.store import OpState
from btcbot.store.schema import operator_audit
from btcbot.telegram.surface import run_surface
from tests.helpers import eventually
from tests.runtime.conftest import arm, point_at
from tests.telegram.fake_bot_api import TOKEN, FakeBotApi, running_bot_api

OPERATOR = 4242
STRANGER = 666
WAIT = 15.0


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    yield stream
    reset_logging()


def enable(monkeypatch: pytest.MonkeyPatch, api: FakeBotApi, language: str) -> None:
    monkeypatch.setenv("TELEGRAM_ENABLED", "true")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_CHAT_IDS", f"{OPERATOR},-100200300")
    monkeypatch.setenv("TELEGRAM_LANGUAGE", language)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", api.url)
    monkeypatch.setenv("TELEGRAM_NOTIFY_BATCH_SECONDS", "0.1")
    monkeypatch.setenv("TTL_SECONDS", "2")


async def ask(api: FakeBotApi, text: str, expect: str) -> str:
    """Send ``text`` from the operator's chat; the newest answer containing ``expect``."""
    seen = len(api.texts(OPERATOR))
    api.user_says(OPERATOR, text)

    def answered() -> str | None:
        fresh = api.texts(OPERATOR)[seen:]
        return next((t for t in reversed(fresh) if expect in t), None)

    return await eventually(answered, timeout=WAIT)


async def confirm(api: FakeBotApi, text: str, prompt: str, button: str, done: str) -> None:
    await ask(api, text, prompt)
    api.user_presses(OPERATOR, button)
    await eventually(lambda: any(done in t for t in api.texts(OPERATOR)), timeout=WAIT)


def kill_switch(workdir: Path) -> tuple[bool, bool]:
    from btcbot.store import make_engine

    engine = make_engine(f"sqlite:///{workdir / 'state.db'}", read_only=True)
    try:
        with engine.connect() as conn:
            status = OpState(conn).get("main")
            return status.kill_switch, status.stop_entries
    finally:
        engine.dispose()


def audit_actors(workdir: Path) -> list[tuple[str, str]]:
    from btcbot.store import make_engine

    engine = make_engine(f"sqlite:///{workdir / 'state.db'}", read_only=True)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(operator_audit.c.actor, operator_audit.c.action))
            return [(row.actor, row.action) for row in rows]
    finally:
        engine.dispose()


TEXTS = {
    "en": {
        "armed": "LIVE (armed)",
        "orders": "open order",
        "balance": "Balances:",
        "profit": "net of fee and tax",
        "daily": "Last 24 hours",
        "fill": "FILLED",
        "ks_prompt": "kill switch ON",
        "ks_done": "Kill switch ON",
        "ks_trip": "KILL SWITCH on (set by an operator)",
        "ks_off_prompt": "kill switch OFF",
        "ks_off_done": "Kill switch off.",
        "entry_prompt": "Stop new entries",
        "entry_done": "New entries stopped",
        "confirm": "Confirm",
        "yes": "yes",
        "unknown": "There is no /kilswitch command",
        "no_args": "/orders takes no arguments",
    },
    "tr": {
        "armed": "CANLI",
        "orders": "emir",
        "balance": "Bakiyeler:",
        "profit": "komisyon ve vergi düşülmüş",
        "daily": "Son 24 saat",
        "fill": "GERÇEKLEŞTİ",
        "ks_prompt": "Acil durdurma (kill switch) AÇILSIN",
        "ks_done": "Acil durdurma AÇIK",
        "ks_trip": "ACİL DURDURMA açık (bir operatör açtı)",
        "ks_off_prompt": "KAPATILSIN",
        "ks_off_done": "Acil durdurma kapatıldı",
        "entry_prompt": "Yeni girişler durdurulsun",
        "entry_done": "Yeni girişler durduruldu",
        "confirm": "Onayla",
        "yes": "evet",
        "unknown": "/kilswitch diye bir komut yok",
        "no_args": "/orders argüman almaz",
    },
}


@pytest.mark.parametrize("language", ["en", "tr"])
async def test_an_armed_run_answers_every_command_and_takes_confirmed_writes(
    language: str,
    workdir: Path,
    emulator: Emulator,
    monkeypatch: pytest.MonkeyPatch,
    log_stream: io.StringIO,
    capsys: pytest.CaptureFixture[str],
) -> None:
    words = TEXTS[language]
    async with running_bot_api() as api:
        point_at(monkeypatch, emulator)
        arm(monkeypatch, emulator)
        enable(monkeypatch, api, language)
        config = load_config(3)
        configure_logging("DEBUG", json=True, secrets=config_secrets(config), stream=log_stream)
        run = asyncio.create_task(run_config(config, cycles=None, cycle_seconds=0.2))
        try:
            fill = await eventually(
                lambda: next((t for t in api.texts(OPERATOR) if words["fill"] in t), None),
                timeout=WAIT,
            )
            assert "TRY" in fill
            api.user_says(STRANGER, "/status")
            status = await ask(api, "/status", words["armed"])
            assert "main" in status
            await ask(api, "/orders", words["orders"])
            balance = await ask(api, "/balance", words["balance"])
            assert "TRY" in balance
            await ask(api, "/profit", words["profit"])
            await ask(api, "/daily", words["daily"])
            await ask(api, "/kilswitch on", words["unknown"])  # a typo is answered, not ignored
            await ask(api, "/orders all", words["no_args"])

            await confirm(
                api, "/killswitch on", words["ks_prompt"], words["confirm"], words["ks_done"]
            )
            assert kill_switch(workdir)[0]
            trip = await eventually(
                lambda: next((t for t in api.texts(OPERATOR) if words["ks_trip"] in t), None),
                timeout=WAIT,
            )
            assert "/killswitch off" in trip and "btcbot kill-switch off" in trip
            await ask(api, "/killswitch off", words["ks_off_prompt"])
            await ask(api, words["yes"], words["ks_off_done"])
            assert not kill_switch(workdir)[0]
            await confirm(
                api, "/stopentry", words["entry_prompt"], words["confirm"], words["entry_done"]
            )
            assert kill_switch(workdir)[1]
        finally:
            os.kill(os.getpid(), signal.SIGINT)  # as an operator stops it: finish the cycle
            done = await asyncio.wait_for(run, WAIT)
    assert done > 0
    assert STRANGER not in api.sent
    assert log_stream.getvalue().count("telegram_chat_refused") == 1
    actor = f"telegram:{OPERATOR}"
    assert audit_actors(workdir) == [
        (actor, "kill_switch_on"),
        (actor, "kill_switch_off"),
        (actor, "stop_entries"),
    ]
    output = log_stream.getvalue() + capsys.readouterr().out
    assert TOKEN not in output and TOKEN.split(":")[1] not in output


async def test_notifications_survive_a_telegram_outage_and_the_daily_summary_arrives(
    workdir: Path, emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the summary falls due a second after the surface starts, whatever the setup took: the
    # clock is set just before it starts (a surface started after the due time waits a day)
    due_ms = (wall_clock_ms() // 60_000 + 2) * 60_000  # a whole UTC minute
    offset = 0

    def clock() -> int:
        return wall_clock_ms() + offset

    due = datetime.fromtimestamp(due_ms / 1000, tz=UTC).strftime("%H:%M")
    async with running_bot_api() as api:
        point_at(monkeypatch, emulator)
        arm(monkeypatch, emulator)
        enable(monkeypatch, api, "en")
        monkeypatch.setenv("TELEGRAM_DAILY_SUMMARY_UTC", due)
        config = load_config(3)
        async with open_runtime(config) as runtime:
            api.go_down("hang")  # Telegram stops answering before the first notification
            offset = due_ms - 1000 - wall_clock_ms()
            async with run_surface(
                config, runtime.engine, mode="live", clock_ms=clock, poll_seconds=0.05
            ) as publish:
                assert publish is not None
                reports = []
                for _ in range(8):  # the cycles run on while the sends hang
                    report = await runtime.runner.run_once()
                    publish(report)
                    reports.append(report)
                    await emulator.step(5)
                assert all(r.skipped is None for r in reports)
                assert sum(r.fills for r in reports) > 0, [r.line() for r in reports]
                assert not api.sent, "nothing got through the outage"
                api.go_up()
                texts = await eventually(
                    lambda: (
                        [t for t in api.texts(OPERATOR) if "FILLED" in t]
                        and [t for t in api.texts(OPERATOR) if "Daily summary" in t]
                        # the second chat is sent the same batch just after the first
                        and api.texts(-100200300) == api.texts(OPERATOR)
                        and api.texts(OPERATOR)
                    ),
                    timeout=WAIT,
                )
    summary = next(t for t in texts if "Daily summary" in t)
    assert "realized PnL" in summary and "fees and tax" in summary and "TRY" in summary
    assert api.texts(OPERATOR) == api.texts(-100200300), "every allowed chat is told"
    # the batch on its way when Telegram hung, then one message for everything composed while
    # it was down (the daily summary may fall due after it is back: a third)
    assert len(texts) <= 3, texts
