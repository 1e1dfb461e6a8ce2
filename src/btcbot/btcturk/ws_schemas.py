"""Wire schemas of the BTCTurk WebSocket feed (API_CONTRACT §6): frozen msgspec structs.

Every frame is a JSON array ``[type, {...}]``. Each frame type below is an ``array_like``
struct tagged with its integer type, so one :class:`msgspec.json.Decoder` over the union
decodes the outer array and the typed payload in a single pass (no ``dict`` step, no
double parsing). Money stays ``str`` here; domain translation (``Decimal``) happens in
:mod:`btcbot.btcturk.ws_events` and in the book.

Field names are the wire's own (``CS``, ``AO``, ``numLeft``, ...) so that a payload reads the
same in the code as in the captures; unknown keys (``channel``, ``type``, ...) are ignored.

Order-book diff semantics (432): a row is ``{CP, P, A}`` with ``CP`` 0 = level updated,
1 = level added, 3 = level deleted. Whether ``A`` is the level's new total or a delta is
undocumented upstream (API_CONTRACT §6, I#204 unanswered). **We treat ``A`` as the level's new
total amount** — the local emulator does the same; revisit when a live capture settles it.
"""

from __future__ import annotations

from typing import TypeAlias

import msgspec

# Frame type numbers (API_CONTRACT §6).
T_HELLO = 991
T_RESULT = 100
T_LOGIN = 114
T_SUBSCRIBE = 151
T_BALANCE = 201
T_TICKER = 402
T_TRADE_LIST = 421
T_TRADE = 422
T_USER_TRADE = 423
T_BOOK_FULL = 431
T_BOOK_DIFF = 432
T_ORDER_MATCH = 441
T_ORDER_INSERT = 451
T_ORDER_DELETE = 452

# 432 row operations.
CP_UPDATED = 0
CP_ADDED = 1
CP_DELETED = 3


class Hello(msgspec.Struct, frozen=True, gc=False):
    current: str
    min: str


class Result(msgspec.Struct, frozen=True, gc=False):
    ok: bool
    message: str | None = None


class LoginReply(msgspec.Struct, frozen=True, gc=False):
    ok: bool
    id: int = 0
    message: str | None = None


class TickerPair(msgspec.Struct, frozen=True, gc=False):
    """402: every numeric is a string on this channel (unlike REST ticker)."""

    PS: str
    B: str
    A: str
    H: str
    L: str
    LA: str
    O: str  # noqa: E741 - the wire's field name
    V: str
    AV: str
    BA: str = "0"
    AA: str = "0"
    D: str = "0"
    DP: str = "0"


class TradeItem(msgspec.Struct, frozen=True, gc=False):
    """One public trade: ``D`` ms as a string, ``S`` 0 buy / 1 sell (taker side, unverified)."""

    D: str
    I: str  # noqa: E741 - the wire's field name
    A: str
    P: str
    S: int | None = None


class TradeList(msgspec.Struct, frozen=True, gc=False):
    symbol: str
    items: list[TradeItem]


class TradeSingle(msgspec.Struct, frozen=True, gc=False):
    D: str
    I: str  # noqa: E741 - the wire's field name
    A: str
    P: str
    PS: str
    S: int | None = None


class Level(msgspec.Struct, frozen=True, gc=False):
    """A 431 row: amount ``A`` at price ``P`` (both strings)."""

    A: str
    P: str


class DiffRow(msgspec.Struct, frozen=True, gc=False):
    """A 432 row: ``CP`` op (0 updated, 1 added, 3 deleted), price ``P``, new total ``A``."""

    CP: int
    P: str
    A: str = "0"


class BookFull(msgspec.Struct, frozen=True, gc=False):
    """431: ``CS`` may be negative and ``PS`` null in real captures (I#203); ``event`` is the
    pair either way."""

    CS: int
    AO: list[Level]
    BO: list[Level]
    PS: str | None = None
    event: str | None = None
    channel: str | None = None


class BookDiff(msgspec.Struct, frozen=True, gc=False):
    CS: int
    AO: list[DiffRow] = []
    BO: list[DiffRow] = []
    PS: str | None = None
    event: str | None = None


class UserTrade(msgspec.Struct, frozen=True, gc=False):
    """423: a fill of ours. ``id`` exceeds 2**53 (int, never float); ``amount``/``fee``/``tax``
    are negative on sells; there is no ``type`` key inside the object."""

    id: int
    orderId: int
    timestamp: int
    numeratorSymbol: str
    denominatorSymbol: str
    amount: str
    price: str
    orderType: str
    fee: str = "0"
    tax: str = "0"
    orderClientId: str | None = None


class OrderMatch(msgspec.Struct, frozen=True, gc=False):
    """441: one match of order ``id`` (decimals padded to 10 dp)."""

    id: int
    isBid: bool
    method: int
    symbol: str
    amount: str
    price: str
    clientId: str | None = None
    user: int = 0
    pair: int = 0
    timestamp: int | None = None


class OrderState(msgspec.Struct, frozen=True, gc=False):
    """451 insert / 452 delete. Pre-2022 frames lack ``orderType``/``newOrderClientId``;
    452 pads decimals to 16 dp; ``numLeft`` is the unfilled remainder."""

    id: int
    symbol: str
    method: int
    price: str
    amount: str
    numLeft: str
    denomLeft: str = "0"
    orderType: int | None = None
    newOrderClientId: str | None = None
    pairId: int = 0
    userId: int = 0


class BalanceUpdated(msgspec.Struct, frozen=True, gc=False):
    """201: a hint to refetch balances (no capture exists; shape from the 2019 manual)."""

    userId: int = 0
    payload: str | None = None


# --- frames: ``[type, payload]`` as tagged array-like structs --------------------------------


class _Frame(msgspec.Struct, frozen=True, array_like=True, tag_field="type", gc=False):
    pass


class HelloFrame(_Frame, tag=T_HELLO, frozen=True):
    body: Hello


class ResultFrame(_Frame, tag=T_RESULT, frozen=True):
    body: Result


class LoginFrame(_Frame, tag=T_LOGIN, frozen=True):
    body: LoginReply


class TickerFrame(_Frame, tag=T_TICKER, frozen=True):
    body: TickerPair


class TradeListFrame(_Frame, tag=T_TRADE_LIST, frozen=True):
    body: TradeList


class TradeFrame(_Frame, tag=T_TRADE, frozen=True):
    body: TradeSingle


class UserTradeFrame(_Frame, tag=T_USER_TRADE, frozen=True):
    body: UserTrade


class BookFullFrame(_Frame, tag=T_BOOK_FULL, frozen=True):
    body: BookFull


class BookDiffFrame(_Frame, tag=T_BOOK_DIFF, frozen=True):
    body: BookDiff


class OrderMatchFrame(_Frame, tag=T_ORDER_MATCH, frozen=True):
    body: OrderMatch


class OrderInsertFrame(_Frame, tag=T_ORDER_INSERT, frozen=True):
    body: OrderState


class OrderDeleteFrame(_Frame, tag=T_ORDER_DELETE, frozen=True):
    body: OrderState


class BalanceFrame(_Frame, tag=T_BALANCE, frozen=True):
    body: BalanceUpdated


Frame: TypeAlias = (
    HelloFrame
    | ResultFrame
    | LoginFrame
    | TickerFrame
    | TradeListFrame
    | TradeFrame
    | UserTradeFrame
    | BookFullFrame
    | BookDiffFrame
    | OrderMatchFrame
    | OrderInsertFrame
    | OrderDeleteFrame
    | BalanceFrame
)

KNOWN_TYPES: frozenset[int] = frozenset(
    {
        T_HELLO,
        T_RESULT,
        T_LOGIN,
        T_TICKER,
        T_TRADE_LIST,
        T_TRADE,
        T_USER_TRADE,
        T_BOOK_FULL,
        T_BOOK_DIFF,
        T_ORDER_MATCH,
        T_ORDER_INSERT,
        T_ORDER_DELETE,
        T_BALANCE,
    }
)


# --- client → server frames ----------------------------------------------------------------


class Subscribe(msgspec.Struct, frozen=True):
    channel: str
    event: str
    join: bool
    type: int = T_SUBSCRIBE


def subscribe_frame(channel: str, event: str, *, join: bool = True) -> bytes:
    """``[151,{"type":151,"channel":"obdiff","event":"BTCTRY","join":true}]``."""
    return msgspec.json.encode((T_SUBSCRIBE, Subscribe(channel=channel, event=event, join=join)))


def login_frame(payload: dict[str, object]) -> bytes:
    """``[114,{...}]`` around :meth:`Credentials.ws_login_payload`'s body."""
    return msgspec.json.encode((T_LOGIN, payload))
