"""The Telegram surface: a bot answering the allowed chats' commands and notifications to them.

A surface over the operator services like the CLI and the HTTP API, with no logic of its own:
:mod:`.app` (the bot: allow-list, commands, confirmations), :mod:`.desk` (commands answered
from the operator services), :mod:`.notifier` with :mod:`.activity` and :mod:`.daily` (what
the runtime records, told to the chats), :mod:`.texts` with the catalogues
:mod:`.catalogue_en` / :mod:`.catalogue_tr`, :mod:`.surface` (started with ``btcbot run``).
"""
