"""The stepper and the predict mode, clicked in headless Chromium: in the
classic Notebook (the server and browser of test_browser.py) and in the
HTML that `jupyter nbconvert --execute --to html` exports. JupyterLab's
run is test_jupyterlab_stepper.py.

    /usr/bin/python3 -m unittest -v notebooks/tests/test_stepper.py
"""
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import nbtools  # noqa: E402
import stepperchecks  # noqa: E402
import test_browser  # noqa: E402  (a module import, so its tests are not collected here)

NOTEBOOK = "stepper.ipynb"
OUTPUTS = test_browser.OUTPUTS


@unittest.skipUnless(nbtools.kernelspec_installed("threadlab"), "threadlab kernelspec not installed (make install)")
class StepperInNotebook(test_browser.NotebookPage):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with open(os.path.join(cls.root, NOTEBOOK), "w") as f:
            json.dump(stepperchecks.stepper_notebook(), f)

    def shot(self, element, name):
        self.shoot(element, name + "-notebook.png")

    def test_click_through(self):
        self.run_all(NOTEBOOK, deadline=90)
        stepperchecks.reach_race_goal(self, self.driver, OUTPUTS, self.shot)
        stepperchecks.reach_deadlock(self, self.driver, OUTPUTS, self.shot)
        stepperchecks.predict_rows(self, self.driver, OUTPUTS)

    def test_exported_html(self):
        path = os.path.join(self.root, NOTEBOOK)
        with open(path, "w") as f:
            json.dump(stepperchecks.stepper_notebook(), f)
        proc = subprocess.run(["/usr/bin/jupyter", "nbconvert", "--execute", "--to", "html",
                               "--ExecutePreprocessor.timeout=60", path],
                              capture_output=True, text=True, env=nbtools.jupyter_env(), timeout=180)
        self.assertEqual(proc.returncode, 0, proc.stderr[-3000:])
        page = path.replace(".ipynb", ".html")
        self.driver.get("file://" + page)
        outputs = ".jp-OutputArea-output"
        stepperchecks.reach_race_goal(self, self.driver, outputs)
        stepperchecks.reach_deadlock(self, self.driver, outputs)
        stepperchecks.predict_rows(self, self.driver, outputs)


if __name__ == "__main__":
    unittest.main(verbosity=2)
