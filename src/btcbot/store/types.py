"""Column types that keep money and ids exact on every backend.

Money is stored as a plain decimal string (``format_decimal``), never a float or a
backend-specific NUMERIC that SQLite would silently turn into REAL. Trade ids exceed 2**53 (and
need not fit 64 bits forever), so they are stored as decimal text as well.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from btcbot.domain.money import format_decimal, to_decimal


class ExactDecimal(TypeDecorator[Decimal]):
    """``Decimal`` ⇄ TEXT without exponent, trailing zeros dropped."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> str | None:
        return None if value is None else format_decimal(to_decimal(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else to_decimal(str(value))


class IntText(TypeDecorator[int]):
    """Arbitrary-size ``int`` ⇄ decimal TEXT (exact, unique-indexable)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: int | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"expected an int id, got {type(value).__name__}")
        return str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> int | None:
        return None if value is None else int(value)


def _json_default(value: object) -> str:
    if isinstance(value, Decimal):
        return format_decimal(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dumps_json(value: object) -> str:
    """Canonical JSON (sorted keys, compact); ``Decimal`` becomes an exact string."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=_json_default)


def loads_json(text: str) -> Any:
    """JSON with non-integer numbers read as ``Decimal`` (no float ever enters money)."""
    return json.loads(text, parse_float=Decimal)
