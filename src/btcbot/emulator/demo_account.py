"""The one documented demo account the emulator creates when started without accounts.

These constants are public on purpose: the README quotes them, and demos and tests log in with
them. They only ever work against the loopback emulator.
"""

from decimal import Decimal
from typing import Final

DEMO_API_KEY: Final = "btcbot-demo-key"
DEMO_API_SECRET_PLAIN: Final = "btcbot-demo-secret"
#: The secret as BTCTurk hands it out: base64 text (here of ``btcbot-demo-secret``).
DEMO_API_SECRET: Final = "YnRjYm90LWRlbW8tc2VjcmV0"
DEMO_BALANCES: Final[dict[str, Decimal]] = {
    "TRY": Decimal("100000"),
    "USDT": Decimal("5000"),
    "BTC": Decimal("0.05"),
    "ETH": Decimal("1"),
}
