"""The bot's words in one language, and money as an operator reads it.

:class:`Texts` looks a key up in the language's catalogue (:mod:`.catalogue_en`,
:mod:`.catalogue_tr`) and fills its placeholders. Amounts are ``Decimal`` to the end: TRY with
two decimals (grouped ``12,345.67`` in English, ``12.345,67`` in Turkish), quantities and
prices as exact as the exchange sent them.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from types import MappingProxyType
from typing import Literal

from btcbot.domain.money import format_decimal
from btcbot.domain.trips import Trip, TripKind
from btcbot.telegram import catalogue_en, catalogue_tr

Language = Literal["tr", "en"]

CATALOGUES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"en": MappingProxyType(catalogue_en.MESSAGES), "tr": MappingProxyType(catalogue_tr.MESSAGES)}
)
CENTS = Decimal("0.01")

# What the operator can type here to resolve a trip (the CLI command is in the resolution).
TELEGRAM_RESOLUTION: Mapping[TripKind, str] = MappingProxyType(
    {
        TripKind.KILL_SWITCH_RECONCILE: "/killswitch off",
        TripKind.KILL_SWITCH_LEDGER: "/killswitch off",
        TripKind.KILL_SWITCH_OPERATOR: "/killswitch off",
        TripKind.KILL_SWITCH_OTHER: "/killswitch off",
        TripKind.UNKNOWN_ORDER_FREEZE: "/freeze clear",
        TripKind.STOP_ENTRIES: "/stopentry off",
    }
)


class Texts:
    """The catalogue of one language."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._messages = CATALOGUES[language]

    def __call__(self, key: str, **values: object) -> str:
        return self._messages[key].format(**values)

    def words(self, key: str) -> frozenset[str]:
        """A comma-separated list of accepted words (e.g. the ways to say yes)."""
        return frozenset(word.strip().lower() for word in self._messages[key].split(","))

    # --- money ---------------------------------------------------------------------------

    def try_amount(self, value: Decimal, *, signed: bool = False) -> str:
        """``12,345.67 TRY`` (en) or ``12.345,67 TRY`` (tr); ``+`` for gains when ``signed``."""
        return f"{self.grouped(value, signed=signed)} TRY"

    def grouped(self, value: Decimal, *, signed: bool = False) -> str:
        cents = value.quantize(CENTS, rounding=ROUND_HALF_EVEN)
        text = f"{cents:{'+' if signed else ''},.2f}"
        if text in ("-0.00", "+0.00"):
            text = "0.00"
        if self.language == "tr":
            text = text.replace(",", "_").replace(".", ",").replace("_", ".")
        return text

    def number(self, value: Decimal) -> str:
        """A quantity or a price exactly (no exponent, no trailing zeros)."""
        text = format_decimal(value)
        return text.replace(".", ",") if self.language == "tr" else text

    def side(self, side: str) -> str:
        return self(f"side.{side}")

    # --- trips ---------------------------------------------------------------------------

    def trip_headline(self, trip: Trip) -> str:
        return self(f"trip.{trip.kind.value}.headline")

    def trip(self, trip: Trip) -> str:
        """What holds the bot back, why, and how to resolve it (here, when it can be)."""
        detail = f": {trip.detail}" if trip.detail else ""
        text = self(
            "note.trip",
            headline=self.trip_headline(trip),
            detail=detail,
            resolution=self(f"trip.{trip.kind.value}.resolve"),
        )
        here = TELEGRAM_RESOLUTION.get(trip.kind)
        if here is not None:
            text += "\n" + self("note.trip_here", command=here)
        return text
