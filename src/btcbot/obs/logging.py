"""Structured logging: one processor pipeline for structlog and stdlib loggers, secrets redacted.

::

    a structlog or stdlib log record
      → context (cycle_id, stage, mode), level, logger name, UTC ISO time
      → exception and stack as text → redact values → render (JSON | console) → redact the line

* Context: :func:`bind_cycle` binds ``cycle_id``, ``stage`` and ``mode`` in contextvars, so
  every line logged inside a cycle carries them (asyncio tasks inherit the context).
* Redaction (:class:`Redactor`) runs AFTER exceptions became text and again on the rendered
  line, so a secret inside a traceback, a nested dict or an object's repr never leaves the
  process. It replaces by ``***``: the known secret values passed to :func:`configure_logging`,
  any value under a sensitive key (secret, password, signature, token, api key, X-PCK, ...),
  ``Authorization``/``Bearer`` credentials, the password of ``scheme://user:pw@host`` URLs and
  anything shaped like a Telegram bot token (``123456:AA...``, also inside ``/bot<token>/``).
* Uncaught exceptions (main thread and other threads) are logged through the same pipeline
  instead of Python's default hook, which would print the raw traceback.
"""

from __future__ import annotations

import collections
import json
import logging
import re
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from types import TracebackType
from typing import Final, TextIO
from urllib.parse import quote

import structlog
from structlog.typing import EventDict, Processor, WrappedLogger

from btcbot.config.redaction import REDACTED, redact_url_password

__all__ = [
    "REDACTED",
    "RecentLogs",
    "Redactor",
    "bind_cycle",
    "configure_logging",
    "redact_url_password",
    "reset_logging",
]

MIN_SECRET_LENGTH: Final = 4  # shorter values would redact ordinary text; no real key is this short

# A key whose value is always hidden, compared without case and separators ("X-Signature",
# "btcturk_api_secret", "publicKey" ...): it ENDS with one of these words.
_SENSITIVE_KEY_ENDINGS: Final = (
    "secret",
    "password",
    "passwd",
    "pwd",
    "passphrase",
    "signature",
    "token",
    "apikey",
    "privatekey",
    "publickey",
    "xpck",
    "authorization",
    "cookie",
    "credentials",
)
_KEY_WORDS: Final = (
    r"secret|password|passwd|pwd|passphrase|signature|token|api[-_]?key|private[-_]?key"
    r"|public[-_]?key|x[-_]pck|cookie|credentials"
)
# ``key=value``, ``"key": "value"``, ``'X-Signature': 'value'`` (also JSON-escaped quotes) in
# free text such as exception messages and reprs. The key prefix is bounded so that a long
# run of word characters cannot make the search quadratic.
_KEY_VALUE: Final = re.compile(
    rf"""(?ix)
    (?P<head>[\w.-]{{0,48}}(?:{_KEY_WORDS})\\?["']?\s*[:=]\s*)
    (?:
        (?P<q>\\?["'])(?P<quoted>.*?)(?P=q)
      | (?P<bare>[^\s"',;&}}\])]+)
    )
    """
)
_AUTHORIZATION: Final = re.compile(
    r"""(?i)(?P<head>(?:proxy-)?authorization\\?["']?\s*[:=]\s*\\?["']?)"""
    r"""(?:(?:bearer|basic|digest|token|hmac|negotiate)\s+)?[^\s"',;}\\]+"""
)
_BEARER: Final = re.compile(r"(?i)\b(?P<head>bearer\s+)[A-Za-z0-9._~+/-]+=*")
# A Telegram bot token (``<bot id>:<35 chars>``), e.g. in a Bot API URL ``.../bot<token>/getMe``.
_BOT_TOKEN: Final = re.compile(r"(?<!\d)\d{6,20}:[A-Za-z0-9_-]{30,}")


def _normalized_key(key: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(key).lower())


def _is_sensitive_key(key: object) -> bool:
    """True for keys whose value is always hidden (``X-Signature``, ``api_secret``, ...)."""
    return _normalized_key(key).endswith(_SENSITIVE_KEY_ENDINGS)


class Redactor:
    """Replaces secrets by ``***`` in text, nested values and structlog event dicts.

    Use it as a structlog processor, or directly (``redactor.text(message)``) wherever text
    may carry a secret to a place that outlives the process (database, report, exception).
    """

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        variants: set[str] = set()
        for secret in secrets:
            value = secret.strip()
            if len(value) < MIN_SECRET_LENGTH:
                continue
            variants.update((value, quote(value, safe=""), quote(value, safe="/")))
        # Longest first, so a secret that contains another is replaced whole.
        ordered = sorted(variants, key=len, reverse=True)
        self._known = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def text(self, text: str) -> str:
        """``text`` with every known secret and secret-looking value replaced."""
        if self._known is not None:
            text = self._known.sub(REDACTED, text)
        text = redact_url_password(text)
        text = _AUTHORIZATION.sub(rf"\g<head>{REDACTED}", text)
        text = _BEARER.sub(rf"\g<head>{REDACTED}", text)
        text = _BOT_TOKEN.sub(REDACTED, text)
        return _KEY_VALUE.sub(_hide_value, text)

    def value(self, value: object) -> object:
        """A copy of ``value`` with secrets hidden: containers are walked, strings redacted,
        Decimals become their string, other objects their redacted ``repr`` (numbers, booleans
        and None are kept)."""
        if isinstance(value, str):
            return self.text(value)
        if value is None or isinstance(value, bool | int | float):
            return value
        if isinstance(value, Decimal):
            return str(value)
        if isinstance(value, Mapping):
            return {
                key: REDACTED if _is_sensitive_key(key) else self.value(item)
                for key, item in value.items()
            }
        if isinstance(value, list | tuple | set | frozenset):
            return [self.value(item) for item in value]
        if isinstance(value, bytes | bytearray):
            return self.text(bytes(value).decode("utf-8", "backslashreplace"))
        return self.text(repr(value))

    def __call__(self, logger: WrappedLogger, method_name: str, event_dict: EventDict) -> EventDict:
        return {
            key: REDACTED if _is_sensitive_key(key) else self.value(item)
            for key, item in event_dict.items()
        }


def _hide_value(match: re.Match[str]) -> str:
    quote_mark = match.group("q")
    if quote_mark is not None:
        return f"{match.group('head')}{quote_mark}{REDACTED}{quote_mark}"
    return f"{match.group('head')}{REDACTED}"


_HANDLER_NAME: Final = "btcbot"


def configure_logging(
    level: str,
    *,
    json: bool,
    secrets: Iterable[str] = (),
    stream: TextIO | None = None,
) -> None:
    """Route structlog and stdlib logging through one redacting pipeline to ``stream``.

    ``level`` is a logging level name (``LOG_LEVEL``); ``json=True`` writes one JSON object per
    line (unattended runs, log shippers), otherwise a readable console line. ``secrets`` are
    the values to hide verbatim (API secret, API key, database password); values shorter than
    four characters are ignored. ``stream`` defaults to standard error. Calling it again
    replaces the previous configuration (no duplicate handlers).
    """
    numeric = logging.getLevelNamesMapping().get(level.upper())
    if numeric is None:
        raise ValueError(f"unknown log level {level!r}: use DEBUG, INFO, WARNING, ERROR")
    redactor = Redactor(secrets)
    shared = _shared_processors()
    out = sys.stderr if stream is None else stream
    renderer: Processor = (
        structlog.processors.JSONRenderer(sort_keys=True)
        if json
        else structlog.dev.ConsoleRenderer(colors=_is_tty(out), sort_keys=True)
    )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info,  # the traceback becomes text, then is redacted
            redactor,
            _redacting(renderer, redactor),
        ],
    )
    handler = logging.StreamHandler(out)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    _remove_handler(root)
    root.addHandler(handler)
    root.setLevel(numeric)
    structlog.configure(
        processors=[
            structlog.stdlib.filter_by_level,
            *shared,
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,
    )
    sys.excepthook = _log_uncaught
    threading.excepthook = _log_uncaught_in_thread


def _shared_processors() -> list[Processor]:
    return [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
    ]


def reset_logging() -> None:
    """Undo :func:`configure_logging`: remove its handler, restore structlog's defaults and
    Python's exception hooks (for tests and for embedding)."""
    _remove_handler(logging.getLogger())
    structlog.reset_defaults()
    structlog.contextvars.clear_contextvars()
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__


@contextmanager
def bind_cycle(cycle_id: str, stage: int, mode: str) -> Iterator[None]:
    """Inside the block every log line carries ``cycle_id``, ``stage`` and ``mode``.

    Uses contextvars: concurrent asyncio tasks keep their own values, and the previous
    values come back when the block exits (nested cycles, replays)."""
    with structlog.contextvars.bound_contextvars(cycle_id=cycle_id, stage=stage, mode=mode):
        yield


def _redacting(renderer: Processor, redactor: Redactor) -> Processor:
    """The renderer, with its finished line redacted once more (belt and braces: a value
    that was rendered in a way the structured pass did not see)."""

    def render(logger: WrappedLogger, method_name: str, event_dict: EventDict) -> str:
        line = renderer(logger, method_name, event_dict)
        return redactor.text(line if isinstance(line, str) else str(line))

    return render


def _is_tty(stream: TextIO) -> bool:
    isatty: Callable[[], bool] | None = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _remove_handler(root: logging.Logger) -> None:
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()


def _log_uncaught(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    structlog.get_logger("btcbot").critical("uncaught_exception", exc_info=(exc_type, exc, tb))


def _log_uncaught_in_thread(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    thread = args.thread.name if args.thread is not None else "?"
    structlog.get_logger("btcbot").critical(
        "uncaught_exception_in_thread",
        thread=thread,
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
    )


class RecentLogs(logging.Handler):
    """The last ``capacity`` log events of this process, secrets redacted, for the control
    API: a bounded ring (memory does not grow with the run's length; nothing is stored).

    Attach with :meth:`attach` after :func:`configure_logging` (it keeps working when logging
    is configured again) and :meth:`detach` when done. Events are dicts as the JSON renderer
    would write them (``timestamp``, ``level``, ``event``, ``logger`` and the event's fields).
    """

    def __init__(self, capacity: int = 500, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.set_name("btcbot-recent")
        self._events: collections.deque[dict[str, object]] = collections.deque(maxlen=capacity)
        redactor = Redactor(secrets)
        self.setFormatter(
            structlog.stdlib.ProcessorFormatter(
                foreign_pre_chain=_shared_processors(),
                processors=[
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    redactor,
                    _redacting(structlog.processors.JSONRenderer(sort_keys=True), redactor),
                ],
            )
        )

    def emit(self, record: logging.LogRecord) -> None:
        try:
            event = json.loads(self.format(record))
        except (TypeError, ValueError):  # an unrenderable record: keep its redacted text
            event = {"event": "unrenderable_log_record", "level": record.levelname.lower()}
        self._events.append(event)

    def events(self, limit: int, min_level: int = logging.NOTSET) -> list[dict[str, object]]:
        """Newest first, at ``min_level`` or above."""
        found = []
        for event in reversed(self._events):
            level = logging.getLevelNamesMapping().get(str(event.get("level", "")).upper(), 0)
            if level >= min_level:
                found.append(event)
                if len(found) >= limit:
                    break
        return found

    def attach(self) -> None:
        logging.getLogger().addHandler(self)

    def detach(self) -> None:
        logging.getLogger().removeHandler(self)
