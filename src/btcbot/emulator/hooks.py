"""Hooks on order requests, fired from the exchange side (crash tests of a client).

A hook is armed for the next ``submit`` or ``cancel`` request (of one account, or any) and
fires once, at one phase of the request's handling:

=============  ==============================================================================
``received``   authenticated, not yet processed: the action runs, then the request is dropped
               (connection closed, nothing placed or canceled): "the client died before send"
``processed``  the order is placed / the cancel accepted, no response sent yet: the action
               runs, then the response is dropped: "the exchange did it, the reply was lost"
``answered``   the response is written and flushed; then the action runs
=============  ==============================================================================

Observers see every request when it is received (the order history records them). This is a
Python API for a harness that runs the emulator in its own process (e.g. a hook that kills the
client process); nothing here is reachable over HTTP.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Kind = Literal["submit", "cancel"]
Phase = Literal["received", "processed", "answered"]


@dataclass(frozen=True)
class RequestSeen:
    kind: Kind
    phase: Phase
    user_id: int
    order_id: int | None = None  # the placed order (submit) or the order to cancel


Action = Callable[[RequestSeen], None]


@dataclass(eq=False)
class Hook:
    kind: Kind
    phase: Phase
    action: Action
    user_id: int | None = None  # None: any account
    fired: bool = False

    def matches(self, kind: Kind, phase: Phase, user_id: int) -> bool:
        return (
            self.kind == kind
            and self.phase == phase
            and (self.user_id is None or self.user_id == user_id)
        )


class RequestHooks:
    def __init__(self) -> None:
        self._armed: list[Hook] = []
        self._observers: list[Callable[[RequestSeen], None]] = []

    def observe(self, observer: Callable[[RequestSeen], None]) -> None:
        """Call ``observer`` with every request at its ``received`` phase."""
        self._observers.append(observer)

    def arm(self, kind: Kind, phase: Phase, action: Action, *, user_id: int | None = None) -> Hook:
        """Fire ``action`` once, at ``phase`` of the next matching request."""
        hook = Hook(kind, phase, action, user_id)
        self._armed.append(hook)
        return hook

    def disarm(self, hook: Hook) -> None:
        if hook in self._armed:
            self._armed.remove(hook)

    def waiting(self, kind: Kind, phase: Phase, user_id: int) -> bool:
        return any(hook.matches(kind, phase, user_id) for hook in self._armed)

    def reached(self, kind: Kind, phase: Phase, user_id: int, order_id: int | None = None) -> bool:
        """A request reached ``phase``: tell observers, fire the first armed hook for it.
        True when a hook fired (the caller then drops the request or its response)."""
        seen = RequestSeen(kind, phase, user_id, order_id)
        if phase == "received":
            for observer in self._observers:
                observer(seen)
        for hook in self._armed:
            if hook.matches(kind, phase, user_id):
                self._armed.remove(hook)
                hook.fired = True
                hook.action(seen)
                return True
        return False
