"""The check of lesson 4's exercise: Bob pays Alice without deadlock.

check(bob_pays_alice) takes the function itself: bob_pays_alice(bank,
amount) moves amount from bank.bob to bank.alice, taking bank.alice_lock
and then bank.bob_lock (the order alice_pays_bob uses) and releasing both.
The check opens a fresh bank every time: first one transfer in this
thread alone, then the transfer beside alice_pays_bob under every
schedule (lab.explore).
"""
import threading

import lab


class _Bank:
    def __init__(self):
        self.alice, self.bob = 100, 100
        self.alice_lock = threading.Lock()
        self.bob_lock = threading.Lock()


def _alice_pays_bob(bank, amount):
    with bank.alice_lock:
        with bank.bob_lock:
            bank.alice = bank.alice - amount
            bank.bob = bank.bob + amount


def _failure(error):
    return "%s: %s" % (type(error).__name__, error)


def check(bob_pays_alice):
    """Say whether bob_pays_alice is safe beside alice_pays_bob, and if not, why."""
    print(_verdict(bob_pays_alice))


def _verdict(bob_job):
    if not callable(bob_job):
        return ("Not yet: pass your function itself, as in "
                "check(safe_bob_pays_alice), not %r." % (bob_job,))
    bank = _Bank()
    try:  # first one transfer, in this thread alone
        bob_job(bank, 20)
    except Exception as error:
        return ("Not yet: Bob paying 20 on its own raised %s. Your function "
                "takes the bank and the amount: safe_bob_pays_alice(bank, 20)."
                % _failure(error))
    held = [name for name in ("alice_lock", "bob_lock") if getattr(bank, name).locked()]
    if held:
        return ("Not yet: after one transfer, %s is still taken. Release both "
                "locks." % " and ".join(held))
    if (bank.alice, bank.bob) != (120, 80):
        return ("Not yet: Bob paying Alice 20 left them at %s, not (120, 80). "
                "Take 20 from bank.bob and give it to bank.alice."
                % ((bank.alice, bank.bob),))

    errors = []

    def both_ways():
        bank = _Bank()

        def bob_pays():
            try:
                bob_job(bank, 20)
            except Exception as error:
                errors.append(_failure(error))
        one = threading.Thread(target=_alice_pays_bob, args=(bank, 10), name="alice-pays")
        two = threading.Thread(target=bob_pays, name="bob-pays")
        one.start()
        two.start()
        one.join()
        two.join()
        return (bank.alice, bank.bob)
    report = lab.explore(both_ways)
    if errors:
        return "Not yet: beside alice_pays_bob, your function raised %s." % sorted(set(errors))[0]
    if report.deadlocks > 0:
        return ("Not yet: %d of %d schedules deadlock. Take alice_lock first, "
                "as alice_pays_bob does." % (report.deadlocks, report.schedules))
    if list(report.outcomes) != [(110, 90)]:
        return ("Not yet: the balances (alice, bob) ended as %s but should "
                "always be (110, 90). Change both balances while the thread "
                "holds both locks." % ", ".join(repr(o) for o in sorted(report.outcomes, key=repr)))
    return ("Right: no deadlock in %d schedules, and the money always adds up."
            % report.schedules)
