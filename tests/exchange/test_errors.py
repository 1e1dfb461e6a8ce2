"""The exchange port's outcome taxonomy: the tree itself."""

from __future__ import annotations

from btcbot.exchange import errors as e


def test_tree_shape() -> None:
    """Definitive / ambiguous / retryable are disjoint except the two documented hybrids."""
    assert not issubclass(e.OutcomeUnknown, (e.DefinitiveReject, e.RetryableError))
    for hybrid in (e.NotSent, e.RateLimited):
        assert issubclass(hybrid, e.DefinitiveReject) and issubclass(hybrid, e.RetryableError)
    for definitive in (e.BusinessReject, e.OrderNotFound, e.AuthError, e.InvalidNonce):
        assert not issubclass(definitive, e.RetryableError)
    for retryable in (e.ServerError, e.TransportFailure, e.MalformedResponse):
        assert not issubclass(retryable, e.DefinitiveReject)
    assert all(name in (e.__doc__ or "") for name in e.__all__)
