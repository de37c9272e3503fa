"""Request limits of the web questionnaire: per link and per client address, in this process.

A fixed window per key (a minute by default): small, bounded in memory (the oldest windows are
dropped past `max_keys`), thread-safe. Each worker process counts on its own, so with N workers
a client may reach N times the limit at worst; the limits are there against a script hammering
a link or guessing tokens, not as an exact quota. (Hand-written: twenty lines where the rate
limiting libraries at hand change their API from one major version to the next.)
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class Window:
    """At most `limit` hits per key in each `seconds`-long window."""

    def __init__(self, limit: int, seconds: float = 60.0, *, max_keys: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.seconds, self.max_keys, self.clock = limit, seconds, max_keys, clock
        self._hits: OrderedDict[str, tuple[float, int]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self.clock()
        with self._lock:
            start, count = self._hits.get(key, (now, 0))
            if now - start >= self.seconds:
                start, count = now, 0
            if count >= self.limit:
                return False
            self._hits[key] = (start, count + 1)
            self._hits.move_to_end(key)
            while len(self._hits) > self.max_keys:
                self._hits.popitem(last=False)
            return True

    def retry_after(self, key: str) -> int:
        with self._lock:
            start, _ = self._hits.get(key, (self.clock(), 0))
        return max(1, int(self.seconds - (self.clock() - start)) + 1)


class Limits:
    """The two limits a request of the web questionnaire passes: its link's and its address's."""

    def __init__(self, per_link: int = 60, per_address: int = 600, seconds: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.link = Window(per_link, seconds, clock=clock)
        self.address = Window(per_address, seconds, clock=clock)

    def check(self, link_key: str, address: str) -> int | None:
        """None when the request may go on, else the seconds to wait (Retry-After)."""
        if not self.address.allow(address):
            return self.address.retry_after(address)
        if not self.link.allow(link_key):
            return self.link.retry_after(link_key)
        return None
