"""A planted secret never leaves the process through a log line, whatever the path."""

from __future__ import annotations

import asyncio
import base64
import io
import json
import logging
import sys
import threading
from collections.abc import Iterator
from decimal import Decimal

import pytest
import structlog
from hypothesis import given, settings
from hypothesis import strategies as st

from btcbot.btcturk.auth import Credentials, Secret
from btcbot.obs.logging import REDACTED, Redactor, bind_cycle, configure_logging, reset_logging

SECRET = base64.b64encode(b"planted-secret-key-material-0123456789").decode()
API_KEY = "pub-key-7f3a9c"
DB_PASSWORD = "db-pa55word!"


@pytest.fixture
def stream() -> Iterator[io.StringIO]:
    out = io.StringIO()
    level = logging.getLogger().level
    yield out
    reset_logging()
    logging.getLogger().setLevel(level)


def setup(out: io.StringIO, *, json_lines: bool = True, level: str = "DEBUG") -> None:
    configure_logging(level, json=json_lines, secrets=[SECRET, API_KEY, DB_PASSWORD], stream=out)


def lines(out: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()]


def assert_clean(text: str) -> None:
    for planted in (SECRET, API_KEY, DB_PASSWORD):
        assert planted not in text


def test_json_lines_carry_cycle_context(stream: io.StringIO) -> None:
    setup(stream)
    log = structlog.get_logger("btcbot.test")
    with bind_cycle("c-42", 3, "dry_run"):
        log.info("planned", submits=2, notional=Decimal("150.25"))
    log.info("outside")
    inside, outside = lines(stream)
    assert inside["event"] == "planned"
    assert (inside["cycle_id"], inside["stage"], inside["mode"]) == ("c-42", 3, "dry_run")
    assert inside["notional"] == "150.25"
    assert inside["level"] == "info" and inside["logger"] == "btcbot.test"
    assert "timestamp" in inside
    assert "cycle_id" not in outside


async def test_cycle_context_is_per_task(stream: io.StringIO) -> None:
    setup(stream)
    log = structlog.get_logger()

    async def cycle(cycle_id: str) -> None:
        with bind_cycle(cycle_id, 7, "live"):
            await asyncio.sleep(0)
            log.info("tick", expect=cycle_id)

    await asyncio.gather(cycle("a"), cycle("b"))
    assert all(line["cycle_id"] == line["expect"] for line in lines(stream))


def test_planted_secret_redacted_in_values_nested_dicts_and_lists(stream: io.StringIO) -> None:
    setup(stream)
    structlog.get_logger().warning(
        "request",
        detail=f"signed with {SECRET}",
        headers={"X-PCK": "anything", "X-Signature": "c2lnbmF0dXJl", "X-Stamp": "1700"},
        nested={"deeper": [{"note": f"k={SECRET}"}, (API_KEY,)], "ok": 1},
        url=f"postgresql+psycopg://btcbot:{DB_PASSWORD}@db.internal/btcbot",
        api_secret="whatever-shape",
        raw=SECRET.encode(),
    )
    text = stream.getvalue()
    assert_clean(text)
    (line,) = lines(stream)
    assert line["headers"] == {"X-PCK": REDACTED, "X-Signature": REDACTED, "X-Stamp": "1700"}
    assert line["api_secret"] == REDACTED
    assert line["url"] == f"postgresql+psycopg://btcbot:{REDACTED}@db.internal/btcbot"
    assert line["nested"] == {"deeper": [{"note": f"k={REDACTED}"}, [REDACTED]], "ok": 1}


def test_planted_secret_redacted_in_exception_traceback(stream: io.StringIO) -> None:
    setup(stream)
    try:
        raise RuntimeError(f"signature failed for secret {SECRET} and key {API_KEY}")
    except RuntimeError:
        structlog.get_logger().exception("submit_failed")
    (line,) = lines(stream)
    exception = str(line["exception"])
    assert "Traceback" in exception and "RuntimeError" in exception
    assert REDACTED in exception
    assert_clean(stream.getvalue())


def test_chained_exception_and_console_renderer(stream: io.StringIO) -> None:
    setup(stream, json_lines=False)
    try:
        try:
            raise ValueError(f"inner {SECRET}")
        except ValueError as inner:
            raise KeyError(f"outer password={DB_PASSWORD}") from inner
    except KeyError:
        structlog.get_logger().exception("boom", token="abc123")
    text = stream.getvalue()
    assert "boom" in text and "ValueError" in text and "KeyError" in text
    assert "token=***" in text
    assert_clean(text)


def test_stdlib_loggers_go_through_the_same_pipeline(stream: io.StringIO) -> None:
    setup(stream)
    foreign = logging.getLogger("httpx")
    foreign.warning("POST %s headers=%s", "/api/v1/order", {"X-Signature": "c2ln", "X-PCK": "p"})
    try:
        raise ConnectionError(f"Authorization: Bearer {SECRET}")
    except ConnectionError:
        foreign.exception("transport")
    first, second = lines(stream)
    assert first["logger"] == "httpx"
    assert "'X-Signature': '***'" in str(first["event"])
    assert "Authorization: ***" in str(second["exception"])
    assert_clean(stream.getvalue())


def test_secret_types_and_credentials_never_print(stream: io.StringIO) -> None:
    setup(stream)
    credentials = Credentials(API_KEY, Secret(SECRET))
    structlog.get_logger().info(
        "auth",
        secret=Secret(SECRET),
        creds=credentials,
        headers=credentials.rest_headers(1_700_000_000_000),
        login=credentials.ws_login_payload(1_700_000_000_000, 3000),
    )
    text = stream.getvalue()
    assert_clean(text)
    signature = credentials.sign(f"{API_KEY}1700000000000")
    assert signature not in text


def test_uncaught_exceptions_are_logged_redacted(stream: io.StringIO) -> None:
    setup(stream)
    try:
        raise RuntimeError(f"crash with {SECRET}")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def worker() -> None:
        raise ValueError(f"thread crash {API_KEY}")

    thread = threading.Thread(target=worker, name="feed")
    thread.start()
    thread.join()
    main, background = lines(stream)
    assert main["event"] == "uncaught_exception" and main["level"] == "critical"
    assert background["event"] == "uncaught_exception_in_thread"
    assert background["thread"] == "feed"
    assert_clean(stream.getvalue())


def test_level_filtering_and_reconfigure_does_not_duplicate(stream: io.StringIO) -> None:
    setup(stream, level="INFO")
    setup(stream, level="INFO")
    log = structlog.get_logger()
    log.debug("hidden")
    logging.getLogger("sqlalchemy").debug("hidden too")
    log.info("shown")
    assert [line["event"] for line in lines(stream)] == ["shown"]


def test_unknown_level_is_refused(stream: io.StringIO) -> None:
    with pytest.raises(ValueError, match="unknown log level"):
        configure_logging("LOUD", json=True, stream=stream)


def test_reset_restores_python_hooks(stream: io.StringIO) -> None:
    setup(stream)
    reset_logging()
    assert sys.excepthook is sys.__excepthook__
    assert threading.excepthook is threading.__excepthook__
    assert not [h for h in logging.getLogger().handlers if h.get_name() == "btcbot"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("postgresql://u:p@ss@host/db", "postgresql://u:***@host/db"),
        ("https://api.btcturk.com:443/api/v2/ticker", "https://api.btcturk.com:443/api/v2/ticker"),
        ("Authorization: Basic dXNlcjpwYXNz", "Authorization: ***"),
        ("sent bearer abc.def-ghi", "sent bearer ***"),
        ('{"password": "two words"}', '{"password": "***"}'),
        ("BTCTURK_API_SECRET=abc==", "BTCTURK_API_SECRET=***"),
        ("api_key='pk' publicKey: \"pk2\"", "api_key='***' publicKey: \"***\""),
        ('escaped {\\"signature\\": \\"c2ln\\"}', 'escaped {\\"signature\\": \\"***\\"}'),
        (
            "token_count=5 passwords: 3 signature_ok=true",
            "token_count=5 passwords: 3 signature_ok=true",
        ),
        ("BTCTURK_API_SECRET is not valid base64", "BTCTURK_API_SECRET is not valid base64"),
    ],
)
def test_text_patterns(text: str, expected: str) -> None:
    assert Redactor().text(text) == expected


def test_known_secrets_also_match_url_encoded_and_short_values_are_ignored() -> None:
    secret = "ab+c/d=efgh"
    redactor = Redactor([secret, "abc", ""])
    assert redactor.text("q=ab%2Bc%2Fd%3Defgh") == "q=***"
    assert redactor.text("plain ab+c/d=efgh.") == "plain ***."
    assert redactor.text("abc stays") == "abc stays"


def test_redaction_is_idempotent() -> None:
    redactor = Redactor([SECRET])
    once = redactor.text(f"password={SECRET} url=mysql://a:{SECRET}@h")
    assert redactor.text(once) == once


def test_long_word_runs_stay_fast() -> None:
    blob = "a" * 200_000 + "=x"
    assert Redactor().text(blob) == blob


@settings(max_examples=60, deadline=None)
@given(
    raw=st.binary(min_size=16, max_size=64),
    wrapper=st.sampled_from(["{}", "x{}y", "key={}", "'{}'", "[{}]", "https://u:{}@h/"]),
    depth=st.integers(min_value=0, max_value=4),
)
def test_property_planted_secret_never_survives(raw: bytes, wrapper: str, depth: int) -> None:
    secret = base64.b64encode(raw).decode()
    value: object = wrapper.format(secret)
    for level in range(depth):
        value = {f"k{level}": [value, level]} if level % 2 else ({"x": value},)
    redactor = Redactor([secret])
    cleaned = redactor({}, "info", {"event": "e", "payload": value})
    assert secret not in json.dumps(cleaned)
