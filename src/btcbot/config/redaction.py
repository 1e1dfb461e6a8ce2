"""The password of a ``scheme://user:password@host`` URL, hidden wherever a setting is shown.

One place that knows how: the log redactor (:mod:`btcbot.obs.logging`), the start banner, the
doctor, the recorded run settings (:mod:`btcbot.config.record`) and ``btcbot status`` all call
:func:`redact_url_password`. It lives with the settings because loading and recording them may
import nothing above :mod:`btcbot.domain`.
"""

from __future__ import annotations

import re
from typing import Final

REDACTED: Final = "***"

# scheme://user:password@host — the password may itself contain '@' (unencoded).
URL_PASSWORD: Final = re.compile(r"(?i)\b(?P<head>[a-z][a-z0-9+.-]*://[^\s:/@]*:)(?P<pw>[^\s/]*)@")


def redact_url_password(text: str) -> str:
    """``text`` with the password of every ``scheme://user:password@host`` URL replaced by
    ``***``; the user and host stay, so an operator still sees where it points."""
    return URL_PASSWORD.sub(rf"\g<head>{REDACTED}@", text)
