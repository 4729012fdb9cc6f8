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
