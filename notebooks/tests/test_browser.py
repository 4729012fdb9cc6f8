"""Every lesson, in English and in Chinese, in the classic Notebook, driven
in headless Chromium.

Starts Debian's jupyter-notebook on a copy of notebooks/, opens each lesson
found in notebooks/ and notebooks/zh/ in Debian's chromium through
chromedriver (python3-selenium), does Kernel -> Restart & Run All, and
waits, on the page's own kernel events, until every code cell has its
reply and its output. For each lesson it asserts in the page:
  - every code cell ran: none aborted, none left without a reply;
  - only cells tagged raises-exception show an error, and they do, with
    a traceback (the classic Notebook runs such a cell without
    stop_on_error, so Run All goes on past it);
  - every tagged cell (the cells the lessons' tests read) shows output;
  - what the lab calls draw is drawn where they are called: an
    interleaving table after lab.trace() and report.example(...), the
    stepper after lab.stepper(...), a CPU plot after lab.cpu(...);
  - the exercise's check says "Not yet" to the starting code and "Right"
    to the model answer;
  - the tables are readable (left-aligned, no event on two lines) and the
    plots render, and each lesson's own figures (LESSON_CHECKS);
  - a Chinese lesson's title is Chinese, drawn with a CJK font.
A screenshot of each lesson goes to build/screenshots/.

The harness proves itself first on a small notebook run by ipykernel
(kernelspec python3), so a failure there is the harness's, not threadlab's.

    make test-browser
    /usr/bin/python3 -m unittest -v notebooks/tests/test_browser.py
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(__file__))
import browser  # noqa: E402
import nbtools  # noqa: E402
import pagechecks  # noqa: E402

from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

OUTPUTS = "#notebook-container .output_area"
# Seconds for Restart & Run All of one notebook, on a loaded machine.
RUN_DEADLINE = 240
HAN = re.compile(r"[\u4e00-\u9fff]")

# What a lab call draws, found in a code cell's source: (pattern, CSS
# selector under the cell's outputs, what it is).
DRAWN = (
    (re.compile(r"(?m)^lab\.trace\(\)\s*$"), "table.threadlab-trace", "an interleaving table"),
    (re.compile(r"\.example\("), "table.threadlab-trace", "a counterexample's table"),
    (re.compile(r"\blab\.stepper\("), ".threadlab-stepper", "the stepper"),
    (re.compile(r"\blab\.cpu\("), "img.threadlab-cpu", "a CPU plot"),
)

# Tags of cells that only define (the class the learner edits).
QUIET_TAGS = {"exercise-start"}


def lessons():
    """Every lesson notebook, English then Chinese, as the directory has them."""
    english = sorted(p.name for p in nbtools.NOTEBOOKS.glob("*.ipynb"))
    chinese = sorted("zh/" + p.name for p in (nbtools.NOTEBOOKS / "zh").glob("*.ipynb"))
    return english + chinese


def lesson_of(name):
    """The lesson's file name without its language folder: zh/02-x.ipynb -> 02-x.ipynb."""
    return os.path.basename(name)


# Runs once the page has loaded: the notebook and its kernel are there.
READY_JS = r"""
var nb = window.Jupyter && Jupyter.notebook;
return !!(nb && nb._fully_loaded && nb.kernel && nb.kernel.is_connected());
"""

# Kernel -> Restart & Run All, then calls back when every code cell has its
# shell reply and its kernel-idle status (after which no more output of it
# arrives), and every image in the outputs has decoded. The run's progress
# stays in window.__threadlabRun for a timed-out test to report.
RUN_ALL_JS = r"""
var done = arguments[arguments.length - 1];
var nb = Jupyter.notebook, events = nb.events;
var run = window.__threadlabRun = {replies: {}, idle: {}, ids: null, began: Date.now()};
function finish(result) {
    events.off('shell_reply.Kernel', onReply);
    events.off('finished_iopub.Kernel', onIdle);
    done(result);
}
function settle() {
    if (!run.ids) { return; }
    var waiting = run.ids.filter(function (id) { return id && !(run.replies[id] && run.idle[id]); });
    if (waiting.length) { return; }
    var took = Date.now() - run.began;
    var imgs = document.querySelectorAll('#notebook-container .output_area img');
    Promise.all(Array.prototype.map.call(imgs, function (img) {
        return img.decode().catch(function () { return null; });
    })).then(function () {
        requestAnimationFrame(function () {
            finish({ms: took, statuses: run.ids.map(function (id) { return id ? run.replies[id] : 'empty'; })});
        });
    });
}
function onReply(e, d) { run.replies[d.reply.parent_header.msg_id] = d.reply.content.status; settle(); }
function onIdle(e, d) { run.idle[d.msg_id] = true; settle(); }
events.on('shell_reply.Kernel', onReply);
events.on('finished_iopub.Kernel', onIdle);
// restart_run_all's promise settles after it has sent every cell.
nb.restart_run_all({confirm: false}).then(function () {
    run.ids = nb.get_cells().filter(function (c) { return c.cell_type === 'code'; })
        .map(function (c) { return c.last_msg_id; });
    settle();
}, function (err) { finish({error: 'the restart failed: ' + err}); });
"""

# Each code cell as the page holds it: tags, prompt, outputs' types and
# error names, its outputs' text, and how many of each selector it draws.
CELLS_JS = r"""
var selectors = arguments[0];
return Jupyter.notebook.get_cells().filter(function (c) { return c.cell_type === 'code'; })
    .map(function (c) {
        var area = c.output_area.element[0];
        var drawn = {};
        selectors.forEach(function (s) {
            drawn[s] = Array.prototype.filter.call(area.querySelectorAll(s),
                function (e) { return e.offsetParent !== null; }).length;
        });
        return {
            index: Jupyter.notebook.find_cell_index(c),
            tags: (c.metadata && c.metadata.tags) || [],
            prompt: c.input_prompt_number === undefined ? null : c.input_prompt_number,
            running: c.element.hasClass('running'),
            outputs: c.output_area.outputs.map(function (o) {
                return {type: o.output_type, ename: o.ename || null, evalue: o.evalue ? String(o.evalue).slice(0, 300) : null,
                        traceback: (o.traceback || []).length};
            }),
            text: area.innerText,
            drawn: drawn
        };
    });
"""

# Scrolls an element into the middle of the window and calls back once
# the page has drawn a frame since.
SCROLL_JS = r"""
var done = arguments[arguments.length - 1];
arguments[0].scrollIntoView({block: 'center'});
requestAnimationFrame(function () { requestAnimationFrame(function () { done(true); }); });
"""


def harness_notebook():
    """A notebook for ipykernel that emits the same kinds of rich output,
    and an error in a cell tagged raises-exception that Run All goes past."""
    def cell(src, tags=()):
        return {"cell_type": "code", "execution_count": None, "outputs": [], "source": src,
                "metadata": {"tags": list(tags)} if tags else {}}
    return {
        "cells": [
            cell("import time\nprint('hello from ipykernel')", ["hello"]),
            cell("from IPython.display import HTML, SVG, display\n"
                 "display(HTML('<table class=\"threadlab-trace\"><tr><td>saver</td>"
                 "<td>read balance 0</td></tr></table>'))"),
            cell("1 // 0", ["raises-exception"]),
            cell("time.sleep(1)\n"
                 "import base64\n"
                 "svg = ('<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"150\">"
                 "<rect width=\"200\" height=\"150\" fill=\"white\"/><polyline points=\"0,40 100,10 200,10\" "
                 "stroke=\"black\" fill=\"none\"/></svg>')\n"
                 "HTML('<img class=\"threadlab-cpu\" src=\"data:image/svg+xml;base64,%s\">'"
                 " % base64.b64encode(svg.encode()).decode())"),
        ],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}},
        "nbformat": 4, "nbformat_minor": 4,
    }


def stop_notebook():
    """A threadlab notebook whose second cell raises without the
    raises-exception tag: Run All must stop there (the classic Notebook
    sends it with stop_on_error) and the kernel abort the cells after it."""
    def cell(src, tags=()):
        return {"cell_type": "code", "execution_count": None, "outputs": [], "source": src,
                "metadata": {"tags": list(tags)} if tags else {}}
    return {
        "cells": [cell("print('before')"), cell("[1, 2][5]"), cell("print('after')"),
                  cell("1 // 0", ["raises-exception"])],
        "metadata": {"kernelspec": {"name": "threadlab", "display_name": "threadlab",
                                    "language": "python"}},
        "nbformat": 4, "nbformat_minor": 4,
    }


class NotebookPage(unittest.TestCase):
    """Debian's jupyter-notebook on a copy of notebooks/, and one headless
    Chromium, shared by every notebook a test class runs."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="threadlab-browser-")
        cls.root = os.path.join(cls.tmp, "notebooks")
        shutil.copytree(nbtools.NOTEBOOKS, cls.root,
                        ignore=shutil.ignore_patterns("tests", "__pycache__", "*.py"))
        nbtools.SCREENSHOTS.mkdir(parents=True, exist_ok=True)

        cls.port = nbtools.free_port()
        cls.token = "threadlab-test-" + str(os.getpid())
        cls.log = open(os.path.join(cls.tmp, "notebook.log"), "w")
        cls.base = "http://127.0.0.1:%d" % cls.port
        cls.driver = None
        cls.server = browser.start_server(
            ["/usr/bin/python3", "-m", "notebook", "--no-browser", "--allow-root",
             "--ip=127.0.0.1", "--port=%d" % cls.port, "--port-retries=0",
             "--NotebookApp.token=" + cls.token,
             "--notebook-dir=" + cls.root], cls.root, cls.log)
        try:
            browser.wait_serving(cls.base, cls.token, cls.server, cls.server_log, "jupyter notebook")
            cls.driver = browser.chromium(os.path.join(cls.tmp, "chromium-profile"))
        except Exception:
            cls.tearDownClass()
            raise

    @classmethod
    def server_log(cls):
        cls.log.flush()
        with open(cls.log.name) as f:
            return f.read()[-4000:]

    @classmethod
    def tearDownClass(cls):
        browser.stop(getattr(cls, "driver", None), getattr(cls, "server", None),
                     "%s/api/shutdown?token=%s" % (cls.base, cls.token))
        if getattr(cls, "log", None):
            cls.log.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    # -- helpers --------------------------------------------------------------
    def open(self, name):
        """Load a notebook's page and wait until its kernel is connected.
        A load that times out is tried once more: under heavy load
        chromedriver gives up on a busy renderer ("Timed out receiving
        message from renderer") though nothing is wrong with the page."""
        url = "%s/notebooks/%s?token=%s" % (self.base, name, self.token)
        for attempt in (1, 2):
            try:
                self.driver.get(url)
                WebDriverWait(self.driver, 90, poll_frequency=0.2).until(lambda d: d.execute_script(READY_JS))
                return
            except TimeoutException as e:
                if attempt == 2:
                    self.fail("the page of %s never had a connected kernel (%s)\nserver log:\n%s"
                              % (name, e.msg, self.server_log()))
                print("\n  %s: the page did not load in time (%s); loading it again" % (name, e.msg),
                      file=sys.stderr)

    def execute(self, name, deadline=RUN_DEADLINE):
        """Open a notebook, Restart & Run All, and wait until every code cell
        has its reply and output. Returns each code cell's reply status
        (ok, error, aborted) and the page's code cells (CELLS_JS).
        A run that misses its deadline is tried once more from a fresh
        page, so one slow moment on a loaded machine is not a failure; a
        kernel that hangs misses both."""
        for attempt in (1, 2):
            self.open(name)
            self.driver.set_script_timeout(deadline)
            try:
                result = self.driver.execute_async_script(RUN_ALL_JS)
                break
            except TimeoutException:
                progress = self.driver.execute_script("return window.__threadlabRun;")
                if attempt == 2:
                    self.fail("Restart & Run All of %s did not finish in %d s, twice: %s\nserver log:\n%s"
                              % (name, deadline, progress, self.server_log()))
                print("\n  %s: Restart & Run All did not finish in %d s (%s); running it again"
                      % (name, deadline, progress), file=sys.stderr)
                self.shutdown_kernel()
            finally:
                self.driver.set_script_timeout(30)
        self.assertNotIn("error", result, name)
        cells = self.cells()
        print("\n  %s: Restart & Run All took %.1f s, %d code cells"
              % (name, result["ms"] / 1000, len(cells)), file=sys.stderr)
        self.assertEqual(len(result["statuses"]), len(cells), name)
        return result["statuses"], cells

    def run_all(self, name, deadline=RUN_DEADLINE):
        """execute(), then fail on a cell that raised unless it is tagged
        raises-exception, and on a cell that was aborted or never ran.
        Returns the page's code cells."""
        statuses, cells = self.execute(name, deadline)
        for cell, status in zip(cells, statuses):
            where = "%s cell %d %s" % (name, cell["index"], cell["tags"])
            errors = ["%s: %s" % (o["ename"], o["evalue"]) for o in cell["outputs"] if o["type"] == "error"]
            self.assertNotIn(status, ("aborted", None), where + " never ran")
            self.assertFalse(cell["running"], where + " is still running")
            if "raises-exception" in cell["tags"]:
                self.assertEqual(status, "error", where + " was to raise")
                self.assertTrue(errors, where + " shows no error")
                self.assertTrue(all(o["traceback"] for o in cell["outputs"] if o["type"] == "error"),
                                where + ": an error without a traceback")
            else:
                self.assertEqual((status, errors), ("ok", []), where + " raised")
            self.assertIsInstance(cell["prompt"], int, where + " has no execution count")
        return cells

    def cells(self):
        return self.driver.execute_script(CELLS_JS, sorted({css for _, css, _ in DRAWN}))

    def page_text(self):
        return self.driver.find_element(By.ID, "notebook").text

    def shoot(self, element, filename):
        self.driver.execute_async_script(SCROLL_JS, element)
        path = nbtools.SCREENSHOTS / filename
        self.assertTrue(self.driver.save_screenshot(str(path)), "screenshot " + filename)
        print("  screenshot:", path.relative_to(nbtools.REPO), file=sys.stderr)

    def displayed(self, css):
        return [e for e in self.driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]

    def rendered(self, css):
        """The drawn elements matching css in the cells' outputs."""
        return self.displayed(OUTPUTS + " " + css)

    def shutdown_kernel(self):
        """Shut the page's kernel down, so the lessons' kernels do not pile up."""
        kernel = self.driver.execute_script(
            "var nb = window.Jupyter && Jupyter.notebook; return nb && nb.kernel ? nb.kernel.id : null;")
        if kernel is None:
            return  # the page never started one; the test has failed already
        request = urllib.request.Request("%s/api/kernels/%s?token=%s" % (self.base, kernel, self.token),
                                         method="DELETE")
        with urllib.request.urlopen(request, timeout=30) as reply:
            self.assertEqual(reply.status, 204)


# -- what each lesson shows besides what every lesson must ---------------------
def check_race_table(test, name):
    tables = test.rendered("table.threadlab-trace")
    test.assertTrue(tables, name + ": no interleaving table")
    rows = tables[0].find_elements(By.CSS_SELECTOR, "tr")
    test.assertGreater(len(rows), 3, name + ": the interleaving table has too few rows")
    test.assertIn("saver", tables[0].text)
    test.assertIn("spender", tables[0].text)


def check_deadlock_report(test, name):
    report = test.rendered("table.threadlab-deadlock")
    test.assertTrue(report, name + ": no deadlock report (table.threadlab-deadlock)")
    test.assertIn("alice-pays", report[0].text)
    test.assertIn("DeadlockError", test.page_text())


def check_plots(at_least):
    def check(test, name):
        pagechecks.assert_plots_render(test, pagechecks.plots(test.driver, OUTPUTS), name, at_least=at_least)
    return check


def check_text(*wants):
    def check(test, name):
        text = test.page_text()
        for want in wants:
            test.assertIn(want, text, name)
    return check


def check_dinner(test, name):
    tables = test.rendered("table.threadlab-trace")
    test.assertIn("waits for fork_a, held by ann", "\n".join(t.text for t in tables), name)
    test.assertIn("Right: in all", test.page_text(), name)


def check_index(test, name):
    page = test.driver.find_element(By.ID, "notebook")
    links = [a.get_attribute("href") or "" for a in page.find_elements(By.CSS_SELECTOR, ".text_cell_render a")]
    folder = os.path.dirname(name)
    for lesson in lessons():
        if lesson != name and os.path.dirname(lesson) == folder and lesson_of(lesson) != "00-index.ipynb":
            test.assertTrue(any(l.endswith("/" + lesson) for l in links), "%s does not link %s: %s"
                            % (name, lesson, links))
    if folder == "zh":
        test.assertIn("亲眼看见并发", page.text)


# By lesson file, in either language: (what it checks, what to photograph;
# None: the first of the lab's drawings, else the first output).
LESSON_CHECKS = {
    "00-index.ipynb": ((check_index,), ".text_cell_render"),
    "01-threads.ipynb": ((check_text("MainThread", "hello Ada from greeter"),), None),
    "02-race-conditions.ipynb": ((check_race_table,), OUTPUTS + " table.threadlab-trace"),
    "03-locks.ipynb": ((check_text("Exception in thread unlucky", "ValueError: not enough money"),), None),
    "04-deadlock.ipynb": ((check_deadlock_report,), OUTPUTS + " table.threadlab-deadlock"),
    "05-gil-and-cores.ipynb": ((check_plots(3),), OUTPUTS + " img.threadlab-cpu"),
    "08-parallel-results.ipynb": ((check_plots(2), check_text("Right: all 4 pages were fetched at the same time")),
                                  OUTPUTS + " img.threadlab-cpu"),
    "09-free-threading.ipynb": ((check_text("Right: one thread alone counted (2, 1, 0)"),), None),
    "10-classic-problems.ipynb": ((check_dinner,), OUTPUTS + " table.threadlab-trace"),
}


class BrowserTest(NotebookPage):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with open(os.path.join(cls.root, "harness.ipynb"), "w") as f:
            json.dump(harness_notebook(), f)
        with open(os.path.join(cls.root, "stop.ipynb"), "w") as f:
            json.dump(stop_notebook(), f)

    def test_0_harness_on_ipykernel(self):
        cells = self.run_all("harness.ipynb", deadline=60)
        self.assertIn("hello from ipykernel", cells[0]["text"])
        self.assertEqual([o["ename"] for o in cells[2]["outputs"]], ["ZeroDivisionError"])
        tables = self.rendered("table.threadlab-trace")
        self.assertEqual(len(tables), 1)
        pagechecks.assert_plots_render(self, pagechecks.plots(self.driver, OUTPUTS), "the harness")
        self.shoot(self.rendered("img.threadlab-cpu")[0], "harness-ipykernel.png")
        self.shutdown_kernel()

    @unittest.skipUnless(nbtools.kernelspec_installed("threadlab"), "threadlab kernelspec not installed (make install)")
    def test_1_run_all_stops_at_an_untagged_error(self):
        # What run_all guards against: without raises-exception, the cells
        # after an error never run, and the check says so.
        statuses, cells = self.execute("stop.ipynb", deadline=60)
        self.assertEqual(statuses, ["ok", "error", "aborted", "aborted"])
        self.assertEqual([o["ename"] for o in cells[1]["outputs"]], ["IndexError"])
        self.assertEqual(cells[2]["outputs"], [])
        with self.assertRaisesRegex(AssertionError, r"cell 1 \[\] raised"):
            self.run_all("stop.ipynb", deadline=60)
        self.shutdown_kernel()

    @unittest.skipUnless(nbtools.kernelspec_installed("threadlab"), "threadlab kernelspec not installed (make install)")
    def test_every_lesson(self):
        names = lessons()
        self.assertIn("zh/00-index.ipynb", names)
        found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
        self.assertTrue(found.strip(), "no font for Chinese (make deps-test installs fonts-wqy-microhei)")
        began = time.time()
        for name in names:
            with self.subTest(lesson=name):
                try:
                    self.check_lesson(name)
                finally:
                    self.shutdown_kernel()
        print("\n  %d notebooks in %.1f s" % (len(names), time.time() - began), file=sys.stderr)

    def check_lesson(self, name):
        cells = self.run_all(name)
        notebook = [c for c in nbtools.load(nbtools.NOTEBOOKS / name)["cells"] if c["cell_type"] == "code"]
        self.assertEqual([c["tags"] for c in cells], [c["metadata"].get("tags", []) for c in notebook],
                         name + ": the page's cells are not the notebook's")
        drawn = 0
        for cell, stored in zip(cells, notebook):
            where = "%s cell %d %s" % (name, cell["index"], cell["tags"])
            source = "".join(stored["source"])
            if set(cell["tags"]) - QUIET_TAGS:
                self.assertTrue(cell["outputs"], where + " shows no output")
            for pattern, css, what in DRAWN:
                if pattern.search(source):
                    self.assertGreater(cell["drawn"][css], 0, "%s: no %s (%s)" % (where, what, css))
                    drawn += 1
            if "exercise-check" in cell["tags"]:
                self.assertIn("Not yet", cell["text"], where)
            if "exercise-solution" in cell["tags"]:
                self.assertIn("Right", cell["text"], where)
                self.assertNotIn("Not yet", cell["text"], where)
        print("  %s: every cell ran; %d tables, steppers and plots where the lab calls draw them"
              % (name, drawn), file=sys.stderr)
        if name.startswith("zh/"):
            headings = self.driver.find_elements(By.CSS_SELECTOR, ".text_cell_render h1")
            self.assertRegex(headings[0].text, HAN, name + ": the title is not Chinese")
        if any(c["drawn"]["table.threadlab-trace"] for c in cells):
            pagechecks.assert_tables_readable(self, pagechecks.tables(self.driver, OUTPUTS), name)
        checks, photo = LESSON_CHECKS.get(lesson_of(name), ((), None))
        for check in checks:
            check(self, name)
        drawings = ", ".join(OUTPUTS + " " + css for _, css, _ in DRAWN)
        shown = self.displayed(photo) if photo else (self.displayed(drawings) or self.displayed(OUTPUTS))
        self.assertTrue(shown, "%s: nothing to photograph (%s)" % (name, photo))
        self.shoot(shown[0], name.replace("/", "-").replace(".ipynb", ".png"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
