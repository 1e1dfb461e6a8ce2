"""BTCTurk business error names and codes (API_CONTRACT.md §4.2).

Clients must match on the message name; codes were renumbered in 2024. Codes listed in the
contract use its "current numbering"; the others are derived from the position of the name in
the official v1 swagger ``code`` enum (which reproduces the documented 1118-1134 codes) and are
marked "derived" — unverified against the live exchange.
"""

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class ApiError:
    message: str
    code: int


FAILED_MARKET_ORDER: Final = ApiError("FAILED_MARKET_ORDER", 1118)
FAILED_LIMIT_ORDER: Final = ApiError("FAILED_LIMIT_ORDER", 1120)
FAILED_ORDER_PARAMETER: Final = ApiError("FAILED_ORDER_PARAMETER", 1121)  # derived
FAILED_ORDER_WITH_OPEN_ORDERS: Final = ApiError("FAILED_ORDER_WITH_OPEN_ORDERS", 1122)
FAILED_MIN_TOTAL_AMOUNT: Final = ApiError("FAILED_MIN_TOTAL_AMOUNT", 1123)
FAILED_INVALID_PRICE_SCALE: Final = ApiError("FAILED_INVALID_PRICE_SCALE", 1126)
FAILED_INVALID_QUANTITY_SCALE: Final = ApiError("FAILED_INVALID_QUANTITY_SCALE", 1127)
FAILED_INVALID_STOP_PRICE_SCALE: Final = ApiError("FAILED_INVALID_STOP_PRICE_SCALE", 1128)
# The contract gives only the names; we read them as the requirement that failed: a buy stop
# must be above the best ask, a sell stop below the best bid (else it would trigger at once).
FAILED_STOP_PRICE_GREATER_THAN_BEST_ASK: Final = ApiError(
    "FAILED_STOP_PRICE_GREATER_THAN_BEST_ASK", 1124
)
FAILED_STOP_PRICE_LESS_THAN_BEST_BID: Final = ApiError("FAILED_STOP_PRICE_LESS_THAN_BEST_BID", 1125)
ORDER_METHOD_NOT_SUPPORTED: Final = ApiError("ORDER_METHOD_NOT_SUPPORTED", 1134)
ORDER_TYPE_NOT_SUPPORTED: Final = ApiError("ORDER_TYPE_NOT_SUPPORTED", 1193)
# The ÷10/×10 band has no published code; these numbers are the emulator's own choice.
ORDER_MIN_PRICE_EXCEEDED: Final = ApiError("ORDER_MIN_PRICE_EXCEEDED", 1228)
ORDER_MAX_PRICE_EXCEEDED: Final = ApiError("ORDER_MAX_PRICE_EXCEEDED", 1229)
PAIR_NOT_FOUND: Final = ApiError("PAIR_NOT_FOUND", 1033)  # derived
ORDER_COULD_NOT_BE_CANCELED: Final = ApiError("ORDER_COULD_NOT_BE_CANCELED", 1057)  # derived
NO_ORDER_MATCHES_YOUR_REQUEST: Final = ApiError("NO_ORDER_MATCHES_YOUR_REQUEST", 1058)  # derived
ORDER_NOT_FOUND: Final = ApiError("Order not found", 1152)
INVALID_PARAMETER: Final = ApiError("INVALID_PARAMETER", 1130)  # derived

UNAUTHORIZED_CODE: Final = 1037


class OrderRejected(Exception):
    """A definitive business rejection; the REST layer turns it into an HTTP 400 body."""

    def __init__(self, error: ApiError) -> None:
        super().__init__(error.message)
        self.error = error
