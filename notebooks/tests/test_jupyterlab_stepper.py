"""The stepper and the predict mode in JupyterLab 4 (the page and server of
test_jupyterlab.py), clicked in headless Chromium: trusted output runs
their scripts; the same outputs reopened untrusted show the static
fallback, which JupyterLab's sanitizer keeps.

    make test-jupyterlab
    /usr/bin/python3 -m unittest -v notebooks/tests/test_jupyterlab_stepper.py
"""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
import stepperchecks  # noqa: E402
import test_jupyterlab  # noqa: E402  (a module import, so its tests are not collected here)

NOTEBOOK = "stepper.ipynb"
OUTPUTS = test_jupyterlab.OUTPUTS


class StepperInJupyterLab(test_jupyterlab.JupyterLabTest):
    # The lesson tests of the base class run in test_jupyterlab.py.
    test_lessons = None
    test_threads_and_errors = None
    test_dark_theme_and_untrusted = None
    test_chinese_lessons = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with open(os.path.join(cls.root, NOTEBOOK), "w") as f:
            json.dump(stepperchecks.stepper_notebook(), f)
        test_jupyterlab.DEADLINE[NOTEBOOK] = 90

    def shot(self, element, name):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        self.assertTrue(self.driver.save_screenshot(str(test_jupyterlab.SHOTS / (name + "-light.png"))))

    def test_click_through_then_untrusted(self):
        for theme in ("light", "dark"):
            with self.subTest(theme=theme):
                self.run_all(NOTEBOOK, theme)
                self.assert_clean(NOTEBOOK)
                stepperchecks.reach_race_goal(self, self.driver, OUTPUTS, self.shot if theme == "light" else None)
                stepperchecks.reach_deadlock(self, self.driver, OUTPUTS, self.shot if theme == "light" else None)
                stepperchecks.predict_rows(self, self.driver, OUTPUTS)
                self.assert_no_console_errors(NOTEBOOK + " after clicking")
        copy = self.save_untrusted_copy(NOTEBOOK)
        self.open(copy)
        cells = self.outputs()
        with_outputs = [c for c in cells if c["outputs"]]
        self.assertTrue(with_outputs, "the saved copy has no outputs")
        self.assertFalse(any(c["trusted"] for c in with_outputs), "the changed copy's outputs are still trusted")
        stepperchecks.assert_fallback(self, self.driver, OUTPUTS)
        self.shoot(OUTPUTS + " .threadlab-stepper", "stepper-untrusted-light.png")


if __name__ == "__main__":
    unittest.main(verbosity=2)
