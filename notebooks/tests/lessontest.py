"""The checks every lesson with a test file of its own makes the same way.

A lesson's test file subclasses these mixins together with
unittest.TestCase and sets NAME (and the figures it promises):

    class StoredLesson(lessontest.Stored, unittest.TestCase):
        NAME = "06-coordination.ipynb"

Stored needs no kernel: the notebook is kept without outputs, its code
cells compile and stay short, and its links resolve. Executed runs the
lesson once with `jupyter nbconvert --execute --to html` into
build/html/ (printing its wall time, which must stay under BUDGET), then
compares every number and table row the prose quotes with the seeded
output beside it.
"""
import re
import subprocess
import sys
import time
import unittest

import nbtools
from nbtools import HTML_DIR, NOTEBOOKS


def markdown_text(nb):
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


# The headings LESSONS.md gives every lesson, in order.
SHAPE = ["Predict, then run", "Look closer", "Make it repeatable", "Fix it", "Exercise", "Recap"]


class Stored:
    NAME = None
    TITLE = None  # how the first heading starts: "Lesson 6:"
    MAX_CODE_LINES = 15
    LONG_CELL_TAGS = frozenset()  # cells allowed to be longer (a whole class the learner edits)
    LINKED_FROM = ()  # the notebooks that must link to this one (the index, the lesson before)
    CHECK_IMPORT = None  # what the exercise-check cell imports: "from checks import ..."
    ANSWER_WORDS = ()  # words of the answer that the check cell must not show

    def test_linked_from_the_index_and_the_lesson_before(self):
        for name in self.LINKED_FROM:
            self.assertIn("(%s)" % self.NAME, markdown_text(nbtools.load(NOTEBOOKS / name)), name)

    def test_check_answers_stay_out_of_the_notebook(self):
        # The exercise-check cell only imports and calls the check.
        checks = [c for c in self.notebook()["cells"] if "exercise-check" in c["metadata"].get("tags", [])]
        self.assertTrue(checks, "no exercise-check cell")
        for cell in checks:
            source = "".join(cell["source"])
            if self.CHECK_IMPORT:
                self.assertIn(self.CHECK_IMPORT, source)
            for word in self.ANSWER_WORDS:
                self.assertNotIn(word, source)

    def notebook(self):
        return nbtools.load(NOTEBOOKS / self.NAME)

    def test_shape(self):
        nb = self.notebook()
        text = markdown_text(nb)
        headings = re.findall(r"(?m)^#+ (.*)$", text)
        self.assertTrue(headings[0].startswith(self.TITLE), headings[0])
        self.assertIn("**Prerequisites:**", text)
        for part in SHAPE:
            self.assertTrue(any(h.startswith(part) for h in headings), "no heading %r" % part)
        tags = [t for c in nb["cells"] for t in c["metadata"].get("tags", [])]
        self.assertIn("exercise-check", tags)
        self.assertIn("exercise-solution", tags)

    def test_stored_without_outputs(self):
        for i, cell in enumerate(self.notebook()["cells"]):
            if cell["cell_type"] == "code":
                self.assertEqual(cell["outputs"], [], "cell %d has outputs" % i)
                self.assertIsNone(cell["execution_count"], "cell %d has a count" % i)

    def test_code_cells_short_and_python(self):
        for i, cell in enumerate(self.notebook()["cells"]):
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            compile(source, "cell %d" % i, "exec")
            if self.LONG_CELL_TAGS & set(cell["metadata"].get("tags", [])):
                continue
            lines = [l for l in source.splitlines() if l.strip()]
            self.assertLessEqual(len(lines), self.MAX_CODE_LINES, "cell %d has %d lines" % (i, len(lines)))

    def test_links_resolve(self):
        for cell in self.notebook()["cells"]:
            for target in re.findall(r"\]\(([^)#:]+\.ipynb)\)", "".join(cell["source"])):
                self.assertTrue((NOTEBOOKS / target).exists(), target)


@unittest.skipUnless(nbtools.kernelspec_installed("threadlab"),
                     "threadlab kernelspec not installed (make install)")
class Executed:
    NAME = None
    BUDGET = 60     # seconds, kernel start-up included
    MIN_CLAIMS = 5  # numbers the prose quotes, at the least
    MIN_ROWS = 0    # table rows the prose quotes, at the least

    @classmethod
    def setUpClass(cls):
        HTML_DIR.mkdir(parents=True, exist_ok=True)
        began = time.time()
        cls.proc = subprocess.run(
            ["/usr/bin/python3", "-m", "nbconvert", "--execute", "--to", "html",
             "--ExecutePreprocessor.timeout=300", "--output-dir", str(HTML_DIR),
             str(NOTEBOOKS / cls.NAME)],
            capture_output=True, text=True, env=nbtools.jupyter_env())
        cls.took = time.time() - began
        print("\n  %-26s %6.1f s  (budget %3d s)%s" % (cls.NAME, cls.took, cls.BUDGET,
              "" if cls.proc.returncode == 0 else "  FAILED"), file=sys.stderr)
        cls.page = None

    def setUp(self):
        self.assertEqual(self.proc.returncode, 0, "%s did not execute:\n%s" % (self.NAME, self.proc.stderr[-6000:]))
        if type(self).page is None:
            type(self).page = nbtools.soup(HTML_DIR / self.NAME.replace(".ipynb", ".html"))

    def out(self, tag):
        cells = nbtools.cell_by_tag(self.page, tag)
        self.assertTrue(cells, "no cell tagged %s in the HTML" % tag)
        return cells[0]

    def text(self, tag):
        return nbtools.output_text(self.out(tag))

    def test_time_budget(self):
        self.assertLess(self.took, self.BUDGET)

    def test_numbers_in_prose_match_output(self):
        checked = 0
        for cell in nbtools.load(NOTEBOOKS / self.NAME)["cells"]:
            for claim in cell["metadata"].get("threadlab", {}).get("claims", []):
                self.assertIn(claim["value"], "".join(cell["source"]))
                found = re.search(claim["pattern"], self.text(claim["tag"]))
                self.assertTrue(found, "%r not in the output of %s" % (claim["pattern"], claim["tag"]))
                self.assertEqual(found.group(1), claim["value"], "the prose says %s=%s but the output shows %s"
                                 % (claim["name"], claim["value"], found.group(1)))
                checked += 1
        self.assertGreaterEqual(checked, self.MIN_CLAIMS)

    def test_table_rows_in_prose_match_output(self):
        checked = 0
        for cell in nbtools.load(NOTEBOOKS / self.NAME)["cells"]:
            source = "".join(cell["source"])
            for row in cell["metadata"].get("threadlab", {}).get("rows", []):
                self.assertIn("`%s`" % row["thread"], source)
                self.assertIn("tep %d" % row["step"], source)
                tables = self.out(row["tag"]).select("table.threadlab-trace")
                self.assertTrue(tables, "no interleaving table in %s" % row["tag"])
                got = nbtools.table_cell(tables[0], row["step"], row["thread"])
                self.assertIsNotNone(got, "step %d has no column %s in %s" % (row["step"], row["thread"], row["tag"]))
                self.assertIn(row["text"], got, "the prose says step %d of %s is %r"
                              % (row["step"], row["thread"], row["text"]))
                checked += 1
        self.assertGreaterEqual(checked, self.MIN_ROWS)


def run_answers(test, setup, answers, what):
    """Run setup, then each answer of an exercise's check in a cell of its
    own, on one threadlab kernel (printing how long that took, what naming
    the check). answers: [(answer cell, text its output must contain)].
    Each output must give its reason (or Right:), once, and the check must
    never crash."""
    import nbformat
    from nbclient import NotebookClient
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in [setup] + [a for a, _ in answers]]
    began = time.time()
    NotebookClient(nb, kernel_name="threadlab", timeout=120).execute()
    print("\n  %s on %d answers: %.1f s" % (what, len(answers), time.time() - began), file=sys.stderr)
    for cell, (source, want) in zip(nb.cells[1:], answers):
        with test.subTest(answer=source, want=want):
            errors = [o for o in cell.outputs if o.output_type == "error"]
            test.assertEqual(errors, [], "the check crashed")
            text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            test.assertIn(want, text)
            test.assertEqual(text.count("Right: ") + text.count("Not yet: "), 1, text)


def assert_distinct(test, answers):
    """Each wrong answer of answers (as run_answers takes them) is a
    different mistake, with a different reason, and there are at least
    five."""
    wrong = [want for _, want in answers if not want.startswith("Right")]
    test.assertGreaterEqual(len(set(wrong)), 5)
    test.assertEqual(len(set(wrong)), len(wrong))
