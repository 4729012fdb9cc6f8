"""The check of lesson 6's exercise: a bounded buffer built on a Condition.

check(Buffer) takes the class itself. Buffer(capacity) must make an empty
buffer; put(item) waits while the buffer is full, get() waits while it is
empty and returns the oldest item. Every try builds fresh buffers and
fresh threads, and lab.explore runs each scene under every schedule with
at most one preemption, so what is reported is what really happened.
"""
import threading

import lab

# Explore each scene under schedules with at most this many preemptions:
# enough for a consumer to be overtaken after its wake-up, small enough
# for a check that answers in about a second.
PREEMPTIONS = 1
BUDGET = 20  # seconds for one scene at most; a spinning buffer ends here


def _failure(error):
    return "error %s: %s" % (type(error).__name__, error)


def _explore(scene):
    return lab.explore(scene, preemptions=PREEMPTIONS, budget=BUDGET)


def _alone(work):
    """A scene in which work runs in one thread of its own, so that a wait
    that never ends is a deadlock the exploration reports."""
    def scene():
        result = []
        def worker():
            try:
                result.append(work())
            except Exception as error:
                result.append(_failure(error))
        thread = threading.Thread(target=worker, name="alone")
        thread.start()
        thread.join()
        return result[0]
    return scene


def _keeps_running(work):
    """Whether work, alone in a thread, runs on and on (a loop that spins
    instead of waiting) where it should wait: the stepper refuses a program
    with a schedule of more than 200 steps, so this ends, where an
    exploration would run the loop for ever."""
    try:
        lab.stepper(_alone(work), max_schedules=50)
    except ValueError:
        return True
    return False


def _errors(report):
    return sorted(o for o in report.outcomes if isinstance(o, str) and o.startswith("error "))


def _error_hint(outcome):
    if "un-acquired lock" in outcome:
        return ("wait() and notify_all() work only while the thread holds the "
                "Condition: call them inside `with self.<condition>:`.")
    if "IndexError" in outcome:
        return ("get() took from an empty buffer. Check again after every "
                "wake-up: put the wait in a `while` loop, not an `if`.")
    return "Read the error: it names the line of your class that failed."


def check(Buffer):
    """Say whether Buffer is a correct bounded buffer, and if not, why."""
    verdict = _verdict(Buffer)
    print(verdict)


def _verdict(Buffer):
    if not callable(Buffer):
        return ("Not yet: pass your class itself, as in check(Buffer), not %r."
                % (Buffer,))
    try:
        sample = Buffer(2)
    except Exception as error:
        return ("Not yet: Buffer(2) raised %s: %s. The class takes the capacity "
                "as its one argument." % (type(error).__name__, error))
    for method in ("put", "get"):
        if not callable(getattr(sample, method, None)):
            return "Not yet: a Buffer needs a method %s()." % method

    # 0. A thread that must wait, waits (it does not spin).
    def take_from_empty():
        return Buffer(1).get()
    def overfill():
        buffer = Buffer(1)
        buffer.put("apple")
        buffer.put("pear")
        return "both put"
    for work, name in ((take_from_empty, "get() on an empty buffer"),
                       (overfill, "put() into a full buffer")):
        if _keeps_running(work):
            return ("Not yet: %s kept the thread running, round and round a "
                    "loop, instead of waiting. Inside the loop call wait() on "
                    "the Condition: a waiting thread uses no processor time "
                    "until another thread calls notify_all()." % name)

    # 1. One thread alone: two puts into room for two, then two gets.
    def alone():
        buffer = Buffer(2)
        buffer.put("apple")
        buffer.put("pear")
        return "got %s %s" % (buffer.get(), buffer.get())
    report = _explore(_alone(alone))
    if report.deadlocks:
        return ("Not yet: one thread alone put two items into a Buffer(2) and "
                "took them out, and it waited forever. put() should wait only "
                "while the buffer is full, get() only while it is empty.")
    for outcome in _errors(report):
        return ("Not yet: one thread alone, with no other thread around, got "
                "%s. %s" % (outcome, _error_hint(outcome)))
    if list(report.outcomes) != ["got apple pear"]:
        return ("Not yet: after put('apple') and put('pear'), two gets returned "
                "%s. get() should hand out the oldest item first "
                "(self.items.pop(0))." % ", ".join(repr(o) for o in report.outcomes))

    # 2. Room for one: a second put must wait (here, forever).
    report = _explore(_alone(overfill))
    if "both put" in report.outcomes:
        return ("Not yet: a Buffer(1) took a second item while it was full. "
                "put() must wait while len(self.items) >= self.capacity.")
    for outcome in _errors(report):
        return "Not yet: putting into a full buffer gave %s. %s" % (outcome, _error_hint(outcome))

    # 3. and 4. A producer of two items and one consumer, then two.
    seen = []  # errors in any schedule, even one that then deadlocks

    def handover(consumers):
        def scene():
            buffer = Buffer(1)
            got = []
            def producer():
                for item in ("apple", "pear"):
                    buffer.put(item)
            def consumer():
                try:
                    got.append(buffer.get())
                    if consumers == 1:
                        got.append(buffer.get())
                except Exception as error:
                    got.append(_failure(error))
                    seen.append(_failure(error))
            team = [threading.Thread(target=producer, name="producer")]
            team += [threading.Thread(target=consumer, name=name)
                     for name in ("alice", "bob")[:consumers]]
            for thread in team:
                thread.start()
            for thread in team:
                thread.join()
            errors = [g for g in got if g.startswith("error ")]
            return errors[0] if errors else "got " + " ".join(sorted(got))
        return scene

    report = _explore(handover(1))
    for outcome in sorted(set(seen)):
        return ("Not yet: with one producer and one consumer, a schedule gave "
                "%s. %s" % (outcome, _error_hint(outcome)))
    if report.deadlocks:
        return ("Not yet: with one producer and one consumer, %d of %d schedules "
                "end with a thread waiting for a notify that never comes. After "
                "put() adds an item and after get() takes one, call "
                "notify_all() so that the waiting threads look again."
                % (report.deadlocks, report.schedules))
    if list(report.outcomes) != ["got apple pear"]:
        return ("Not yet: one producer put apple and pear, and the consumer got %s."
                % ", ".join(repr(o) for o in report.outcomes))

    report = _explore(handover(2))
    for outcome in sorted(set(seen)):
        return ("Not yet: with two consumers, one of them woke up, and another "
                "thread had already emptied the buffer: %s. %s"
                % (outcome, _error_hint(outcome)))
    if report.deadlocks:
        return ("Not yet: with one producer and two consumers, %d of %d schedules "
                "end with every thread waiting (a lost wakeup): notify() woke "
                "a consumer while the producer was the one that could go on. "
                "Wake them all with notify_all(); each checks its own "
                "condition again in its while loop."
                % (report.deadlocks, report.schedules))
    if list(report.outcomes) != ["got apple pear"]:
        return ("Not yet: one producer put apple and pear, and the two consumers "
                "got %s." % ", ".join(repr(o) for o in report.outcomes))
    return ("Right: a Buffer(1) made one thread alone wait when full, and "
            "every schedule with one or two consumers handed over apple and "
            "pear, each exactly once, with no thread left waiting.")
