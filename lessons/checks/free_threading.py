"""The check of lesson 9's exercise: a visit counter safe without the GIL.

check(VisitCounter) takes the class itself. VisitCounter() makes an empty
counter; add(page) counts one visit, count(page) returns the visits so
far (0 for a page never visited). Every try builds fresh counters and
fresh threads, switches the GIL off, and lab.explore runs each scene
under every schedule, so a lost visit or a lock never given back is
found, not hoped away. The GIL is put back as it was.
"""
import threading

import lab

BUDGET = 20  # seconds for one scene at most; a spinning add ends here
_LOCK_TYPES = (type(threading.Lock()), type(threading.RLock()))


def check(VisitCounter):
    """Say whether VisitCounter counts every visit from threads running
    with the GIL off, and if not, why."""
    was_on = lab.gil()
    lab.gil(False)
    try:
        print(_verdict(VisitCounter))
    finally:
        lab.gil(was_on)


def _failure(error):
    return "error %s: %s" % (type(error).__name__, error)


def _errors(report):
    return sorted(o for o in report.outcomes if isinstance(o, str) and o.startswith("error "))


def _in_threads(work, count):
    """A scene in which `count` threads each run work(counter) on one fresh
    counter made by make(); the scene returns what final(counter) gives
    (its repr when it cannot be an outcome), or the first error."""
    def scene(make, final):
        counter = make()
        failed = []

        def visitor():
            try:
                work(counter)
            except Exception as error:
                failed.append(_failure(error))
        team = [threading.Thread(target=visitor, name="visitor-%d" % (k + 1))
                for k in range(count)]
        for thread in team:
            thread.start()
        for thread in team:
            thread.join()
        if failed:
            return failed[0]
        try:
            value = final(counter)
        except Exception as error:
            return _failure(error)
        try:
            hash(value)
        except TypeError:
            return "value %r" % (value,)
        return value
    return scene


def _has_lock(counter):
    try:
        fields = list(vars(counter).values())
    except TypeError:
        return False
    return any(isinstance(value, _LOCK_TYPES) for value in fields)


def _verdict(VisitCounter):
    if not isinstance(VisitCounter, type):
        return ("Not yet: pass your class itself, as in check(VisitCounter), not %r."
                % (VisitCounter,))
    try:
        sample = VisitCounter()
    except Exception as error:
        return ("Not yet: VisitCounter() raised %s: %s. The class takes no arguments."
                % (type(error).__name__, error))
    for method in ("add", "count"):
        if not callable(getattr(sample, method, None)):
            return "Not yet: a VisitCounter needs a method %s()." % method

    # 1. One thread alone: three visits to two pages, one page never visited.
    def alone(counter):
        counter.add("home")
        counter.add("home")
        counter.add("news")

    def counts(counter):
        return (counter.count("home"), counter.count("news"), counter.count("shop"))

    scene = _in_threads(alone, 1)
    report = lab.explore(lambda: scene(VisitCounter, counts), budget=BUDGET)
    if report.deadlocks:
        return ("Not yet: one thread alone called add() three times and waited "
                "forever at the second call. Give the lock back after each add: "
                "use `with self.<lock>:` so that it is released however add ends.")
    for outcome in _errors(report):
        return ("Not yet: one thread alone, adding visits to 'home' and 'news' and "
                "counting them and 'shop', got %s. A page never visited counts 0 "
                "(dict.get(page, 0))." % outcome)
    if list(report.outcomes) != [(2, 1, 0)]:
        return ("Not yet: after add('home') twice and add('news') once, count gave "
                "(home, news, shop) = %s, not (2, 1, 0)."
                % ", ".join(str(o) for o in report.outcomes))

    # 2. Two threads, each adding one visit to the same page, GIL off.
    scene = _in_threads(lambda counter: counter.add("home"), 2)
    report = lab.explore(lambda: scene(VisitCounter, lambda c: c.count("home")),
                         budget=BUDGET)
    if report.deadlocks:
        return ("Not yet: with two threads adding a visit each, %d of %d schedules "
                "end with the threads waiting for each other. Take one lock, once, "
                "in add, and release it." % (report.deadlocks, report.schedules))
    for outcome in _errors(report):
        return "Not yet: with two threads adding a visit each, a schedule gave %s." % outcome
    lost = sum(n for outcome, n in report.outcomes.items() if outcome != 2)
    if lost:
        if _has_lock(sample):
            advice = ("Your counter has a lock, but another thread can still run "
                      "between the read of the old count and the write of the new "
                      "one: hold the lock around both.")
        else:
            advice = ("The read of the old count and the write of the new one are "
                      "two steps, and with the GIL off another thread runs between "
                      "them. Make one lock in __init__ (a lock made inside add is new "
                      "on every call and protects nothing) and hold it around both.")
        return ("Not yet: two threads each added one visit to 'home', and %d of %d "
                "schedules counted %s. %s"
                % (lost, report.schedules,
                   " or ".join(str(o) for o in sorted(report.outcomes, key=str) if o != 2),
                   advice))
    return ("Right: one thread alone counted (2, 1, 0), and all %d schedules of two "
            "threads adding a visit each, with the GIL off, counted 2."
            % report.schedules)
