"""What the lock checks share: a Lock the check watches (checks.locks'
jar.lock, checks.classics' account lock and forks). Not a check itself."""
import threading


class WatchedLock:
    """A threading.Lock, used as one (acquire, release, locked, with), that
    lets a subclass note who takes it: _on_acquire runs in the thread that
    just got it, _on_release in the holder just before it lets go (so that
    what it clears cannot undo the next holder's note)."""

    def __init__(self):
        self._lock = threading.Lock()

    def acquire(self, blocking=True, timeout=-1):
        got = self._lock.acquire(blocking, timeout)
        if got:
            self._on_acquire()
        return got

    def release(self):
        self._on_release()
        self._lock.release()

    def locked(self):
        return self._lock.locked()

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *exc):
        self.release()
        return False

    def _on_acquire(self):
        pass

    def _on_release(self):
        pass
