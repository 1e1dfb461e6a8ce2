"""Wire formatting shared by the REST and WebSocket sides: decimals, JSON, frames.

Money stays :class:`~decimal.Decimal` up to the encoder. Fields BTCTurk sends as strings are
formatted here with :func:`dec_str`; fields it sends as JSON numbers (ticker, ``preciseAmount``,
graph candles) are passed as ``Decimal`` and written as exact number literals, never via float.
"""

from decimal import Decimal
from typing import Any

import msgspec

_ENCODER = msgspec.json.Encoder(decimal_format="number")


def dumps(payload: Any) -> bytes:
    """Encode JSON; ``Decimal`` becomes an exact JSON number, big ints stay exact."""
    return _ENCODER.encode(payload)


def loads(data: bytes | str) -> Any:
    return msgspec.json.decode(data)


def dec_str(value: Decimal) -> str:
    """Plain decimal text without exponent or trailing zeros (``"0.05"``, ``"3037000"``)."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def fixed(value: Decimal, places: int) -> str:
    """Decimal text with exactly ``places`` decimals (WS 441 uses 10, WS 452 uses 16)."""
    return format(value.quantize(Decimal(1).scaleb(-places)), "f")


def num(value: Decimal) -> Decimal:
    """A Decimal that encodes as a plain JSON number literal (no exponent)."""
    return Decimal(dec_str(value))


def frame(frame_type: int, body: dict[str, Any]) -> bytes:
    """A WebSocket frame: every BTCTurk message is ``[type, {...}]``."""
    return dumps([frame_type, body])
