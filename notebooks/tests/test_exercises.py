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


if __name__ == "__main__":
    unittest.main(verbosity=2)
