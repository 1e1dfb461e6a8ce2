"""The eight invariants, checked from the emulator's records (its order history, fills and the
requests it received) against what the harness did (the timeline); the agent's state database
is read only for what the agent *knows* (invariants 2, 3, 6, 7, 8), never for what happened.

1. No intent (client order id) produced more than one exchange order.
2. Every exchange order of the agent became known to it (its exchange id in the state
   database) within ``resolution_window`` of healthy time (agent up, no fault active), and none
   was ever marked NOT_PLACED / REJECTED although it existed on the exchange.
3. At the end the agent's ledger (its own check: baseline + booked fills) equals the exchange
   balances, and the fills it books as its own are exactly the exchange fills of its orders.
4. At every instant on the exchange: open orders per symbol <= the limit (from open/close
   sequence), each order's notional in TRY <= the cap, and (profiles 3 and 4, which sell only
   their position) open sells never exceed what the agent's own fills bought.
5. No submit reached the exchange while a gate was closed (runtime kill switch, forced
   OBSERVE_ONLY); cancels are allowed.
6. A persistent reconciliation failure tripped the kill switch at the threshold count and
   within ``trip_within`` seconds.
7. After every disturbance the agent completed a successful cycle by itself within
   ``recovery_limit`` (measured: fault cleared -> end of the next successful cycle).
8. At the end every exchange order of the agent is in its state database under its exchange
   id and client id, with the same status class and filled quantity (see
   :func:`orders_agree`); no order is filled beyond its quantity on either side, and the
   fills the database stores for an order sum to the filled quantity it records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from btcbot.emulator.order_history import FillRecord, OrderRecord, RequestRecord
from chaos.agent_db import AgentCycle, AgentOrder, AgentRecords, LedgerResult
from chaos.foreign import MANUAL_PREFIX
from chaos.timeline import GateWindow, Interval, ProbeResult, healthy_ms

FAILED_STATUSES = frozenset({"NOT_PLACED", "REJECTED"})
UNRESOLVED_STATUSES = frozenset({"PENDING_SUBMIT", "IN_FLIGHT"})
NAMES = {
    0: "harness sanity (setup, operator CLI, agent exits)",
    1: "one order per intent",
    2: "every order known",
    3: "ledger = balances",
    4: "risk limits on the exchange",
    5: "no submit behind a closed gate",
    6: "kill switch on persistent failure",
    7: "recovers by itself",
    8: "orders agree at the end",
}
#: status classes: the exchange's (BTCTurk) statuses and the agent's, mapped onto one scale
EXCHANGE_CLASS = {
    "Untouched": "open",
    "Partial": "open",
    "Closed": "filled",
    "Canceled": "canceled",
}
AGENT_CLASS = {
    "OPEN": "open",
    "PARTIALLY_FILLED": "open",
    "PENDING_CANCEL": "open",  # cancel acknowledged, not proven: the order may still rest
    "FILLED": "filled",
    "CANCELED": "canceled",
    "REJECTED": "rejected",
    "NOT_PLACED": "rejected",
    "PENDING_SUBMIT": "unresolved",
    "IN_FLIGHT": "unresolved",
}


@dataclass(frozen=True)
class Violation:
    invariant: int
    what: str

    def describe(self) -> str:
        return f"[{self.invariant} {NAMES[self.invariant]}] {self.what}"


@dataclass(frozen=True)
class Limits:
    stage: int
    max_open_per_symbol: int
    max_notional_try: Decimal
    reconcile_threshold: int
    resolution_window_ms: int
    recovery_limit_ms: int
    trip_within_ms: int

    @property
    def sells_bounded_by_own_fills(self) -> bool:
        """Profiles 3 and 4 sell only their position; profile 7 rebalances the account's
        holdings, which the exchange itself never lets it oversell."""
        return self.stage in (3, 4)


@dataclass(frozen=True)
class ExchangeRecords:
    """The emulator's history of the agent's account."""

    orders: tuple[OrderRecord, ...]  # every order of the account, foreign ones included
    fills: tuple[FillRecord, ...]
    requests: tuple[RequestRecord, ...]

    def agent_orders(self) -> list[OrderRecord]:
        return [o for o in self.orders if not o.client_id.startswith(MANUAL_PREFIX)]

    def agent_fills(self) -> list[FillRecord]:
        ours = {o.order_id for o in self.agent_orders()}
        return [f for f in self.fills if f.order_id in ours]


@dataclass
class Findings:
    violations: list[Violation] = field(default_factory=list)
    recoveries_ms: list[int] = field(default_factory=list)
    in_flight_at_end: int = 0


def check_all(
    exchange: ExchangeRecords,
    agent: AgentRecords,
    ledger: LedgerResult,
    *,
    limits: Limits,
    unhealthy: list[Interval],
    disturbances: list[Interval],
    gates: Sequence[GateWindow],
    probes: Sequence[ProbeResult],
    end_ms: int,
) -> Findings:
    findings = Findings()
    add = findings.violations.extend
    add(one_order_per_intent(exchange))
    add(orders_known(exchange, agent, unhealthy, limits.resolution_window_ms, end_ms))
    add(never_failed_while_live(exchange, agent))
    add(ledger_matches(ledger))
    add(own_fills_booked(exchange, agent))
    add(open_orders_per_symbol(exchange, limits.max_open_per_symbol))
    add(notional_caps(exchange, limits.max_notional_try))
    if limits.sells_bounded_by_own_fills:
        add(sells_within_own_inventory(exchange))
    add(no_submit_behind_gates(exchange.requests, gates))
    add(kill_switch_trips(probes, limits.reconcile_threshold, limits.trip_within_ms))
    violations, recoveries = recovery(disturbances, agent.cycles, limits.recovery_limit_ms, end_ms)
    add(violations)
    add(orders_agree(exchange, agent))
    findings.recoveries_ms = recoveries
    findings.in_flight_at_end = sum(1 for o in agent.orders if o.status in UNRESOLVED_STATUSES)
    return findings


# --- 1 ------------------------------------------------------------------------------------


def one_order_per_intent(exchange: ExchangeRecords) -> list[Violation]:
    by_client: dict[str, list[int]] = defaultdict(list)
    for order in exchange.agent_orders():
        by_client[order.client_id].append(order.order_id)
    return [
        Violation(1, f"client order id {client} produced {len(ids)} exchange orders {ids}")
        for client, ids in by_client.items()
        if len(ids) > 1
    ]


# --- 2 ------------------------------------------------------------------------------------


def orders_known(
    exchange: ExchangeRecords,
    agent: AgentRecords,
    unhealthy: list[Interval],
    window_ms: int,
    end_ms: int,
) -> list[Violation]:
    known = agent.known_at()
    found: list[Violation] = []
    for order in exchange.agent_orders():
        at = known.get(order.order_id)
        label = f"{order.symbol} {order.side} id={order.order_id} client={order.client_id}"
        if at is None:
            took = healthy_ms(order.opened_ms, end_ms, unhealthy)
            found.append(Violation(2, f"{label} never known to the agent ({took} ms healthy)"))
            continue
        took = healthy_ms(order.opened_ms, at, unhealthy)
        if took > window_ms:
            found.append(
                Violation(2, f"{label} known only after {took} ms of healthy time (> {window_ms})")
            )
    return found


def never_failed_while_live(exchange: ExchangeRecords, agent: AgentRecords) -> list[Violation]:
    placed = {o.client_id: o for o in exchange.agent_orders()}
    found = []
    for event in agent.events:
        order = placed.get(event.client_order_id)
        if event.to_status in FAILED_STATUSES and order is not None:
            found.append(
                Violation(
                    2,
                    f"{event.client_order_id} marked {event.to_status} at {event.at_ms} but it "
                    f"was placed on the exchange at {order.opened_ms} (id={order.order_id}, "
                    f"closed {order.closed_ms or 'never'})",
                )
            )
    return found


# --- 3 ------------------------------------------------------------------------------------


def ledger_matches(ledger: LedgerResult) -> list[Violation]:
    if ledger.check is None:
        return [Violation(3, "the agent never took a ledger baseline")]
    return [Violation(3, f"at the end: {m.describe()}") for m in ledger.check.mismatches]


def own_fills_booked(exchange: ExchangeRecords, agent: AgentRecords) -> list[Violation]:
    own = {f.trade_id for f in exchange.agent_fills()}
    everyone = {f.trade_id: f for f in exchange.fills}
    found = []
    foreign = sorted(agent.booked_trade_ids - own)
    if foreign:
        detail = ", ".join(_fill_label(everyone.get(t), t) for t in foreign[:5])
        found.append(
            Violation(3, f"{len(foreign)} fill(s) of someone else booked as own: {detail}")
        )
    missing = sorted(own - agent.booked_trade_ids)
    if missing:
        detail = ", ".join(_fill_label(everyone.get(t), t) for t in missing[:5])
        found.append(Violation(3, f"{len(missing)} own fill(s) never booked: {detail}"))
    return found


def _fill_label(fill: FillRecord | None, trade_id: int) -> str:
    if fill is None:
        return f"trade {trade_id} (not on this account)"
    return f"trade {trade_id} {fill.symbol} {fill.side} {fill.amount} of order {fill.order_id}"


# --- 4 ------------------------------------------------------------------------------------


def open_orders_per_symbol(exchange: ExchangeRecords, limit: int) -> list[Violation]:
    edges: list[tuple[int, int, OrderRecord]] = []
    for order in exchange.agent_orders():
        edges.append((order.opened_seq, 1, order))
        if order.closed_seq is not None:
            edges.append((order.closed_seq, -1, order))
    open_now: dict[str, dict[int, OrderRecord]] = defaultdict(dict)
    found: list[Violation] = []
    reported: set[frozenset[int]] = set()
    for _, delta, order in sorted(edges, key=lambda e: (e[0], e[1])):
        symbol_open = open_now[order.symbol]
        if delta < 0:
            symbol_open.pop(order.order_id, None)
            continue
        symbol_open[order.order_id] = order
        if len(symbol_open) > limit:
            ids = frozenset(symbol_open)
            if ids not in reported:
                reported.add(ids)
                found.append(Violation(4, _overlap(order.symbol, list(symbol_open.values()))))
    return found


def _overlap(symbol: str, orders: list[OrderRecord]) -> str:
    overlap_ms = min(o.closed_ms or 10**15 for o in orders) - max(o.opened_ms for o in orders)
    described = "; ".join(
        f"{o.side} {o.quantity}@{o.price} id={o.order_id} client={o.client_id} "
        f"open {o.opened_ms}..{o.closed_ms or 'end'} ({o.status})"
        for o in orders
    )
    return f"{len(orders)} orders open at once on {symbol} for ~{overlap_ms} ms: {described}"


def notional_caps(exchange: ExchangeRecords, cap_try: Decimal) -> list[Violation]:
    if cap_try <= 0:
        return []
    fills_by_order: dict[int, list[FillRecord]] = defaultdict(list)
    for fill in exchange.fills:
        fills_by_order[fill.order_id].append(fill)
    found = []
    for order in exchange.agent_orders():
        notional = order.notional
        if order.method == "market" and order.side == "sell":
            notional = sum((f.price * f.amount for f in fills_by_order[order.order_id]), Decimal(0))
        if order.quote_in_try is None:
            found.append(
                Violation(4, f"order {order.order_id} on {order.symbol}: no TRY rate for its quote")
            )
            continue
        value = notional * order.quote_in_try
        if value > cap_try:
            found.append(
                Violation(
                    4,
                    f"order {order.order_id} {order.symbol} {order.side} {order.method} worth "
                    f"{value:.2f} TRY > cap {cap_try} TRY ({notional} {order.quote})",
                )
            )
    return found


def sells_within_own_inventory(exchange: ExchangeRecords) -> list[Violation]:
    """Replay opens and fills in exchange order: committed sells <= own net inventory."""
    orders = {o.order_id: o for o in exchange.agent_orders()}
    timeline: list[tuple[int, str, OrderRecord | FillRecord]] = [
        (o.opened_seq, "open", o) for o in orders.values()
    ]
    timeline += [(f.seq, "fill", f) for f in exchange.agent_fills()]
    timeline += [(o.closed_seq, "close", o) for o in orders.values() if o.closed_seq is not None]
    net: dict[str, Decimal] = defaultdict(Decimal)
    short: set[str] = set()  # symbols already reported short (one finding per episode)
    filled: dict[int, Decimal] = defaultdict(Decimal)
    open_sells: dict[str, set[int]] = defaultdict(set)
    found: list[Violation] = []
    for _, kind, item in sorted(timeline, key=lambda t: t[0]):
        if kind == "fill":
            assert isinstance(item, FillRecord)
            filled[item.order_id] += item.amount
            net[item.symbol] += item.amount if item.side == "buy" else -item.amount
            if net[item.symbol] >= 0:
                short.discard(item.symbol)
            elif item.symbol not in short:
                short.add(item.symbol)
                found.append(
                    Violation(
                        4,
                        f"{item.symbol}: sell fill {item.trade_id} (order {item.order_id}) took "
                        f"the agent's own inventory to {net[item.symbol]}: sold more than held",
                    )
                )
            continue
        assert isinstance(item, OrderRecord)
        if item.side != "sell":
            continue
        if kind == "close":
            open_sells[item.symbol].discard(item.order_id)
            continue
        open_sells[item.symbol].add(item.order_id)
        committed = sum(
            (orders[i].quantity - filled[i] for i in open_sells[item.symbol]), Decimal(0)
        )
        if committed > net[item.symbol]:
            found.append(
                Violation(
                    4,
                    f"{item.symbol}: sell {item.quantity} id={item.order_id} "
                    f"client={item.client_id} makes {committed} committed to sells while the "
                    f"agent's own fills hold {net[item.symbol]}",
                )
            )
    return found


# --- 5 ------------------------------------------------------------------------------------


def no_submit_behind_gates(
    requests: Iterable[RequestRecord], gates: Sequence[GateWindow]
) -> list[Violation]:
    found = []
    submits = [r for r in requests if r.kind == "submit"]
    for gate in gates:
        late = [r for r in submits if gate.start_ms + gate.grace_ms < r.at_ms < gate.end_ms]
        if late:
            found.append(
                Violation(
                    5,
                    f"{len(late)} submit(s) reached the exchange while {gate.kind} was on "
                    f"({gate.start_ms}..{gate.end_ms}), first at {late[0].at_ms}",
                )
            )
    return found


# --- 6 ------------------------------------------------------------------------------------


def kill_switch_trips(
    probes: Sequence[ProbeResult], threshold: int, within_ms: int
) -> list[Violation]:
    found = []
    for probe in probes:
        if probe.tripped_ms is None:
            found.append(
                Violation(6, f"{probe.mode}: the kill switch never tripped ({within_ms} ms)")
            )
            continue
        took = probe.tripped_ms - probe.start_ms
        if took > within_ms:
            found.append(Violation(6, f"{probe.mode}: tripped after {took} ms (> {within_ms})"))
        if probe.failures_at_trip is not None and probe.failures_at_trip > threshold:
            found.append(
                Violation(
                    6,
                    f"{probe.mode}: tripped at {probe.failures_at_trip} consecutive failures "
                    f"(threshold {threshold})",
                )
            )
    return found


# --- 7 ------------------------------------------------------------------------------------


def recovery(
    disturbances: list[Interval],
    cycles: Sequence[AgentCycle],
    limit_ms: int,
    end_ms: int,
) -> tuple[list[Violation], list[int]]:
    """Fault cleared -> end of the first successful cycle that started after it; a recovery
    cut short by the next disturbance is not measured."""
    found: list[Violation] = []
    measured: list[int] = []
    ok_cycles = [c for c in cycles if c.ok]
    for index, (_, cleared) in enumerate(disturbances):
        following = disturbances[index + 1][0] if index + 1 < len(disturbances) else end_ms
        first = next((c for c in ok_cycles if c.started_ms >= cleared), None)
        if first is not None and first.ended_ms <= following:
            took = first.ended_ms - cleared
            measured.append(took)
            if took > limit_ms:
                found.append(
                    Violation(7, f"recovered {took} ms after a fault cleared at {cleared}")
                )
        elif following - cleared >= limit_ms:
            found.append(
                Violation(7, f"no successful cycle in {following - cleared} ms after {cleared}")
            )
    return found, measured


# --- 8 ------------------------------------------------------------------------------------


def orders_agree(exchange: ExchangeRecords, agent: AgentRecords) -> list[Violation]:
    """The agent's final record of each order against the exchange's, after the quiet end
    (faults cleared, longer than the in-flight ladder, market paused, then successful cycles).

    For every exchange order carrying one of our client ids: the database holds a row with
    its exchange id and the same client id; its status class (open: OPEN, PARTIALLY_FILLED,
    PENDING_CANCEL / filled: FILLED / canceled: CANCELED / rejected: REJECTED, NOT_PLACED /
    unresolved: PENDING_SUBMIT, IN_FLIGHT) equals the exchange's (open: Untouched, Partial /
    filled: Closed / canceled: Canceled); and its filled quantity equals the exchange's fills
    of the order (base units; the market was paused before the final cycles, so no fill can
    come after the agent's last look). One disagreement is allowed, because the agent cannot
    have seen its end: the order is PENDING_CANCEL in the database and the exchange closed it
    at or after the start of the agent's last successful cycle (the cancel that cycle sent,
    carried out after the cycle had read the order; the agent stopped before the proof came).
    Every database row with an exchange id names an exchange order of ours. On both sides an
    order is never filled beyond its quantity (a market BUY: its quote amount), and the fills
    the database stores for an order sum to its filled quantity.
    """
    placed = {o.order_id: o for o in exchange.agent_orders()}
    rows = {o.exchange_order_id: o for o in agent.orders if o.exchange_order_id is not None}
    filled: dict[int, Decimal] = defaultdict(Decimal)
    spent: dict[int, Decimal] = defaultdict(Decimal)
    for fill in exchange.agent_fills():
        filled[fill.order_id] += fill.amount
        spent[fill.order_id] += fill.amount * fill.price
    ok_starts = [c.started_ms for c in agent.cycles if c.ok]
    last_look = max(ok_starts) if ok_starts else None
    found: list[Violation] = []
    for order_id, order in placed.items():
        row = rows.get(order_id)
        found += _exchange_overfill(order, filled[order_id], spent[order_id])
        if row is None:
            found.append(Violation(8, f"{_exchange_side(order, filled[order_id])}; database: none"))
            continue
        mismatch = _disagreement(order, filled[order_id], row, last_look)
        if mismatch:
            found.append(
                Violation(
                    8,
                    f"{mismatch}: {_exchange_side(order, filled[order_id])}; "
                    f"database: {_agent_side(row)}",
                )
            )
    for order_id, row in rows.items():
        if order_id not in placed:
            found.append(
                Violation(
                    8, f"database: {_agent_side(row)}; exchange: no order of ours with this id"
                )
            )
        found += _agent_fills_disagree(row, agent.fill_totals.get(order_id, Decimal(0)))
    return found


def _disagreement(
    order: OrderRecord, filled: Decimal, row: AgentOrder, last_look: int | None
) -> str | None:
    if row.client_order_id != order.client_id:
        return "another client id"
    theirs, ours = EXCHANGE_CLASS.get(order.status, order.status), AGENT_CLASS.get(row.status)
    unseen_close = (
        row.status == "PENDING_CANCEL"
        and order.closed_ms is not None
        and last_look is not None
        and order.closed_ms >= last_look
    )
    if theirs != ours and not unseen_close:
        return f"status {row.status} against {order.status}"
    if row.filled_quantity != filled:
        return f"filled {row.filled_quantity} against {filled}"
    return None


def _exchange_overfill(order: OrderRecord, filled: Decimal, spent: Decimal) -> list[Violation]:
    market_buy = order.method == "market" and order.side == "buy"
    over = spent > order.quantity if market_buy else filled > order.quantity
    if not over:
        return []
    return [
        Violation(8, f"filled beyond its quantity on the exchange: {_exchange_side(order, filled)}")
    ]


def _agent_fills_disagree(row: AgentOrder, stored: Decimal) -> list[Violation]:
    found = []
    if row.quote_amount is None and row.filled_quantity > row.quantity:
        found.append(
            Violation(8, f"filled beyond its quantity in the database: {_agent_side(row)}")
        )
    if stored != row.filled_quantity:
        found.append(
            Violation(
                8,
                f"the database's fills of the order sum to {stored}, its filled quantity is "
                f"{row.filled_quantity}: {_agent_side(row)}",
            )
        )
    return found


def _exchange_side(order: OrderRecord, filled: Decimal) -> str:
    return (
        f"order id={order.order_id} client={order.client_id} {order.symbol} {order.side} "
        f"{order.method} {order.quantity}; exchange: {order.status} filled {filled} "
        f"closed {order.closed_ms or 'never'}"
    )


def _agent_side(row: AgentOrder) -> str:
    size = row.quantity if row.quote_amount is None else f"{row.quote_amount} quote"
    return (
        f"{row.status} filled {row.filled_quantity} of {size} (client={row.client_order_id} "
        f"id={row.exchange_order_id} {row.symbol} {row.side})"
    )
