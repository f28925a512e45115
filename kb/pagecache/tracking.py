"""This process's copy of the shared content stamp, trusted for exactly as long as Redis says
it has not changed.

With Redis, every page-cache hit needs the stamp (stamp.py), and a round trip to Redis costs
more here than the rest of the hit (70-115 us on this machine's loopback, against ~25 us for
the hit itself). So each process keeps the stamp it last read, and one connection per process
has Redis tell it whenever the stamp's keys change: server-assisted client-side caching
(CLIENT TRACKING in broadcast mode, RESP3 push messages), listened to by a thread. The copy
is trusted only while
- that connection is tracking (the copy is always taken after tracking began),
- nothing has arrived on it since the copy was read (every arrival forgets the copy, before
  it is read: a PONG costs one round trip, never a stale page), and
- nothing is waiting unread on its socket, looked at by the request itself without reading:
  a change Redis has announced but the listening thread has not yet woken up for is a change.
Redis queues the message when it changes the key and sends it in the same pass as its reply
to the writer, so by the time anyone can have heard of a change (the editor's own response
came after that reply), the message is on every tracking socket. A bump made in this process
forgets the copy at once.

A lost connection (Redis restarted, a network fault, a PING unanswered for PING_SECONDS)
forgets the copy; until tracking is back, every hit asks Redis, as it would with no copy.

redis-py has its own client-side cache, but it refuses Redis older than 7.4 (Debian 12 ships
7.0) and keeps raw replies, to be unpickled on every hit: this keeps one small tuple.
"""

import logging
import os
import select
import threading
import time

import redis

logger = logging.getLogger(__name__)
PING_SECONDS = 5
RETRY_SECONDS = 1
CLIENT_NAME = "kb-stamp-tracking"


def _waiting(fd, seconds):
    # A new poll object each time: one poll object may not be polled by two threads at once.
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(seconds * 1000))


class StampTracking:
    """One per process: `trusted()` for the copy, `remember()` and `forget()` to keep it."""

    def __init__(self, url, keys):
        self.url = url
        self.keys = list(keys)
        self._lock = threading.Lock()
        self._pid = None
        self._fd = None  # the tracking socket, while tracking
        self._arrivals = 0  # moves on every arrival, connection and loss: see remember()
        self._draining = False
        self._stamp = None
        self._tracked_since_logged = False

    def trusted(self):
        """The stamp as last remembered, if nothing can have changed it since; else None."""
        self._start_in_this_process()
        stamp, fd = self._stamp, self._fd
        if stamp is None or fd is None or self._draining or _waiting(fd, 0):
            return None
        return stamp

    def arrivals(self):
        """To pass to remember(): taken before reading the stamp from Redis."""
        self._start_in_this_process()
        return self._arrivals

    def remember(self, stamp, arrivals):
        """Keep `stamp`, read from Redis after `arrivals()` returned `arrivals`, unless
        something arrived in between (it may have been read before that change)."""
        with self._lock:
            if self._fd is not None and not self._draining and arrivals == self._arrivals:
                self._stamp = stamp

    def forget(self):
        with self._lock:
            self._arrivals += 1
            self._stamp = None

    def _start_in_this_process(self):
        # Threads do not survive a fork: gunicorn's workers each start their own listener.
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid, self._fd, self._stamp, self._draining = os.getpid(), None, None, False
            threading.Thread(target=self._listen, name=CLIENT_NAME, daemon=True).start()

    def _listen(self):
        logged = False  # once per loss, not once per retry
        while True:
            connection = None
            try:
                connection = redis.ConnectionPool.from_url(
                    self.url, protocol=3, socket_connect_timeout=RETRY_SECONDS
                ).make_connection()
                self._track(connection)
            except Exception:
                if not logged or self._tracked_since_logged:
                    logger.warning("Stamp tracking lost; each hit asks Redis.", exc_info=True)
                    logged, self._tracked_since_logged = True, False
            with self._lock:
                self._fd, self._stamp = None, None
                self._arrivals += 1
                self._draining = False
            if connection is not None:
                connection.disconnect()
            time.sleep(RETRY_SECONDS)

    def _track(self, connection):
        connection.connect()
        connection.send_command("CLIENT", "SETNAME", CLIENT_NAME)
        connection.read_response()
        prefixes = [word for key in self.keys for word in ("PREFIX", key)]
        connection.send_command("CLIENT", "TRACKING", "ON", "BCAST", *prefixes)
        connection.read_response()
        fd = connection._sock.fileno()  # polled only, never read, by requests
        with self._lock:
            self._arrivals += 1
            self._fd = fd
        self._tracked_since_logged = True
        while True:
            if not _waiting(fd, PING_SECONDS):
                connection.send_command("PING")  # a silent link must still answer this
                if not _waiting(fd, PING_SECONDS):
                    raise redis.ConnectionError("Redis did not answer PING")
            self._drain(connection)

    def _drain(self, connection):
        with self._lock:
            self._draining = True
            self._arrivals += 1
            self._stamp = None
        try:
            # Whatever arrived (invalidations, a PONG) is read and dropped: arriving was the news.
            while connection.can_read(timeout=0):
                connection.read_response(push_request=True)
        finally:
            with self._lock:
                self._arrivals += 1
                self._draining = False
