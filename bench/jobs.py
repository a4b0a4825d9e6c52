"""Jobs for the queue baseline: the cheapest job RQ can run."""


def noop() -> None:
    return None
