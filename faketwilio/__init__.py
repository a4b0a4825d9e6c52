"""A local fake of Twilio's Messages API that the real twilio SDK talks to in tests and development.

See README.md; the Python entry point is `FakeTwilio`.
"""

from faketwilio.fake import FakeTwilio
from faketwilio.inbound import inbound_form
from faketwilio.signing import signature

__all__ = ["FakeTwilio", "inbound_form", "signature"]
