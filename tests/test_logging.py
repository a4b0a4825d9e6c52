"""The development server's request log keeps no query strings (phone numbers, names searched for)."""

import logging

from app import _drop_query_strings


def test_request_lines_lose_their_query_string():
    record = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, '127.0.0.1 - - [date] "%s" %s %s',
                               ("GET /simulator/messages?phone=%2B15555550199 HTTP/1.1", "200", "-"), None)
    assert _drop_query_strings(record)
    assert record.getMessage() == '127.0.0.1 - - [date] "GET /simulator/messages?… HTTP/1.1" 200 -'
