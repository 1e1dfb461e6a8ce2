"""Who is calling: an API token (``Authorization: Bearer``) or a dashboard session.

* Tokens come from API_TOKENS_FILE (``name:token``) / API_TOKEN; they are compared in constant
  time and never logged, stored or echoed.
* The dashboard's login form exchanges a token for a session: a random id in an ``HttpOnly``,
  ``SameSite=Strict`` cookie (``Secure`` over HTTPS), kept in this process's memory for
  :data:`SESSION_TTL_MS` (a restart logs everyone out). The browser never holds the token.
* CSRF: a cookie-authenticated write must carry the ``HX-Request`` header (set by htmx; a
  cross-site form cannot set it, and a cross-origin script would need a CORS preflight this
  API never grants) and, when the browser sends ``Origin``, come from this host.
* Every request without valid credentials gets 401 and one log line (method, path, client,
  why), without the credential.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import structlog
from starlette.requests import Request

log = structlog.get_logger(__name__)

SESSION_COOKIE = "btcbot_session"
SESSION_TTL_MS = 12 * 3_600_000
MAX_SESSIONS = 1000
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


@dataclass(frozen=True, slots=True)
class Caller:
    name: str  # the token's name
    via: str  # "api" (a token) or "web" (a dashboard session)

    @property
    def actor(self) -> str:
        """How the audit log names this caller."""
        return f"{self.via}:{self.name}"


class Unauthorized(Exception):
    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


@dataclass
class Authenticator:
    tokens: Mapping[str, str]  # token -> name
    _sessions: dict[str, tuple[str, int]] = field(default_factory=dict)

    def name_of(self, token: str) -> str | None:
        found = None
        for known, name in self.tokens.items():  # every token compared: no early exit
            if hmac.compare_digest(known.encode(), token.encode()):
                found = name
        return found

    def open_session(self, name: str) -> str:
        now = _now_ms()
        self._sessions = {
            sid: (who, until) for sid, (who, until) in self._sessions.items() if until > now
        }
        while len(self._sessions) >= MAX_SESSIONS:
            self._sessions.pop(next(iter(self._sessions)))
        sid = secrets.token_urlsafe(32)
        self._sessions[sid] = (name, now + SESSION_TTL_MS)
        return sid

    def close_session(self, sid: str | None) -> None:
        if sid:
            self._sessions.pop(sid, None)

    def caller(self, request: Request) -> Caller:
        """The caller of ``request``, or :class:`Unauthorized` saying why not."""
        header = request.headers.get("authorization")
        if header is not None:
            scheme, _, token = header.partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                raise Unauthorized("malformed Authorization header")
            name = self.name_of(token.strip())
            if name is None:
                raise Unauthorized("wrong token")
            return Caller(name, "api")
        sid = request.cookies.get(SESSION_COOKIE)
        if sid is None:
            raise Unauthorized("no token")
        session = self._sessions.get(sid)
        if session is None or session[1] <= _now_ms():
            raise Unauthorized("session expired or unknown")
        if request.method in UNSAFE_METHODS:
            _check_same_origin(request)
        return Caller(session[0], "web")


def _check_same_origin(request: Request) -> None:
    if request.headers.get("hx-request") != "true":
        raise Unauthorized("a dashboard write without the HX-Request header (CSRF guard)")
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise Unauthorized("a dashboard write from another origin (CSRF guard)")


def log_refused(request: Request, why: str) -> None:
    client = request.client.host if request.client else "?"
    log.warning(
        "api_unauthorized", method=request.method, path=request.url.path, client=client, why=why
    )


def _now_ms() -> int:
    return time.time_ns() // 1_000_000
