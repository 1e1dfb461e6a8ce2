"""Every English text the Telegram bot sends (``str.format`` placeholders in braces).

The Turkish catalogue (:mod:`.catalogue_tr`) has exactly the same keys and placeholders (a test
checks both). Trip headlines and resolutions come from :mod:`btcbot.domain.trips`, the one table
the CLI and the cycle line read too.
"""

from __future__ import annotations

from btcbot.domain.trips import TRIPS

MESSAGES: dict[str, str] = {
    # --- help and refusals ------------------------------------------------------------------
    "help": (
        "btcbot on {account} ({mode})\n"
        "/status: armed or not, risk mode, switches, what holds it back, last cycle\n"
        "/orders: open orders\n"
        "/balance: balances and positions\n"
        "/profit: PnL since the start, in TRY net of fee and tax\n"
        "/daily: the last 24 hours\n"
        "/stopentry on|off: stop (or allow again) new buys; sells, stops and cancels go on\n"
        "/killswitch on|off: no new risk while on (cancels still allowed)\n"
        "/freeze clear: lift the unknown-order freeze once you checked the orders\n"
        "Writes ask for a confirmation first."
    ),
    "usage.stopentry": "Write /stopentry on or /stopentry off.",
    "usage.killswitch": "Write /killswitch on or /killswitch off.",
    "usage.freeze": "Write /freeze clear (freeze status is in /status).",
    "error.unavailable": "Cannot answer now: {reason}",
    "error.refused": "Refused: {reason}",
    "usage.read": "/{command} takes no arguments; /help lists the commands.",
    "unknown": "There is no /{command} command; /help lists the commands. Nothing was done.",
    "error.internal": "Could not answer: an internal error (logged as "
    "telegram_handler_failed). Nothing was changed; try again, or use btcbot status.",
    "error.not_done": "Not done: {reason}. Nothing was changed; send the command again.",
    # --- confirmations ----------------------------------------------------------------------
    "confirm.prompt": "{action}\nConfirm within {seconds} s (button, or reply yes).",
    "confirm.yes": "Confirm",
    "confirm.no": "Cancel",
    "confirm.cancelled": "Cancelled: {action}",
    "confirm.expired": "Not done: the confirmation lapsed. Send the command again.",
    "confirm.nothing": "Nothing waits for a confirmation.",
    "confirm.words": "yes,y,ok,confirm",
    "action.stopentry_on": "Stop new entries (no new buys; sells, stops and cancels go on)?",
    "action.stopentry_off": "Allow new entries again?",
    "action.killswitch_on": "Turn the kill switch ON (no new risk, cancels still allowed)?",
    "action.killswitch_off": "Turn the kill switch OFF and allow new risk again?",
    "action.freeze_clear": "Clear the unknown-order freeze (you checked the orders it names)?",
    "done.stopentry_on": "New entries stopped. /stopentry off allows them again.",
    "done.stopentry_off": "New entries allowed again.",
    "done.killswitch_on": "Kill switch ON. /killswitch off releases it.",
    "done.killswitch_off": "Kill switch off.",
    "done.killswitch_off_settings": "Kill switch off; KILL_SWITCH=true in the settings still "
    "blocks new risk.",
    "done.freeze_clear": "Freeze cleared.",
    # --- reads ------------------------------------------------------------------------------
    "yes": "yes",
    "no": "no",
    "none": "none",
    "status.head": "{health} | {mode} | stage {stage} | account {account}",
    "status.armed": "LIVE (armed)",
    "status.dry_run": "DRY RUN (not armed: {reasons})",
    "status.no_run": "no run recorded yet",
    "status.risk": "risk mode: {mode}{reasons}",
    "status.switches": "kill switch: {kill_switch} | freeze: {freeze} | new entries: {entries}",
    "status.entries_on": "allowed",
    "status.entries_off": "stopped",
    "status.on": "ON",
    "status.off": "off",
    "status.last_cycle": "last cycle {when} ({ago} ago): {risk_mode}, {submits} submits, "
    "{cancels} cancels",
    "status.no_cycle": "no cycle yet",
    "status.equity": "equity {equity}",
    "status.process": "process: {detail}",
    "status.held_back": "Held back by:",
    "status.nothing_held": "Nothing holds it back.",
    "orders.head": "{count} open order(s):",
    "orders.none": "No open orders.",
    "orders.line": "{side} {quantity} {symbol} @ {price} ({status}{filled}) {since}",
    "orders.filled": ", filled {filled}",
    "balance.head": "Balances:",
    "balance.line": "{asset}: {total}",
    "balance.none": "No balances recorded yet.",
    "balance.positions": "Positions:",
    "balance.position": "{symbol}: {quantity} @ avg {average} ({realized} realized)",
    "balance.equity": "Equity: {equity} (last cycle {when})",
    "profit.head": "Profit since {since}:",
    "profit.realized": "realized: {amount} (net of fee and tax)",
    "profit.change": "equity change since then: {amount}",
    "profit.fees": "fees and tax paid: {amount}",
    "profit.equity": "equity: {equity}, peak {peak}, drawdown {drawdown} % (worst "
    "{max_drawdown} %)",
    "profit.other_quote": "{quote} pairs: realized {amount} {quote} (not converted)",
    "profit.empty": "No fills yet.",
    "daily.head": "Last 24 hours ({start} to {end}):",
    "daily.realized": "realized PnL: {amount} (net of fee and tax)",
    "daily.fees": "fees and tax: {amount}",
    "daily.equity": "equity: {start} -> {end} ({change})",
    "daily.no_equity": "equity: no cycle with a valuation in this window",
    "daily.fills": "fills: {fills} ({buys} buys, {sells} sells), orders placed: {placed}",
    "daily.other_quote": "{quote} pairs: realized {amount} {quote} (not converted)",
    "daily.trips": "held back now by: {trips}",
    # --- notifications ----------------------------------------------------------------------
    "note.head": "btcbot {account} ({mode}):",
    "note.placed": "placed {side} {quantity} {symbol} @ {price}",
    "note.filled": "FILLED {side} {quantity} {symbol} @ {price} ({value}, fee+tax {cost})",
    "note.partial": "partly filled {side} {quantity} {symbol} @ {price} ({value}, fee+tax {cost})",
    "note.canceled": "cancelled {side} {quantity} {symbol} @ {price}",
    "note.rejected": "REJECTED {side} {quantity} {symbol} @ {price}: {reason}",
    "note.trip": "{headline}{detail}\nTo resolve: {resolution}",
    "note.trip_here": "From here: {command}",
    "note.trip_cleared": "Cleared: {headline}",
    "note.reconcile_failing": "RECONCILIATION FAILING ({failures} in a row, kill switch at "
    "{threshold}): {error}",
    "note.reconcile_back": "Reconciliation works again.",
    "note.skipped": "cycle skipped: {why}",
    "note.dropped": "({count} older notifications dropped: Telegram was unreachable)",
    "note.daily": "Daily summary",
    "side.buy": "BUY",
    "side.sell": "SELL",
    "market": "market",
    "side.stop": "stop {price}",
}

for _kind, _entry in TRIPS.items():
    MESSAGES[f"trip.{_kind.value}.headline"] = _entry.headline
    MESSAGES[f"trip.{_kind.value}.resolve"] = _entry.resolution
