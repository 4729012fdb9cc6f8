"""Threading programs sent as cells through jupyter_client, compared with
what /usr/bin/python3 prints for the same text in the same test.

Run:  cd kernel/clienttest && /usr/bin/python3 -m unittest -v test_programs

Two kinds of programs: four written the way the tutorial writes them (a
named loop thread, the race, the race under a lock, one spinning thread per
core), and every program of lessons/pyhost/testdata (ordinary programs with
Thread subclasses, pools, queues, conditions, barriers, timers, locals).

Where a cell and a script differ on purpose: a cell returns while its
threads go on, so a second cell joins the threads that are not daemons (as
CPython's interpreter does at exit) and their output is collected from the
program's cell; threadlab's note about threads that outlive a cell is not
program output; an exception that ends the program is the cell's error
reply instead of a traceback on stderr.
"""

import glob
import os
import signal
import subprocess
import tempfile
import time
import unittest
from collections import Counter
from queue import Empty

from kernelutil import (
    IS_IPYKERNEL,
    TIMEOUT,
    control_reply,
    execute,
    iopub_until_idle,
    kernel_pid,
    own_kernel,
    shell_reply,
    start_kernel,
    stop_kernel,
    strip_ansi,
)
from test_protocol import cpu_percent

PYTHON = "/usr/bin/python3"
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "lessons", "pyhost", "testdata"))

# A program's cell runs for at most this long (the loop thread sleeps 5 s).
PROGRAM_TIMEOUT = max(TIMEOUT, 60)
# How long a thread's output may still be on its way after the threads
# have been joined.
LATE_OUTPUT = 5

# After a program's cell, the kernel is asked to wait for the threads that
# are not daemons, as CPython's interpreter does before it exits: a cell
# returns while the threads it started go on.
JOIN_THREADS = (
    "import threading as _threading\n"
    "for _t in _threading.enumerate():\n"
    "    if _t is not _threading.current_thread() and not _t.daemon:\n"
    "        _t.join()\n"
)


def cpython(path):
    """What /usr/bin/python3 prints for a program file, run in its own
    directory: (stdout, stderr, status)."""
    # SIGINT back to its default: a test run started as a background job
    # inherits it ignored, and CPython's _thread.interrupt_main then does
    # nothing, so the interrupt programs would spin until the timeout.
    done = subprocess.run([PYTHON, os.path.basename(path)], cwd=os.path.dirname(path),
                          capture_output=True, text=True, timeout=PROGRAM_TIMEOUT,
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    return done.stdout, done.stderr, done.returncode


def cpython_source(source):
    """cpython() for a program given as text."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "prog.py")
        with open(path, "w") as f:
            f.write(source)
        return cpython(path)


def report_lines(stderr):
    """The lines of a thread's error report that do not depend on the
    interpreter's own files: "Exception in thread ...:" headers and the
    exception lines, not the frames of the traceback."""
    keep = []
    for line in strip_ansi(stderr).split("\n"):
        if not line or line.startswith(" ") or line.startswith("Traceback "):
            continue
        keep.append(line)
    return "\n".join(keep)


def streams(msgs, parent):
    """stdout and stderr text of the stream messages whose parent is `parent`."""
    out = {"stdout": "", "stderr": ""}
    for m in msgs:
        if m["msg_type"] == "stream" and m["parent_header"].get("msg_id") == parent:
            out[m["content"]["name"]] += m["content"]["text"]
    return out["stdout"], out["stderr"]


def run_program(kc, source, want_out=None):
    """Send a program as one cell, then wait for its threads; return its
    (stdout, stderr, reply). Output of the program's threads belongs to the
    program's cell even when it arrives after the cell. The kernel sends
    such late output within a few milliseconds (it batches stream text):
    when want_out is given, iopub is read until the program's stdout is
    that long, or for at most LATE_OUTPUT seconds more."""
    first = kc.execute(source)
    reply = shell_reply(kc, first, PROGRAM_TIMEOUT)
    msgs = iopub_until_idle(kc, first, PROGRAM_TIMEOUT)
    join = kc.execute(JOIN_THREADS)
    joined = shell_reply(kc, join, PROGRAM_TIMEOUT)
    if joined["content"]["status"] != "ok":
        raise AssertionError(f"waiting for the program's threads failed: {joined['content']}")
    msgs += iopub_through_idle(kc, join)
    deadline = time.monotonic() + LATE_OUTPUT
    while want_out is not None and len(streams(msgs, first)[0]) < len(want_out):
        left = deadline - time.monotonic()
        if left <= 0:
            break
        try:
            msgs.append(kc.get_iopub_msg(timeout=left))
        except Empty:
            break
    out, err = streams(msgs, first)
    return out, kernel_notes_removed(err), reply["content"]


def iopub_through_idle(kc, msg_id):
    """Every iopub message, whatever its parent, up to the status idle of
    msg_id."""
    deadline = time.monotonic() + PROGRAM_TIMEOUT
    msgs = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no status idle for {msg_id} within {PROGRAM_TIMEOUT}s")
        try:
            msg = kc.get_iopub_msg(timeout=left)
        except Empty:
            continue
        msgs.append(msg)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            return msgs


def kernel_notes_removed(stderr):
    """stderr without the kernel's own note about threads that outlive a
    cell (threadlab tells the learner; a script has no "after the cell")."""
    return "".join(line for line in stderr.splitlines(keepends=True)
                   if not line.startswith("Still running after this cell:"))


class TestTutorialPrograms(unittest.TestCase):
    """The issue's four programs, in the tutorial's style, in our own words."""

    LOOP = (
        "import threading, time\n"
        "\n"
        "def count_up():\n"
        "    me = threading.current_thread().name\n"
        "    print('%s starts counting' % me)\n"
        "    n = 0\n"
        "    while n < 5:\n"
        "        n = n + 1\n"
        "        print('%s counts %d' % (me, n))\n"
        "        time.sleep(1)\n"
        "    print('%s has ended' % me)\n"
        "\n"
        "print('%s runs' % threading.current_thread().name)\n"
        "worker = threading.Thread(target=count_up, name='LoopThread')\n"
        "worker.start()\n"
        "worker.join()\n"
        "print('%s has ended' % threading.current_thread().name)\n"
    )

    RACE = (
        "import threading\n"
        "\n"
        "balance = 0\n"
        "\n"
        "def change_it(n):\n"
        "    global balance\n"
        "    balance = balance + n\n"
        "    balance = balance - n\n"
        "\n"
        "def run_thread(n):\n"
        "    for i in range(100000):\n"
        "{body}"
        "\n"
        "{setup}"
        "t1 = threading.Thread(target=run_thread, args=(5,))\n"
        "t2 = threading.Thread(target=run_thread, args=(8,))\n"
        "t1.start()\n"
        "t2.start()\n"
        "t1.join()\n"
        "t2.join()\n"
        "print(balance)\n"
    )
    UNLOCKED = RACE.format(body="        change_it(n)\n", setup="")
    LOCKED = RACE.format(
        body=("        lock.acquire()\n"
              "        try:\n"
              "            change_it(n)\n"
              "        finally:\n"
              "            lock.release()\n"),
        setup="lock = threading.Lock()\n")

    SPIN = (
        "import multiprocessing, threading\n"
        "\n"
        "def spin():\n"
        "    x = 0\n"
        "    while True:\n"
        "        x = x ^ 1\n"
        "\n"
        "for i in range(multiprocessing.cpu_count()):\n"
        "    t = threading.Thread(target=spin)\n"
        "    t.start()\n"
    )

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def test_loop_thread_prints_what_cpython_prints(self):
        want_out, want_err, status = cpython_source(self.LOOP)
        out, err, reply = run_program(self.kc, self.LOOP, want_out)
        self.assertEqual(reply["status"], "ok", reply)
        self.assertEqual(status, 0, want_err)
        self.assertEqual(out, want_out)
        self.assertEqual(err, want_err)
        self.assertIn("LoopThread counts 5\n", out)

    def balances(self, program, runs):
        got = []
        for _ in range(runs):
            out, err, reply = run_program(self.kc, program)
            self.assertEqual(reply["status"], "ok", reply)
            self.assertEqual(err, "")
            got.append(int(out))
        return got

    def test_race_loses_updates_in_most_runs(self):
        if IS_IPYKERNEL:
            self.skipTest("CPython switches threads every 5 ms: its race hides")
        runs = 5
        got = self.balances(self.UNLOCKED, runs)
        nonzero = [b for b in got if b != 0]
        self.assertGreater(len(nonzero) * 2, runs, f"balances {got}: want most nonzero")

    def test_lock_keeps_the_balance(self):
        got = self.balances(self.LOCKED, 3)
        want_out, want_err, status = cpython_source(self.LOCKED)
        self.assertEqual((want_out, status), ("0\n", 0), want_err)
        self.assertEqual(got, [0, 0, 0])

    def spin_cpu(self):
        """Start the spinners; measure from /proc the kernel's CPU use and
        what the machine left idle meanwhile (100 = one core); interrupt
        and check that the kernel goes idle."""
        pid = kernel_pid(self.km)
        reply, _ = execute(self.kc, self.SPIN, timeout=PROGRAM_TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        idle0 = machine_idle_seconds()
        t0 = time.monotonic()
        busy = cpu_percent(pid, 1.0)
        idle = 100 * (machine_idle_seconds() - idle0) / (time.monotonic() - t0)
        runnable = sorted(runnable_threads(pid) for _ in range(200))
        msg = self.kc.session.msg("interrupt_request", {})
        self.kc.control_channel.send(msg)
        self.assertEqual(control_reply(self.kc, msg["header"]["msg_id"])["content"]["status"], "ok")
        time.sleep(0.1)  # the 100 ms the kernel is given to stop them, not a synchronisation
        after = cpu_percent(pid, 0.5)
        self.assertLess(after, 15, f"{after:.0f}% CPU after the interrupt (spinning: {busy:.0f}%)")
        # The next cell hears what the interrupt stopped; that is all.
        execute(self.kc, "pass")
        return busy, idle, runnable

    def test_spin_uses_one_core_with_the_gil_and_every_core_without(self):
        if IS_IPYKERNEL:
            self.skipTest("lab.gil is threadlab's")
        cores = os.cpu_count()
        with_gil, _, _ = self.spin_cpu()
        reply, _ = execute(self.kc, "import lab\nlab.gil(False)")
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        try:
            without, idle, runnable = self.spin_cpu()
        finally:
            execute(self.kc, "lab.gil(True)")
        # The GIL lets one thread run at a time: at most about one core,
        # however many spinners and idle cores there are.
        self.assertGreater(with_gil, 10, f"spinning with the GIL: {with_gil:.0f}% CPU")
        self.assertLess(with_gil, 135, f"{cores} spinners with the GIL: {with_gil:.0f}% CPU, want ~100")
        # Without it each spinner takes a core: more than one core in all,
        # unless the other processes on this shared machine left no core
        # idle (then there is nothing more to take).
        if cores > 1 and idle >= 30:
            self.assertGreater(without, 135,
                               f"{cores} spinners without the GIL: {without:.0f}% CPU while "
                               f"{idle:.0f}% stayed idle (with the GIL: {with_gil:.0f}%)")
        self.assertGreater(without, 10, f"spinning without the GIL: {without:.0f}% CPU")
        # Whatever the machine's load, without the GIL one of the kernel's
        # threads per spinner is running or ready to run. (With the GIL the
        # CPU bound above is the evidence, since load can only lower it:
        # counting runnable threads there also counts the OS thread that
        # Go's scheduler hands the one processor to, and its monitor
        # thread, both runnable for a while when the machine is loaded.)
        median = len(runnable) // 2
        self.assertGreaterEqual(runnable[median], cores,
                                f"threads running or ready without the GIL (count: samples): {Counter(runnable)}")


def runnable_threads(pid):
    """How many of the process's threads are running or ready to run now
    (state R in /proc)."""
    n = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/stat") as f:
                n += f.read().rsplit(")", 1)[1].split()[0] == "R"
        except OSError:
            pass  # the thread has just ended
    return n


def machine_idle_seconds():
    """Idle time of all the machine's cores so far, from /proc/stat."""
    with open("/proc/stat") as f:
        fields = f.readline().split()
    return (int(fields[4]) + int(fields[5])) / os.sysconf("SC_CLK_TCK")


def corpus():
    return sorted(glob.glob(os.path.join(CORPUS, "*.py")))


class TestCorpus(unittest.TestCase):
    """Every program of lessons/pyhost/testdata as a cell of a fresh kernel
    (automatic thread names count from the start of the process, as they
    do in CPython), its output compared with python3's."""

    def test_there_are_enough_programs(self):
        self.assertGreaterEqual(len(corpus()), 40)

    def test_programs_print_what_cpython_prints(self):
        if IS_IPYKERNEL:
            self.skipTest("ipykernel's own threads take automatic thread names")
        for path in corpus():
            name = os.path.basename(path)
            with self.subTest(program=name):
                with open(path) as f:
                    source = f.read()
                want_out, want_err, status = cpython(path)
                with own_kernel() as (km, kc):
                    out, err, reply = run_program(kc, source, want_out)
                want_report = report_lines(want_err)
                if status == 0:
                    self.assertEqual(reply["status"], "ok", reply)
                else:
                    # The program's own exception: the last line of CPython's report.
                    self.assertEqual(reply["status"], "error", reply)
                    want_report, _, last = want_report.rpartition("\n")
                    # CPython prints an exception with no message by its name only.
                    shown = f"{reply['ename']}: {reply['evalue']}" if reply["evalue"] else reply["ename"]
                    self.assertEqual(shown, last)
                self.assertEqual(out, want_out)
                self.assertEqual(report_lines(err), want_report)


if __name__ == "__main__":
    unittest.main()
