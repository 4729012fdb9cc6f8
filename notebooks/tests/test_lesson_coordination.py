"""Lesson 6, coordination: the notebook as stored, as executed, and its check.

Static checks need no kernel. The executed checks run the lesson with
`jupyter nbconvert --execute --to html` into build/html/ (its wall time is
printed and must stay under BUDGET), then compare every number and table
row the prose quotes with the seeded output beside it and check what the
lesson promises: a waiting row, `if` failing where `while` does not, a lost
wakeup reported by name, a Semaphore's limit and a Barrier's order. The
check's tests give checks.bounded_buffer the model answer and wrong ones,
each of which must get its own reason.

    /usr/bin/python3 -m unittest -v notebooks/tests/test_lesson_coordination.py
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

NAME = "06-coordination.ipynb"
BUDGET = 60  # seconds, kernel start-up included
# The check runs the learner's tool; the exercise's class is whole so that
# the learner edits one cell.
LONG_CELL_TAGS = {"exercise-check", "exercise-start"}


def notebook():
    return nbtools.load(NOTEBOOKS / NAME)


class StoredLesson(lessontest.Stored, unittest.TestCase):
    NAME = NAME
    TITLE = "Lesson 6:"
    LONG_CELL_TAGS = LONG_CELL_TAGS
    LINKED_FROM = ("00-index.ipynb", "05-gil-and-cores.ipynb")
    CHECK_IMPORT = "from checks import bounded_buffer"
    ANSWER_WORDS = ("notify_all", "while")

    def test_confronts_the_misconception(self):
        text = markdown_text(notebook())
        self.assertRegex(text, r"(?m)^### .*`if` is enough around a wait")
        self.assertIn("`while`", text)


class ExecutedLesson(lessontest.Executed, unittest.TestCase):
    NAME = NAME
    BUDGET = BUDGET
    MIN_CLAIMS = 9
    MIN_ROWS = 13

    def test_event_wait_is_a_waiting_row(self):
        lines = [l for l in self.text("pie").splitlines() if l.strip()]
        self.assertEqual(lines, ["guest: sitting down", "cook: the pie is out of the oven", "guest: eating"])
        self.assertIn("waits for a notify of an Event", self.text("pie-trace"))

    def test_if_breaks_and_while_with_notify_all_does_not(self):
        broken = self.text("explore-if")
        self.assertIn("nothing: the shelf was empty", broken)
        self.assertNotRegex(broken, r"deadlocks: 0\b")
        fixed_half = self.text("explore-while")
        self.assertNotIn("nothing: the shelf was empty", fixed_half)
        self.assertNotRegex(fixed_half, r"deadlocks: 0\b")
        safe = self.text("explore-safe")
        self.assertRegex(safe, r"deadlocks: 0\b")
        endings = [l for l in re.findall(r"(?m)^(.+): \d+$", safe) if not l.startswith("schedules")]
        self.assertEqual(endings, ["plain and seeded"])

    def test_lost_wakeup_reported_by_name(self):
        text = nbtools.squash(self.text("seeded-if"))
        self.assertIn("lost wakeup", text)
        self.assertRegex(text, r"baker holds nothing and waits for a notify of a Condition")
        # ann's and ben's first waits, the baker's, and ben's second: each
        # has its row from when the waiter gave the lock up.
        self.assertEqual(self.text("example-deadlock").count("waits for a notify of a Condition"), 4)

    def test_lost_notify_puzzle(self):
        # The stepper's goal is reachable, and the schedule explore shows
        # leaves cat waiting for a notify that came before she waited.
        self.assertRegex(self.text("stepper-lost-notify"), r"cat waits for ever in: [1-9]")
        example = self.text("example-lost-notify")
        self.assertIn("waits for a notify of a Condition", example)
        self.assertIn("waits for cat to finish", example)

    def test_unseeded_runs_are_counted(self):
        # Real scheduling: any mix of endings, but twenty runs, none raised.
        counts = re.findall(r"'([^']+)': (\d+)", self.text("unseeded-bakery"))
        self.assertEqual(sum(int(n) for _, n in counts), 20, counts)

    def test_semaphore_and_barrier(self):
        self.assertRegex(self.text("chargers"), r"most charging at once: 2\b")
        lines = [l for l in self.text("barrier").splitlines() if l.strip()]
        arrived = [i for i, l in enumerate(lines) if l.endswith("is at the start line")]
        ran = [i for i, l in enumerate(lines) if l.endswith(" runs")]
        self.assertEqual((len(arrived), len(ran)), (3, 3), lines)
        self.assertLess(max(arrived), min(ran), lines)

    def test_exercise_says_right_and_wrong(self):
        self.assertIn("Not yet", self.text("exercise-check"))
        solution = self.text("exercise-solution")
        self.assertIn("Right", solution)
        self.assertNotIn("Not yet", solution)


def buffer_with(put_wait="while", get_wait="while", notify="notify_all", take="pop(0)",
                capacity_wait=True, locked=True):
    """The source of a Buffer class with the given choices (the model answer
    by default)."""
    put_check = "%s len(self.items) >= self.capacity:\n                self.changed.wait()\n" % put_wait
    put = ("    def put(self, item):\n        with self.changed:\n"
           + ("            " + put_check if capacity_wait else "")
           + "            self.items.append(item)\n"
           + ("            self.changed.%s()\n" % notify if notify else ""))
    if locked:
        get = ("    def get(self):\n        with self.changed:\n"
               "            %s not self.items:\n                self.changed.wait()\n"
               "            item = self.items.%s\n%s"
               "            return item\n" % (get_wait, take,
                                             "            self.changed.%s()\n" % notify if notify else ""))
    else:
        get = ("    def get(self):\n        %s not self.items:\n            self.changed.wait()\n"
               "        return self.items.%s\n" % (get_wait, take))
    return ("class Buffer:\n    def __init__(self, capacity):\n        self.items = []\n"
            "        self.capacity = capacity\n        self.changed = threading.Condition()\n"
            + put + get + "bounded_buffer.check(Buffer)")


SPINNING = """class Buffer:
    def __init__(self, capacity):
        self.items = []
        self.capacity = capacity
    def put(self, item):
        self.items.append(item)
    def get(self):
        while not self.items:
            pass
        return self.items.pop(0)
bounded_buffer.check(Buffer)"""

# (answer cell, text its output must contain)
ANSWERS = [
    (buffer_with(get_wait="if"), "put the wait in a `while` loop"),
    (buffer_with(notify="notify"), "(a lost wakeup)"),
    (buffer_with(notify=None), "waiting for a notify that never comes"),
    (buffer_with(capacity_wait=False), "took a second item while it was full"),
    (buffer_with(take="pop()"), "oldest item first"),
    (buffer_with(locked=False), "call them inside `with self.<condition>:`"),
    (SPINNING, "instead of waiting"),
    ("bounded_buffer.check(42)", "pass your class itself"),
    ("bounded_buffer.check(lambda: None)", "Buffer(2) raised TypeError"),
    ("class Buffer:\n    def __init__(self, capacity):\n        pass\nbounded_buffer.check(Buffer)",
     "needs a method put()"),
    # After all the wrong tries, the model answer still passes: nothing
    # carries over from one try to the next.
    (buffer_with(), "Right: "),
]


@unittest.skipUnless(nbtools.kernelspec_installed("threadlab"),
                     "threadlab kernelspec not installed (make install)")
class BoundedBufferCheck(unittest.TestCase):
    def test_answers_get_their_reason(self):
        lessontest.run_answers(self, "import threading\nfrom checks import bounded_buffer", ANSWERS,
                               "bounded_buffer.check")

    def test_answers_are_distinct(self):
        lessontest.assert_distinct(self, ANSWERS)


if __name__ == "__main__":
    unittest.main(verbosity=2)
