"""The BTCTurk-shaped symbol table the project ships (``data/symbols.json``, shapes as
BTCTurk's ``exchangeinfo``, API_CONTRACT.md §5): pairs with their scales, minimum order value
and reference price, and the currencies.

The emulator serves it and the replay takes its exchange rules from it
(:mod:`btcbot.backtest.rules`); neither depends on the other for it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Currency:
    id: int
    symbol: str
    name: str
    precision: int
    min_withdrawal: str
    min_deposit: str


@dataclass(frozen=True)
class SymbolRule:
    id: int
    name: str
    numerator: str
    denominator: str
    numerator_scale: int
    denominator_scale: int
    has_fraction: bool
    tick_size: str
    min_exchange_value: Decimal
    display_format: str
    order: int
    ref_price: Decimal

    @property
    def normalized(self) -> str:
        return f"{self.numerator}_{self.denominator}"

    @property
    def price_scale(self) -> int:
        """Decimals a limit price may carry: integer prices when ``hasFraction`` is false."""
        return self.denominator_scale if self.has_fraction else 0

    def quantize_price(self, price: Decimal) -> Decimal:
        return price.quantize(Decimal(1).scaleb(-self.price_scale))

    def quantize_quantity(self, quantity: Decimal) -> Decimal:
        return quantity.quantize(Decimal(1).scaleb(-self.numerator_scale), rounding="ROUND_DOWN")


@dataclass(frozen=True)
class SymbolTable:
    symbols: tuple[SymbolRule, ...]
    currencies: tuple[Currency, ...]

    def find(self, pair: str) -> SymbolRule | None:
        """Look a pair up as ``BTCTRY``, ``BTC_TRY`` or any casing of those."""
        key = pair.replace("_", "").upper()
        for rule in self.symbols:
            if rule.name == key:
                return rule
        return None

    def by_id(self, symbol_id: int) -> SymbolRule | None:
        return next((rule for rule in self.symbols if rule.id == symbol_id), None)

    def currency(self, symbol: str) -> Currency | None:
        return next((cur for cur in self.currencies if cur.symbol == symbol.upper()), None)


def load_symbol_table(path: Path | None = None) -> SymbolTable:
    """Load the symbol table from ``path`` or the packaged ``data/symbols.json``."""
    if path is None:
        text = resources.files("btcbot.exchange").joinpath("data/symbols.json").read_text("utf-8")
    else:
        text = path.read_text("utf-8")
    raw = json.loads(text)
    return SymbolTable(
        symbols=tuple(_symbol(item) for item in raw["symbols"]),
        currencies=tuple(_currency(item) for item in raw["currencies"]),
    )


def _symbol(item: dict[str, Any]) -> SymbolRule:
    return SymbolRule(
        id=int(item["id"]),
        name=str(item["name"]),
        numerator=str(item["numerator"]),
        denominator=str(item["denominator"]),
        numerator_scale=int(item["numeratorScale"]),
        denominator_scale=int(item["denominatorScale"]),
        has_fraction=bool(item["hasFraction"]),
        tick_size=str(item["tickSize"]),
        min_exchange_value=Decimal(str(item["minExchangeValue"])),
        display_format=str(item["displayFormat"]),
        order=int(item["order"]),
        ref_price=Decimal(str(item["refPrice"])),
    )


def _currency(item: dict[str, Any]) -> Currency:
    return Currency(
        id=int(item["id"]),
        symbol=str(item["symbol"]),
        name=str(item["name"]),
        precision=int(item["precision"]),
        min_withdrawal=str(item["minWithdrawal"]),
        min_deposit=str(item["minDeposit"]),
    )
