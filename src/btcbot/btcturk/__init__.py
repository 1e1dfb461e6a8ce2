"""The one canonical BTCTurk adapter: auth, REST, WebSocket, wire schemas, error taxonomy.

Import the pieces from their modules (``btcbot.btcturk.rest_client``, ``.errors`` …); this
package file stays empty so that importing one transport never drags in the other.
"""
