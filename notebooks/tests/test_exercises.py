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
        ("""def run_team(names):
    team = []
    for name in names:
        worker = threading.Thread(target=roll_call, args=(name,), name=name)
        worker.start()
        worker.join()
        team.append(worker)
    return team
check(run_team)""", "Almost: the threads ran one after another"),
        ("""def run_team(names):
    return [threading.Thread(target=roll_call, args=(n,), name=n) for n in names]
check(run_team)""", "was never started"),
        ("""def run_team(names):
    team = [threading.Thread(target=roll_call, args=(n,)) for n in names]
    for worker in team:
        worker.start()
    for worker in team:
        worker.join()
    return team
check(run_team)""", "pass name='ann'"),
        ("""def run_team(names):
    team = [threading.Thread(target=roll_call, args=(n,), name=n) for n in names]
    for worker in team:
        worker.start()
    return team
check(run_team)""", "still running when run_team returned"),
        ("""def run_team(names):
    team = [threading.Thread(target=print, args=(n,), name=n) for n in names]
    for worker in team:
        worker.start()
    for worker in team:
        worker.join()
    return team
check(run_team)""", "with target=roll_call"),
        ("check(lambda names: 1 / 0)", "raised ZeroDivisionError"),
        ("check(42)", "raised TypeError"),
        ("check(lambda names: [1, 2, 3])", "item 0 of the list is 1, not a thread"),
        ("check(lambda names: None)", "should return a list of 3 threads"),
    ],
    "02-race-conditions.ipynb": [
        ("check([15])", "Not yet: you missed [5, 10]"),
        ("check([0, 5, 10, 15])", "Not yet: [0] cannot happen"),
        ("check([5, 15])", "10: both read 0, and Bob wrote last"),
        ("check(15)", "give a list of numbers"),
        ("check(None)", "give a list of numbers"),
    ],
    "03-locks.ipynb": [
        ("check(add_tip)", "the jar ended with [5, 10, 15] coins"),
        ("""def leaky_add_tip(amount):
    global coins
    jar_lock.acquire()
    coins = coins + amount
check(leaky_add_tip)""", "jar_lock is still held after add_tip returned"),
        ("""def lock_elsewhere(amount):
    global coins
    seen = coins
    with jar_lock:
        coins = seen + amount
check(lock_elsewhere)""", "must both happen while the thread holds jar_lock"),
        ("""def forgetful(amount):
    with jar_lock:
        pass
check(forgetful)""", "left 0 coins in an empty jar, not 5"),
        ("check(lambda amount: 1 / 0)", "raised ZeroDivisionError"),
        ("""def twice(amount):
    global coins
    with jar_lock:
        with jar_lock:
            coins = coins + amount
check(twice)""", "add_tip(5) on its own raised DeadlockError"),
        ("check('add_tip')", "pass your function itself"),
    ],
    "04-deadlock.ipynb": [
        ("check(safe_bob_pays_alice)", "left them at (100, 100), not (120, 80)"),
        ("check(bob_pays_alice)", "schedules deadlock. Take alice_lock first"),
        ("""def no_release(amount):
    global alice, bob
    alice_lock.acquire()
    bob_lock.acquire()
    bob = bob - amount
    alice = alice + amount
check(no_release)""", "alice_lock and bob_lock is still taken. Release both locks"),
        ("""def outside(amount):
    global alice, bob
    paid = alice + amount
    with alice_lock:
        with bob_lock:
            bob = bob - amount
    alice = paid
check(outside)""", "should always be (110, 90)"),
        ("check(None)", "pass your function itself"),
        ("check(lambda: 0)", "raised TypeError"),
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
