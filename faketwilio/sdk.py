"""Point the real twilio SDK at another base URL (a fake Twilio in tests and development).

    Client(sid, token, http_client=BaseUrlHttpClient("http://127.0.0.1:8765"))

The class is the app's own (`bot.messaging.twilio_client`), re-exported here for the fake's users.
"""

from bot.messaging.twilio_client import TWILIO_API, BaseUrlHttpClient

__all__ = ["TWILIO_API", "BaseUrlHttpClient"]
