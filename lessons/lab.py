"""threadlab's laboratory: the GIL, scheduling, replay, traces and CPU use.

Every function here changes or watches how the threads of your cells run;
plain Python programs need none of them.
"""

import _lab


def gil(on=None):
    """Turn the global interpreter lock on (the default) or off.

    With it on, only one thread runs Python code at a time; off, threads
    run in parallel on every core, as in a free-threaded Python build.
    With no argument, tell whether it is on.
    """
    return _lab.gil(on)


def switch_interval(steps=None):
    """About how many interpreter steps a thread runs before it offers the
    GIL to a waiting thread (default 100; each turn is between half and one
    and a half times it, as real switches vary). With no argument, return it.
    """
    return _lab.switch_interval(steps)


def seed(n):
    """Make scheduling repeatable: after lab.seed(n) the same cell gives the
    same interleaving, output and trace every time, and time.sleep is
    virtual. lab.seed(None) goes back to real scheduling.
    """
    return _lab.seed(n)


def stop():
    """Stop every running thread and process (an interrupt does the same).
    Return how many were running.
    """
    return _lab.stop()


def cpu(seconds=3):
    """Watch how busy the CPU is for the given number of seconds while your
    threads run: a live plot of the kernel's CPU use and each core's, ending
    with a headline such as 198% of 200% (2 cores). 100% means one core kept
    busy. The report's fields: percent, cores, per_core, seconds.
    """
    return _lab.cpu(seconds)


# trace, explore and stepper are defined below by their own sections
# (lessons/trace.go, explore.go, stepper.go give their _lab functions).


def trace(predict=False):
    """The interleaving table of this cell's threads (or of the last cell
    that had one): one column per thread and one row per step on what two
    threads share, a global, an attribute or an item that one of them
    writes, and every lock taken and wait, in the order they happened. Each
    row shows the line's source, the value read or written and the state
    after; lost updates are flagged and waits say for what. len() counts
    the steps; .lost lists the steps where an update was lost; .threads
    names the threads. With predict=True the state after each step stays
    hidden until you reveal it, row by row: predict it first.
    """
    return _lab.trace(predict)


def tracing(on=None):
    """Turn the recording of lab.trace's steps on (the default) or off;
    off, threads run faster. With no argument, tell whether it is on.
    """
    return _lab.tracing(on)


def explore(fn, expect=None, preemptions=None, budget=None, mode="dpor",
            schedule=None, max_schedules=100000, runs=100, seed=0, depth=3):
    """Run fn (which starts threads, joins them and returns a result) once
    for every distinct interleaving of its threads' shared steps and
    blocking operations: schedules that differ only in the order of
    independent steps count as one (optimal DPOR). The globals of your
    cells are put back before every run, so each starts from the same
    state. The report gives each outcome with its count, the deadlocks
    and a counterexample with the fewest preemptions.

    expect gives verdicts: one value (the only acceptable outcome), or a
    dict from outcomes (or 'deadlock') to 'acceptable', 'interesting' or
    'forbidden' (or a pair of a verdict and a description); undeclared
    outcomes are forbidden, and the cell fails with the counterexample
    when a forbidden one comes. preemptions=k tries only schedules with at
    most k preemptions; budget=seconds stops after that long; mode is
    'dpor', 'source' (source-DPOR), 'naive' (every interleaving) or
    'random' (runs= PCT runs from seed=, with depth= priority changes);
    schedule="saver saver spender ..." runs the one schedule you write,
    naming the thread that makes each shared step (a list of names for
    names with spaces, such as "Thread-1 (worker)").

    Fields: schedules, outcomes, verdicts, deadlocks, blocked, complete,
    bounded, reduction, counterexample; example(outcome) shows the
    schedule behind any result.
    """
    return _lab.explore(fn, expect, preemptions, budget, mode, schedule,
                        max_schedules, runs, seed, depth)


def stepper(fn, goal=None, max_schedules=5000):
    """Be the scheduler: an interactive stepper for fn (which starts
    threads, joins them and returns a result). Each thread is shown with
    its next step highlighted and a Step button; Undo and Reset go back.
    goal is what to chase: a result (goal=-8), goal="deadlock", or
    goal="error" (a check that fails). Every state is worked out in
    advance, so fn must be small (at most max_schedules schedules).

    Fields: schedules, states, outcomes, goal_schedules.
    """
    return _lab.stepper(fn, goal, max_schedules)
