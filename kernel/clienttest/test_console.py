"""`jupyter console --kernel threadlab` driven non-interactively under tmux.

Run:  cd kernel/clienttest && /usr/bin/python3 -m unittest -v test_console
Typing goes through tmux send-keys; the screen is read with capture-pane and
every wait polls it against a deadline.

The test types the way a person does: it waits for its text to be echoed
before pressing Enter, and for the console's answer (the next prompt) before
typing on. That is not politeness. Debian 12's console stack (jupyter-console
6.4.4, nest_asyncio 1.5.4, prompt_toolkit 3.0.36, Python 3.11) asks the kernel
whether the input is complete from inside the Enter key's handler, by running
the event loop nested; keys that arrive during that round trip are handled by
the nested loop in the same, already entered contextvars.Context, and the
console stops with "cannot enter context ... is already entered ... Press
ENTER to continue". Keys sent in one burst by tmux land in that window
whenever the reply is not back within the fraction of a millisecond tmux
needs to deliver them, which is timing, not a property of the kernel: the
same happens with ipykernel.
"""

import os
import re
import shutil
import subprocess
import time
import unittest
import uuid

from kernelutil import KERNEL_NAME, strip_ansi

JUPYTER = "/usr/bin/jupyter"
START_TIMEOUT = 60   # console start plus kernel start
STEP_TIMEOUT = 20    # one prompt round trip


class ConsoleSession:
    """A jupyter console in a detached tmux session on a private tmux server."""

    def __init__(self, kernel):
        # A private server per session: the previous test's server may still
        # be shutting down on its socket.
        self.socket = f"threadlab-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.name = "console"
        self.tmux(
            "new-session", "-d", "-s", self.name, "-x", "160", "-y", "50",
            f"{JUPYTER} console --kernel {kernel}",
        )
        # Keep the pane after the console exits, so its last words are readable.
        self.tmux("set-option", "-t", self.name, "remain-on-exit", "on")

    def tmux(self, *args, check=True):
        return subprocess.run(
            ["tmux", "-L", self.socket, *args],
            check=check, capture_output=True, text=True, timeout=30,
            env=dict(os.environ, TERM="xterm-256color"),
        )

    def screen(self):
        r = self.tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", self.name, check=False)
        return strip_ansi(r.stdout)

    def wait_for(self, pattern, timeout=STEP_TIMEOUT, after=0):
        """Poll the pane until `pattern` matches in screen()[after:]."""
        regex = re.compile(pattern, re.M)
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            m = regex.search(text, after)
            if m:
                return m
            if time.monotonic() >= deadline:
                raise AssertionError(
                    f"console: {pattern!r} did not appear within {timeout}s; screen:\n{text.rstrip()}"
                )
            time.sleep(0.05)

    def type_line(self, text):
        """Type text, wait until the console shows it, then press Enter.
        Callers wait for the console's answer before typing again (see the
        module doc for why)."""
        if text:
            start = len(self.screen().rstrip())
            self.tmux("send-keys", "-t", self.name, "-l", text)
            self.wait_for(re.escape(text) + r"\s*$", after=start)
        self.tmux("send-keys", "-t", self.name, "Enter")

    def pane_dead(self):
        r = self.tmux("display-message", "-p", "-t", self.name, "#{pane_dead}", check=False)
        return r.stdout.strip() == "1"

    def wait_dead(self, timeout):
        deadline = time.monotonic() + timeout
        while not self.pane_dead():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.05)
        return True

    def close(self):
        """Leave with Ctrl-D (confirming), so the console shuts its kernel
        down; the tmux server goes in any case."""
        try:
            if not self.pane_dead():
                self.tmux("send-keys", "-t", self.name, "C-d")
                deadline = time.monotonic() + 10
                while not self.pane_dead() and time.monotonic() < deadline:
                    if "really want to exit" in self.screen():
                        self.type_line("y")
                        break
                    time.sleep(0.05)
                self.wait_dead(15)
        finally:
            self.tmux("kill-server", check=False)


@unittest.skipUnless(shutil.which("tmux"), "tmux is not installed (make deps-test)")
class TestConsole(unittest.TestCase):
    def setUp(self):
        self.console = ConsoleSession(KERNEL_NAME)
        self.addCleanup(self.console.close)

    def test_multiline_function(self):
        c = self.console
        c.wait_for(r"In \[1\]:", timeout=START_TIMEOUT)
        # The console asks the kernel (is_complete) whether to run or to
        # continue; a kernel answering "incomplete" with an indent gives a
        # continuation prompt with the body indented for us.
        c.type_line("def add(a, b):")
        at = c.wait_for(r"^\s*\.\.\.:").end()
        c.type_line("return a + b")
        at = c.wait_for(r"^\s*\.\.\.:", after=at).end()
        c.type_line("")
        c.wait_for(r"In \[2\]:", after=at)
        c.type_line("add(2, 3)")
        c.wait_for(r"Out\[2\]:\s*5\s*$")
        at = c.wait_for(r"In \[3\]:").end()
        # An error is shown, and the console stays usable.
        c.type_line("add(2)")
        c.wait_for(r"Error", after=at)
        c.wait_for(r"In \[4\]:", after=at)
        c.type_line('print("console " + "ok")')
        c.wait_for(r"^console ok\s*$")
        c.wait_for(r"In \[5\]:")

    def test_exit_command(self):
        # IPython's `exit` asks the console to leave (payload "ask_exit");
        # a console user expects the same from threadlab.
        c = self.console
        c.wait_for(r"In \[1\]:", timeout=START_TIMEOUT)
        c.type_line("exit")
        self.assertTrue(c.wait_dead(STEP_TIMEOUT),
                        "`exit` did not end jupyter console; screen:\n" + c.screen().rstrip())


if __name__ == "__main__":
    unittest.main(verbosity=2)
