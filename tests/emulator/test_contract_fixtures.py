"""The pinned contract must accept the real recorded BTCTurk payloads in ../shared."""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.emulator.conftest import OPENAPI, WS_SCHEMA
from tests.emulator.schema_check import check

FIXTURES = Path(__file__).resolve().parents[2] / ".." / "shared" / "btcturk" / "fixtures"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not FIXTURES.exists(), reason="../shared/btcturk/fixtures is absent"),
]
ISSUES = "github_issues_broker_api_docs"


def schema(name: str) -> dict[str, Any]:
    return {"$ref": f"#/components/schemas/{name}"}


def load(path: str) -> Any:
    return json.loads((FIXTURES / path).read_text("utf-8"))


def frames(path: str) -> list[Any]:
    """JSON frames of a text fixture: one per line, masked ids (******) read as 0."""
    found = []
    for line in (FIXTURES / path).read_text("utf-8").splitlines():
        text = re.sub(r"\*{3,}|<id>|<userid>", "0", line.strip())
        if text.startswith("["):
            try:
                found.append(json.loads(text))
            except json.JSONDecodeError:
                continue
    return found


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (f"{ISSUES}/rest_post_order_limit_success_issue341_2021.json", "SubmitResponse"),
        (f"{ISSUES}/rest_delete_order_success_issue606_2025.json", "CancelAck"),
        ("docs_btcturk_com/cancel_order_200.json", "CancelAck"),
        ("docs_btcturk_com/get_single_order_200.json", "OrderResponse"),
        ("docs_btcturk_com/get_single_order_not_found.json", "OrderNotFound"),
        ("docs_btcturk_com/graph_ohlcs_200.json", "OhlcsResponse"),
        ("zingu_ai/ticker_200_zingu_capture_2026.json", "TickerResponse"),
    ],
)
def test_rest_fixture_matches_contract(path: str, name: str) -> None:
    check(load(path), schema(name), OPENAPI)


def test_exchangeinfo_symbol_capture() -> None:
    capture = load("exchangesharp/rest_exchangeinfo_symbol_BTCTRY_2022-02-17.json")
    check(capture["data"], schema("ExchangeInfo"), OPENAPI)


def test_ccxt_ticker_captures() -> None:
    """ccxt's file also holds variants with ``open`` or ``last`` removed (parser edge cases);
    the emulator always sends both, so those variants are checked with the field restored."""
    cases = load("ccxt/response_btcturk.json")["methods"]
    responses = [case["httpResponse"] for method in cases.values() for case in method]
    assert len(responses) == 7
    for response in responses:
        for item in response["data"]:
            for trimmed in {"open", "last"} - set(item):
                item[trimmed] = item["average"]
        check(response, schema("TickerResponse"), OPENAPI)


def test_rest_error_and_429_bodies() -> None:
    text = (FIXTURES / ISSUES / "rest_post_order_errors.txt").read_text("utf-8")
    errors = [
        json.loads(line) for line in text.splitlines() if line.startswith('{"httpStatusCode":400')
    ]
    assert errors
    for body in errors:
        check(body, schema("BusinessError"), OPENAPI)
    raw = (FIXTURES / "docs_btcturk_com/rate_limit_429_bodies.txt").read_text("utf-8")
    bodies = re.findall(r"\{[^{}]*\}", raw)
    assert len(bodies) == 2
    for body in bodies:
        check(json.loads(body), schema("TooManyRequests"), OPENAPI)
    auth = (FIXTURES / ISSUES / "rest_auth_errors.txt").read_text("utf-8")
    for line in auth.splitlines():
        if line.startswith('{"success":true'):
            check(json.loads(line.split("}")[0] + "}"), schema("Unauthorized"), OPENAPI)


WS_FILES = [
    "exchangesharp/ws_991.json",
    "exchangesharp/ws_100_join_trade.json",
    "exchangesharp/ws_421_trade_list.json",
    "exchangesharp/ws_422_trade_single.json",
    "exchangesharp/ws_451_zero_filled_on_public_socket.json",
    "dogabudak_btcturk_websockets/ws_402_ticker_ADATRY.json",
    "dogabudak_btcturk_websockets/ws_431_orderbook_BTCTRY.json",
    f"{ISSUES}/ws_431_obdiff_snapshot_PS_null_issue203.json",
]
WS_TEXT_FILES = [
    f"{ISSUES}/ws_423_usertrade_issue591.txt",
    f"{ISSUES}/ws_441_451_dotusdt_issue452.txt",
    f"{ISSUES}/ws_441_market_split_issue412.txt",
    f"{ISSUES}/ws_451_452_hntusdt_partial_cancel_issue604.txt",
    f"{ISSUES}/ws_991_114_login_ok_issue603.txt",
    f"{ISSUES}/ws_114_login_fail_issue436.txt",
    f"{ISSUES}/ws_100_join_fail_issue614.txt",
    f"{ISSUES}/ws_100_join_obdiff_issue424.txt",
    f"{ISSUES}/ws_991_connected_issue424.txt",
]


def check_ws(frame: Any) -> None:
    check(frame, {"$ref": f"#/$defs/frame_{frame[0]}"}, WS_SCHEMA)


@pytest.mark.parametrize("path", WS_FILES)
def test_ws_json_fixture_matches_contract(path: str) -> None:
    check_ws(load(path))


@pytest.mark.parametrize("path", WS_TEXT_FILES)
def test_ws_text_fixture_matches_contract(path: str) -> None:
    found = frames(path)
    assert found, f"no frame parsed from {path}"
    for frame in found:
        check_ws(frame)


def test_432_rows_capture() -> None:
    text = (FIXTURES / ISSUES / "ws_432_diff_rows_CP_issue204.txt").read_text("utf-8")
    rows = json.loads(f"[{text}]")
    for row in rows:
        check(row, {"$ref": "#/$defs/diff_row"}, WS_SCHEMA)
