"""The check of lesson 2's exercise: every final number of coins in a tip
jar when Alice (5 coins) and Bob (10 coins) add their tips at once.

check(answer) takes a list of numbers. It builds its own jar and its own
two threads, runs them under every schedule (lab.explore), and compares
the outcomes it saw with the answer: what is missing, what cannot happen,
and the schedule behind each outcome.
"""
import threading

import lab

TIPS = {"alice": 5, "bob": 10}


class _Jar:
    def __init__(self):
        self.coins = 0


def _two_tips():
    jar = _Jar()

    def add(amount):
        jar.coins = jar.coins + amount
    team = [threading.Thread(target=add, args=(tip,), name=name) for name, tip in TIPS.items()]
    for worker in team:
        worker.start()
    for worker in team:
        worker.join()
    return jar.coins


def _why(n):
    if n == 15:
        return "15: the threads took turns, so both tips arrived."
    if n == 10:
        return "10: both read 0, and Bob wrote last, so Alice's 5 was lost."
    if n == 5:
        return "5: both read 0, and Alice wrote last, so Bob's 10 was lost."
    return "%r: no schedule gives it." % (n,)


def _numbers(answer):
    """The answer as a sorted list of distinct ints, or None if it is not a
    collection of numbers."""
    if isinstance(answer, (str, bytes, dict)) or not hasattr(answer, "__iter__"):
        return None
    try:
        items = list(answer)
    except Exception:
        return None
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in items):
        return None
    return sorted(set(items))


def check(answer):
    """Say whether answer lists exactly the possible final coin counts."""
    print(_verdict(answer))


def _verdict(answer):
    guesses = _numbers(answer)
    if guesses is None:
        return ("Not yet: pass your answer as a list of whole numbers, such as "
                "[15], not %r." % (answer,))
    if not guesses:
        return ("Not yet: your list is empty, but the jar always ends with some "
                "number of coins. Which ones can it be?")
    possible = sorted(lab.explore(_two_tips).outcomes)
    extra = [n for n in guesses if n not in possible]
    missing = [n for n in possible if n not in guesses]
    if extra:
        return ("Not yet: %s cannot happen. Each write stores the value one "
                "thread read plus its own tip, and the jar starts at 0." % extra)
    if missing:
        return ("Not yet: you missed %s - look for a schedule where one tip "
                "is lost:\n%s" % (missing, "\n".join("  " + _why(n) for n in missing)))
    return "Right: exactly %s are possible.\n%s" % (
        possible, "\n".join("  " + _why(n) for n in possible))
