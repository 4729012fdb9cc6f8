# A Condition over a lock-like object of the program's own: the wait
# gives it up and takes it back through its acquire and release.
import threading


class CountingLock:
    def __init__(self):
        self._lock = threading.Lock()
        self.acquired = 0
        self.released = 0

    def acquire(self, *args):
        got = self._lock.acquire(*args)
        if got:
            self.acquired += 1
        return got

    def release(self):
        self.released += 1
        self._lock.release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()


lock = CountingLock()
cond = threading.Condition(lock)
items = []


def consumer():
    with cond:
        while not items:
            cond.wait()
        print("got", items.pop())


t = threading.Thread(target=consumer)
t.start()
with cond:
    items.append(1)
    cond.notify()
t.join()
with cond:
    print("timed out:", not cond.wait(0.01))
    print("held after the wait:", lock._lock.locked())
print("balanced:", lock.acquired == lock.released, lock._lock.locked())
