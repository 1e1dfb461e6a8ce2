"""The control API and web dashboard over the operator services (:mod:`btcbot.operator`).

:func:`btcbot.api.app.create_app` builds the ASGI app; :class:`btcbot.api.server.ApiServer`
serves it with uvicorn in the caller's event loop (``btcbot run`` with API_PORT, and
``btcbot serve``); :mod:`btcbot.api.auth` checks tokens and dashboard sessions.
"""
