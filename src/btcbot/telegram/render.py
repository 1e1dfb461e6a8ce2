"""Notes and figures as the text of one Telegram message, in the configured language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal

from btcbot.domain.trips import Trip
from btcbot.operator.daily import DailyFigures
from btcbot.telegram.notes import Note, OrderChange, OrderNote, SummaryNote, TripNote
from btcbot.telegram.texts import Texts

MAX_MESSAGE = 4000  # Telegram refuses texts over 4096 characters
MAX_ORDER_LINES = 25  # a busy batch lists this many order lines, then counts the rest


def render_notes(texts: Texts, head: str, notes: Sequence[Note], dropped: int = 0) -> str:
    """One message: trips first (what needs the operator), then orders, then the summary."""
    lines = [head]
    if dropped:
        lines.append(texts("note.dropped", count=dropped))
    for note in notes:
        if isinstance(note, TripNote):
            lines.append(_trip(texts, note))
    orders = [note for note in notes if isinstance(note, OrderNote)]
    lines.extend(order_line(texts, note) for note in orders[:MAX_ORDER_LINES])
    if len(orders) > MAX_ORDER_LINES:
        lines.append(f"… +{len(orders) - MAX_ORDER_LINES}")
    for note in notes:
        if isinstance(note, SummaryNote):
            lines.append(texts("note.daily"))
            lines.extend(daily_lines(texts, note.figures, note.trips))
    return clip("\n".join(lines))


def clip(text: str) -> str:
    return text if len(text) <= MAX_MESSAGE else text[: MAX_MESSAGE - 1] + "…"


def _trip(texts: Texts, note: TripNote) -> str:
    if note.cleared:
        return texts("note.trip_cleared", headline=texts.trip_headline(note.trip))
    return texts.trip(note.trip)


def order_line(texts: Texts, note: OrderNote) -> str:
    values = {
        "side": texts.side(note.side),
        "quantity": texts.number(note.quantity),
        "symbol": note.symbol,
        "price": _price(texts, note),
    }
    if note.change in (OrderChange.FILLED, OrderChange.PARTIAL):
        key = "note.filled" if note.change is OrderChange.FILLED else "note.partial"
        return texts(
            key,
            **values,
            value=quote_amount(texts, note.value, note.quote),
            cost=quote_amount(texts, note.cost, note.quote),
        )
    if note.change is OrderChange.REJECTED:
        return texts("note.rejected", **values, reason=note.reason or "-")
    return texts(f"note.{note.change.value}", **values)


def _price(texts: Texts, note: OrderNote) -> str:
    if note.stop_price is not None and note.change is not OrderChange.FILLED:
        return texts("side.stop", price=texts.number(note.stop_price))
    if note.price is None:
        return texts("market")
    if note.change in (OrderChange.FILLED, OrderChange.PARTIAL):
        return texts.number(note.price.quantize(Decimal("0.00000001")).normalize())
    return texts.number(note.price)


def quote_amount(texts: Texts, amount: Decimal | None, quote: str) -> str:
    if amount is None:
        return "-"
    if quote == "TRY":
        return texts.try_amount(amount)
    return f"{texts.grouped(amount)} {quote}"


def daily_lines(texts: Texts, figures: DailyFigures, trips: Sequence[Trip] = ()) -> list[str]:
    lines = [
        texts("daily.head", start=utc(figures.start_ms), end=utc(figures.end_ms)),
        texts("daily.realized", amount=texts.try_amount(_try(figures.realized), signed=True)),
        texts("daily.fees", amount=texts.try_amount(_try(figures.fees))),
    ]
    lines.extend(_other_quotes(texts, "daily.other_quote", figures.realized))
    change = figures.equity_change
    if change is None or figures.equity_start is None or figures.equity_end is None:
        lines.append(texts("daily.no_equity"))
    else:
        lines.append(
            texts(
                "daily.equity",
                start=texts.try_amount(figures.equity_start),
                end=texts.try_amount(figures.equity_end),
                change=texts.try_amount(change, signed=True),
            )
        )
    lines.append(
        texts(
            "daily.fills",
            fills=figures.fills,
            buys=figures.buys,
            sells=figures.sells,
            placed=figures.placed,
        )
    )
    if trips:
        lines.append(texts("daily.trips", trips="; ".join(texts.trip_headline(t) for t in trips)))
    return lines


def _try(amounts: Mapping[str, Decimal]) -> Decimal:
    return amounts.get("TRY", Decimal(0))


def _other_quotes(texts: Texts, key: str, amounts: Mapping[str, Decimal]) -> list[str]:
    return [
        texts(key, quote=quote, amount=texts.grouped(amount, signed=True))
        for quote, amount in sorted(amounts.items())
        if quote != "TRY"
    ]


def utc(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
