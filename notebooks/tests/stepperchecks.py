"""The stepper (lab.stepper) and the predict mode (lab.trace(predict=True))
driven by clicking, shared by the classic Notebook, JupyterLab and the
exported-HTML tests. Every function takes the test case, the Selenium
driver and a CSS selector for the page's output containers.

    stepper_notebook()           the notebook the tests run
    reach_race_goal(...)         click the tutorial's race to -8
    reach_deadlock(...)          click the two-lock program into a deadlock
    predict_rows(...)            reveal the predict table row by row
    assert_fallback(...)         no script ran: the static tables show
"""
from selenium.webdriver.common.by import By

RACE = """\
balance = 0

def worker(amount):
    global balance
    for i in range(1):
        balance = balance + amount
        balance = balance - amount

def race():
    a = threading.Thread(target=worker, args=(5,), name="a")
    b = threading.Thread(target=worker, args=(8,), name="b")
    a.start(); b.start(); a.join(); b.join()
    return balance
"""

LOCKS = """\
def open_bank():
    global alice, bob, alice_lock, bob_lock
    alice, bob = 100, 100
    alice_lock = threading.Lock()
    bob_lock = threading.Lock()

open_bank()

def alice_pays_bob(amount):
    global alice, bob
    with alice_lock:
        time.sleep(0.1)              # a slow fraud check
        with bob_lock:
            alice = alice - amount
            bob = bob + amount

def bob_pays_alice(amount):
    global alice, bob
    with bob_lock:
        time.sleep(0.1)
        with alice_lock:
            bob = bob - amount
            alice = alice + amount

def both_ways():
    one = threading.Thread(target=alice_pays_bob, args=(10,), name="alice-pays")
    two = threading.Thread(target=bob_pays_alice, args=(20,), name="bob-pays")
    one.start()
    two.start()
    one.join()
    two.join()
    return (alice, bob)
"""

# Expanded, one operation per click; a write after a read takes two
# clicks (compute, then write). a adds 5 and reads for its subtraction;
# b's +8 is then overwritten by a, and b's -8 comes last.
RACE_CLICKS = ["a", "a", "a", "a", "b", "b", "b", "a", "a", "b", "b", "b"]
# Collapsed, one line per click: a bound on the clicks into the deadlock.
DEADLOCK_MAX_CLICKS = 12


def stepper_notebook():
    def cell(src, tags=()):
        return {"cell_type": "code", "execution_count": None, "outputs": [], "source": src,
                "metadata": {"tags": list(tags)} if tags else {}}
    return {
        "cells": [
            cell("import threading, time\n\n" + RACE),
            cell("lab.stepper(race, goal=-8)", ["stepper-race"]),
            cell(LOCKS),
            cell("lab.stepper(both_ways, goal='deadlock')", ["stepper-deadlock"]),
            cell("lab.seed(3)\nrace()\nlab.trace(predict=True)", ["predict"]),
        ],
        "metadata": {"kernelspec": {"name": "threadlab", "display_name": "threadlab",
                                    "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }


def steppers(driver, root):
    return driver.find_elements(By.CSS_SELECTOR, root + " .threadlab-stepper")


def live(test, driver, root, index):
    """The index-th stepper's interactive part, which its script drew."""
    found = steppers(driver, root)
    test.assertGreater(len(found), index, "no stepper %d in the page" % index)
    box = found[index]
    test.assertEqual(box.get_attribute("data-live"), "yes", "the stepper's script did not run")
    static = box.find_element(By.CSS_SELECTOR, ".tl-static")
    test.assertFalse(static.is_displayed(), "the static fallback shows beside the live stepper")
    return box


def click(box, css):
    box.find_element(By.CSS_SELECTOR, css).click()


def step(test, box, thread):
    button = box.find_element(By.CSS_SELECTOR, ".tl-thread[data-thread='%s'] button.tl-step" % thread)
    test.assertTrue(button.is_enabled(), "%s cannot step: %s" % (thread, box.text))
    button.click()


def balance(box):
    return box.find_element(By.CSS_SELECTOR, ".tl-state tr[data-field='balance'] td.tl-value").text


def message(box):
    found = box.find_elements(By.CSS_SELECTOR, ".tl-message")
    return (found[0].text, found[0].get_attribute("data-reached")) if found else ("", None)


def log(box):
    return [li.text for li in box.find_elements(By.CSS_SELECTOR, ".tl-log li")]


def reach_race_goal(test, driver, root, shoot=None):
    box = live(test, driver, root, 0)
    test.assertEqual(balance(box), "0")
    # What ran before the first choice (MainThread starting the threads).
    initial = log(box)
    # Collapsed, a click runs a whole line: read and write.
    step(test, box, "a")
    test.assertEqual(balance(box), "5")
    click(box, "button.tl-undo")
    test.assertEqual(balance(box), "0")
    click(box, "button.tl-expand")
    highlighted = box.find_element(By.CSS_SELECTOR, ".tl-thread[data-thread='a'] .tl-next").text
    test.assertIn("balance = balance + amount", highlighted)
    seen = []
    for thread in RACE_CLICKS:
        test.assertNotEqual(message(box)[1], "yes", "the goal was reached early: %s" % seen)
        step(test, box, thread)
        seen.append(balance(box))
        if len(seen) == 2:  # a has read 0 and computed 0 + 5: kept in the thread, not written yet
            local = box.find_element(By.CSS_SELECTOR, ".tl-thread[data-thread='a'] .tl-local").text
            test.assertIn("balance + amount = 5", local)
            test.assertEqual(seen[-1], "0")
    text, reached = message(box)
    test.assertEqual(reached, "yes", "no goal message after %s: %r" % (seen, text))
    test.assertIn("-8", text)
    test.assertEqual(balance(box), "-8")
    test.assertEqual(seen, ["0", "0", "5", "5", "5", "5", "13", "13", "0", "0", "0", "-8"])
    test.assertGreater(len(log(box)), len(initial), "the clicks left no steps in the log")
    if shoot:
        shoot(box, "stepper-race-goal")
    click(box, "button.tl-undo")
    test.assertNotEqual(message(box)[1], "yes")
    click(box, "button.tl-reset")
    test.assertEqual(balance(box), "0")
    test.assertEqual(log(box), initial, "Reset did not go back to the start")


def what(box, thread):
    return box.find_element(By.CSS_SELECTOR, ".tl-thread[data-thread='%s'] .tl-what" % thread).text


def reach_deadlock(test, driver, root, shoot=None):
    box = live(test, driver, root, 1)
    # Collapsed, a click runs one line. Take turns until alice-pays is
    # blocked: both take their first lock and do the fraud check, then
    # alice-pays asks for bob_lock.
    seen = []
    for n in range(DEADLOCK_MAX_CLICKS):
        if "blocked" in what(box, "alice-pays"):
            break
        thread = ("alice-pays", "bob-pays")[n % 2]
        step(test, box, thread)
        seen.append("%s -> %s" % (thread, what(box, thread)))
    test.assertIn("blocked", what(box, "alice-pays"), seen)
    test.assertIn("held by bob-pays", what(box, "alice-pays"), seen)
    test.assertGreaterEqual(len(seen), 5, "alice-pays was blocked before both threads took a lock: %s" % seen)
    # bob-pays asks for alice_lock: the cycle closes.
    while message(box)[1] != "yes" and len(seen) < DEADLOCK_MAX_CLICKS:
        step(test, box, "bob-pays")
        seen.append("bob-pays -> %s" % what(box, "bob-pays"))
    text, reached = message(box)
    test.assertEqual(reached, "yes", "no goal message: %r\n%s\n%s" % (text, seen, box.text))
    test.assertIn("deadlock", text)
    for b in box.find_elements(By.CSS_SELECTOR, "button.tl-step"):
        test.assertFalse(b.is_enabled(), "a thread can still step in the deadlock")
    if shoot:
        shoot(box, "stepper-deadlock")


def predict_rows(test, driver, root):
    boxes = driver.find_elements(By.CSS_SELECTOR, root + " .threadlab-predict")
    test.assertTrue(boxes, "no predict table in the page")
    box = boxes[0]
    test.assertEqual(box.get_attribute("data-live"), "yes", "the predict script did not run")
    table = box.find_element(By.CSS_SELECTOR, "table.threadlab-trace")
    headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    at = headers.index("state after")

    def states():
        return [tr.find_elements(By.CSS_SELECTOR, "td")[at].text
                for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr:not(.gap)")]
    before = states()
    test.assertGreater(len(before), 3)
    test.assertEqual(set(before), {"?"}, "states show before they are revealed")
    click(box, "button.tl-reveal-next")
    after = states()
    test.assertRegex(after[0], r"^balance=-?\d+$")
    test.assertEqual(set(after[1:]), {"?"})
    table.find_elements(By.CSS_SELECTOR, "tbody tr:not(.gap)")[2].click()
    test.assertEqual([s == "?" for s in states()][:4], [False, True, False, True])
    click(box, "button.tl-reveal-all")
    test.assertNotIn("?", states())


def assert_fallback(test, driver, root):
    """Where no script ran, every stepper shows its static tables, and the
    predict table shows every state."""
    found = steppers(driver, root)
    test.assertEqual(len(found), 2)
    for box in found:
        test.assertIsNone(box.get_attribute("data-live"), "a script ran in untrusted output")
        test.assertEqual(box.find_elements(By.CSS_SELECTOR, "button"), [])
        static = box.find_element(By.CSS_SELECTOR, ".tl-static")
        test.assertTrue(static.is_displayed())
        tables = static.find_elements(By.CSS_SELECTOR, "table")
        test.assertEqual(len(tables), 2, static.text)
        test.assertIn("(goal)", tables[0].text)
    test.assertIn("write balance ← -8", found[0].text)
    test.assertIn("deadlock", found[1].text)
    table = driver.find_element(By.CSS_SELECTOR, root + " table.threadlab-trace")
    test.assertNotIn("?", table.text)
    test.assertIn("balance=", table.text)
