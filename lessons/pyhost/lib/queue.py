"""Synchronized queues for passing work between threads (threadlab)."""

import threading
import heapq
from collections import deque

__all__ = ["Empty", "Full", "Queue", "PriorityQueue", "LifoQueue", "SimpleQueue"]


class Empty(Exception):
    "Raised by get(block=False) or get(timeout=...) when the queue stays empty."
    pass


Empty.__module__ = "_queue"


class Full(Exception):
    "Raised by put(block=False) or put(timeout=...) when the queue stays full."
    pass


def _wait_until(cond, ready, block, timeout, failure, what):
    # With cond held: return once ready() is true, or raise failure (Empty
    # or Full) when it is not and block is false or timeout runs out.
    if block and timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    if ready():
        return
    if not block or not cond._until(ready, timeout, what):
        raise failure


class Queue:
    """A FIFO queue; maxsize <= 0 means no limit."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self.queue = self._new_store()
        # One Condition for every kind of wait (get, put, join): each change
        # wakes all its sleepers, and each checks its own predicate again.
        self._cond = threading.Condition(threading.Lock())
        self.mutex = self._cond._lock
        self.unfinished_tasks = 0

    def _has_item(self):
        return len(self.queue) > 0

    def _has_room(self):
        return len(self.queue) < self.maxsize

    def _all_done(self):
        return self.unfinished_tasks == 0

    def task_done(self):
        with self._cond:
            if self._all_done():
                raise ValueError("task_done() called too many times")
            self.unfinished_tasks -= 1
            if self._all_done():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            self._cond._until(self._all_done, None, "a Queue's join (task_done calls)")

    def qsize(self):
        with self._cond:
            return len(self.queue)

    def empty(self):
        with self._cond:
            return not self._has_item()

    def full(self):
        with self._cond:
            return self.maxsize > 0 and not self._has_room()

    def put(self, item, block=True, timeout=None):
        with self._cond:
            if self.maxsize > 0:
                _wait_until(self._cond, self._has_room, block, timeout, Full, "a Queue's put (room for an item)")
            self._add(item)
            self.unfinished_tasks += 1
            self._cond.notify_all()

    def get(self, block=True, timeout=None):
        with self._cond:
            _wait_until(self._cond, self._has_item, block, timeout, Empty, "a Queue's get (an item to be put)")
            item = self._take()
            self._cond.notify_all()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The order of the items: a subclass changes the store and how items
    # go in and come out.

    def _new_store(self):
        return deque()

    def _add(self, item):
        self.queue.append(item)

    def _take(self):
        return self.queue.popleft()


class PriorityQueue(Queue):
    """Gets the smallest item first."""

    def _new_store(self):
        return []

    def _add(self, item):
        heapq.heappush(self.queue, item)

    def _take(self):
        return heapq.heappop(self.queue)


class LifoQueue(Queue):
    """Gets the most recently put item first."""

    def _new_store(self):
        return []

    def _take(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking."""

    def __init__(self):
        self._items = deque()
        self._cond = threading.Condition(threading.Lock())

    def put(self, item, block=True, timeout=None):
        # Never blocks: block and timeout are there for Queue's signature.
        with self._cond:
            self._items.append(item)
            self._cond.notify()

    def put_nowait(self, item):
        self.put(item)

    def _has_item(self):
        return len(self._items) > 0

    def get(self, block=True, timeout=None):
        with self._cond:
            _wait_until(self._cond, self._has_item, block, timeout, Empty, "a SimpleQueue's get (an item to be put)")
            return self._items.popleft()

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        with self._cond:
            return not self._items

    def qsize(self):
        with self._cond:
            return len(self._items)


SimpleQueue.__module__ = "_queue"
