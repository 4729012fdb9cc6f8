# What a manager's proxies raise, as CPython's: the referent's own
# exceptions come back from the manager's process; a proxy of a manager
# that has shut down, or was never started, fails.
import multiprocessing as mp
import queue
from multiprocessing.managers import BaseManager, SyncManager


class Counter:
    def __init__(self, start=0):
        self.n = start

    def add(self, k):
        self.n += k
        return self.n

    def _hidden(self):
        return 1


class CounterManager(BaseManager):
    pass


CounterManager.register("Counter", Counter)


def bump(c, times):
    for _ in range(times):
        c.add(1)


if __name__ == "__main__":
    m = SyncManager()
    try:
        m.dict()
    except AssertionError as e:
        print(type(e).__name__, e)
    m.start()
    try:
        m.start()
    except mp.ProcessError as e:
        print(type(e).__name__, e)
    print(m._process.name)
    d, l, ns = m.dict(a=1), m.list(), m.Namespace(x=1)
    for what, f in [("d['zz']", lambda: d["zz"]), ("l.pop()", l.pop), ("l[3]", lambda: l[3]),
                    ("ns.y", lambda: ns.y), ("del d['q']", lambda: d.__delitem__("q")),
                    ("Lock().release()", m.Lock().release), ("RLock().release()", m.RLock().release),
                    ("Condition().wait()", m.Condition().wait),
                    ("BoundedSemaphore(1).release()", m.BoundedSemaphore(1).release)]:
        try:
            f()
        except Exception as e:
            print(what, "->", type(e).__name__, e)
    q = m.Queue()
    try:
        q.get(timeout=0.01)
    except queue.Empty as e:
        print("Empty", repr(e), type(q).__name__)
    print(ns, m.Value("d", 1.5), m.Array("i", [1, 2, 3]))

    with CounterManager() as cm:
        c = cm.Counter(10)
        ps = [mp.Process(target=bump, args=(c, 5)) for _ in range(3)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(c.add(0), type(c).__name__)
        try:
            c._hidden()
        except AttributeError as e:
            print(type(e).__name__, e)
    m.shutdown()
    try:
        m.dict()
    except AssertionError as e:
        print("after shutdown:", type(e).__name__, e)
    try:
        d["a"]
    except OSError as e:
        print("after shutdown:", type(e).__name__)
    m.shutdown()
    print("done", mp.active_children())
