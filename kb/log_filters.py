"""Logging filters: a failure that repeats on every request is reported once an interval."""

import logging
import time


class OncePerInterval(logging.Filter):
    """Let a logger's records through at most once every `seconds` (per logger name).

    An unreachable cache fails on every request; one line a minute says so without burying
    everything else in the log.
    """

    def __init__(self, seconds=60):
        super().__init__()
        self.seconds = seconds
        self._last = {}

    def filter(self, record):
        now = time.monotonic()
        if now - self._last.get(record.name, float("-inf")) < self.seconds:
            return False
        self._last[record.name] = now
        return True
