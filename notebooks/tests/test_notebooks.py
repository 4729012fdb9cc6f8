"""Every lesson executed on the installed threadlab kernel and exported to HTML.

For each notebook: `jupyter nbconvert --execute --to html` into build/html/,
wall time printed next to its budget (and checked), then the page is checked
for what its lesson promises (interleaving tables, deadlock report, CPU
plots, exercise checks that say right and wrong), and every number quoted
in the prose is compared with the seeded output it comes from.

Static checks (no kernel needed): notebooks are stored without outputs, are
up to date with notebooks/build.py, and follow the lesson shape.

    /usr/bin/python3 -m unittest -v notebooks/tests/test_notebooks.py
    THREADLAB_HTML_ONLY=1 ... : use build/html as it is, do not execute
"""
import base64
import os
import re
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import nbtools  # noqa: E402
import pagechecks  # noqa: E402
from nbtools import LESSONS, NOTEBOOKS, HTML_DIR, BUDGET  # noqa: E402

SHAPE = ["Predict, then run", "Look closer", "Make it repeatable", "Fix it",
         "Exercise", "Recap"]
MAX_CODE_LINES = 15  # LESSONS.md: code cells under ~15 lines
# The exercise checkers are longer than a teaching cell; they are tools the
# learner runs, not code to study. An exercise's starting class is whole, so
# that the learner edits one cell.
LONG_CELL_TAGS = {"exercise-check", "exercise-start"}


# Cells whose output does not depend on the schedule: the executed lesson
# must show exactly what /usr/bin/python3 prints for the same cells.
SAME_AS_CPYTHON = {
    "00-index.ipynb": ["kernel-check"],
    "01-threads.ipynb": ["greeter", "auto-names", "tea-then-toast", "kitchen-timer"],
    "03-locks.ipynb": ["dead-holder-state", "lock-twice", "rlock"],
}
# What CPython needs of `lab` to run those lessons' cells up to the last
# compared one: seeds, switches and stops only change scheduling, a trace
# only shows it, and exploring is one plain run here (with no table).
LAB_STAND_IN = """\
class lab:
    def seed(n=None): pass
    def stop(): pass
    def switch_interval(steps=None): pass
    def trace(predict=False): pass
    def explore(fn, **options):
        report = type("Report", (), {})()
        report.outcomes, report.schedules, report.deadlocks = {fn(): 1}, 1, 0
        report.example = lambda outcome: None
        return report
"""
CELL_MARK = "=== threadlab cell %d ==="


def cpython_outputs(name, tags, stand_in=LAB_STAND_IN):
    """{tag: stdout} of a lesson's code cells, run on /usr/bin/python3 in
    order up to the last of `tags`, after stand_in (what CPython needs of
    lab), leaving out the CPU plots."""
    nb = nbtools.load(NOTEBOOKS / name)
    program, at = [stand_in], {}
    for i, cell in enumerate(nb["cells"]):
        tags_here = cell["metadata"].get("tags", [])
        if cell["cell_type"] != "code" or any(t.startswith("cpu-") for t in tags_here):
            continue
        program.append("print(%r)\n%s\n" % (CELL_MARK % i, "".join(cell["source"])))
        for tag in tags_here:
            at[tag] = i
        if set(tags) <= set(at):
            break
    proc = subprocess.run(["/usr/bin/python3", "-c", "\n".join(program)],
                          capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise AssertionError("CPython could not run %s:\n%s" % (name, proc.stderr[-3000:]))
    parts = re.split(r"=== threadlab cell (\d+) ===\n", proc.stdout)
    by_cell = {int(parts[k]): parts[k + 1] for k in range(1, len(parts), 2)}
    return {tag: by_cell[at[tag]] for tag in tags}


class StoredNotebooks(unittest.TestCase):
    """Checks on the .ipynb files as committed."""

    def test_stored_without_outputs(self):
        for name in LESSONS:
            nb = nbtools.load(NOTEBOOKS / name)
            self.assertEqual(nb["nbformat"], 4, name)
            spec = nb["metadata"]["kernelspec"]
            self.assertEqual((spec["name"], spec["language"]), ("threadlab", "python"), name)
            for i, cell in enumerate(nb["cells"]):
                if cell["cell_type"] == "code":
                    self.assertEqual(cell["outputs"], [], "%s cell %d has outputs" % (name, i))
                    self.assertIsNone(cell["execution_count"], "%s cell %d has a count" % (name, i))

    def test_valid_nbformat(self):
        import nbformat
        for name in LESSONS:
            nbformat.validate(nbformat.read(str(NOTEBOOKS / name), as_version=4))

    def test_generated_from_build_script(self):
        proc = subprocess.run([sys.executable, str(NOTEBOOKS / "build.py"), "--check"],
                              capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)

    def test_lesson_shape(self):
        for number, name in enumerate(LESSONS[1:], start=1):
            nb = nbtools.load(NOTEBOOKS / name)
            text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
            headings = re.findall(r"(?m)^#+ (.*)$", text)
            self.assertTrue(headings[0].startswith("Lesson %d:" % number), name)
            self.assertIn("**Prerequisites:**", text, name)
            for part in SHAPE:
                self.assertTrue(any(h.startswith(part) for h in headings),
                                "%s has no heading starting %r" % (name, part))
            if number < 5:
                self.assertIn("(%s)" % LESSONS[number + 1], text, name + " links the next lesson")
            tags = [t for c in nb["cells"] for t in c["metadata"].get("tags", [])]
            self.assertIn("exercise-check", tags, name)
            self.assertIn("exercise-solution", tags, name)

    def test_misconceptions_confronted(self):
        # LESSONS.md: each lesson confronts a misconception head on, in a
        # section of its own whose evidence is a seeded or explored cell.
        want = {
            "01-threads.ipynb": [r"The thread I start first runs first"],
            "02-race-conditions.ipynb": [r"It passed its tests, so it is correct",
                                         r"One statement is one atomic step"],
            "03-locks.ipynb": [r"This code has a lock, so the balance is safe"],
            "04-deadlock.ipynb": [r"Take out the sleep and the deadlock is gone"],
            "05-gil-and-cores.ipynb": [r"The GIL makes my code safe"],
        }
        for name, headings in want.items():
            nb = nbtools.load(NOTEBOOKS / name)
            text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
            for heading in headings:
                self.assertRegex(text, r'(?m)^### "%s": (it is not|it does not|not always)$' % heading, name)

    def test_code_cells_short(self):
        for name in LESSONS:
            nb = nbtools.load(NOTEBOOKS / name)
            for i, cell in enumerate(nb["cells"]):
                if cell["cell_type"] != "code":
                    continue
                if LONG_CELL_TAGS & set(cell["metadata"].get("tags", [])):
                    continue
                lines = [l for l in "".join(cell["source"]).splitlines() if l.strip()]
                self.assertLessEqual(len(lines), MAX_CODE_LINES,
                                     "%s cell %d has %d lines" % (name, i, len(lines)))

    def test_code_cells_are_python(self):
        # Every cell is Python 3.11 as CPython parses it.
        for name in LESSONS:
            nb = nbtools.load(NOTEBOOKS / name)
            for i, cell in enumerate(nb["cells"]):
                if cell["cell_type"] == "code":
                    try:
                        compile("".join(cell["source"]), "%s cell %d" % (name, i), "exec")
                    except SyntaxError as e:
                        self.fail("%s cell %d is not Python: %s" % (name, i, e))

    def test_no_starlark_left(self):
        # lab.shared went with Starlark: lessons share plain globals,
        # attributes and container items.
        for name in LESSONS:
            nb = nbtools.load(NOTEBOOKS / name)
            for i, cell in enumerate(nb["cells"]):
                source = "".join(cell["source"])
                for word in ("lab.shared", "Starlark", "fail("):
                    self.assertNotIn(word, source, "%s cell %d" % (name, i))

    def test_links_resolve(self):
        for name in LESSONS:
            nb = nbtools.load(NOTEBOOKS / name)
            for cell in nb["cells"]:
                for target in re.findall(r"\]\(([^)#:]+\.ipynb)\)", "".join(cell["source"])):
                    self.assertTrue((NOTEBOOKS / target).exists(), "%s links to %s" % (name, target))


def execute_all():
    """Execute every lesson once with nbconvert; return {name: seconds}."""
    HTML_DIR.mkdir(parents=True, exist_ok=True)
    times = {}
    print("\nexecuting lessons with jupyter nbconvert --execute --to html:", file=sys.stderr)
    for name in LESSONS:
        began = time.time()
        proc = subprocess.run(
            ["/usr/bin/python3", "-m", "nbconvert", "--execute", "--to", "html",
             "--ExecutePreprocessor.timeout=300",
             "--output-dir", str(HTML_DIR), str(NOTEBOOKS / name)],
            capture_output=True, text=True, env=nbtools.jupyter_env())
        took = time.time() - began
        times[name] = (took, proc)
        print("  %-26s %6.1f s  (budget %3d s)%s"
              % (name, took, BUDGET[name], "" if proc.returncode == 0 else "  FAILED"),
              file=sys.stderr)
    return times


@unittest.skipUnless(nbtools.kernelspec_installed("threadlab"),
                     "threadlab kernelspec not installed (make install)")
class ExecutedLessons(unittest.TestCase):
    """Each lesson executed top to bottom; checks on the exported HTML."""

    @classmethod
    def setUpClass(cls):
        if os.environ.get("THREADLAB_HTML_ONLY"):
            cls.runs = {}
        else:
            cls.runs = execute_all()
        cls.pages = {}

    def page(self, name):
        if name in self.runs:
            took, proc = self.runs[name]
            self.assertEqual(proc.returncode, 0, "%s did not execute:\n%s"
                             % (name, proc.stderr[-6000:]))
        if name not in self.pages:
            path = HTML_DIR / name.replace(".ipynb", ".html")
            self.assertTrue(path.exists(), path)
            self.pages[name] = nbtools.soup(path)
        return self.pages[name]

    def out(self, name, tag, index=0):
        cells = nbtools.cell_by_tag(self.page(name), tag)
        self.assertTrue(cells, "%s: no cell tagged %s in the HTML" % (name, tag))
        return cells[index]

    def text(self, name, tag):
        return nbtools.output_text(self.out(name, tag))

    # -- every lesson ---------------------------------------------------------
    def test_time_budgets(self):
        if not self.runs:
            self.skipTest("not executed")
        over = {n: round(t, 1) for n, (t, p) in self.runs.items() if t > BUDGET[n]}
        self.assertEqual(over, {}, "notebooks over their time budget")

    def test_every_lesson_executes(self):
        # nbconvert stops with an error on any cell that raises, unless the
        # cell is tagged raises-exception (only lesson 4's deadlock cell).
        for name in LESSONS:
            self.page(name)
        tagged = [n for n in LESSONS
                  if self.page(n).select("div.jp-CodeCell.celltag_raises-exception")]
        self.assertEqual(tagged, ["04-deadlock.ipynb"])

    def test_exercise_checks_say_right_and_wrong(self):
        for name in LESSONS[1:]:
            self.assertIn("Not yet", self.text(name, "exercise-check"), name)
            solution = self.text(name, "exercise-solution")
            self.assertIn("Right", solution, name)
            self.assertNotIn("Not yet", solution, name)

    def test_numbers_in_prose_match_output(self):
        checked = 0
        for name in LESSONS:
            nb = nbtools.load(NOTEBOOKS / name)
            for cell in nb["cells"]:
                for claim in cell["metadata"].get("threadlab", {}).get("claims", []):
                    source = "".join(cell["source"])
                    self.assertIn(claim["value"], source)
                    found = re.search(claim["pattern"], self.text(name, claim["tag"]))
                    self.assertTrue(found, "%s: %r not in the output of %s"
                                    % (name, claim["pattern"], claim["tag"]))
                    self.assertEqual(found.group(1), claim["value"],
                                     "%s: the prose says %s=%s but the output shows %s"
                                     % (name, claim["name"], claim["value"], found.group(1)))
                    checked += 1
        self.assertGreater(checked, 0)

    def test_table_rows_in_prose_match_output(self):
        checked = 0
        for name in LESSONS:
            nb = nbtools.load(NOTEBOOKS / name)
            for cell in nb["cells"]:
                source = "".join(cell["source"])
                for row in cell["metadata"].get("threadlab", {}).get("rows", []):
                    self.assertIn("`%s`" % row["thread"], source)
                    self.assertIn("tep %d" % row["step"], source)
                    tables = self.out(name, row["tag"]).select("table.threadlab-trace")
                    self.assertTrue(tables, "%s: no interleaving table in %s" % (name, row["tag"]))
                    got = nbtools.table_cell(tables[0], row["step"], row["thread"])
                    self.assertIsNotNone(got, "%s: step %d has no column %s" % (name, row["step"], row["thread"]))
                    self.assertIn(row["text"], got, "%s: the prose says step %d of %s is %r"
                                  % (name, row["step"], row["thread"], row["text"]))
                    checked += 1
        self.assertGreater(checked, 0)

    def test_plain_cells_print_what_cpython_prints(self):
        for name, tags in SAME_AS_CPYTHON.items():
            want = cpython_outputs(name, tags)
            for tag in tags:
                self.assertEqual(nbtools.squash(self.text(name, tag)), nbtools.squash(want[tag]),
                                 "%s: cell %s differs from CPython" % (name, tag))

    # -- what each lesson promises --------------------------------------------
    def test_01_threads(self):
        name = "01-threads.ipynb"
        page = self.page(name)
        whole = page.get_text()
        self.assertIn("MainThread", whole)
        self.assertIn("from greeter", whole)
        self.assertRegex(whole, r"names: Thread-\d+ \(greet\) and Thread-\d+ \(greet\)")
        lines = self.text(name, "unseeded-breakfast")
        self.assertEqual(lines.count("step"), 18)
        runs = [nbtools.squash(r) for r in self.text(name, "seeded-breakfast").split("---")]
        runs = [r for r in runs if r]
        self.assertEqual(len(runs), 3, runs)
        self.assertEqual(len(set(runs)), 1, "the same seed gave different output: %s" % runs)
        self.assertEqual(runs[0].count("step"), 6)

    def test_02_race_conditions(self):
        name = "02-race-conditions.ipynb"
        self.assertEqual(self.text(name, "first-deposit").split(), ["10"])  # "Two deposits of 5 make 10"
        # Switching by time shows three balances (most likely 0: the prose
        # says so, it is not a seeded figure), then the steps come back.
        self.assertRegex(self.text(name, "cpython-clock"), r"CPython's way: \[-?\d+, -?\d+, -?\d+\]")
        small = self.out(name, "small-race")
        self.assertTrue(small.select("table.threadlab-trace"), "no interleaving table after the small race")
        final = re.search(r"final balance: (-?\d+)", nbtools.output_text(small)).group(1)
        self.assertNotEqual(final, "0", "the small seeded race lost no update")
        self.assertTrue(small.select("table.threadlab-trace tr.lost"), "no lost update highlighted")
        first = re.search(r"first run: (-?\d+)", self.text(name, "seeded-race")).group(1)
        second = re.search(r"second run: (-?\d+)", self.text(name, "seeded-race")).group(1)
        self.assertEqual(first, second, "the seed did not replay the race")
        self.assertNotEqual(first, "0", "the seeded full-size race lost no update")
        outcomes = self.text(name, "explore-payday")
        for balance in ("-8", "0", "8"):
            self.assertRegex(outcomes, r"(?m)^%s: \d+" % balance)
        counter = self.out(name, "explore-minus8")
        self.assertTrue(counter.select("table.threadlab-trace"), "no counterexample table for -8")
        self.assertIn("{0:", nbtools.squash(self.text(name, "fix-apart")))
        self.assertRegex(self.text(name, "fix-apart"), r"full size: 0\b")
        # The outcome table's starting labels are all "?": the check asks
        # for a label for each of the five outcomes, and calls none right.
        table = self.text(name, "outcome-table-check")
        self.assertIn("Not yet: 5 of the 5 outcomes need another look.", table)
        self.assertEqual(table.count("write 'acceptable' or 'forbidden'"), 5, table)

    def test_03_locks(self):
        name = "03-locks.ipynb"
        self.assertIn("[0, 0, 0]", self.text(name, "locked-race"))
        self.assertTrue(self.out(name, "locked-trace").select("table.threadlab-trace"))
        self.assertRegex(self.text(name, "locked-trace"), r"final balance: 0\b")
        self.assertFalse(self.out(name, "locked-trace").select("table.threadlab-trace tr.lost"),
                         "a lost update with the lock held")
        self.assertRegex(self.text(name, "explore-locked"), r"outcomes: \{0: \d+\}")
        # Each function with a lock of its own: the update is still lost,
        # and the table shows it with both locks held.
        two = self.out(name, "explore-two-locks")
        self.assertRegex(nbtools.output_text(two), r"(?m)^-8: [1-9]")
        self.assertTrue(two.select("table.threadlab-trace tr.lost"), "no lost update with two locks")
        cost = self.text(name, "lock-cost")
        self.assertRegex(cost, r"without the lock: \d+ ms")
        self.assertRegex(cost, r"with the lock: +\d+ ms")
        # The thread's error is reported as CPython's excepthook does it.
        died = self.text(name, "dead-holder")
        self.assertIn("Exception in thread unlucky", died)
        self.assertIn("ValueError: not enough money", died)
        state = self.text(name, "dead-holder-state")
        self.assertIn("unlucky is alive: False", state)
        self.assertIn("guard is locked: True", state)
        self.assertIn("can anyone else get it? False", state)
        careful = self.text(name, "careful")
        self.assertIn("Exception in thread careful", careful)
        self.assertIn("guard is locked: False", careful)
        self.assertIn("second acquire of a Lock: False", self.text(name, "lock-twice"))
        self.assertIn("balance: 20 lock free: True", nbtools.squash(self.text(name, "rlock")))

    def test_04_deadlock(self):
        name = "04-deadlock.ipynb"
        # The report: a table of who holds what and waits for what, in a
        # cycle (the prose reads its columns), repeated in the error message.
        cell = self.out(name, "deadlock")
        tables = cell.select("table.threadlab-deadlock")
        self.assertTrue(tables, "no deadlock report table")
        rows = {}
        for tr in tables[0].select("tbody tr"):
            tds = [nbtools.squash(td.get_text(" ")) for td in tr.find_all("td")]
            rows[tds[0]] = tds[1:3]
        self.assertEqual(rows.get("alice-pays"), ["alice_lock", "bob_lock, held by bob-pays"], rows)
        self.assertEqual(rows.get("bob-pays"), ["bob_lock", "alice_lock, held by alice-pays"], rows)
        self.assertEqual(rows.get("MainThread"), ["nothing", "alice-pays to finish"], rows)
        report = nbtools.squash(self.text(name, "deadlock"))
        self.assertIn("DeadlockError", report)
        for holder, waiter in (("alice-pays", "bob-pays"), ("bob-pays", "alice-pays")):
            self.assertRegex(report, r"%s holds %s_lock and waits for %s_lock, held by %s \(line \d+\)"
                             % (holder, holder[:-5], waiter[:-5], waiter))
        self.assertIn("MainThread holds nothing and waits for alice-pays to finish", report)
        explored = self.text(name, "explore-deadlock")
        self.assertRegex(explored, r"deadlocks: [1-9]")
        # "Every other schedule ends with Alice at 110 and Bob at 90"
        self.assertRegex(explored, r"outcomes: \{\(110, 90\): \d+, 'deadlock': \d+\}")
        # Without the sleep every seeded run finishes, and the deadlock is
        # still one of the schedules.
        quick = self.text(name, "quick-transfers")
        self.assertIn("finished: 20 of 20 seeded runs", quick)
        self.assertRegex(quick, r"explore: [1-9]\d* of \d+ schedules deadlock")
        # "exactly as many as with the pause"
        paused = re.search(r"schedules: (\d+)\s+deadlocks: (\d+)", explored).groups()
        self.assertEqual(re.search(r"explore: (\d+) of (\d+)", quick).groups(), paused[::-1])
        self.assertFalse(self.out(name, "ordered").select("table.threadlab-deadlock"), "the ordered run deadlocked")
        self.assertIn("(110, 90)", self.text(name, "ordered"))
        ordered = self.text(name, "explore-ordered")
        self.assertIn("deadlocks: 0", ordered)
        self.assertRegex(ordered, r"outcomes: \{\(110, 90\): \d+\}")

    def test_05_gil_and_cores(self):
        name = "05-gil-and-cores.ipynb"
        for tag in ("cpu-gil", "cpu-nogil", "cpu-processes"):
            plots = self.out(name, tag).select("img.threadlab-cpu")
            self.assertTrue(plots, "%s: no CPU plot (img.threadlab-cpu)" % tag)
            src = plots[-1].get("src", "")
            self.assertTrue(src.startswith(pagechecks.SVG_PREFIX), "%s: the plot's img holds no SVG" % tag)
            svg = base64.b64decode(src[len(pagechecks.SVG_PREFIX):]).decode()
            self.assertIn("<polyline", svg, "%s: the CPU plot is empty in the HTML" % tag)
        summary = self.text(name, "cpu-summary")
        rows = re.findall(r"(threads, GIL on|threads, GIL off|processes): (\d+)% of \d+%, about (\d+) of"
                          r" (\d+) cores busy \(whole machine: (\d+)%\)", summary)
        self.assertEqual(len(rows), 3, summary)
        got = {label: (int(kernel), int(busy), int(cores), int(machine))
               for label, kernel, busy, cores, machine in rows}
        # With the GIL on, never more than about one core, however busy
        # the machine is.
        self.assertLessEqual(got["threads, GIL on"][1], 1, summary)
        for label, want in (("threads, GIL on", 1), ("threads, GIL off", None), ("processes", None)):
            kernel, busy, cores, machine = got[label]
            if cores < 2:
                continue
            others = machine - kernel
            if others > 50:
                # Another program held a core while the lesson measured
                # (the Go tests skip for the same reason): the figure says
                # nothing about threadlab, so only print it.
                print("\n  %s: other programs kept %d%% busy; check of the figure skipped"
                      % (label, others), file=sys.stderr)
                continue
            if want is not None:
                self.assertEqual(busy, want, summary)
            else:
                # every core, give or take one for a busy CI machine
                self.assertGreaterEqual(busy, max(2, cores - 1), summary)
        waited = re.search(r"took (\d+) ms", self.text(name, "io-threads"))
        self.assertLess(int(waited.group(1)), 1500, "the four waits did not overlap")


if __name__ == "__main__":
    unittest.main(verbosity=2)
