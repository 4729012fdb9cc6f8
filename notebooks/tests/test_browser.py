"""Lessons 2, 5, 8, 9 and 10, and the Chinese course, in the classic Notebook,
driven in headless Chromium.

Starts Debian's jupyter-notebook on a copy of notebooks/, opens each lesson
in Debian's chromium through chromedriver (python3-selenium), does Kernel ->
Restart & Run All, waits for the kernel to go idle with every cell run, and
checks that the lesson's rich output rendered in the page: the interleaving
table (lesson 2) and the live CPU plot (lesson 5). The Chinese index and
lessons 2 and 10 in Chinese (notebooks/zh/) run the same way, drawn with a
CJK font. Screenshots go to build/screenshots/.

The harness proves itself first on a small notebook run by ipykernel
(kernelspec python3), so a failure there is the harness's, not threadlab's.

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

sys.path.insert(0, os.path.dirname(__file__))
import browser  # noqa: E402
import nbtools  # noqa: E402
import pagechecks  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402

OUTPUTS = "#notebook-container .output_area"
RUN_DEADLINE = {"harness.ipynb": 60, "02-race-conditions.ipynb": 180,
                "05-gil-and-cores.ipynb": 180, "08-parallel-results.ipynb": 180,
                "09-free-threading.ipynb": 180, "10-classic-problems.ipynb": 180,
                "zh/00-index.ipynb": 60, "zh/02-race-conditions.ipynb": 180,
                "zh/10-classic-problems.ipynb": 180}
HAN = re.compile(r"[\u4e00-\u9fff]")

# State of the notebook page as seen by Jupyter's own JS objects.
STATE_JS = r"""
var nb = window.Jupyter && Jupyter.notebook;
if (!nb || !nb.kernel) { return {ready: false}; }
var cells = nb.get_cells().filter(function (c) { return c.cell_type === 'code'; });
var pending = cells.filter(function (c) {
    var n = c.input_prompt_number;
    return n === undefined || n === null || n === '*';
}).length;
var icon = document.getElementById('kernel_indicator_icon');
return {
    ready: true,
    connected: nb.kernel.is_connected(),
    idle: !!icon && icon.classList.contains('kernel_idle_icon'),
    cells: cells.length,
    pending: pending,
    errors: cells.filter(function (c) {
        return c.output_area.outputs.some(function (o) { return o.output_type === 'error'; });
    }).map(function (c) {
        var e = c.output_area.outputs.filter(function (o) { return o.output_type === 'error'; })[0];
        return 'cell ' + nb.find_cell_index(c) + ': ' + e.ename + ': ' + String(e.evalue).slice(0, 300);
    })
};
"""


def harness_notebook():
    """A notebook for ipykernel that emits the same kinds of rich output."""
    def cell(src):
        return {"cell_type": "code", "execution_count": None, "metadata": {},
                "outputs": [], "source": src}
    return {
        "cells": [
            cell("import time\nprint('hello from ipykernel')"),
            cell("from IPython.display import HTML, SVG, display\n"
                 "display(HTML('<table class=\"threadlab-trace\"><tr><td>saver</td>"
                 "<td>read balance 0</td></tr></table>'))"),
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


class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="threadlab-browser-")
        cls.root = os.path.join(cls.tmp, "notebooks")
        shutil.copytree(nbtools.NOTEBOOKS, cls.root,
                        ignore=shutil.ignore_patterns("tests", "__pycache__", "*.py"))
        with open(os.path.join(cls.root, "harness.ipynb"), "w") as f:
            json.dump(harness_notebook(), f)
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
        shutil.rmtree(cls.tmp, ignore_errors=True)

    # -- helpers --------------------------------------------------------------
    def state(self):
        return self.driver.execute_script(STATE_JS)

    def wait_for(self, what, predicate, deadline):
        while True:
            state = self.state()
            if predicate(state):
                return state
            if time.time() > deadline:
                self.fail("timed out waiting for %s; last state %s\nserver log:\n%s"
                          % (what, state, self.server_log()))
            time.sleep(0.25)

    def run_all(self, name):
        """Open a notebook, Restart & Run All, wait until every cell ran and
        the kernel is idle. Returns the elapsed seconds."""
        self.driver.get("%s/notebooks/%s?token=%s" % (self.base, name, self.token))
        deadline = time.time() + 60
        self.wait_for("the kernel of " + name,
                      lambda s: s.get("ready") and s["connected"] and s["idle"], deadline)
        began = time.time()
        self.driver.execute_script("Jupyter.notebook.restart_run_all({confirm: false});")
        time.sleep(1)  # let the restart begin before polling
        deadline = began + RUN_DEADLINE[name]
        seen = {"idle_errors": 0}

        def finished(s):
            if not (s.get("ready") and s["connected"] and s["idle"]):
                seen["idle_errors"] = 0
                return False
            if s["pending"] == 0:
                return True
            # An error aborts the cells queued after it; they never run.
            seen["idle_errors"] = seen["idle_errors"] + 1 if s["errors"] else 0
            return seen["idle_errors"] >= 12
        state = self.wait_for("all cells of " + name + " to run", finished, deadline)
        took = time.time() - began
        print("\n  %s: Restart & Run All took %.1f s (deadline %d s), %d code cells"
              % (name, took, RUN_DEADLINE[name], state["cells"]), file=sys.stderr)
        self.assertEqual(state["errors"], [], "cells with errors in " + name)
        return took

    def shoot(self, element, filename):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        time.sleep(0.3)
        path = nbtools.SCREENSHOTS / filename
        self.assertTrue(self.driver.save_screenshot(str(path)), "screenshot " + filename)
        print("  screenshot:", path.relative_to(nbtools.REPO), file=sys.stderr)

    def rendered(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, "#notebook-container .output_area " + css)

    # -- tests ----------------------------------------------------------------
    def test_0_harness_on_ipykernel(self):
        self.run_all("harness.ipynb")
        tables = self.rendered("table.threadlab-trace")
        self.assertEqual(len(tables), 1)
        pagechecks.assert_plots_render(self, pagechecks.plots(self.driver, OUTPUTS), "the harness")
        self.shoot(self.rendered("img.threadlab-cpu")[0], "harness-ipykernel.png")

    @unittest.skipUnless(nbtools.kernelspec_installed("threadlab"), "threadlab kernelspec not installed (make install)")
    def test_lesson2_interleaving_table(self):
        self.run_all("02-race-conditions.ipynb")
        tables = self.rendered("table.threadlab-trace")
        self.assertTrue(tables, "no interleaving table (table.threadlab-trace) rendered")
        self.assertTrue(tables[0].is_displayed())
        rows = tables[0].find_elements(By.CSS_SELECTOR, "tr")
        self.assertGreater(len(rows), 3, "the interleaving table has too few rows")
        self.assertIn("saver", tables[0].text)
        self.assertIn("spender", tables[0].text)
        pagechecks.assert_tables_readable(self, pagechecks.tables(self.driver, OUTPUTS), "lesson 2")
        self.shoot(tables[0], "02-race-conditions.png")

    @unittest.skipUnless(nbtools.kernelspec_installed("threadlab"), "threadlab kernelspec not installed (make install)")
    def test_lesson5_cpu_plot(self):
        self.run_all("05-gil-and-cores.ipynb")
        pagechecks.assert_plots_render(self, pagechecks.plots(self.driver, OUTPUTS), "lesson 5", at_least=3)
        self.shoot(self.rendered("img.threadlab-cpu")[0], "05-gil-and-cores.png")

    @unittest.skipUnless(nbtools.kernelspec_installed("threadlab"), "threadlab kernelspec not installed (make install)")
    def test_lessons8_9_plots_and_checks(self):
        self.run_all("08-parallel-results.ipynb")
        pagechecks.assert_plots_render(self, pagechecks.plots(self.driver, OUTPUTS), "lesson 8", at_least=2)
        self.shoot(self.rendered("img.threadlab-cpu")[0], "08-parallel-results.png")
        self.assertIn("Right: all 4 pages were fetched at the same time", self.driver.find_element(By.ID, "notebook").text)
        self.run_all("09-free-threading.ipynb")
        self.assertIn("Right: one thread alone counted (2, 1, 0)", self.driver.find_element(By.ID, "notebook").text)

    @unittest.skipUnless(nbtools.kernelspec_installed("threadlab"), "threadlab kernelspec not installed (make install)")
    def test_lesson10_tables_and_check(self):
        self.run_all("10-classic-problems.ipynb")
        tables = [t for t in self.rendered("table.threadlab-trace") if t.is_displayed()]
        self.assertGreaterEqual(len(tables), 3, "lesson 10 shows a table per puzzle")
        pagechecks.assert_tables_readable(self, pagechecks.tables(self.driver, OUTPUTS), "lesson 10")
        self.assertIn("waits for fork_a, held by ann", "\n".join(t.text for t in tables))
        self.assertIn("Right: in all", self.driver.find_element(By.ID, "notebook").text)
        self.shoot(tables[0], "10-classic-problems.png")

    @unittest.skipUnless(nbtools.kernelspec_installed("threadlab"), "threadlab kernelspec not installed (make install)")
    def test_chinese_index_and_lessons(self):
        found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
        self.assertTrue(found.strip(), "no font for Chinese (make deps-test installs fonts-wqy-microhei)")
        self.run_all("zh/00-index.ipynb")
        page = self.driver.find_element(By.ID, "notebook")
        self.assertIn("亲眼看见并发", page.text)
        links = [a.get_attribute("href") for a in page.find_elements(By.CSS_SELECTOR, ".text_cell_render a")]
        self.assertTrue(any(l.endswith("/zh/10-classic-problems.ipynb") for l in links if l), links)
        self.shoot(page.find_elements(By.CSS_SELECTOR, ".text_cell_render")[0], "zh-00-index.png")
        for name, who in (("zh/02-race-conditions.ipynb", "saver"), ("zh/10-classic-problems.ipynb", "ann")):
            self.run_all(name)
            headings = self.driver.find_elements(By.CSS_SELECTOR, ".text_cell_render h1")
            self.assertRegex(headings[0].text, HAN, name + ": the title is not Chinese")
            tables = [t for t in self.rendered("table.threadlab-trace") if t.is_displayed()]
            self.assertTrue(tables, name + ": no interleaving table rendered")
            self.assertIn(who, tables[0].text)
            pagechecks.assert_tables_readable(self, pagechecks.tables(self.driver, OUTPUTS), name)
            self.assertIn("Right", self.driver.find_element(By.ID, "notebook").text)
            self.shoot(tables[0], name.replace("/", "-").replace(".ipynb", ".png"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
