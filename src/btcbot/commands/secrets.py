"""``btcbot secrets check``: is the BTCTurk API key due for rotation, and does it still work?

Three checks, each PASS / WARN / FAIL, and no secret in any of them (the key is named by its
account fingerprint, as the single-writer lock names it):

* **key age** against ``BTCTURK_API_KEY_MAX_AGE_DAYS``: from ``BTCTURK_API_KEY_CREATED``, else
  from the modification time of ``BTCTURK_API_SECRET_FILE``; WARN in the last
  :data:`DUE_SOON_DAYS` days, FAIL past the maximum, WARN when neither date is known.
* **signed probe**: a balance read against the configured exchange (``BTCTURK_BASE_URL``), the
  most harmless authenticated request there is; FAIL when the exchange refuses the key or
  cannot be reached.
* **withdrawal permission**: BTCTurk's HMAC API reports nothing about a key's permissions (the
  key list with permissions exists only behind BTCTurk's OAuth2 user login), so this cannot be
  checked from here: always a WARN that says so and what to check by hand.

Exit 0 when nothing FAILs, 1 when a check FAILs (expired key, refused or failed probe),
2 when the settings are bad (none configured, unreadable file, a creation date in the future).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Final

import httpx
import typer

from btcbot.btcturk.rest_client import BtcturkRestClient
from btcbot.commands.checks import CheckResult, Verdict, failed, passed, render, warned
from btcbot.commands.common import EXIT_RUNTIME, EnvFile, configure_logs, fail
from btcbot.config import ConfigError
from btcbot.config.exchange import ExchangeSettings
from btcbot.config.loader import build, has_credentials
from btcbot.config.redaction import redact_url_password
from btcbot.exchange.errors import AuthError, ExchangeError
from btcbot.store import account_fingerprint

DUE_SOON_DAYS: Final = 14
PROBE_MAX_RETRIES: Final = 1  # a check answers quickly; one retry absorbs a blip

secrets_app = typer.Typer(help="The BTCTurk API key: age and a signed probe.", no_args_is_help=True)

Today = Callable[[], date]


def utc_today() -> date:
    return datetime.now(UTC).date()


@dataclass(frozen=True, slots=True)
class KeyDate:
    created: date
    source: str  # where the date came from, for the report


def key_created(settings: ExchangeSettings) -> KeyDate | None:
    """The key's creation date: the setting, else the secret file's modification time."""
    if settings.api_key_created is not None:
        return KeyDate(settings.api_key_created, "BTCTURK_API_KEY_CREATED")
    path = settings.api_secret_file
    if path is None or str(path) == "":
        return None
    modified = datetime.fromtimestamp(Path(path).stat().st_mtime, UTC).date()
    return KeyDate(modified, f"modification time of BTCTURK_API_SECRET_FILE {path}")


def key_age_check(found: KeyDate | None, max_days: int, today: date) -> CheckResult:
    limit = f"BTCTURK_API_KEY_MAX_AGE_DAYS {max_days}"
    if found is None:
        return warned(
            "key age",
            "unknown: set BTCTURK_API_KEY_CREATED=YYYY-MM-DD (the day the key was created on "
            f"BTCTurk), or read the key from BTCTURK_API_SECRET_FILE; {limit}",
        )
    age = (today - found.created).days
    when = f"created {found.created.isoformat()} ({found.source}), {age} day(s) old"
    left = max_days - age
    if left < 0:
        return failed(
            "key age",
            f"{when}: {-left} day(s) past {limit}; rotate it (docs/operations/secret-rotation.md)",
        )
    if left <= DUE_SOON_DAYS:
        return warned("key age", f"{when}: rotation due in {left} day(s) ({limit})")
    return passed("key age", f"{when}; rotation due in {left} day(s) ({limit})")


async def probe(settings: ExchangeSettings) -> CheckResult:
    """A signed balance read: proves the key pair, its permission to read and the IP
    whitelist; sends no order and changes nothing."""
    retries = min(settings.rest_max_retries, PROBE_MAX_RETRIES)
    url = redact_url_password(settings.base_url)
    try:
        async with BtcturkRestClient.from_settings(
            settings.model_copy(update={"rest_max_retries": retries})
        ) as rest:
            await rest.sync_clock()  # signed requests carry the server-corrected stamp
            balances = await rest.balances()
    except AuthError as exc:
        return failed(
            "signed probe",
            f"the exchange at {url} refused the key: {exc.reason or exc.detail} (wrong "
            "private key, key deleted, missing permission, or this host's IP is not on the "
            "key's whitelist)",
        )
    except (ExchangeError, httpx.InvalidURL) as exc:
        return failed("signed probe", redact_url_password(f"balance read at {url} failed: {exc}"))
    held = sum(1 for balance in balances if balance.total > 0)
    return passed("signed probe", f"accepted: signed balance read at {url} ({held} asset(s) held)")


def withdrawal_check() -> CheckResult:
    return warned(
        "withdrawal permission",
        "not visible: BTCTurk's API does not report a key's permissions, so btcbot cannot "
        "tell whether this key can withdraw. On BTCTurk (Account > API Access) make sure it "
        "has no withdrawal permission and is restricted to this host's IP",
    )


def load_exchange(env_file: Path | None) -> ExchangeSettings:
    if env_file is not None and not env_file.is_file():
        fail(f"--env-file {env_file} does not exist")
    default = Path(".env")
    try:
        settings = build(ExchangeSettings, env_file or (default if default.is_file() else None))
    except ConfigError as exc:
        fail(str(exc))
    if not has_credentials(settings):
        fail(
            "no API key configured: set BTCTURK_API_KEY and BTCTURK_API_SECRET_FILE (or "
            "BTCTURK_API_SECRET) to the key pair to check"
        )
    return settings


def run_checks(settings: ExchangeSettings, today: date) -> list[CheckResult]:
    try:
        found = key_created(settings)
    except OSError as exc:
        fail(f"BTCTURK_API_SECRET_FILE {settings.api_secret_file}: {exc.strerror or exc}")
    if found is not None and found.created > today:
        fail(
            f"the key's creation date {found.created.isoformat()} ({found.source}) is in the "
            "future: set BTCTURK_API_KEY_CREATED=YYYY-MM-DD to the day the key was created"
        )
    age = key_age_check(found, settings.api_key_max_age_days, today)
    return [age, asyncio.run(probe(settings)), withdrawal_check()]


@secrets_app.command("check")
def secrets_check(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document on stdout.")] = False,
    env_file: EnvFile = None,
) -> None:
    """Check the API key: its age against BTCTURK_API_KEY_MAX_AGE_DAYS, a signed balance read,
    and whether it may withdraw (where the exchange tells). Exit 0 ok, 1 a problem, 2 bad
    settings. Never prints a secret."""
    settings = load_exchange(env_file)
    secret = settings.api_secret.get_secret_value() if settings.api_secret else ""
    configure_logs("WARNING", [settings.api_key or "", secret])
    checks = run_checks(settings, utc_today())
    key = account_fingerprint(settings.api_key or "")
    failures = [c.name for c in checks if c.verdict is Verdict.FAIL]
    code = EXIT_RUNTIME if failures else 0
    if as_json:
        document = {
            "ok": not failures,
            "exit_code": code,
            "key": key,
            "checks": [c.as_dict() for c in checks],
        }
        typer.echo(json.dumps(document, indent=2))
    else:
        typer.echo(f"API key {key} (a fingerprint; the key itself is not shown)")
        render(checks)
        verdict = f"FAILED: {', '.join(failures)}" if failures else "OK"
        typer.secho(f"secrets check: {verdict}", fg="red" if failures else "green", bold=True)
    raise typer.Exit(code)
