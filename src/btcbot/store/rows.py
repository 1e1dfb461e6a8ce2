"""Rows read one at a time, so that one bad row is named instead of failing the whole read.

A row edited by hand or damaged on disk (``price`` = ``abc``, a ``created_ms`` that is text)
fails the column types' conversions while SQLAlchemy fetches it, which ends every row of the
query with it. :func:`stored_columns` selects a table's columns as stored (no conversion) and
:func:`read_stored` converts one row as the column types would, raising :class:`BadRow` that
names the column and the value.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, Row, String, Table, type_coerce
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class BadRow(ValueError):
    """A stored row that does not read back as its table's types."""


#: What converting a stored value raises when the value is not what its column holds.
UNREADABLE = (ValueError, TypeError, ArithmeticError)


def stored_columns(table: Table) -> list[Any]:
    """``table``'s columns as stored: converting types (exact decimals, ids as text) unapplied."""
    return [
        type_coerce(column, column.type.impl_instance).label(column.name)
        if isinstance(column.type, TypeDecorator)
        else column
        for column in table.c
    ]


def read_stored(row: Row[Any], table: Table, dialect: Dialect) -> dict[str, Any]:
    """One row selected through :func:`stored_columns`, converted as ``table``'s types read it."""
    stored = row._mapping
    values: dict[str, Any] = {}
    for column in table.c:
        value = stored[column.name]
        if value is None:
            if not column.nullable:
                raise BadRow(f"{column.name} is empty")
        elif isinstance(column.type, TypeDecorator):
            try:
                value = column.type.process_result_value(value, dialect)
            except UNREADABLE as exc:
                raise BadRow(f"{column.name}: {exc}") from None
        elif isinstance(column.type, Integer) and (
            isinstance(value, bool) or not isinstance(value, int)
        ):
            raise BadRow(f"{column.name}: {_shown(value)} is not an integer")
        elif isinstance(column.type, String) and not isinstance(value, str):
            raise BadRow(f"{column.name}: {_shown(value)} is not text")
        values[column.name] = value
    return values


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
