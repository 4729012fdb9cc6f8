"""The check of lesson 7's exercise: a worker that squares numbers from a
queue until it gets the sentinel None.

check(squarer) takes the function itself: squarer(tasks, results) takes
numbers from the queue tasks until it gets None, puts each number's
square on results, and calls tasks.task_done() for every item it takes,
the sentinel too. Every try builds fresh queues and threads: first one
worker alone, then two workers under every schedule with at most one
preemption (lab.explore).
"""
import queue
import threading

import lab

PREEMPTIONS = 1
BUDGET = 20  # seconds for one exploration at most


class _Tasks(queue.Queue):
    """A queue that counts the items taken and the task_done() calls."""

    def __init__(self, items):
        super().__init__()
        self.counts = threading.Lock()
        self.taken = 0
        self.done = 0
        for item in items:
            self.put(item)

    def get(self, *args, **kwargs):
        item = super().get(*args, **kwargs)
        with self.counts:
            self.taken += 1
        return item

    def task_done(self):
        super().task_done()
        with self.counts:
            self.done += 1


def _failure(error):
    return "%s: %s" % (type(error).__name__, error)


def _hint(error):
    if error.startswith("TypeError") and "NoneType" in error:
        return ("Your worker used the sentinel None as a number. Check "
                "`if number is None:` right after get(), and stop there.")
    if error.startswith("ValueError") and "task_done" in error:
        return "Call task_done() once for each item you get(), no more."
    if error.startswith("Empty"):
        return "Use tasks.get(), which waits for an item, not get_nowait()."
    return "Read the error: it names the line of your worker that failed."


def _solo(squarer):
    """One worker alone with tasks 3 and None: the scene and what it saw."""
    seen = {}

    def scene():
        tasks, results = _Tasks([3, None]), queue.Queue()
        seen["tasks"] = tasks

        def work():
            try:
                squarer(tasks, results)
            except Exception as error:
                seen["error"] = _failure(error)
        worker = threading.Thread(target=work, name="wren")
        worker.start()
        worker.join()
        return [results.get() for _ in range(results.qsize())]
    return scene, seen


def _keeps_running(squarer):
    """Whether squarer, on a queue that stays empty, runs on and on instead
    of waiting: the stepper refuses any schedule of more than 200 steps."""
    def scene():
        worker = threading.Thread(target=squarer, args=(queue.Queue(), queue.Queue()), name="wren")
        worker.start()
        worker.join()
    try:
        lab.stepper(scene, max_schedules=50)
    except ValueError:
        return True
    except Exception:
        return False
    return False


def check(squarer):
    """Say whether squarer is a correct queue worker, and if not, why."""
    print(_verdict(squarer))


def _verdict(squarer):
    if not callable(squarer):
        return "Not yet: pass your function itself, as in check(squarer), not %r." % (squarer,)
    if _keeps_running(squarer):
        return ("Not yet: on an empty queue your worker kept running round a "
                "loop instead of waiting. tasks.get() waits for an item by "
                "itself; do not test tasks.empty() or use get_nowait().")

    scene, seen = _solo(squarer)
    report = lab.explore(scene, preemptions=PREEMPTIONS, budget=BUDGET)
    if "error" in seen:
        return ("Not yet: one worker, with the tasks 3 and None, raised %s. %s"
                % (seen["error"], _hint(seen["error"])))
    tasks = seen["tasks"]
    if report.deadlocks:
        return ("Not yet: one worker got 3 and then the sentinel None, and "
                "it went on waiting for more work. When get() returns None, "
                "call task_done() and return.")
    if tasks.taken < 2:
        return ("Not yet: your worker returned after %d of the 2 items (3, "
                "then None). Loop until the sentinel comes." % tasks.taken)
    if tasks.done < tasks.taken:
        return ("Not yet: your worker took %d items but called task_done() "
                "for %d of them, so tasks.join() would wait for ever. Call it "
                "for every item, the sentinel too." % (tasks.taken, tasks.done))
    if list(report.outcomes) != [[9]] and list(report.outcomes) != ["[9]"]:
        got = ", ".join(str(o) for o in report.outcomes)
        return ("Not yet: for the task 3, results held %s, not [9]. Put "
                "number * number on results." % got)

    seen_errors = []

    def pair():
        tasks, results = _Tasks([1, 2, 3, None, None]), queue.Queue()

        def work():
            try:
                squarer(tasks, results)
            except Exception as error:
                seen_errors.append(_failure(error))
        team = [threading.Thread(target=work, name=name) for name in ("wren", "yuki")]
        for worker in team:
            worker.start()
        tasks.join()
        for worker in team:
            worker.join()
        return " ".join(str(n) for n in sorted(results.get() for _ in range(results.qsize())))
    report = lab.explore(pair, preemptions=PREEMPTIONS, budget=BUDGET)
    for error in sorted(set(seen_errors)):
        return "Not yet: with two workers, one raised %s. %s" % (error, _hint(error))
    if report.deadlocks:
        return ("Not yet: with two workers and one sentinel each, %d of %d "
                "schedules end with a thread waiting for ever. Each worker "
                "must stop at its own None." % (report.deadlocks, report.schedules))
    if list(report.outcomes) != ["1 4 9"]:
        return ("Not yet: two workers squared 1, 2 and 3 into %s."
                % ", ".join(repr(o) for o in report.outcomes))
    return ("Right: one worker alone and two workers under all %d schedules "
            "squared every task once, stopped at the sentinel and marked "
            "every item done." % report.schedules)
