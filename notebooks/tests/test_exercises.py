"""Every lesson's check(...) given wrong and odd answers on the threadlab kernel.

For each lesson, its code cells up to the exercise-check cell run in a
fresh kernel through nbclient; then each
answer below runs in a cell of its own, and its output must give the
reason (and never an error: a check does not crash on odd input).

    /usr/bin/python3 -m unittest -v notebooks/tests/test_exercises.py
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import nbtools  # noqa: E402
from nbtools import NOTEBOOKS  # noqa: E402

# lesson: [(answer cell, text its output must contain), ...]
ANSWERS = {
    "01-threads.ipynb": [
        ("""def run_team(names, job):
    team = []
    for name in names:
        worker = threading.Thread(target=job, args=(name,), name=name)
        worker.start()
        worker.join()
        team.append(worker)
    return team
threads.check(run_team)""", "Almost: the threads ran one after another"),
        ("""def run_team(names, job):
    return [threading.Thread(target=job, args=(n,), name=n) for n in names]
threads.check(run_team)""", "was never started"),
        ("""def run_team(names, job):
    team = [threading.Thread(target=job, args=(n,)) for n in names]
    for worker in team:
        worker.start()
    for worker in team:
        worker.join()
    return team
threads.check(run_team)""", "pass name='ann'"),
        ("""def run_team(names, job):
    team = [threading.Thread(target=job, args=(n,), name=n) for n in names]
    for worker in team:
        worker.start()
    return team
threads.check(run_team)""", "still running when run_team returned"),
        ("""def run_team(names, job):
    team = [threading.Thread(target=print, args=(n,), name=n) for n in names]
    for worker in team:
        worker.start()
    for worker in team:
        worker.join()
    return team
threads.check(run_team)""", "Give each thread target=job"),
        ("""def run_team(names, job):
    team = [threading.Thread(target=job(n), name=n) for n in names]
    for worker in team:
        worker.start()
    for worker in team:
        worker.join()
    return team
threads.check(run_team)""", "ran in the thread 'MainThread'"),
        ("threads.check(lambda names, job: 1 / 0)", "raised ZeroDivisionError"),
        ("threads.check(lambda names: [])", "raised TypeError"),
        ("threads.check(42)", "pass your function itself"),
        ("threads.check(lambda names, job: [1, 2, 3])", "item 0 of the list is 1, not a thread"),
        ("threads.check(lambda names, job: None)", "should return a list of 3 threads"),
    ],
    "02-race-conditions.ipynb": [
        ("races.check([15])", "Not yet: you missed [5, 10]"),
        ("races.check([0, 5, 10, 15])", "Not yet: [0] cannot happen"),
        ("races.check([5, 15])", "10: both read 0, and Bob wrote last"),
        ("races.check([10, 15])", "5: both read 0, and Alice wrote last"),
        ("races.check([])", "your list is empty"),
        ("races.check(15)", "pass your answer as a list of whole numbers"),
        ("races.check(None)", "pass your answer as a list of whole numbers"),
        ("races.check(['5', 10])", "pass your answer as a list of whole numbers"),
    ],
    "03-locks.ipynb": [
        ("locks.check(add_tip)", "add_tip never took jar.lock"),
        ("""def leaky_add_tip(jar, amount):
    jar.lock.acquire()
    jar.coins = jar.coins + amount
locks.check(leaky_add_tip)""", "jar.lock is still held after add_tip returned"),
        ("""def lock_elsewhere(jar, amount):
    seen = jar.coins
    with jar.lock:
        jar.coins = seen + amount
locks.check(lock_elsewhere)""", "must both happen while the thread holds jar.lock"),
        ("""def own_lock(jar, amount):
    with threading.Lock():
        jar.coins = jar.coins + amount
locks.check(own_lock)""", "add_tip never took jar.lock"),
        ("""def forgetful(jar, amount):
    with jar.lock:
        pass
locks.check(forgetful)""", "left 0 coins in an empty jar, not 5"),
        ("locks.check(lambda jar, amount: 1 / 0)", "raised ZeroDivisionError"),
        ("""def twice(jar, amount):
    with jar.lock:
        with jar.lock:
            jar.coins = jar.coins + amount
locks.check(twice)""", "took jar.lock while it held it already"),
        ("locks.check('add_tip')", "pass your function itself"),
    ],
    "04-deadlock.ipynb": [
        ("""def no_move(bank, amount):
    with bank.alice_lock:
        with bank.bob_lock:
            pass
deadlock.check(no_move)""", "left them at (100, 100), not (120, 80)"),
        ("""def reversed_order(bank, amount):
    with bank.bob_lock:
        with bank.alice_lock:
            bank.bob = bank.bob - amount
            bank.alice = bank.alice + amount
deadlock.check(reversed_order)""", "schedules deadlock. Take alice_lock first"),
        ("""def no_release(bank, amount):
    bank.alice_lock.acquire()
    bank.bob_lock.acquire()
    bank.bob = bank.bob - amount
    bank.alice = bank.alice + amount
deadlock.check(no_release)""", "alice_lock and bob_lock is still taken. Release both locks"),
        ("""def outside(bank, amount):
    paid = bank.alice + amount
    with bank.alice_lock:
        with bank.bob_lock:
            bank.bob = bank.bob - amount
    bank.alice = paid
deadlock.check(outside)""", "should always be (110, 90)"),
        ("deadlock.check(None)", "pass your function itself"),
        ("deadlock.check(lambda: 0)", "raised TypeError"),
        ("deadlock.check(bob_pays_alice)", "raised TypeError"),
    ],
    "05-gil-and-cores.ipynb": [
        ("check({'busy threads, GIL on': 'all'})", "Not yet: busy threads, GIL on -> 'all' is wrong"),
        ("check({'busy threads, GIL on': ' One '})", "Right: busy threads, GIL on -> one"),
        ("check(['one'])", "give a dictionary like my_answers"),
        ("check({'threads that only sleep, GIL on': 0})", "-> 0 is wrong"),
    ],
}


def cells_for(name, answers):
    """The lesson's code cells as a learner runs them, up to its check
    (without the cell that is meant to fail, the CPU plots and the
    steppers, which the check needs not), then the answers."""
    nb = nbtools.load(NOTEBOOKS / name)
    cells = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        tags = cell["metadata"].get("tags", [])
        if any(t == "raises-exception" or t.startswith(("cpu-", "stepper-")) for t in tags):
            continue
        cells.append("".join(cell["source"]))
        if "exercise-check" in tags:
            break
    return cells + [source for source, _ in answers]


# lesson: the submodule of the kernel's checks module its check cell uses.
CHECK_MODULES = {
    "01-threads.ipynb": "threads",
    "02-race-conditions.ipynb": "races",
    "03-locks.ipynb": "locks",
    "04-deadlock.ipynb": "deadlock",
}


class AnswersOutOfSight(unittest.TestCase):
    def test_check_cells_only_import_and_call(self):
        for name, module in CHECK_MODULES.items():
            with self.subTest(lesson=name):
                nb = nbtools.load(NOTEBOOKS / name)
                code = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
                self.assertFalse([c for c in code if "def check" in c], "a check defined in the notebook")
                checks = [c for c in code if "from checks import %s" % module in c]
                self.assertEqual(len(checks), 1, name)
                self.assertLessEqual(len(checks[0].splitlines()), 3, checks[0])


    def test_outcome_tables_give_no_labels_away(self):
        # The table's cell holds only "?"; the check cell imports and calls.
        for name in ("02-race-conditions.ipynb", "09-free-threading.ipynb"):
            with self.subTest(lesson=name):
                nb = nbtools.load(NOTEBOOKS / name)
                code = {}
                for cell in nb["cells"]:
                    if cell["cell_type"] == "code":
                        for tag in cell["metadata"].get("tags", []) or [None]:
                            code.setdefault(tag, []).append("".join(cell["source"]))
                check = code["outcome-table-check"]
                self.assertEqual(len(check), 1)
                self.assertIn("from checks import outcome_tables", check[0])
                self.assertLessEqual(len(check[0].splitlines()), 3, check[0])
                every = "\n".join(c for cells in code.values() for c in cells)
                self.assertNotIn('"acceptable"', every)
                self.assertNotIn('"forbidden"', every)


@unittest.skipUnless(nbtools.kernelspec_installed("threadlab"),
                     "threadlab kernelspec not installed (make install)")
class ExerciseChecks(unittest.TestCase):
    def run_cells(self, sources):
        import nbformat
        from nbclient import NotebookClient
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
        NotebookClient(nb, kernel_name="threadlab", timeout=120).execute()
        return nb.cells

    def test_wrong_answers_get_their_reason(self):
        for name, answers in ANSWERS.items():
            cells = self.run_cells(cells_for(name, answers))[-len(answers):]
            for cell, (source, want) in zip(cells, answers):
                with self.subTest(lesson=name, answer=source.splitlines()[-1]):
                    errors = [o for o in cell.outputs if o.output_type == "error"]
                    self.assertEqual(errors, [], "check crashed on %r" % source)
                    text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
                    self.assertIn(want, text, "answer %r" % source)
                    self.assertNotIn("Right: three", text)


# The outcome tables of lessons 2 and 9: (table, labels, texts the output
# must contain). Each table's model answer comes last, after every wrong try.
VISITS = {0: "forbidden", 1: "forbidden", 2: "acceptable", 3: "acceptable", 4: "acceptable"}
FLAGS = {(0, 0): "forbidden", (0, 1): "acceptable", (1, 0): "acceptable", (1, 1): "acceptable"}


def with_labels(model, changes):
    """The source of the model's labels with some changed (None: left out)."""
    labels = {o: changes.get(o, label) for o, label in model.items()}
    return repr({o: label for o, label in labels.items() if label is not None})


WRONG_WAY = "you said acceptable, but it is forbidden: no schedule ends this way - "
RIGHT_WAY = "you said forbidden, but it is acceptable: "

TABLE_ANSWERS = {
    "visits": [
        ("visits", with_labels(VISITS, {1: "acceptable"}), ("1: " + WRONG_WAY + "each visitor's second read",
                                                            "Hint: Follow the visitor who writes last")),
        ("visits", with_labels(VISITS, {0: "acceptable"}), ("0: " + WRONG_WAY + "every write stores",
                                                            "Hint: What is the smallest number")),
        ("visits", with_labels(VISITS, {2: "forbidden"}), ("2: " + RIGHT_WAY, "ann reads 0 and pauses",
                                                           "Hint: Let one visitor pause")),
        ("visits", with_labels(VISITS, {3: "forbidden"}), ("3: " + RIGHT_WAY, "so one visit is lost",
                                                           "Hint: Lose exactly one update")),
        ("visits", with_labels(VISITS, {4: "forbidden"}), ("4: " + RIGHT_WAY, "the visitors take turns",
                                                           "Hint: What happens when every read")),
        ("visits", with_labels(VISITS, {2: "maybe"}), ("2: you wrote 'maybe'; write 'acceptable' or 'forbidden'",)),
        ("visits", with_labels(VISITS, {3: None, 4: None}), ("3, 4 have no label yet",)),
        ("visits", "dict(%s, **{'5': 'forbidden'})" % with_labels(VISITS, {}), ("'5' is not in this table",)),
        ("visits", "[2, 3, 4]", ("pass your labels as a dictionary",)),
        ("visit", with_labels(VISITS, {}), ("pass your table's name first",)),
        ("visits", with_labels(VISITS, {0: " Forbidden "}), ("Right: every label matches what lab.explore found.",
                                                              "lab.explore ran")),
    ],
    "flags": [
        ("flags", with_labels(FLAGS, {(0, 0): "acceptable"}), ("(0, 0): " + WRONG_WAY + "whoever looks last",
                                                               "Hint: Order the four steps")),
        ("flags", with_labels(FLAGS, {(1, 1): "forbidden"}), ("(1, 1): " + RIGHT_WAY, "both raise their flags first",
                                                              "Hint: Let both writes come before both reads")),
        ("flags", with_labels(FLAGS, {(0, 1): "forbidden"}), ("(0, 1): " + RIGHT_WAY, "ann raises her flag",)),
        ("flags", with_labels(FLAGS, {(1, 0): "forbidden"}), ("(1, 0): " + RIGHT_WAY, "bob raises his flag",)),
        ("flags", "{o: 'forbidden' for o in %s}" % with_labels(FLAGS, {}), ("Not yet: 3 of the 4 outcomes need another look.",)),
        ("flags", "{str(o): l for o, l in %s.items()}" % with_labels(FLAGS, {}),
         ("'(0, 0)', '(0, 1)', '(1, 0)', '(1, 1)' are not in this table",)),
        ("flags", with_labels(FLAGS, {}), ("Right: every label matches what lab.explore found.",
                                           "with it off: the same outcomes either way.")),
    ],
}


@unittest.skipUnless(nbtools.kernelspec_installed("threadlab"),
                     "threadlab kernelspec not installed (make install)")
class OutcomeTableChecks(unittest.TestCase):
    def test_answers_get_their_reason(self):
        import nbformat
        from nbclient import NotebookClient
        tries = [t for answers in TABLE_ANSWERS.values() for t in answers]
        cells = ["from checks import outcome_tables"]
        cells += ["outcome_tables.check(%r, %s)" % (table, labels) for table, labels, _ in tries]
        cells += ["outcome_tables.check(None)", "print('GIL on:', lab.gil())"]
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(s) for s in cells]
        NotebookClient(nb, kernel_name="threadlab", timeout=120).execute()
        outputs = []
        for cell in nb.cells:
            self.assertEqual([o for o in cell.outputs if o.output_type == "error"], [], cell.source)
            outputs.append("".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream"))
        for text, source, (_, _, wants) in zip(outputs[1:], cells[1:], tries):
            with self.subTest(answer=source):
                for want in wants:
                    self.assertIn(want, text)
                self.assertEqual(text.count("Right: ") + text.count("Not yet: "), 1, text)
        self.assertIn("Not yet: pass your table's name first", outputs[-2])
        self.assertIn("GIL on: True", outputs[-1], "the flags check left the GIL off")

    def test_wrong_answers_are_distinct(self):
        for table, answers in TABLE_ANSWERS.items():
            wrong = [wants[0] for _, _, wants in answers if not wants[0].startswith("Right")]
            self.assertGreaterEqual(len(wrong), 5, table)
            self.assertEqual(len(set(wrong)), len(wrong), table)

    def test_the_checks_program_is_the_lessons(self):
        # The check explores a copy of the lesson's program (so that its
        # answers stay out of the notebook): the lesson's own program, run
        # in the notebook, must have the outcomes the model answer calls
        # acceptable.
        import nbformat
        from nbclient import NotebookClient
        for name, program, model, gil in (("02-race-conditions.ipynb", "two_visitors", VISITS, [True]),
                                          ("09-free-threading.ipynb", "both_look", FLAGS, [True, False])):
            with self.subTest(lesson=name):
                cells = []
                for cell in nbtools.load(NOTEBOOKS / name)["cells"]:
                    tags = cell["metadata"].get("tags", [])
                    if cell["cell_type"] != "code" or any(
                            t == "raises-exception" or t.startswith(("cpu-", "stepper-")) for t in tags):
                        continue
                    if "outcome-table-check" in tags:
                        break
                    cells.append("".join(cell["source"]))
                for on in gil:
                    cells.append("lab.gil(%s)\nprint(sorted(lab.explore(%s).outcomes))\nlab.gil(True)" % (on, program))
                nb = nbformat.v4.new_notebook()
                nb.cells = [nbformat.v4.new_code_cell(s) for s in cells]
                NotebookClient(nb, kernel_name="threadlab", timeout=120).execute()
                want = repr(sorted(o for o, label in model.items() if label == "acceptable"))
                for cell in nb.cells[-len(gil):]:
                    text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
                    self.assertEqual(text.strip(), want)


if __name__ == "__main__":
    unittest.main(verbosity=2)
