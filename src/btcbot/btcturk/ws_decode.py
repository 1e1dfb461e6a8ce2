"""Decode BTCTurk WebSocket frames in one pass.

``decode_frame`` runs a single :class:`msgspec.json.Decoder` over the tagged union of
:mod:`btcbot.btcturk.ws_schemas`: the outer ``[type, {...}]`` array is dispatched on its first
element and the payload decoded straight into its typed struct. Only a frame that fails that
decode is looked at again, to tell an unknown (ignorable) type from a malformed known one.
"""

from __future__ import annotations

from dataclasses import dataclass

import msgspec

from btcbot.btcturk.ws_schemas import KNOWN_TYPES, Frame


class WsDecodeError(ValueError):
    """A frame of a known type did not match its schema (or was not a frame at all)."""


@dataclass(frozen=True, slots=True)
class UnknownFrame:
    """A well-formed ``[type, payload]`` frame of a type we do not handle (e.g. 801, 453)."""

    type: int
    payload: bytes


_FRAME_DECODER: msgspec.json.Decoder[Frame] = msgspec.json.Decoder(Frame)
_ENVELOPE_DECODER = msgspec.json.Decoder(tuple[int, msgspec.Raw])


def decode_frame(data: bytes | str) -> Frame | UnknownFrame:
    """One server frame → its typed struct, or :class:`UnknownFrame` for unhandled types."""
    try:
        return _FRAME_DECODER.decode(data)
    except msgspec.DecodeError as exc:
        return _classify_failure(data, exc)


def _classify_failure(data: bytes | str, exc: msgspec.DecodeError) -> UnknownFrame:
    try:
        frame_type, payload = _ENVELOPE_DECODER.decode(data)
    except msgspec.DecodeError:
        raise WsDecodeError(f"not a [type, payload] frame: {_preview(data)}") from exc
    if frame_type in KNOWN_TYPES:
        raise WsDecodeError(f"bad {frame_type} frame ({exc}): {_preview(data)}") from exc
    return UnknownFrame(frame_type, bytes(payload))


def _preview(data: bytes | str, limit: int = 160) -> str:
    text = data if isinstance(data, str) else data.decode("utf-8", "replace")
    return text if len(text) <= limit else text[:limit] + "…"
