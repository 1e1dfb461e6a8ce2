"""Where a backtest keeps its state while it runs: in memory (fast) or in its database.

Both engines run the same objects — cycle runner, OMS journal, ledger guard — and differ only
in the store behind them:

* ``fast`` (the default): a :class:`~btcbot.store.MemoryStateStore`; every order event, fill,
  cycle and decision is kept in memory and written to the output database in one bulk
  transaction, committed when the run ends (:meth:`RunStorage.finish`). The transaction is
  open from the start: a long run's cycles and decisions go into it in batches as it runs
  (``MemoryStateStore.write_into``), so its memory does not grow with them; a run that fails
  commits nothing.
* ``db``: a :class:`~btcbot.store.SqlStateStore` on the output database: every write is a
  transaction of its own as in live trading (the path ``btcbot parity`` checks the fast one
  against).

The output database is created and migrated up front either way, so a bad ``--out`` fails
before the first cycle; the two engines leave the same rows in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy import Connection, Engine

from btcbot.store import (
    DbRole,
    MemoryStateStore,
    SqlStateStore,
    StateStore,
    open_store,
    sqlite_url,
)

BacktestEngine = Literal["fast", "db"]
ENGINES: tuple[BacktestEngine, ...] = ("fast", "db")


@dataclass(frozen=True, slots=True)
class RunStorage:
    engine: Engine  # the output database
    store: StateStore  # what the run reads and writes through
    memory: MemoryStateStore | None  # the fast engine's store, written by finish()
    connection: Connection | None = None  # the fast engine's transaction on the output database

    def finish(self) -> None:
        """Write what the run kept in memory into the output database and commit (fast
        engine)."""
        if self.memory is not None and self.connection is not None:
            self.memory.write_rest(self.connection)
            self.connection.commit()

    def close(self) -> None:
        """Roll back what was not committed (a run that failed) and let the database go."""
        if self.connection is not None:
            self.connection.close()  # rolls back an uncommitted transaction
        self.engine.dispose()


def open_run_storage(kind: BacktestEngine, out_db: Path) -> RunStorage:
    """A fresh output database (role ``replay``) and the store the run uses."""
    out_db.parent.mkdir(parents=True, exist_ok=True)
    engine = open_store(sqlite_url(out_db), DbRole.REPLAY, setting="--out")
    if kind == "db":
        return RunStorage(engine, SqlStateStore(engine), None)
    memory = MemoryStateStore()
    connection = engine.connect()
    connection.begin()
    memory.write_into(connection)
    return RunStorage(engine, memory, memory, connection)
