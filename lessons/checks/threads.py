"""The check of lesson 1's exercise: start a team of named threads.

check(run_team) takes the function itself: run_team(names, job) starts
one thread per name, named after that person and running job(name), waits
for all of them, and returns the list of threads in the order of names.
The check calls it with its own job, which records which thread ran it,
with which name, and when; the clock is virtual, so the check takes no
real time.
"""
import threading
import time

import lab

NAMES = ["ann", "bob", "cy"]


def check(run_team):
    """Say whether run_team starts, names and joins its threads, and if not, why."""
    print(_verdict(run_team))


def _run(run_team):
    """Call run_team with a watching job: what it returned or raised, the
    job's events and the threads still alive when it returned."""
    events = []  # ("start" | "end", name given, thread that ran the job)

    def job(name):
        events.append(("start", name, threading.current_thread().name))
        time.sleep(0.5)
        events.append(("end", name, threading.current_thread().name))

    lab.seed(1)  # virtual time: the half-second naps cost nothing
    try:
        team = run_team(list(NAMES), job)
        error = None
    except Exception as raised:
        team, error = None, "%s: %s" % (type(raised).__name__, raised)
    alive = []
    if isinstance(team, list):
        alive = [w.name for w in team if isinstance(w, threading.Thread) and w.is_alive()]
    lab.stop()  # end any thread that is still running
    lab.seed(None)
    return team, error, events, alive


def _verdict(run_team):
    if not callable(run_team):
        return "Not yet: pass your function itself, as in check(run_team), not %r." % (run_team,)
    team, error, events, alive = _run(run_team)
    if error is not None:
        return ("Not yet: run_team(names, job) raised %s. It takes the list of "
                "names and the function each thread runs." % error)
    if not isinstance(team, list) or len(team) != len(NAMES):
        return ("Not yet: run_team should return a list of %d threads, one per "
                "name, but it returned %r." % (len(NAMES), team))
    for i, (worker, name) in enumerate(zip(team, NAMES)):
        if not isinstance(worker, threading.Thread):
            return "Not yet: item %d of the list is %r, not a thread." % (i, worker)
        if worker.name != name:
            return ("Not yet: thread %d is named %r - pass name=%r to "
                    "threading.Thread." % (i, worker.name, name))
        if worker.ident is None:
            return "Not yet: %s was never started: call .start() on it." % name
        if name in alive:
            return ("Not yet: %s was still running when run_team returned: "
                    "join every thread." % name)
    starts = [(given, ran) for kind, given, ran in events if kind == "start"]
    if sorted(given for given, _ in starts) != sorted(NAMES):
        return ("Not yet: job ran for %s, but it should run once for each of "
                "%s. Give each thread target=job and args=(name,)."
                % (sorted(given for given, _ in starts), NAMES))
    for given, ran in starts:
        if ran != given:
            return ("Not yet: job(%r) ran in the thread %r, not in the thread "
                    "named %r. Let the thread call it: target=job, not job(name)."
                    % (given, ran, given))
    first_end = [kind for kind, _, _ in events].index("end")
    if first_end < len(NAMES):
        return ("Almost: the threads ran one after another. Start them all "
                "first, then join them all.")
    return ("Right: three named threads ran at the same time, and all finished "
            "before run_team returned.")
