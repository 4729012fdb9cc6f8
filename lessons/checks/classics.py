"""The checks of lesson 10's exercises: a withdrawal that never overdraws
(check), and philosophers who always eat (check_dinner).

check(withdraw) takes the function itself: withdraw(account, amount) pays
amount out of account.balance and returns True when the balance covers it,
and otherwise leaves the balance alone and returns False. account.lock is
the account's Lock. Every try opens fresh accounts: first withdrawals in
one thread alone (each explored, so that a thread waiting for ever is
reported instead of hanging), then two withdrawals at once under every
schedule (lab.explore).

check_dinner(philosopher) takes the function itself: philosopher(left,
right, eat) picks up the two forks (each has a number, fork.number, and is
used like a Lock), calls eat() once while holding both, and puts both
down. The check seats one philosopher alone, then three round a table,
under every schedule (within a time budget, so that a retry loop that
never ends cannot hang it).
"""
import threading

import lab
from checks._watched import WatchedLock


class _Lock(WatchedLock):
    """A Lock that counts how often it was taken, so that the check can
    tell "no lock" from "a lock around part of the work"."""

    def __init__(self):
        super().__init__()
        self.taken = 0

    def _on_acquire(self):
        self.taken += 1


class _Account:
    def __init__(self, balance):
        self.balance = balance
        self.lock = _Lock()


def _failure(error):
    return "%s: %s" % (type(error).__name__, error)


def _alone(withdraw, start, amounts):
    """Run withdraw for each amount in turn, in one thread of its own, on a
    fresh account; give (results, balance, lock still taken) or
    ("deadlock", None, None), or ("error", message, None)."""
    seen = []

    def scene():
        account = _Account(start)
        results = []

        def worker():
            try:
                for amount in amounts:
                    results.append(withdraw(account, amount))
            except Exception as error:
                results.append(_Raised(_failure(error)))
        thread = threading.Thread(target=worker, name="alone")
        thread.start()
        thread.join()
        seen.append((results, account.balance, account.lock.locked()))
        return "done"
    report = lab.explore(scene)
    if report.deadlocks:
        return "deadlock", None, None
    return seen[-1]


class _Raised:
    def __init__(self, message):
        self.message = message


def check(withdraw):
    """Say whether withdraw is safe when two threads use it at once, and if not, why."""
    print(_verdict(withdraw))


def _verdict(withdraw):
    if not callable(withdraw):
        return ("Not yet: pass your function itself, as in check(withdraw), "
                "not %r." % (withdraw,))
    for start, amounts, want, what in (
            (100, [30], ([True], 70), "withdrawing 30 from 100"),
            (100, [100], ([True], 0), "withdrawing all 100 from 100"),
            (100, [150], ([False], 100), "withdrawing 150 from 100"),
            (100, [60, 60], ([True, False], 40), "withdrawing 60 and then 60 again from 100")):
        problem = _alone_problem(withdraw, start, amounts, want, what)
        if problem:
            return "Not yet: " + problem
    return _race_verdict(withdraw)


def _alone_problem(withdraw, start, amounts, want, what):
    results, balance, held = _alone(withdraw, start, amounts)
    if results == "deadlock":
        if len(amounts) > 1:
            return ("%s, one thread alone waited for ever at the second "
                    "withdrawal: the first one left account.lock taken. "
                    "Release the lock on every path (a `with account.lock:` "
                    "block does it for you)." % what)
        return ("%s, one thread alone waited for ever for account.lock, "
                "which it already held: take the lock once, not twice." % what)
    for result in results:
        if isinstance(result, _Raised):
            return ("%s, your function raised %s. It takes the account and the "
                    "amount: withdraw(account, 30)." % (what, result.message))
    if held:
        return ("after %s, account.lock is still taken. Release it on every "
                "path: a `with account.lock:` block does it for you." % what)
    for result in results:
        if result is not True and result is not False:
            return ("%s returned %r. Return True when you pay the money out and "
                    "False when you refuse." % (what, result))
    want_results, want_balance = want
    if results == want_results and balance == want_balance:
        return None
    if amounts == [150]:
        return ("%s was paid: the balance ended at %d. Pay only when "
                "account.balance >= amount; otherwise return False and leave "
                "the balance alone." % (what, balance))
    if amounts == [100] and results == [False]:
        return ("%s was refused. A withdrawal of the whole balance is "
                "covered: compare with >=, not >." % what)
    return ("%s gave the results %s and a balance of %d; it should give %s and "
            "%d." % (what, results, balance, want_results, want_balance))


def _race_verdict(withdraw):
    locks_taken = []
    errors = []

    def both_at_once():
        account = _Account(100)
        paid = []

        def customer():
            try:
                paid.append(withdraw(account, 80))
            except Exception as error:
                errors.append(_failure(error))
        team = [threading.Thread(target=customer, name=name) for name in ("ann", "ben")]
        for thread in team:
            thread.start()
        for thread in team:
            thread.join()
        locks_taken.append(account.lock.taken)
        return (account.balance, paid.count(True))
    report = lab.explore(both_at_once)
    if errors:
        return "Not yet: with two threads at once, your function raised %s." % sorted(errors)[0]
    if report.deadlocks:
        return ("Not yet: %d of %d schedules of two withdrawals at once end with "
                "both threads waiting for ever. Take account.lock once in each "
                "withdrawal and release it on every path."
                % (report.deadlocks, report.schedules))
    wrong = sorted((o for o in report.outcomes if o != (20, 1)), key=repr)
    if not wrong:
        return ("Right: in all %d schedules of two withdrawals of 80 from 100, "
                "exactly one was paid and the balance ended at 20."
                % report.schedules)
    balance, paid = wrong[0]
    bad = report.outcomes[wrong[0]]
    happened = ("in %d of %d schedules, %s paid and the balance ended at %d"
                % (bad, report.schedules, "both were" if paid == 2 else "%d was" % paid, balance))
    if max(locks_taken) == 0:
        return ("Not yet: %s. Your function never took account.lock, so the "
                "other thread can act between your check and your change. Do "
                "both inside `with account.lock:`." % happened)
    return ("Not yet: %s. You take account.lock, but not around the whole "
            "check-then-act: the other thread can slip in between the check "
            "(balance >= amount) and the change. Put both inside one `with "
            "account.lock:` block." % happened)


# Seconds the exploration of a dinner may take: a retry loop that goes round
# for ever (a livelock) ends here instead of hanging the check.
DINNER_BUDGET = 10


class _Fork(WatchedLock):
    """A fork: a Lock with a number that knows which thread holds it."""

    def __init__(self, number):
        super().__init__()
        self.number = number
        self.holder = None

    def _on_acquire(self):
        self.holder = threading.current_thread().name

    def _on_release(self):
        self.holder = None

    def __repr__(self):
        return "fork %d" % self.number


def _dinner(philosopher, seats):
    """A scene for lab.explore: the philosophers of seats, (name, left fork
    number, right fork number) each, at one table. It returns the first
    problem seen, in words, or "everyone ate" when each ate once, holding
    both forks, and put both down."""
    def scene():
        forks = {}
        for _, left, right in seats:
            for number in (left, right):
                forks.setdefault(number, _Fork(number))
        meals = {name: 0 for name, _, _ in seats}
        problems = []

        def seat(name, left, right):
            def eat():
                meals[name] += 1
                missing = [f for f in (left, right) if f.holder != name]
                if missing:
                    problems.append("%s ate without holding %r" % (name, missing[0]))

            def run():
                try:
                    philosopher(left, right, eat)
                except Exception as error:
                    problems.append("%s raised %s" % (name, _failure(error)))
            return run
        team = [threading.Thread(target=seat(name, forks[l], forks[r]), name=name)
                for name, l, r in seats]
        for thread in team:
            thread.start()
        for thread in team:
            thread.join()
        for name, count in meals.items():
            if count != 1:
                problems.append("%s ate %d times" % (name, count))
        for number in sorted(forks):
            if forks[number].locked():
                problems.append("fork %d was left taken" % number)
        return problems[0] if problems else "everyone ate"
    return scene


def check_dinner(philosopher):
    """Say whether philosopher always eats beside the others, and if not, why."""
    print(_dinner_verdict(philosopher))


def _dinner_verdict(philosopher):
    if not callable(philosopher):
        return ("Not yet: pass your function itself, as in "
                "check_dinner(philosopher), not %r." % (philosopher,))
    alone = lab.explore(_dinner(philosopher, [("ann", 1, 2)]), budget=DINNER_BUDGET)
    if alone.deadlocks:
        return ("Not yet: a philosopher alone at the table, with forks 1 and 2, "
                "waited for ever: take each fork once, and put both down.")
    for problem in sorted(o for o in alone.outcomes if o != "everyone ate"):
        return "Not yet: alone at the table, %s. %s" % (problem, _dinner_hint(problem, alone=True))

    table = [("ann", 1, 2), ("bo", 2, 3), ("cy", 3, 1)]
    report = lab.explore(_dinner(philosopher, table), budget=DINNER_BUDGET)
    if report.deadlocks:
        return ("Not yet: %d of %d schedules of three philosophers deadlock: "
                "each holds one fork and waits for the next one's. Pick up the "
                "fork with the lower number first (fork.number)."
                % (report.deadlocks, report.schedules))
    for problem in sorted(o for o in report.outcomes if o != "everyone ate"):
        return ("Not yet: in %d of %d schedules of three philosophers, %s. %s"
                % (report.outcomes[problem], report.schedules, problem, _dinner_hint(problem, alone=False)))
    if not report.complete:
        return ("Not yet: the schedules of three philosophers did not run out "
                "within %d s: a philosopher that puts a fork down and tries "
                "again can go round and round for ever (a livelock). Wait for "
                "each fork instead, lower number first." % DINNER_BUDGET)
    return ("Right: in all %d schedules, each of the three philosophers ate "
            "once, holding both forks, and put them down." % report.schedules)


def _dinner_hint(problem, alone):
    if " raised " in problem:
        return "Your function takes the two forks and eat: philosopher(left, right, eat)."
    if "without holding" in problem:
        return "Call eat() only while you hold both forks."
    if "was left taken" in problem:
        return "Put both forks down after eating: a `with` block does it for you."
    if "ate 0 times" in problem and alone:
        return "Pick up both forks, then call eat() once."
    if "ate 0 times" in problem:
        return ("A philosopher that gives up (after a timeout) can starve: wait "
                "for each fork, and pick up the lower number first.")
    return "Call eat() exactly once."
