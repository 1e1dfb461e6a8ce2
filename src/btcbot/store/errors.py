"""Store errors. Every message says what is wrong and what the operator can do.

StoreError
├── SchemaVersionError   database revision unknown to (newer than) this btcbot
├── DatabaseRoleError    a dry run opened a live database, or the reverse
├── LockConflict         another live instance trades this account
├── LockUnavailable      the OS lock file cannot be created (LOCK_DIR)
├── LockLost             our lock row vanished or was taken over while we ran
├── OrderNotFound        an update names a client order id the store never saw
├── DatabaseUnusable     the path or URL holds no usable state database (not SQLite,
│                        corrupted, another program's, missing or read-only directory)
├── DatabaseUnreachable  the database server did not answer (a runtime failure)
└── DamagedRow           a stored row does not read back (edited by hand, damaged)
"""

from __future__ import annotations


class StoreError(RuntimeError):
    """Base of every persistence error."""


class SchemaVersionError(StoreError):
    pass


class DatabaseRoleError(StoreError):
    pass


class LockConflict(StoreError):
    pass


class LockUnavailable(StoreError):
    pass


class LockLost(StoreError):
    pass


class OrderNotFound(StoreError):
    pass


class DatabaseUnusable(StoreError):
    """Bad input: fix the path or URL (exit code 2)."""


class DatabaseUnreachable(StoreError):
    """The server is down or refused us: retry later (exit code 1)."""


class DamagedRow(StoreError):
    """A row that does not read back as its table's types (names the table, row and value):
    restore the database from a backup or correct the row."""
