"""Doctor checks of the state database: reachable, schema, role vs run mode, lock, switches.

Read-only (the database is opened with a read-only connection): a missing database is
reported, never created; nothing is initialised, migrated or stamped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from btcbot.commands.checks import (
    CheckResult,
    Verdict,
    failed,
    merge,
    passed,
    skipped,
    warned,
)
from btcbot.commands.common import db_setting, db_url
from btcbot.commands.slo import slo_checks
from btcbot.config import AppConfig
from btcbot.runtime.run_settings import renamed_account
from btcbot.runtime.writer_lock import lock_identity
from btcbot.store import (
    DbRole,
    Liveness,
    OpState,
    OpStatus,
    ProcessLock,
    StoreError,
    assess_holder,
    current_revision,
    head_revision,
    make_engine,
    peek_role,
    require_ours,
    sqlite_file,
)
from btcbot.store.migrate import MIGRATIONS


@dataclass
class StateFindings:
    checks: list[CheckResult] = field(default_factory=list)
    op: OpStatus | None = None  # runtime switches, when the database could be read


def expected_role(config: AppConfig) -> DbRole:
    """The role a run with these settings stamps (``open_runtime`` decides the same way)."""
    return DbRole.LIVE if config.arming.live_account else DbRole.DRY_RUN


def describe_location(config: AppConfig) -> str:
    common = config.common
    return "STATE_DB_URL (value hidden)" if common.state_db_url else str(common.state_db_path)


def check_state(config: AppConfig, now_ms: int) -> StateFindings:
    common = config.common
    where = describe_location(config)
    if common.state_db_url is None and not Path(common.state_db_path).exists():
        role = expected_role(config).value
        return StateFindings(
            [
                warned(
                    "database",
                    f"no state database at {where} yet: the first run creates it (role {role})",
                ),
                passed("lock", "free (no database yet)", critical=True),
            ]
        )
    engine = make_engine(db_url(common), read_only=True)
    try:
        require_ours(engine, db_url(common), db_setting(common))
        return _inspect(engine, config, where, now_ms)
    except (SQLAlchemyError, StoreError) as exc:
        return _unreadable(where, exc)
    finally:
        engine.dispose()


def _unreadable(where: str, exc: Exception) -> StateFindings:
    cause = getattr(exc, "orig", None) or exc  # the driver's error says what went wrong
    lines = str(cause).strip().splitlines() or [""]
    kind = "" if isinstance(cause, StoreError) else f"{type(cause).__name__}: "
    detail = f"cannot read {where}: {kind}{lines[0]}"
    return StateFindings(
        [failed("database", detail), skipped("lock", "not checked: database unreadable")]
    )


def _inspect(engine: Engine, config: AppConfig, where: str, now_ms: int) -> StateFindings:
    schema = _schema(engine, where)
    role = _role(engine, config)
    findings = StateFindings([merge("database", (schema, role))])
    if schema.verdict is not Verdict.PASS:
        findings.checks.append(skipped("lock", "not checked: schema not at head"))
        return findings
    findings.checks.append(_lock(engine, config, now_ms))
    with engine.connect() as conn:
        findings.op = OpState(conn).get(config.common.account_key)
        findings.checks.append(switches_check(findings.op, config, now_ms))
        findings.checks.extend(slo_checks(conn))
    return findings


def known_revisions() -> set[str]:
    """Every revision this btcbot's migrations know (a database at another one is newer)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}


def _schema(engine: Engine, where: str) -> CheckResult:
    revision = current_revision(engine)
    head = head_revision()
    if revision is None:
        return warned("database", f"{where} is empty: the first run initialises it")
    if revision not in known_revisions():
        return failed(
            "database",
            f"{where} schema at {revision}, unknown to this btcbot (written by a newer "
            "version): upgrade btcbot or use another STATE_DB_PATH",
        )
    if revision != head:
        return warned(
            "database",
            f"{where} schema at {revision}, head is {head}: the next run migrates it",
        )
    return passed("database", f"{where} schema {revision} (head)", critical=True)


def _role(engine: Engine, config: AppConfig) -> CheckResult:
    stamped = peek_role(engine)
    wanted = expected_role(config)
    if stamped is None:
        return passed("database", f"role unstamped (this run would stamp {wanted.value})")
    if stamped is not wanted:
        return failed(
            "database",
            f"role {stamped.value} but these settings run {wanted.value}: the run would be "
            f"refused; point STATE_DB_PATH (or STATE_DB_URL) at a separate database, e.g. "
            f"btcbot_{wanted.value}.db",
        )
    return passed("database", f"role {stamped.value} matches the run mode", critical=True)


def _lock(engine: Engine, config: AppConfig, now_ms: int) -> CheckResult:
    api_key = config.exchange.api_key if config.has_credentials else None
    identity = lock_identity(config.common, api_key, sqlite_file(engine))
    renamed = renamed_account(engine, config.common.account_key, identity)
    if renamed is not None and config.arming.live_account:
        return failed("lock", f"{renamed}: the run would be refused")
    holder = ProcessLock(engine, file_lock=False).status(identity.key)
    if holder is None:
        return passed("lock", f"free ({identity.label})", critical=True)
    view = assess_holder(holder, identity.lock_file, now_ms)
    if view.takeover_now:
        return warned("lock", f"{view.describe(now_ms)}; the next run takes it over")
    if view.liveness is not Liveness.LIVE:
        return warned(
            "lock",
            f"{view.describe(now_ms)}; a run is refused until the heartbeat is older than the "
            "TTL: free it now with `btcbot lock release`",
            critical=True,
        )
    return warned(
        "lock",
        f"{identity.label} held by {view.describe(now_ms)}: another bot is trading this "
        "account, a second run would be refused",
        critical=True,
    )


def switches_check(op: OpStatus, config: AppConfig, now_ms: int) -> CheckResult:
    """Runtime switches stored in the database (the running bot reads them every cycle)."""
    problems = []
    if op.kill_switch:
        problems.append(
            f"runtime kill switch ON (source {op.kill_switch_source}: {op.kill_switch_reason}); "
            "release with: btcbot kill-switch off"
        )
    if op.freeze_active:
        problems.append(
            f"unknown-order freeze ON ({op.freeze_reason}); clear with: btcbot freeze clear"
        )
    override = op.degrade_override_at(now_ms)
    if override is not None:
        problems.append(f"degrade override {override} ({op.degrade_override_reason})")
    if op.reconcile_failures:
        threshold = config.common.reconcile_failure_threshold
        problems.append(
            f"{op.reconcile_failures} consecutive reconciliation failure(s) (kill switch at "
            f"{threshold}; last: {op.last_reconcile_error})"
        )
    if problems:
        blocking = op.kill_switch or op.freeze_active or override is not None
        return warned("switches", "; ".join(problems), critical=blocking)
    return passed("switches", "runtime kill switch off, no freeze, no degrade override")
