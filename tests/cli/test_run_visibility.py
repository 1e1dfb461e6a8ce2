"""``btcbot run`` says what holds it back, on every cycle, with the command that resolves it.

Through the real entry point (``btcbot.cli.app``, in-process) against the emulator on a
background thread: trips set by an operator, tripped by the agent itself (ledger mismatches),
and caused by someone else's order on the account; rate-limit waits and 429 answers in the
cycle line; the stage-7 adaptation's "throttled" rule fed by them.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.cli import app
from btcbot.config import ExchangeSettings
from btcbot.domain import OrderMethod, OrderRequest, Side, Symbol
from btcbot.emulator import Emulator
from btcbot.runtime.ledger_guard import baseline_key
from btcbot.store import (
    DbRole,
    ParamsRepository,
    RiskStateRepository,
    open_store,
    unit_of_work,
)
from tests.cli.rig import (
    PLANTED_KEY,
    PLANTED_SECRET,
    armed_env,
    emulator_env,
    invoke,
    isolate,
    paper_env,
    threaded_emulator,
)
from tests.cli.runner import Result

BTC_TRY = Symbol("BTC", "TRY")


@pytest.fixture
def emu(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Emulator]:
    isolate(monkeypatch, tmp_path)
    with threaded_emulator() as emulator:
        yield emulator


def btcbot(env: dict[str, str], *args: str) -> Result:
    return invoke(app, list(args), env)


def run(env: dict[str, str], cycles: int, *extra: str) -> tuple[Result, list[str]]:
    result = btcbot(env, "run", "--cycles", str(cycles), "--cycle-seconds", "0", *extra)
    assert result.code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.startswith("cycle ")]
    assert len(lines) == cycles, result.stdout
    return result, lines


def test_an_operator_kill_switch_is_named_with_its_resolution_on_every_cycle(
    emu: Emulator, tmp_path: Path
) -> None:
    env = {**emulator_env(emu), **paper_env(tmp_path / "state.db")}
    run(env, 1)
    assert btcbot(env, "kill-switch", "on", "--reason", "maintenance").code == 0
    result, lines = run(env, 3)
    for line in lines:
        assert "KILL SWITCH on (set by an operator)" in line, line
        assert "to resolve: btcbot kill-switch off" in line, line
    assert result.stderr.count("trip_in_force") == 3
    status = btcbot(env, "status")
    assert "KILL SWITCH on (set by an operator)" in status.stdout
    assert "to resolve: btcbot kill-switch off" in status.stdout
    trips = json.loads(btcbot(env, "status", "--json").stdout)["trips"]
    assert [t["kind"] for t in trips] == ["kill_switch_operator"]
    assert btcbot(env, "kill-switch", "off", "--yes").code == 0
    _, after = run(env, 1)
    assert "to resolve" not in after[0]
    assert json.loads(btcbot(env, "status", "--json").stdout)["trips"] == []


def test_a_ledger_trip_says_so_from_the_first_mismatch_until_it_is_resolved(
    emu: Emulator, tmp_path: Path
) -> None:
    db = tmp_path / "state.db"
    env = {**emulator_env(emu), **armed_env(db), "RECONCILE_FAILURE_THRESHOLD": "2"}
    run(env, 1)  # takes the ledger baseline
    engine = open_store(f"sqlite:///{db}", DbRole.LIVE)
    with unit_of_work(engine) as conn:  # as if 1000 TRY had been withdrawn behind our back
        states = RiskStateRepository(conn)
        baseline = states.get(baseline_key("main"))
        assert baseline is not None
        baseline["TRY"] = str(Decimal(baseline["TRY"]) + 1000)
        states.put(baseline_key("main"), baseline, now_ms=1)
    engine.dispose()
    _, lines = run(env, 4)
    first, tripping, *after = lines
    assert "SKIPPED: ledger disagrees" in first
    assert "LEDGER MISMATCH" in first and "btcbot ledger rebase" in first
    assert "KILL SWITCH TRIPPED this cycle" in tripping
    for line in [tripping, *after]:
        assert "KILL SWITCH tripped by ledger mismatches" in line, line
        assert "btcbot ledger rebase, then btcbot kill-switch off" in line, line
    status = btcbot(env, "status").stdout
    assert "KILL SWITCH tripped by ledger mismatches" in status
    assert btcbot(env, "ledger", "rebase", "--yes").code == 0
    assert btcbot(env, "kill-switch", "off", "--yes").code == 0
    _, (clean,) = run(env, 1)
    assert "SKIPPED" not in clean and "to resolve" not in clean


def test_someone_elses_order_freezes_the_agent_and_every_cycle_names_the_way_out(
    emu: Emulator, tmp_path: Path
) -> None:
    env = {**emulator_env(emu), **armed_env(tmp_path / "state.db")}
    run(env, 1)
    asyncio.run(place_foreign_order(emu))
    _, lines = run(env, 2)
    for line in lines:
        assert "FROZEN: an order or trade on the account is not ours" in line, line
        assert "then btcbot freeze clear" in line, line
    assert "btcbot freeze clear" in btcbot(env, "status").stdout


def test_a_degrade_override_is_named_until_it_is_cleared(emu: Emulator, tmp_path: Path) -> None:
    env = {**emulator_env(emu), **paper_env(tmp_path / "state.db")}
    run(env, 1)
    forced = btcbot(env, "degrade", "override", "--mode", "OBSERVE_ONLY", "--reason", "audit")
    assert forced.code == 0, forced.output
    _, lines = run(env, 2)
    assert all("DEGRADE OVERRIDE in force -> to resolve: btcbot degrade clear" in x for x in lines)
    assert btcbot(env, "degrade", "clear", "--yes").code == 0
    _, (after,) = run(env, 1)
    assert "DEGRADE OVERRIDE" not in after


def test_a_429_and_the_wait_it_caused_are_in_the_cycle_line_and_feed_the_adaptation(
    emu: Emulator, tmp_path: Path
) -> None:
    db = tmp_path / "state.db"
    env = {
        **emulator_env(emu),
        **paper_env(db),
        "STAGE7_ADAPTATION_EVERY_CYCLES": "5",
        "BTCTURK_REST_BASE_DELAY_MS": "10",
    }
    emu.faults.update({"http_429_next": 1})  # Retry-After: 1
    result, lines = run(env, 5, "--stage", "7")
    waited = r"waited \d+\.\d s for rate limits: public_other \d+\.\d s; 429: public_other x1"
    assert re.search(waited, lines[0]), lines[0]
    assert all("for rate limits" not in line for line in lines[1:]), lines
    assert "rate_limit_wait" in result.stderr and "group=public_other" in result.stderr
    engine = open_store(f"sqlite:///{db}", DbRole.DRY_RUN)
    with unit_of_work(engine) as conn:
        latest = ParamsRepository(conn).latest(7)
    engine.dispose()
    assert latest is not None
    assert "limits.max_orders_per_cycle 2->1 (throttled)" in latest.reason
    assert latest.params["max_orders_per_cycle"] == 1


async def place_foreign_order(emu: Emulator) -> None:
    """Another client on the same API key: a buy resting far below the market."""
    settings = ExchangeSettings.model_validate(
        {"base_url": emu.rest_url, "api_key": PLANTED_KEY, "api_secret": PLANTED_SECRET}
    )
    async with BtcturkRestClient.from_settings(settings) as client:
        book = await client.order_book(BTC_TRY, 5)
        assert book.best_bid is not None
        price = (book.best_bid * Decimal("0.8")).quantize(Decimal(1))
        request = OrderRequest(
            BTC_TRY,
            Side.BUY,
            OrderMethod.LIMIT,
            "not-the-bot",
            quantity=Decimal("0.0001"),
            price=price,
        )
        await client.submit_order(request)


def test_a_switch_for_an_account_that_never_ran_here_is_refused(
    emu: Emulator, tmp_path: Path
) -> None:
    """The bot runs as ACCOUNT_KEY=prod; an operator's shell without it would set the kill
    switch of account 'main', which no bot here reads (it said "ON" and the bot traded on)."""
    bot = {**emulator_env(emu), **paper_env(tmp_path / "state.db"), "ACCOUNT_KEY": "prod"}
    run(bot, 1)
    shell = {k: v for k, v in bot.items() if k != "ACCOUNT_KEY"}
    refused = btcbot(shell, "kill-switch", "on", "--reason", "stop everything")
    assert refused.code == 2, refused.output
    assert "account 'main' has never run on this database" in refused.output
    assert "runs as 'prod'" in refused.output
    assert "has never run on this database; the bot here runs as 'prod'" in (
        btcbot(shell, "status").stdout
    )
    assert btcbot(bot, "kill-switch", "on", "--reason", "stop everything").code == 0
    _, (line,) = run(bot, 1)
    assert "KILL SWITCH on (set by an operator)" in line


def test_the_settings_kill_switch_runs_live_with_no_new_risk_and_says_so(
    emu: Emulator, tmp_path: Path
) -> None:
    env = {**emulator_env(emu), **armed_env(tmp_path / "state.db"), "KILL_SWITCH": "true"}
    result, (line,) = run(env, 1)
    assert "LIVE, NO NEW RISK (KILL_SWITCH=true)" in result.stdout
    assert "orders +0 accepted" in line
    assert "run settings" in (status := btcbot(env, "status").stdout)
    assert "LIVE, NO NEW RISK (cancels only: KILL_SWITCH)" in status


def test_an_armed_start_says_which_stored_switches_still_hold_the_account(
    emu: Emulator, tmp_path: Path
) -> None:
    """The banner reads the settings ("LIVE: armed"); the kill switch and the stopped entries
    stored by an earlier run or an operator hold too, and are said right after it."""
    env = {**emulator_env(emu), **armed_env(tmp_path / "state.db")}
    first, _ = run(env, 1)
    assert "runtime kill switch ON" not in first.stdout
    assert btcbot(env, "kill-switch", "on", "--reason", "maintenance").code == 0
    assert btcbot(env, "entries", "stop", "--reason", "news at 3").code == 0
    result, _ = run(env, 1)
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("LIVE: armed"))
    since = r" since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC"
    expected = [
        rf"KILL SWITCH on \(set by an operator\){since}: maintenance\. To resolve: "
        r"btcbot kill-switch off when new risk may be taken again",
        rf"NEW ENTRIES STOPPED \(by an operator\): no new buys; sells, stops and cancels go "
        rf"on{since}: news at 3\. To resolve: btcbot entries resume when new buys may be "
        r"placed again",
    ]
    shown = lines[start + 1 : start + 3]
    assert len(shown) == 2 and all(
        re.fullmatch(pattern, line) for pattern, line in zip(expected, shown, strict=True)
    ), shown


def test_a_refused_start_leaves_a_new_database_to_whichever_run_comes_next(
    emu: Emulator, tmp_path: Path
) -> None:
    """A first dry run with a typo in SYMBOLS is refused; it used to stamp the new database
    dry_run first, so the corrected live start was refused too ("belongs to dry_run runs")."""
    db = tmp_path / "state.db"
    typo = btcbot({**emulator_env(emu), **paper_env(db), "SYMBOLS": "FOO_TRY"}, "run", "--once")
    assert typo.code == 2 and "FOO_TRY" in typo.output, typo.output
    result, _ = run({**emulator_env(emu), **armed_env(db)}, 1)
    assert "LIVE: armed" in result.stdout
