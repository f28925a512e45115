"""What one process keeps for itself in front of the shared cache, as it is (not pickled).

Only for values that never change under their key (a block's key carries the content
version; a page entry carries its stamp and is only used while that stamp is current), so a
copy never needs dropping: the oldest go when there are more than `size`. Callers treat the
values as read-only: other requests get the same objects.
"""

import threading
from collections import OrderedDict


class LocalCopies:
    def __init__(self, size):
        self.size = size
        self.values = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            value = self.values.get(key)
            if value is not None:
                self.values.move_to_end(key)
            return value

    def keep(self, values):
        with self.lock:
            self.values.update(values)
            while len(self.values) > self.size:
                self.values.popitem(last=False)

    def clear(self):
        with self.lock:
            self.values.clear()
