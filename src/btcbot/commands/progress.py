"""A progress bar with ETA on stderr for long commands (``btcbot backtest``).

Shown only when stderr is a terminal and not switched off (``--no-progress``): logs, pipes and
CI output stay clean, and stdout keeps carrying the command's report.
"""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


def wanted(disabled: bool) -> bool:
    return not disabled and sys.stderr.isatty()


class ProgressBar:
    """``with ProgressBar(total, enabled=...) as bar: bar.advance()``; a no-op when disabled."""

    def __init__(
        self, total: int, *, enabled: bool, label: str = "cycles", console: Console | None = None
    ) -> None:
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        if enabled:
            self._progress = Progress(
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("•"),
                TimeElapsedColumn(),
                TextColumn("• ETA"),
                TimeRemainingColumn(),
                console=console or Console(stderr=True),
                transient=False,
            )
            self._task = self._progress.add_task(label, total=total)

    def __enter__(self) -> ProgressBar:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, completed: int, total: int) -> None:
        """Set the count outright (work shared with other processes moves it too)."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=completed, total=total)

    def advance(self, steps: int = 1) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, steps)
