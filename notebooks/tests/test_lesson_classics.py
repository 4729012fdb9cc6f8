"""Lesson 10, classic problems as puzzles: the notebook as stored, as executed, and its check.

As test_lesson_coordination.py does for lesson 6: static checks; the
lesson executed by nbconvert within BUDGET, its quoted numbers and table
rows compared with the seeded output; what it promises (an overdraft the
seeded runs miss and explore finds, the stepper's goal reachable, the
philosophers' cycle and the seatings that break it, a polite dinner that
never deadlocks yet starves Ann, and the fixes); and both checks of
checks.classics (check, check_dinner) given the model answer and wrong
ones, each of which must get its own reason.

    /usr/bin/python3 -m unittest -v notebooks/tests/test_lesson_classics.py
"""
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import lessontest  # noqa: E402
import nbtools  # noqa: E402
from lessontest import markdown_text  # noqa: E402
from nbtools import NOTEBOOKS  # noqa: E402

NAME = "10-classic-problems.ipynb"
BUDGET = 60  # seconds, kernel start-up included


def notebook():
    return nbtools.load(NOTEBOOKS / NAME)


class StoredLesson(lessontest.Stored, unittest.TestCase):
    NAME = NAME
    TITLE = "Lesson 10:"
    LINKED_FROM = ("00-index.ipynb", "09-free-threading.ipynb")
    CHECK_IMPORT = "from checks import classics"
    ANSWER_WORDS = ("lock", ">=")

    def test_confronts_the_misconceptions(self):
        text = markdown_text(notebook())
        self.assertRegex(text, r"(?m)^### \"A timeout fixes a deadlock\": it does not")
        self.assertIn("**Tested is not the same as correct.**", text)
        for term in ("**check-then-act**", "**livelock**", "**starving**"):
            self.assertIn(term, text)

    def test_three_puzzles(self):
        headings = re.findall(r"(?m)^## (Puzzle \d): ", markdown_text(notebook()))
        self.assertEqual(headings, ["Puzzle 1", "Puzzle 2", "Puzzle 3"])
        sources = ["".join(c["source"]) for c in notebook()["cells"] if c["cell_type"] == "code"]
        self.assertTrue(any("lab.stepper(two_withdrawals, goal=-60)" in s for s in sources))
        self.assertTrue(any("schedule=" in s for s in sources))



class ExecutedLesson(lessontest.Executed, unittest.TestCase):
    NAME = NAME
    BUDGET = BUDGET
    MIN_CLAIMS = 15
    MIN_ROWS = 16

    def test_overdraft_hides_from_runs_and_not_from_explore(self):
        self.assertIn("overdrawn in 0 of 20 seeded runs", self.text("overdraft-seeded"))
        self.assertRegex(self.text("explore-overdraft"), r"(?m)^-60: [1-9]")
        self.assertIn("-60", self.text("stepper-overdraft"))
        self.assertRegex(self.text("explore-locked-withdraw"), r"outcomes: \{20: \d+\}")

    def test_philosophers_deadlock_and_the_seatings(self):
        self.assertRegex(self.text("dinner-explore"), r"deadlocks: [1-9]")
        self.assertIn("deadlocks: 1", self.text("puzzle-seating"))
        seatings = dict(re.findall(r"(?m)^([a-z ]+): \d+ schedules, deadlocks: (\d+)", self.text("seatings")))
        self.assertEqual(seatings, {"nobody": "1", "cy": "0", "ann bo": "0", "ann bo cy": "1"})

    def test_polite_dinner_starves_without_deadlock(self):
        polite = self.text("explore-polite")
        self.assertRegex(polite, r"deadlocks: 0\b")
        self.assertRegex(polite, r"(?m)^hungry: ann: [1-9]")
        # Ann puts her fork down once per try: three tries, three releases.
        table = self.out("livelock").select("table.threadlab-trace")[0]
        ann = [nbtools.table_cell(table, step, "ann") for step in range(1, 22)]
        self.assertEqual(ann.count("release fork_a"), 3, ann)
        ordered = self.text("explore-ordered")
        self.assertRegex(ordered, r"deadlocks: 0\b")
        self.assertRegex(ordered, r"outcomes: \{'both ate': \d+\}")

    def test_exercise_says_right_and_wrong(self):
        self.assertIn("Not yet", self.text("exercise-check"))
        solution = self.text("exercise-solution")
        self.assertIn("Right", solution)
        self.assertNotIn("Not yet", solution)
        # The harder exercise starts from puzzle 3's polite philosopher, who starves.
        self.assertIn("ate 0 times", self.text("harder-check"))


def withdraw_with(body):
    """An answer cell: withdraw(account, amount) with the given body."""
    lines = ["def withdraw(account, amount):"] + ["    " + l for l in body.strip("\n").splitlines()]
    return "\n".join(lines) + "\nclassics.check(withdraw)"


MODEL = """
with account.lock:
    if account.balance >= amount:
        account.balance = account.balance - amount
        return True
    return False
"""

# (answer cell, text its output must contain)
ANSWERS = [
    (withdraw_with("""
if account.balance >= amount:
    account.balance = account.balance - amount
    return True
return False
"""), "never took account.lock"),
    (withdraw_with("""
if account.balance >= amount:
    with account.lock:
        account.balance = account.balance - amount
    return True
return False
"""), "not around the whole check-then-act"),
    (withdraw_with("""
account.lock.acquire()
if account.balance >= amount:
    account.balance = account.balance - amount
    account.lock.release()
    return True
return False
"""), "after withdrawing 150 from 100, account.lock is still taken"),
    (withdraw_with("""
account.lock.acquire()
if account.balance >= amount:
    account.balance = account.balance - amount
    return True
account.lock.release()
return False
"""), "after withdrawing 30 from 100, account.lock is still taken"),
    (withdraw_with("""
with account.lock:
    account.balance = account.balance - amount
    return True
"""), "withdrawing 150 from 100 was paid"),
    (withdraw_with(MODEL.replace(">=", ">")), "compare with >=, not >"),
    (withdraw_with("""
with account.lock:
    if account.balance >= amount:
        account.balance = account.balance - amount
"""), "returned None"),
    (withdraw_with("""
with account.lock:
    with account.lock:
        if account.balance >= amount:
            account.balance = account.balance - amount
            return True
        return False
"""), "which it already held"),
    ("classics.check(42)", "pass your function itself"),
    ("classics.check(lambda account: True)", "raised TypeError"),
    # After all the wrong tries, the model answer still passes: nothing
    # carries over from one try to the next.
    (withdraw_with(MODEL), "Right: "),
]




def philosopher_with(body):
    """An answer cell: philosopher(left, right, eat) with the given body."""
    lines = ["def philosopher(left, right, eat):"] + ["    " + l for l in body.strip("\n").splitlines()]
    return "\n".join(lines) + "\nclassics.check_dinner(philosopher)"


ORDERED = """
first, second = sorted((left, right), key=lambda fork: fork.number)
with first:
    with second:
        eat()
"""

POLITE = """
for attempt in range(3):
    with left:
        if right.acquire(timeout=0.1):
            eat()
            right.release()
            return
    time.sleep(0.1)
"""

DINNER_ANSWERS = [
    (philosopher_with("""
with left:
    with right:
        eat()
"""), "schedules of three philosophers deadlock"),
    (philosopher_with(POLITE), "ann ate 0 times. A philosopher that gives up"),
    # Retrying for ever never deadlocks and never gives up: the schedules
    # never run out, which the check reports as a livelock when its budget ends.
    (philosopher_with(POLITE.replace("for attempt in range(3):", "while True:")), "(a livelock)"),
    (philosopher_with("""
with left:
    eat()
"""), "ann ate without holding fork 2"),
    (philosopher_with("""
left.acquire()
right.acquire()
eat()
left.release()
"""), "fork 2 was left taken"),
    (philosopher_with(ORDERED.replace("eat()", "pass")), "Pick up both forks, then call eat() once"),
    (philosopher_with(ORDERED.replace("eat()", "eat()\n        eat()")), "ann ate 2 times"),
    ("classics.check_dinner('ann')", "pass your function itself"),
    ("classics.check_dinner(lambda left, right: None)", "raised TypeError"),
    (philosopher_with(ORDERED), "Right: "),
]


# The cell before the answers.
SETUP = "import threading, time\nfrom checks import classics"


@unittest.skipUnless(nbtools.kernelspec_installed("threadlab"),
                     "threadlab kernelspec not installed (make install)")
class ClassicsCheck(unittest.TestCase):
    def test_withdraw_answers_get_their_reason(self):
        lessontest.run_answers(self, SETUP, ANSWERS, "classics.check")

    def test_dinner_answers_get_their_reason(self):
        lessontest.run_answers(self, SETUP, DINNER_ANSWERS, "classics.check_dinner")

    def test_answers_are_distinct(self):
        lessontest.assert_distinct(self, ANSWERS)
        lessontest.assert_distinct(self, DINNER_ANSWERS)


if __name__ == "__main__":
    unittest.main(verbosity=2)
