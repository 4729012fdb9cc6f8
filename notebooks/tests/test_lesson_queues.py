"""Lesson 7, producer and consumer: the notebook as stored, as executed, and its check.

As test_lesson_coordination.py does for lesson 6: static checks; the
lesson executed by nbconvert within BUDGET, its quoted numbers and table
rows compared with the seeded output; what it promises (a Queue closing
with a sentinel per worker, deadlocking with one too few, the empty()
race); and checks.queue_workers given the model answer and wrong ones.

    /usr/bin/python3 -m unittest -v notebooks/tests/test_lesson_queues.py
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import lessontest  # noqa: E402
import nbtools  # noqa: E402
from lessontest import markdown_text  # noqa: E402
from nbtools import NOTEBOOKS  # noqa: E402

NAME = "07-producer-consumer.ipynb"
BUDGET = 60  # seconds, kernel start-up included
LONG_CELL_TAGS = {"exercise-check"}


def notebook():
    return nbtools.load(NOTEBOOKS / NAME)


class StoredLesson(lessontest.Stored, unittest.TestCase):
    NAME = NAME
    TITLE = "Lesson 7:"
    LONG_CELL_TAGS = LONG_CELL_TAGS
    LINKED_FROM = ("00-index.ipynb", "06-coordination.ipynb")
    CHECK_IMPORT = "from checks import queue_workers"
    ANSWER_WORDS = ("task_done",)

    def test_confronts_the_misconception(self):
        text = markdown_text(notebook())
        self.assertRegex(text, r"(?m)^### .*I can check `empty\(\)` first")


class ExecutedLesson(lessontest.Executed, unittest.TestCase):
    NAME = NAME
    BUDGET = BUDGET
    MIN_CLAIMS = 5
    MIN_ROWS = 4

    def test_kitchen_closes_and_one_chef_cooked_all(self):
        lines = [l for l in self.text("kitchen").splitlines() if l.strip()]
        cooks = [l.split()[0] for l in lines if " cooks " in l]
        self.assertEqual(len(cooks), 3, lines)
        self.assertEqual(set(cooks), {"jo"}, "the prose says jo cooked all three")
        self.assertIn("'closed'", lines[-1])

    def test_sentinels_and_the_empty_race(self):
        self.assertNotIn("closed", self.text("explore-one-sentinel"))
        self.assertRegex(self.text("explore-two-sentinels"), r"deadlocks: 0\b")
        self.assertNotIn("deadlock:", self.text("explore-two-sentinels"))
        self.assertRegex(self.text("explore-hasty"), r"(?m)^closed: \d+")
        self.assertRegex(self.text("explore-hasty"), r"(?m)^deadlock: \d+")

    def test_exercise_says_right_and_wrong(self):
        self.assertIn("Not yet", self.text("exercise-check"))
        solution = self.text("exercise-solution")
        self.assertIn("Right", solution)
        self.assertNotIn("Not yet", solution)


def worker(body):
    return "def squarer(tasks, results):\n" + body + "queue_workers.check(squarer)"


MODEL = worker("""    while True:
        number = tasks.get()
        if number is None:
            tasks.task_done()
            return
        results.put(number * number)
        tasks.task_done()
""")

# (answer cell, text its output must contain)
ANSWERS = [
    (worker("""    while True:
        number = tasks.get()
        if number is None:
            return
        results.put(number * number)
"""), "called task_done() for 0 of them"),
    (worker("""    while True:
        number = tasks.get()
        if number is None:
            return
        results.put(number * number)
        tasks.task_done()
"""), "called task_done() for 1 of them"),
    (worker("""    while True:
        number = tasks.get()
        tasks.task_done()
        if number is None:
            continue
        results.put(number * number)
"""), "went on waiting for more work"),
    (worker("""    while True:
        number = tasks.get()
        results.put(number * number)
        tasks.task_done()
"""), "used the sentinel None as a number"),
    (worker("""    number = tasks.get()
    results.put(number * number)
    tasks.task_done()
"""), "returned after 1 of the 2 items"),
    (worker("""    while True:
        number = tasks.get()
        if number is None:
            tasks.task_done()
            return
        results.put(number + number)
        tasks.task_done()
"""), "results held [6], not [9]"),
    (worker("""    while True:
        try:
            number = tasks.get_nowait()
        except queue.Empty:
            continue
        if number is None:
            tasks.task_done()
            return
        results.put(number * number)
        tasks.task_done()
"""), "instead of waiting"),
    ("queue_workers.check(42)", "pass your function itself"),
    ("queue_workers.check(lambda: 0)", "takes 0 positional arguments"),
    # After the wrong tries the model answer still passes.
    (MODEL, "Right: "),
]


@unittest.skipUnless(nbtools.kernelspec_installed("threadlab"),
                     "threadlab kernelspec not installed (make install)")
class QueueWorkersCheck(unittest.TestCase):
    def test_answers_get_their_reason(self):
        lessontest.run_answers(self, "import queue, threading\nfrom checks import queue_workers", ANSWERS,
                               "queue_workers.check")

    def test_answers_are_distinct(self):
        lessontest.assert_distinct(self, ANSWERS)


if __name__ == "__main__":
    unittest.main(verbosity=2)
