"""The bot's commands answered from the operator services, in the configured language.

Reads: ``/status`` (:meth:`OperatorServices.status`), ``/orders`` (the live orders),
``/balance`` (the ledger's balances and positions, the last equity), ``/profit`` (positions'
realized PnL net of fee and tax, fee and tax paid, the equity series), ``/daily``
(:meth:`OperatorServices.daily`). Writes (``/stopentry``, ``/killswitch``, ``/freeze clear``)
become a :class:`~btcbot.telegram.confirm.Write` the bot confirms first, then
:meth:`OperatorServices.apply_now` does with the chat as the actor: the services apply the
gates and write the audit log. A refusal is answered with the services' own message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from sqlalchemy.exc import SQLAlchemyError

from btcbot.domain.money import ZERO
from btcbot.domain.trips import Trip, TripKind
from btcbot.operator import Action, OperatorError, OperatorServices
from btcbot.operator.views import StatusView, TripView
from btcbot.store import DamagedRow
from btcbot.telegram.confirm import Write
from btcbot.telegram.render import daily_lines, quote_amount, utc
from btcbot.telegram.texts import Texts

_WRITES: Mapping[tuple[str, str], tuple[str, Action]] = {
    ("stopentry", "on"): ("stopentry_on", Action.STOP_ENTRIES),
    ("stopentry", "off"): ("stopentry_off", Action.RESUME_ENTRIES),
    ("killswitch", "on"): ("killswitch_on", Action.KILL_SWITCH_ON),
    ("killswitch", "off"): ("killswitch_off", Action.KILL_SWITCH_OFF),
    ("freeze", "clear"): ("freeze_clear", Action.FREEZE_CLEAR),
}
_DEFAULT_ARG = {"stopentry": "on"}


class ServicesDesk:
    def __init__(self, services: OperatorServices, texts: Texts, *, mode: str) -> None:
        self.services = services
        self.texts = texts
        self.mode = mode
        self._reads: Mapping[str, Callable[[], str]] = {
            "help": self._help,
            "status": self._status,
            "orders": self._orders,
            "balance": self._balance,
            "profit": self._profit,
            "daily": self._daily,
        }

    # --- reads ---------------------------------------------------------------------------

    def read(self, command: str, args: Sequence[str]) -> str:
        """``command``'s answer; a read takes no arguments (``/start``'s are Telegram's own)."""
        if args and command != "help":
            return self.texts("usage.read", command=command)
        try:
            return self._reads.get(command, self._help)()
        except OperatorError as exc:
            return self.texts("error.refused", reason=str(exc))
        except DamagedRow as exc:  # a row edited by hand or damaged: named, not silence
            return self.texts("error.unavailable", reason=str(exc))
        except SQLAlchemyError:
            return self.texts("error.unavailable", reason="the state database did not answer")

    def unknown(self, command: str) -> str:
        """The answer to a command the bot does not have (a typo must not pass in silence)."""
        return self.texts("unknown", command=command[:32])

    def _help(self) -> str:
        return self.texts("help", account=self.services.common.account_key, mode=self.mode)

    def _status(self) -> str:
        t, view = self.texts, self.services.status(cycles=1)
        mode = (
            t("status.armed")
            if view.armed
            else t("status.dry_run", reasons=", ".join(_not_armed(view)) or "-")
        )
        stage = view.run_settings.stage if view.run_settings else "-"
        reasons = f" ({', '.join(view.risk.reasons)})" if view.risk.reasons else ""
        kill = view.kill_switch.runtime or view.kill_switch.settings
        lines = [
            t(
                "status.head",
                health=view.health.status.upper(),
                mode=mode,
                stage=stage,
                account=view.account,
            ),
            t("status.risk", mode=view.risk.mode, reasons=reasons),
            t(
                "status.switches",
                kill_switch=t("status.on" if kill else "status.off"),
                freeze=t("status.on" if view.freeze.active else "status.off"),
                entries=t(
                    "status.entries_off" if view.stop_entries.active else "status.entries_on"
                ),
            ),
            self._last_cycle(view),
        ]
        if view.lock is not None:
            lines.append(
                t(
                    "status.process",
                    detail=f"pid {view.lock.pid} on {view.lock.host} ({view.lock.state})",
                )
            )
        trips = [trip_of(v) for v in view.trips]
        if trips:
            lines.append(t("status.held_back"))
            lines.extend(t.trip(trip) for trip in trips)
        else:
            lines.append(t("status.nothing_held"))
        return "\n".join(lines)

    def _last_cycle(self, view: StatusView) -> str:
        t = self.texts
        if not view.cycles:
            return t("status.no_cycle")
        cycle = view.cycles[0]
        ago = "-" if view.lag_s is None else f"{view.lag_s:.0f} s"
        text = t(
            "status.last_cycle",
            when=utc(cycle.started_ms),
            ago=ago,
            risk_mode=cycle.risk_mode or cycle.skipped or "-",
            submits=cycle.submits,
            cancels=cycle.cancels,
        )
        if cycle.equity is not None:
            text += "\n" + t("status.equity", equity=t.try_amount(cycle.equity))
        return text

    def _orders(self) -> str:
        t, orders = self.texts, self.services.orders()
        if not orders:
            return t("orders.none")
        lines = [t("orders.head", count=len(orders))]
        for order in orders:
            price = order.price if order.price is not None else order.stop_price
            filled = t("orders.filled", filled=t.number(order.filled)) if order.filled else ""
            lines.append(
                t(
                    "orders.line",
                    side=t.side(order.side),
                    quantity=t.number(order.quantity),
                    symbol=order.symbol,
                    price=t.number(price) if price is not None else t("market"),
                    status=order.status,
                    filled=filled,
                    since=utc(order.created_ms),
                )
            )
        return "\n".join(lines)

    def _balance(self) -> str:
        t, ledger = self.texts, self.services.ledger()
        lines = [t("balance.head")] if ledger.balances else [t("balance.none")]
        lines.extend(
            t("balance.line", asset=asset, total=t.number(total))
            for asset, total in sorted(ledger.balances.items())
        )
        held = [p for p in ledger.positions if p.quantity]
        if held:
            lines.append(t("balance.positions"))
        for position in held:
            quote = position.symbol.rpartition("_")[2]
            lines.append(
                t(
                    "balance.position",
                    symbol=position.symbol,
                    quantity=t.number(position.quantity),
                    average=t.number(position.average_cost.quantize(Decimal("0.01"))),
                    realized=quote_amount(t, position.realized_pnl, quote),
                )
            )
        cycle = self.services.status(cycles=1).cycles
        if cycle and cycle[0].equity is not None:
            lines.append(
                t(
                    "balance.equity",
                    equity=t.try_amount(cycle[0].equity),
                    when=utc(cycle[0].started_ms),
                )
            )
        return "\n".join(lines)

    def _profit(self) -> str:
        t = self.texts
        ledger, series = self.services.ledger(), self.services.equity()
        realized: dict[str, Decimal] = {}
        fees: dict[str, Decimal] = {}
        for position in ledger.positions:
            quote = position.symbol.rpartition("_")[2]
            realized[quote] = realized.get(quote, ZERO) + position.realized_pnl
            fees[quote] = fees.get(quote, ZERO) + position.fees_paid
        if not ledger.positions and not series.points:
            return t("profit.empty")
        since = utc(series.points[0].time_ms) if series.points else "-"
        lines = [
            t("profit.head", since=since),
            t("profit.realized", amount=t.try_amount(realized.get("TRY", ZERO), signed=True)),
            t("profit.fees", amount=t.try_amount(fees.get("TRY", ZERO))),
        ]
        lines.extend(
            t("profit.other_quote", quote=quote, amount=t.grouped(amount, signed=True))
            for quote, amount in sorted(realized.items())
            if quote != "TRY"
        )
        if series.points:
            last = series.points[-1]
            peak = max(point.equity for point in series.points)
            lines.append(t("profit.change", amount=t.try_amount(last.pnl, signed=True)))
            lines.append(
                t(
                    "profit.equity",
                    equity=t.try_amount(last.equity),
                    peak=t.try_amount(peak),
                    drawdown=t.grouped(last.drawdown * 100),
                    max_drawdown=t.grouped(series.max_drawdown * 100),
                )
            )
        return "\n".join(lines)

    def _daily(self) -> str:
        trips = [trip_of(v) for v in self.services.status(cycles=1).trips]
        figures = self.services.daily()
        return "\n".join(daily_lines(self.texts, figures, [t for t in trips if t.level >= 30]))

    # --- writes --------------------------------------------------------------------------

    def write(self, command: str, args: Sequence[str]) -> Write | str:
        word = args[0].lower() if args else _DEFAULT_ARG.get(command, "")
        found = _WRITES.get((command, word))
        if found is None or len(args) > 1:
            return self.texts(f"usage.{command}")
        key, action = found
        return Write(key, lambda actor: self._perform(key, action, actor))

    def _perform(self, key: str, action: Action, actor: str) -> str:
        params = {"reason": f"from Telegram ({actor})"} if action in _WITH_REASON else {}
        try:
            self.services.apply_now(action, params, actor=actor)
        except OperatorError as exc:
            return self.texts("error.refused", reason=str(exc))
        except SQLAlchemyError:  # busy or failing: its transaction did not commit
            return self.texts("error.not_done", reason="the state database did not answer")
        if action is Action.KILL_SWITCH_OFF and self.services.status(cycles=1).kill_switch.settings:
            return self.texts("done.killswitch_off_settings")
        return self.texts(f"done.{key}")


_WITH_REASON = frozenset({Action.KILL_SWITCH_ON, Action.STOP_ENTRIES})


def trip_of(view: TripView) -> Trip:
    return Trip(TripKind(view.kind), view.detail, view.since_ms)


def _not_armed(view: StatusView) -> tuple[str, ...]:
    return view.run_settings.not_armed if view.run_settings else ()
