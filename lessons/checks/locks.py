"""The check of lesson 3's exercise: a tip jar whose lock makes every tip
count.

check(add_tip) takes the function itself: add_tip(jar, amount) adds amount
to jar.coins, holding jar.lock while it reads and writes. The check gives
it a fresh jar with a fresh lock every time: first one tip in this thread
alone, then Alice (5 coins) and Bob (10 coins) under every schedule
(lab.explore).
"""
import threading

import lab
from checks._watched import WatchedLock

TIPS = {"alice": 5, "bob": 10}


class _TakenTwice(Exception):
    """A thread asked for jar.lock while it held it already."""


class _Lock(WatchedLock):
    """jar.lock: a threading.Lock that counts how often it was taken and
    refuses, instead of waiting for ever, a second acquire by its holder."""

    def __init__(self):
        super().__init__()
        self.taken = 0
        self.holder = None

    def acquire(self, blocking=True, timeout=-1):
        if blocking and self.holder is threading.current_thread():
            raise _TakenTwice("a Lock cannot be taken twice, even by its holder")
        return super().acquire(blocking, timeout)

    def _on_acquire(self):
        self.taken += 1
        self.holder = threading.current_thread()

    def _on_release(self):
        # Before the lock is free: cleared after, it could undo the note
        # of the thread that takes the lock next.
        self.holder = None


class _Jar:
    def __init__(self):
        self.coins = 0
        self.lock = _Lock()


def _failure(error):
    return "%s: %s" % (type(error).__name__, error)


def check(add_tip):
    """Say whether add_tip never loses a tip, and if not, why."""
    print(_verdict(add_tip))


def _verdict(add_tip):
    if not callable(add_tip):
        return "Not yet: pass your function itself, as in check(add_tip), not %r." % (add_tip,)
    jar = _Jar()
    try:  # first one tip, in this thread alone
        add_tip(jar, 5)
    except _TakenTwice:
        return ("Not yet: add_tip(jar, 5) on its own took jar.lock while it "
                "held it already, and would wait for itself for ever. Take "
                "jar.lock once per tip.")
    except Exception as error:
        return ("Not yet: add_tip(jar, 5) on its own raised %s. add_tip(jar, "
                "amount) takes the jar and the tip." % _failure(error))
    if jar.lock.locked():
        return ("Not yet: jar.lock is still held after add_tip returned. Every "
                "acquire() needs a release(); `with jar.lock:` does both.")
    if jar.coins != 5:
        return ("Not yet: add_tip(jar, 5) on its own left %r coins in an empty "
                "jar, not 5. Add the amount to jar.coins." % (jar.coins,))
    if jar.lock.taken == 0:
        return ("Not yet: add_tip never took jar.lock. A lock only protects "
                "coins if every thread that touches coins holds that same lock.")

    errors = []

    def two_tips():
        jar = _Jar()

        def tip(amount):
            try:
                add_tip(jar, amount)
            except Exception as error:
                errors.append(_failure(error))
        team = [threading.Thread(target=tip, args=(n,), name=name) for name, n in TIPS.items()]
        for worker in team:
            worker.start()
        for worker in team:
            worker.join()
        return jar.coins
    report = lab.explore(two_tips)
    if errors:
        return "Not yet: with two threads, add_tip raised %s." % sorted(set(errors))[0]
    if report.deadlocks > 0:
        return ("Not yet: %d of %d schedules got stuck. Acquire the lock once "
                "and release it once." % (report.deadlocks, report.schedules))
    if list(report.outcomes) != [15]:
        ended = sorted(report.outcomes, key=lambda o: (not isinstance(o, int), o if isinstance(o, int) else 0, repr(o)))
        return ("Not yet: across %d schedules the jar ended with %s coins. The "
                "read and the write of jar.coins must both happen while the "
                "thread holds jar.lock." % (report.schedules, ", ".join(repr(o) for o in ended)))
    return "Right: all %d schedules end with 15 coins." % report.schedules
