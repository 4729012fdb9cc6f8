"""A Jupyter server and headless Chromium for the browser tests (the classic
Notebook's and JupyterLab's), started and stopped the same way.

    server = start_server(argv, root, log)   the server, its output in log
    wait_serving(base, token, server, tail, what)
    driver = chromium(profile, console=False)
    stop(driver, server, shutdown_url=None)
"""
import subprocess
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

import nbtools

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Chromium as the machine allows it: no sandbox as root, no GPU, and none of
# the background connections a closed network refuses.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--window-size=1400,1600"]


def start_server(argv, root, log):
    """Start a Jupyter server process in root, its output going to log."""
    return subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT,
                            env=nbtools.jupyter_env(), cwd=root)


def wait_serving(base, token, server, tail, what, timeout=60):
    """Poll the server's API until it answers; fail with the log's tail
    (tail() returns it) if the process dies or the deadline passes."""
    deadline = time.time() + timeout
    while True:
        try:
            with urllib.request.urlopen("%s/api/status?token=%s" % (base, token), timeout=2):
                return
        except OSError:
            if server.poll() is not None or time.time() > deadline:
                raise RuntimeError("%s did not start; its log:\n%s" % (what, tail()))
            time.sleep(0.3)


def chromium(profile, console=False):
    """Headless Chromium with a fresh profile; console=True keeps the page's
    console log for reading."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS + ["--user-data-dir=" + profile]:
        options.add_argument(flag)
    if console:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(30)
    return driver


def stop(driver, server, shutdown_url=None):
    """Quit the browser, then the server: through its shutdown API when
    given (which also shuts its kernels down), else by SIGTERM; kill what
    does not stop in time."""
    if driver is not None:
        driver.quit()
    if server is None or server.poll() is not None:
        return
    try:
        if shutdown_url:
            urllib.request.urlopen(urllib.request.Request(shutdown_url, method="POST"), timeout=5)
        else:
            server.terminate()
        server.wait(timeout=20)
    except Exception:
        server.kill()
        server.wait()
