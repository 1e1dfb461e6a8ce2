"""Every real recorded WS payload in shared/btcturk/fixtures decodes through the production
decoder (ws_decode.decode_frame) and maps to domain events.

Some captures are not strict JSON as published. Repairs, kept minimal and listed per file:
masked ids (``******``, ``<id>``, ``<userid>``, ``00000``) become small integers; Python repr
quotes become JSON quotes; frames whose ``[type,`` prefix was cut off in the source get it
back; the 421 items fragment and the 432 rows fragment are wrapped in a minimal frame.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from btcbot.btcturk import ws_events as ev
from btcbot.btcturk import ws_schemas as ws
from btcbot.btcturk.ws_decode import decode_frame
from btcbot.domain import Side, Symbol
from tests.helpers import shared_path

GH = "github_issues_broker_api_docs"


def _unmask(text: str) -> str:
    text = re.sub(r":\s*\*{6}(?=[,}\]])", ":0", text)  # "userId":******
    text = text.replace("<id>", "1").replace("<userid>", "2")
    return re.sub(r'"userId":0+(?=,)', '"userId":0', text)  # "userId":00000


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _prefix_missing(line: str) -> str:
    if line.lstrip().startswith("{"):
        frame_type = re.search(r'"type":\s*(\d+)', line)
        assert frame_type is not None
        body = line.rstrip().removesuffix("]")
        return f"[{frame_type.group(1)},{body}]"
    return line


def _one(text: str) -> list[str]:
    return [text]


def _per_line(text: str) -> list[str]:
    return [_prefix_missing(line) for line in _lines(_unmask(text))]


def _python_repr(text: str) -> list[str]:
    return [_unmask(text).replace("'", '"')]


def _trade_items_fragment(text: str) -> list[str]:
    return ['[421,{"symbol":"BTCTRY","items":[' + text + '],"type":421}]']


def _diff_rows_fragment(text: str) -> list[str]:
    return ['[432,{"CS":2,"PS":"BTCUSDT","AO":[' + text + '],"BO":[],"type":432}]']


def _masked_multiline(text: str) -> list[str]:
    return [_unmask(text)]


CASES: list[tuple[str, str, object, list[type]]] = [
    ("exchangesharp", "ws_991.json", _one, [ws.HelloFrame]),
    ("exchangesharp", "ws_100_join_trade.json", _one, [ws.ResultFrame]),
    ("exchangesharp", "ws_421_trade_list.json", _one, [ws.TradeListFrame]),
    ("exchangesharp", "ws_422_trade_single.json", _one, [ws.TradeFrame]),
    ("exchangesharp", "ws_451_zero_filled_on_public_socket.json", _one, [ws.OrderInsertFrame]),
    ("dogabudak_btcturk_websockets", "ws_402_ticker_ADATRY.json", _one, [ws.TickerFrame]),
    ("dogabudak_btcturk_websockets", "ws_431_orderbook_BTCTRY.json", _one, [ws.BookFullFrame]),
    (GH, "ws_100_join_fail_issue614.txt", _per_line, [ws.ResultFrame]),
    (GH, "ws_100_join_obdiff_issue424.txt", _per_line, [ws.ResultFrame]),
    (GH, "ws_114_login_fail_issue436.txt", _per_line, [ws.HelloFrame, ws.LoginFrame]),
    (GH, "ws_421_trade_items_issue206_fragment.txt", _trade_items_fragment, [ws.TradeListFrame]),
    (GH, "ws_423_usertrade_issue591.txt", _per_line, [ws.UserTradeFrame]),
    (GH, "ws_431_obdiff_snapshot_PS_null_issue203.json", _one, [ws.BookFullFrame]),
    (GH, "ws_432_diff_rows_CP_issue204.txt", _diff_rows_fragment, [ws.BookDiffFrame]),
    (
        GH,
        "ws_441_451_dotusdt_issue452.txt",
        _per_line,
        [ws.OrderInsertFrame, ws.OrderMatchFrame, ws.OrderMatchFrame],
    ),
    (GH, "ws_441_linkusdt_issue283.txt", _python_repr, [ws.OrderMatchFrame]),
    (GH, "ws_441_market_split_issue412.txt", _per_line, [ws.OrderMatchFrame] * 2),
    (
        GH,
        "ws_451_452_arpausdt_issue592.txt",
        _per_line,
        [ws.OrderInsertFrame, ws.OrderDeleteFrame],
    ),
    (
        GH,
        "ws_451_452_hntusdt_partial_cancel_issue604.txt",
        _per_line,
        [ws.OrderInsertFrame, ws.OrderDeleteFrame],
    ),
    (GH, "ws_451_after_submit_issue341_2021.txt", _masked_multiline, [ws.OrderInsertFrame]),
    (GH, "ws_451_old_format_no_orderType_issue315_2021.txt", _per_line, [ws.OrderInsertFrame]),
    (GH, "ws_991_114_login_ok_issue603.txt", _per_line, [ws.HelloFrame, ws.LoginFrame]),
    (GH, "ws_991_connected_issue424.txt", _per_line, [ws.HelloFrame]),
]


def _frames(folder: str, name: str, repair: object) -> list[object]:
    text = shared_path("btcturk", "fixtures", folder, name).read_text()
    assert callable(repair)
    return [decode_frame(frame.encode()) for frame in repair(text)]


@pytest.mark.shared
@pytest.mark.parametrize(("folder", "name", "repair", "kinds"), CASES, ids=[c[1] for c in CASES])
def test_fixture_decodes_to_typed_frames(
    folder: str, name: str, repair: object, kinds: list[type]
) -> None:
    frames = _frames(folder, name, repair)
    assert [type(frame) for frame in frames] == kinds


@pytest.mark.shared
def test_user_trade_keeps_the_big_id_exact_and_maps_to_a_positive_fill() -> None:
    (frame,) = _frames(GH, "ws_423_usertrade_issue591.txt", _per_line)
    assert isinstance(frame, ws.UserTradeFrame)
    fill = ev.fill_from_wire(frame.body)
    assert fill.trade_id == 1149163839863900657  # > 2**53: a float would have lost it
    assert fill.order_id == 25327923517
    assert fill.symbol == Symbol("APE", "USDT")
    assert fill.side is Side.SELL
    assert (fill.quantity, fill.price) == (Decimal("205.24"), Decimal("1.020"))
    assert (fill.fee, fill.tax) == (Decimal("0.10467240"), Decimal("0.02093448"))
    assert fill.client_order_id == "xxxxxx"


@pytest.mark.shared
def test_partial_cancel_delete_reports_the_unfilled_remainder() -> None:
    insert, delete = _frames(GH, "ws_451_452_hntusdt_partial_cancel_issue604.txt", _per_line)
    assert isinstance(insert, ws.OrderInsertFrame)
    assert isinstance(delete, ws.OrderDeleteFrame)
    deleted = ev.order_state_from_wire(delete.body, ev.OrderDeleted)
    assert isinstance(deleted, ev.OrderDeleted)
    assert deleted.order_id == 26947521557
    assert deleted.side is Side.SELL
    assert deleted.remaining == Decimal("139.9")
    assert deleted.amount == Decimal("174.84")
    assert deleted.symbol == Symbol("HNT", "USDT")


@pytest.mark.shared
def test_matches_and_inserts_map_to_order_events() -> None:
    insert, match, _ = _frames(GH, "ws_441_451_dotusdt_issue452.txt", _per_line)
    assert isinstance(insert, ws.OrderInsertFrame)
    assert isinstance(match, ws.OrderMatchFrame)
    inserted = ev.order_state_from_wire(insert.body, ev.OrderInserted)
    matched = ev.match_from_wire(match.body)
    assert inserted.side is Side.SELL and matched.side is Side.SELL
    assert inserted.client_order_id == matched.client_order_id
    assert matched.amount == Decimal("0.6393864025")
    assert matched.method is not None and matched.method.value == "limit"


@pytest.mark.shared
def test_old_insert_without_order_type_has_no_side() -> None:
    (frame,) = _frames(GH, "ws_451_old_format_no_orderType_issue315_2021.txt", _per_line)
    assert isinstance(frame, ws.OrderInsertFrame)
    assert ev.order_state_from_wire(frame.body, ev.OrderInserted).side is None


@pytest.mark.shared
def test_ticker_and_trades_map_to_domain_values() -> None:
    (ticker,) = _frames("dogabudak_btcturk_websockets", "ws_402_ticker_ADATRY.json", _one)
    assert isinstance(ticker, ws.TickerFrame)
    value = ev.ticker_from_wire(ticker.body, received_ms=5)
    assert value.symbol == Symbol("ADA", "TRY")
    assert (value.bid, value.ask, value.last) == (
        Decimal("34.706"),
        Decimal("34.738"),
        Decimal("34.76"),
    )
    (trades,) = _frames("exchangesharp", "ws_421_trade_list.json", _one)
    assert isinstance(trades, ws.TradeListFrame)
    first = ev.trade_from_wire(trades.body.items[0], Symbol("BTC", "TRY"))
    assert first.trade_id == "100163785789620803"
    assert first.side is Side.BUY and first.timestamp_ms == 1651204111661


@pytest.mark.shared
def test_login_failure_message_is_kept() -> None:
    _, reply = _frames(GH, "ws_114_login_fail_issue436.txt", _per_line)
    assert isinstance(reply, ws.LoginFrame)
    assert not reply.body.ok
    assert reply.body.message == "Unauthorized - Invalid Public key"


@pytest.mark.shared
def test_snapshot_with_null_pair_and_negative_changeset() -> None:
    (frame,) = _frames(GH, "ws_431_obdiff_snapshot_PS_null_issue203.json", _one)
    assert isinstance(frame, ws.BookFullFrame)
    assert frame.body.CS == -1748790363
    assert frame.body.PS is None and frame.body.event == "BTCUSDT"
