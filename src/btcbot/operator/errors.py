"""What an operator service refuses, as exceptions every surface maps the same way.

::

    OperatorError            the request cannot be served; the message says why and what to do
    ├── BadRequest           the input is wrong (a mode that does not exist, no reason given)
    ├── NotFound             no such cycle, request or report
    └── Refused              not allowed here or now (read-only surface, no running agent,
                             an expired or foreign confirmation token)
"""

from __future__ import annotations


class OperatorError(Exception):
    """Base: the message is meant for the operator (no secret, no traceback)."""


class BadRequest(OperatorError):
    pass


class NotFound(OperatorError):
    pass


class Refused(OperatorError):
    pass
