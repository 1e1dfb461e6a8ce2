"""When the daily summary is due (``TELEGRAM_DAILY_SUMMARY_UTC``)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta


def next_summary_ms(at: time, after_ms: int) -> int:
    """The first moment strictly after ``after_ms`` whose UTC time of day is ``at``."""
    after = datetime.fromtimestamp(after_ms / 1000, tz=UTC)
    due = datetime.combine(after.date(), at, tzinfo=UTC)
    if due <= after:
        due += timedelta(days=1)
    return int(due.timestamp() * 1000)
