"""Every lesson in JupyterLab 4, driven in headless Chromium.

The page under build/jupyterlab/static/threadlab-lab/ is JupyterLab's own
notebook widget, output area, renderers (rendermime, with its HTML
sanitizer) and stylesheets, bundled from the registry's @jupyterlab
packages by `make jupyterlab-page` (notebooks/jupyterlab/). It talks to
Debian's jupyter_server through @jupyterlab/services (contents, sessions,
kernels), which starts the installed threadlab kernel.

For each lesson the test opens the notebook, runs every cell as
JupyterLab's Run All does, waits until the kernel is idle with every cell
run, and asserts in the page:
  - the interleaving tables are readable: every cell's computed text-align
    is left, and no event occupies more than one line box;
  - the CPU plots render: an <img> holding an SVG, loaded, with an opaque
    background, and its source changes while its cell runs;
  - output from threads lands under the cell that started them;
  - errors render with their traceback;
  - saved outputs reopened untrusted still show readable tables and plots;
  - the Chinese course (notebooks/zh/) runs the same way, drawn in Chinese
    (a CJK font is installed), its tables readable and its plots drawn.
Screenshots in the light and the dark theme go to build/screenshots/jupyterlab/.

    make test-jupyterlab
    /usr/bin/python3 -m unittest -v notebooks/tests/test_jupyterlab.py
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


STATIC = nbtools.BUILD / "jupyterlab" / "static"
PAGE = STATIC / "threadlab-lab" / "index.html"
SHOTS = nbtools.SCREENSHOTS / "jupyterlab"
OUTPUTS = ".jp-OutputArea-output"
# Seconds for Run All of each notebook, kernel start included.
DEADLINE = {"00-index.ipynb": 60, "01-threads.ipynb": 60, "02-race-conditions.ipynb": 120,
            "03-locks.ipynb": 120, "04-deadlock.ipynb": 120, "05-gil-and-cores.ipynb": 180,
            "06-coordination.ipynb": 60, "07-producer-consumer.ipynb": 60,
            "08-parallel-results.ipynb": 90, "09-free-threading.ipynb": 60,
            "10-classic-problems.ipynb": 60, "checks.ipynb": 60}
# Lessons whose interleaving tables are checked and photographed (in either language).
TABLE_LESSONS = ("02-race-conditions.ipynb", "03-locks.ipynb", "04-deadlock.ipynb",
                 "10-classic-problems.ipynb")
HAN = re.compile(r"[\u4e00-\u9fff]")


def zh_notebooks():
    """The Chinese notebooks build.py wrote, index first."""
    return sorted(p.name for p in (nbtools.NOTEBOOKS / "zh").glob("*.ipynb"))


def assert_cjk_font(test):
    """Chromium draws Chinese with a system font: without one, every
    character is a box and the screenshots show nothing."""
    found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    test.assertTrue(found.strip(), "no font for Chinese (make deps-test installs fonts-wqy-microhei)")

# Polled while a notebook runs: kernel state, and the source of every CPU
# plot in a cell that is still running.
POLL_JS = r"""
var t = window.threadlab;
if (!t || t.failed || !t.state) { return {failed: t && t.failed, ready: false}; }
var s = t.state();
s.done = window.__threadlabDone || null;
s.live = t.cells().filter(function (c) { return c.running; }).map(function (c) {
    var imgs = t.cellNode(c.index).querySelectorAll('img.threadlab-cpu');
    return {cell: c.index, srcs: Array.prototype.map.call(imgs, function (i) { return i.src; })};
});
return s;
"""

RUN_ALL_JS = r"""
window.__threadlabDone = null;
window.threadlab.runAll().then(
    function (ok) { window.__threadlabDone = {ok: ok}; },
    function (err) { window.__threadlabDone = {error: String(err)}; });
"""

# Text of each code cell's outputs, by output type, keyed by cell index.
OUTPUT_TEXT_JS = r"""
var t = window.threadlab;
return t.cells().map(function (c) {
    var node = t.cellNode(c.index);
    var parts = Array.prototype.map.call(node.querySelectorAll('.jp-OutputArea-output'), function (o) {
        return {mime: o.getAttribute('data-mime-type'), text: o.innerText};
    });
    return {index: c.index, tags: c.tags, trusted: c.trusted, outputs: c.outputs, parts: parts};
});
"""

WORKER_CELL = """\
import threading, time

def worker(n):
    time.sleep(0.3)
    print("worker", n, "finished")

for n in range(3):
    threading.Thread(target=worker, args=(n,)).start()
print("first cell returns")
"""

NEXT_CELL = """\
time.sleep(1)
print("second cell")
"""

THREAD_ERROR_CELL = """\
def fails():
    [1, 2][5]

t = threading.Thread(target=fails, name="faulty")
t.start()
t.join()
print("after the faulty thread")
"""

ERROR_CELL = """\
def share(total, people):
    return total // people

def split_bill():
    return share(90, 0)

split_bill()
"""


def checks_notebook():
    """Cells for the checks the lessons leave implicit: output of threads that
    outlive their cell, a thread that dies, and an error with a traceback."""
    def cell(src, tags=()):
        return {"cell_type": "code", "execution_count": None, "outputs": [], "source": src,
                "metadata": {"tags": list(tags)} if tags else {}}
    return {
        "cells": [cell(WORKER_CELL), cell(NEXT_CELL), cell(THREAD_ERROR_CELL),
                  cell(ERROR_CELL, ["raises-exception"])],
        "metadata": {"kernelspec": {"name": "threadlab", "display_name": "threadlab",
                                    "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


class JupyterLabTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not PAGE.exists():
            raise RuntimeError("the JupyterLab page %s is not built (make jupyterlab-page)" % PAGE)
        if not nbtools.kernelspec_installed("threadlab"):
            raise RuntimeError("the threadlab kernelspec is not installed (make install)")
        cls.tmp = tempfile.mkdtemp(prefix="threadlab-jupyterlab-")
        cls.root = os.path.join(cls.tmp, "notebooks")
        os.mkdir(cls.root)
        for name in nbtools.LESSONS:
            shutil.copy(nbtools.NOTEBOOKS / name, cls.root)
        os.mkdir(os.path.join(cls.root, "zh"))
        for name in zh_notebooks():
            shutil.copy(nbtools.NOTEBOOKS / "zh" / name, os.path.join(cls.root, "zh"))
        with open(os.path.join(cls.root, "checks.ipynb"), "w") as f:
            json.dump(checks_notebook(), f)
        SHOTS.mkdir(parents=True, exist_ok=True)

        cls.port = nbtools.free_port()
        cls.token = "threadlab-jupyterlab-" + str(os.getpid())
        cls.log = open(os.path.join(cls.tmp, "server.log"), "w")
        cls.base = "http://127.0.0.1:%d" % cls.port
        cls.driver = None
        cls.server = browser.start_server(
            ["/usr/bin/python3", "-m", "jupyter_server", "--no-browser", "--allow-root",
             "--ip=127.0.0.1", "--port=%d" % cls.port, "--port-retries=0",
             "--ServerApp.token=" + cls.token, "--ServerApp.root_dir=" + cls.root,
             "--ServerApp.extra_static_paths=%s" % STATIC], cls.root, cls.log)
        try:
            browser.wait_serving(cls.base, cls.token, cls.server, cls.server_log, "jupyter_server")
            # The page's console is read after every notebook (console_errors).
            cls.driver = browser.chromium(os.path.join(cls.tmp, "chromium-profile"), console=True)
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
        # jupyter_server shuts its kernels down on SIGTERM.
        browser.stop(getattr(cls, "driver", None), getattr(cls, "server", None))
        if getattr(cls, "log", None):
            cls.log.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    # -- helpers --------------------------------------------------------------
    def poll(self):
        return self.driver.execute_script(POLL_JS)

    def open(self, name, theme="light"):
        self.driver.get("%s/static/threadlab-lab/index.html?token=%s&path=%s&theme=%s"
                        % (self.base, self.token, name, theme))
        deadline = time.time() + 60
        while True:
            s = self.poll()
            if s.get("failed"):
                self.fail("the JupyterLab page failed: " + s["failed"])
            if s.get("ready") and s["status"] == "idle":
                return s
            if time.time() > deadline:
                self.fail("the kernel of %s never went idle: %s\n%s" % (name, s, self.server_log()))
            time.sleep(0.25)

    def run_all(self, name, theme="light"):
        """Open a notebook, run every cell, wait for idle. Returns the last
        state and, per cell, the distinct plot sources seen while it ran."""
        self.open(name, theme)
        began = time.time()
        self.driver.execute_script(RUN_ALL_JS)
        live = {}
        while True:
            s = self.poll()
            for entry in s["live"]:
                for i, src in enumerate(entry["srcs"]):
                    live.setdefault((entry["cell"], i), set()).add(src)
            if s["done"]:
                # Every cell's reply is in when runAll settles; otherwise
                # the kernel's idle between two cells could end the wait.
                self.assertEqual(s["pending"], 0, "Run All of %s settled before every reply: %s" % (name, s))
                if s["status"] == "idle" and s["running"] == 0:
                    break
            if time.time() > began + DEADLINE[os.path.basename(name)]:
                self.fail("Run All of %s did not finish in %d s; last state %s\n%s"
                          % (name, DEADLINE[os.path.basename(name)], s, self.server_log()))
            time.sleep(0.2)
        print("\n  %s (%s): Run All took %.1f s, %d code cells"
              % (name, theme, time.time() - began, s["cells"]), file=sys.stderr)
        self.assertNotIn("error", s["done"], "Run All failed in " + name)
        self.assert_no_console_errors(name)
        return s, live

    def assert_no_console_errors(self, where):
        """Nothing failed in the page: no failed request, no uncaught error."""
        severe = [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        self.assertEqual(severe, [], "errors in the page's console for " + where)

    def outputs(self):
        return self.driver.execute_script(OUTPUT_TEXT_JS)

    def assert_clean(self, name):
        """Every cell ran; only cells tagged raises-exception have errors."""
        cells = self.outputs()
        for c in cells:
            self.assertIsNotNone(c["index"])
            if "error" in c["outputs"]:
                self.assertIn("raises-exception", c["tags"],
                              "%s: cell %d raised: %s" % (name, c["index"], c["parts"]))
        pending = [c for c in self.driver.execute_script("return window.threadlab.cells()") if c["count"] is None]
        self.assertEqual(pending, [], "cells of %s that never ran" % name)
        return cells

    def shoot(self, css, filename):
        # The first match that is drawn: a stepper's static fallback tables are hidden.
        found = self.driver.execute_script(
            "var all = document.querySelectorAll(arguments[0]);"
            " var e = Array.prototype.find.call(all, function (x) { return x.offsetParent !== null; }) || all[0];"
            " if (e) { e.scrollIntoView({block: 'center'}); } return !!e;", css)
        self.assertTrue(found, "nothing to photograph: " + css)
        time.sleep(0.3)  # let the scroll settle before the shot
        path = SHOTS / filename
        self.assertTrue(self.driver.save_screenshot(str(path)), "screenshot " + filename)
        print("  screenshot:", path.relative_to(nbtools.REPO), file=sys.stderr)

    def save_untrusted_copy(self, name):
        """Save the notebook from the page, then write a copy whose signature no
        longer matches (as for a notebook someone else ran): JupyterLab opens
        its outputs untrusted."""
        self.driver.execute_async_script(
            "var done = arguments[0]; window.threadlab.save().then(function () { done(true); },"
            " function (e) { done(String(e)); });")
        with open(os.path.join(self.root, name)) as f:
            nb = json.load(f)
        nb["metadata"]["threadlab_test"] = "changed after signing"
        copy = "untrusted-" + name
        with open(os.path.join(self.root, copy), "w") as f:
            json.dump(nb, f)
        return copy

    def check_svg_renderer(self, cells):
        """The plots' image/svg+xml, drawn by JupyterLab's own SVG renderer (what
        a front end that prefers it shows): trusted, an <img> with the plot's
        own opaque background; untrusted, refused, which is why text/html
        carries the plot as an <img> too."""
        plot_cells = [c["index"] for c in cells if any(t.startswith("cpu-") for t in c["tags"])
                      and "cpu-summary" not in c["tags"]]
        self.assertEqual(len(plot_cells), 3, cells)
        render = ("var done = arguments[3]; window.threadlab.renderOutput(arguments[0], arguments[1], arguments[2])"
                  ".then(function (box) { box.id = 'rendered-' + arguments[0]; done(box.innerText); },"
                  " function (e) { done('failed: ' + e); });")
        for index in plot_cells:
            text = self.driver.execute_async_script(render, index, "image/svg+xml", True)
            self.assertFalse(text.startswith("failed"), text)
        svg = pagechecks.plots(self.driver, ".threadlab-rendered", ".jp-RenderedSVG img")
        pagechecks.assert_plots_render(self, svg, "JupyterLab's SVG renderer", at_least=3)
        text = self.driver.execute_async_script(render, plot_cells[0], "image/svg+xml", False)
        self.assertIn("untrusted", text.lower(), "JupyterLab drew an untrusted SVG: " + text)
        self.shoot(".threadlab-rendered .jp-RenderedSVG img", "05-svg-renderer-light.png")

    # -- tests ----------------------------------------------------------------
    def test_lessons(self):
        for name in nbtools.LESSONS:
            with self.subTest(lesson=name):
                state, live = self.run_all(name)
                self.assertGreater(state["cells"], 0)
                cells = self.assert_clean(name)
                self.assertTrue(any(p["text"].strip() for c in cells for p in c["parts"]),
                                "no output at all in " + name)
                report = pagechecks.tables(self.driver, OUTPUTS)
                if name in TABLE_LESSONS:
                    pagechecks.assert_tables_readable(self, report, name)
                    print("  %s: %d tables, %d cells, %d events, all left-aligned on one line"
                          % (name, report["tables"], report["cells"], report["events"]), file=sys.stderr)
                    self.shoot(OUTPUTS + " table.threadlab-trace", name.replace(".ipynb", "-light.png"))
                if name == "04-deadlock.ipynb":
                    errors = [p for c in cells if "deadlock" in c["tags"] for p in c["parts"]
                              if p["mime"] == "application/vnd.jupyter.stderr"]
                    self.assertTrue(errors, "the deadlock cell shows no error")
                    self.assertIn("DeadlockError", errors[-1]["text"])
                    self.assertRegex(errors[-1]["text"], r'File "<cell \d+>", line \d+, in <module>',
                                     "the deadlock error has no traceback")
                if name == "05-gil-and-cores.ipynb":
                    plots = pagechecks.plots(self.driver, OUTPUTS)
                    pagechecks.assert_plots_render(self, plots, name, at_least=3)
                    self.assertEqual({p["mime"] for p in plots}, {"text/html"})
                    updated = {k: len(v) for k, v in live.items() if len(v) >= 2}
                    self.assertGreaterEqual(len(updated), 3,
                                            "CPU plots that changed while their cell ran: %s" % updated)
                    print("  %s: %d plots; sources seen while running: %s"
                          % (name, len(plots), sorted(updated.values())), file=sys.stderr)
                    self.shoot(OUTPUTS + " img.threadlab-cpu", "05-gil-and-cores-light.png")
                    self.check_svg_renderer(cells)

    def test_chinese_lessons(self):
        assert_cjk_font(self)
        names = zh_notebooks()
        self.assertEqual(names[0], "00-index.ipynb")
        self.assertGreater(len(names), 1, "no Chinese lesson besides the index")
        for name in names:
            path = "zh/" + name
            with self.subTest(lesson=path):
                state, live = self.run_all(path)
                cells = self.assert_clean(path)
                heading = self.driver.execute_script(
                    "var h = document.querySelector('.jp-MarkdownCell h1'); return h ? h.innerText : '';")
                self.assertRegex(heading, HAN, "the first heading of %s is not Chinese" % path)
                shot = "zh-" + name.replace(".ipynb", "-light.png")
                if name == "00-index.ipynb":
                    self.shoot(".jp-MarkdownCell", shot)
                if name in TABLE_LESSONS:
                    report = pagechecks.tables(self.driver, OUTPUTS)
                    pagechecks.assert_tables_readable(self, report, path)
                    self.shoot(OUTPUTS + " table.threadlab-trace", shot)
                if name == "05-gil-and-cores.ipynb":
                    pagechecks.assert_plots_render(self, pagechecks.plots(self.driver, OUTPUTS), path, at_least=3)
                    self.shoot(OUTPUTS + " img.threadlab-cpu", shot)
                if name != "00-index.ipynb":
                    text = ["\n".join(p["text"] for p in c["parts"]) for c in cells
                            if "exercise-solution" in c["tags"]]
                    self.assertTrue(text and "Right" in text[0], "%s: the model answer's check: %s" % (path, text))

    def test_threads_and_errors(self):
        self.run_all("checks.ipynb")
        cells = self.assert_clean("checks.ipynb")
        text = ["\n".join(p["text"] for p in c["parts"]) for c in cells]
        for n in range(3):
            self.assertIn("worker %d finished" % n, text[0], "a thread's output left its cell")
        self.assertNotIn("worker", text[1], "a thread's output landed under the next cell")
        self.assertIn("second cell", text[1])
        self.assertIn("faulty", text[2])
        self.assertIn("IndexError", text[2])
        self.assertIn("after the faulty thread", text[2])
        errors = [p for p in cells[3]["parts"] if p["mime"] == "application/vnd.jupyter.stderr"]
        self.assertEqual(len(errors), 1, cells[3])
        tb = errors[0]["text"]
        # CPython's traceback: each frame's cell, line and function, then its source.
        for want in (r'File "<cell \d+>", line 7, in <module>\n +split_bill\(\)',
                     r'line 5, in split_bill\n +return share\(90, 0\)',
                     r'line 2, in share\n +return total // people', r"ZeroDivisionError: integer division"):
            self.assertRegex(tb, want, "the traceback lacks %r" % want)
        self.shoot(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
                   "checks-traceback-light.png")

    def test_dark_theme_and_untrusted(self):
        for name in ("02-race-conditions.ipynb", "05-gil-and-cores.ipynb"):
            with self.subTest(lesson=name):
                self.run_all(name, theme="dark")
                bg = self.driver.execute_script(
                    "return getComputedStyle(document.querySelector('.jp-Notebook')).backgroundColor")
                self.assertNotEqual(bg, "rgb(255, 255, 255)", "the dark theme is not applied")
                if name.startswith("02"):
                    pagechecks.assert_tables_readable(self, pagechecks.tables(self.driver, OUTPUTS), name)
                    self.shoot(OUTPUTS + " table.threadlab-trace", "02-race-conditions-dark.png")
                else:
                    pagechecks.assert_plots_render(self, pagechecks.plots(self.driver, OUTPUTS), name, 3)
                    self.shoot(OUTPUTS + " img.threadlab-cpu", "05-gil-and-cores-dark.png")
                copy = self.save_untrusted_copy(name)
                self.open(copy, theme="dark")
                cells = self.outputs()
                with_outputs = [c for c in cells if c["outputs"]]
                self.assertTrue(with_outputs, "the saved copy has no outputs")
                self.assertFalse(any(c["trusted"] for c in with_outputs),
                                 "the changed copy's outputs are still trusted")
                if name.startswith("02"):
                    pagechecks.assert_tables_readable(self, pagechecks.tables(self.driver, OUTPUTS),
                                                      "untrusted " + name)
                else:
                    pagechecks.assert_plots_render(self, pagechecks.plots(self.driver, OUTPUTS),
                                                   "untrusted " + name, 3)
                    self.shoot(OUTPUTS + " img.threadlab-cpu", "05-gil-and-cores-untrusted-dark.png")


if __name__ == "__main__":
    unittest.main(verbosity=2)
