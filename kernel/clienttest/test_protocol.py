"""Integration tests: the installed kernelspec through Debian's jupyter_client.

Run:  cd kernel/clienttest && /usr/bin/python3 -m unittest -v test_protocol
The kernelspec is $THREADLAB_KERNEL (default threadlab); THREADLAB_KERNEL=python3
runs the same checks against Debian's ipykernel, which proves the harness.

Cells are plain Python, so that both kernels run them.
"""

import os
import re
import signal
import time
import unittest

import zmq
from jupyter_client.session import Session

from kernelutil import (
    IS_IPYKERNEL,
    KERNEL_NAME,
    TIMEOUT,
    control_reply,
    drain,
    execute,
    iopub_until_idle,
    iopub_wait_for,
    kernel_pid,
    own_kernel,
    result_of,
    shell_reply,
    start_kernel,
    stdout_of,
    stop_kernel,
    strip_ansi,
    wait_until,
)

# The issue asks for 100 ms; allow headroom for a loaded CI machine but keep
# the bound tight enough that a kernel which ignores interrupts fails.
INTERRUPT_DEADLINE = float(os.environ.get("THREADLAB_INTERRUPT_DEADLINE", "0.5"))


def types(msgs):
    return [m["msg_type"] for m in msgs]


def states(msgs):
    return [m["content"]["execution_state"] for m in msgs if m["msg_type"] == "status"]


class KernelCase(unittest.TestCase):
    """One kernel shared by the tests of a class."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_kernel()

    @classmethod
    def tearDownClass(cls):
        stop_kernel(cls.km, cls.kc)

    def setUp(self):
        drain(self.kc.get_iopub_msg)
        drain(self.kc.get_shell_msg)

    def run_ok(self, code, **kwargs):
        reply, msgs = execute(self.kc, code, **kwargs)
        self.assertEqual(
            reply["content"]["status"], "ok", f"cell {code!r} failed: {reply['content']}"
        )
        return reply, msgs

    def assert_error_reply(self, reply):
        c = reply["content"]
        self.assertEqual(c["status"], "error", c)
        self.assertTrue(c.get("ename"), c)
        self.assertIsInstance(c.get("traceback"), list, c)


class TestKernelInfo(KernelCase):
    def test_kernel_info_reply(self):
        msg_id = self.kc.kernel_info()
        reply = shell_reply(self.kc, msg_id)
        self.assertEqual(reply["msg_type"], "kernel_info_reply")
        c = reply["content"]
        self.assertEqual(c["status"], "ok")
        # Debian's ipykernel 6.17 speaks 5.3.
        self.assertEqual(c["protocol_version"], "5.3" if IS_IPYKERNEL else "5.5")
        self.assertTrue(c["implementation"])
        self.assertTrue(c["implementation_version"])
        self.assertIn("banner", c)
        self.assertIsInstance(c.get("help_links", []), list)
        li = c["language_info"]
        for key in ("name", "version", "mimetype", "file_extension", "pygments_lexer",
                    "codemirror_mode"):
            self.assertIn(key, li, f"language_info lacks {key}")
            self.assertTrue(li[key], f"language_info.{key} is empty")
        self.assertTrue(li["file_extension"].startswith("."))
        if not IS_IPYKERNEL:
            self.assertEqual(c["implementation"], "threadlab")
            self.assertEqual(li["name"], "python")
        # The reply is bracketed by busy/idle on iopub.
        msgs = iopub_until_idle(self.kc, msg_id)
        self.assertEqual(states(msgs), ["busy", "idle"])

    def test_language_info_as_ipykernel(self):
        # threadlab's cells are Python 3.11: frontends must treat them as
        # they treat Debian's ipykernel (highlighting, indenting, export).
        if IS_IPYKERNEL:
            self.skipTest("compares threadlab with ipykernel")
        ours = shell_reply(self.kc, self.kc.kernel_info())["content"]["language_info"]
        with own_kernel("python3") as (_, kc):
            theirs = shell_reply(kc, kc.kernel_info())["content"]["language_info"]
        for key in ("name", "mimetype", "file_extension", "pygments_lexer", "codemirror_mode"):
            self.assertEqual(ours[key], theirs[key], key)
        self.assertEqual(ours["version"].split(".")[:2], theirs["version"].split(".")[:2])

    def test_headers(self):
        msg_id = self.kc.kernel_info()
        reply = shell_reply(self.kc, msg_id)
        h = reply["header"]
        self.assertTrue(h["version"].startswith("5."), h)
        self.assertEqual(h["session"], reply["header"]["session"])
        self.assertTrue(h["msg_id"])
        self.assertTrue(h["date"])
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)

    def test_heartbeat_echo(self):
        ctx = zmq.Context.instance()
        sock = ctx.socket(zmq.REQ)
        sock.linger = 0
        try:
            sock.connect(self.km._make_url("hb"))
            sock.send(b"ping-threadlab")
            self.assertTrue(sock.poll(int(TIMEOUT * 1000)), "heartbeat did not answer")
            self.assertEqual(sock.recv(), b"ping-threadlab")
        finally:
            sock.close()


class TestExecute(KernelCase):
    def test_iopub_order_and_counts(self):
        msg_id = self.kc.execute('print("hi")\n1+1')
        reply = shell_reply(self.kc, msg_id)
        msgs = iopub_until_idle(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(
            types(msgs), ["status", "execute_input", "stream", "execute_result", "status"]
        )
        self.assertEqual(states(msgs), ["busy", "idle"])
        n = reply["content"]["execution_count"]
        self.assertEqual(msgs[1]["content"]["execution_count"], n)
        self.assertEqual(msgs[1]["content"]["code"], 'print("hi")\n1+1')
        self.assertEqual(msgs[2]["content"], {"name": "stdout", "text": "hi\n"})
        self.assertEqual(msgs[3]["content"]["execution_count"], n)
        self.assertEqual(msgs[3]["content"]["data"]["text/plain"], "2")
        self.assertIn("metadata", msgs[3]["content"])
        # execution_count increments by one per stored cell.
        reply2, msgs2 = self.run_ok("1+2")
        self.assertEqual(reply2["content"]["execution_count"], n + 1)
        self.assertEqual(result_of(msgs2), "3")

    def test_no_result_for_statement(self):
        _, msgs = self.run_ok("stmt_only = 7")
        self.assertEqual(types(msgs), ["status", "execute_input", "status"])

    def test_globals_persist_and_functions_see_rebinding(self):
        self.run_ok("gx = 1\ndef show():\n    return gx\n")
        _, msgs = self.run_ok("show()")
        self.assertEqual(result_of(msgs), "1")
        _, msgs = self.run_ok("gx = 2\nshow()")
        self.assertEqual(result_of(msgs), "2")
        # Mutable across cells.
        self.run_ok("glist = [1]")
        self.run_ok("glist.append(2)")
        _, msgs = self.run_ok("len(glist)")
        self.assertEqual(result_of(msgs), "2")

    def test_silent(self):
        before, _ = self.run_ok("silent_probe = 1")
        msg_id = self.kc.execute("silent_var = 3\n1+1", silent=True)
        reply = shell_reply(self.kc, msg_id)
        msgs = iopub_until_idle(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertNotIn("execute_input", types(msgs))
        self.assertNotIn("execute_result", types(msgs))
        after, msgs = self.run_ok("silent_var")
        self.assertEqual(result_of(msgs), "3")
        self.assertEqual(
            after["content"]["execution_count"], before["content"]["execution_count"] + 1
        )

    def test_store_history_false(self):
        before, _ = self.run_ok("nohist_probe = 1")
        r, msgs = self.run_ok("nohist = 5\n1+4", store_history=False)
        self.assertEqual(result_of(msgs), "5")
        after, _ = self.run_ok("nohist")
        self.assertEqual(
            after["content"]["execution_count"], before["content"]["execution_count"] + 1
        )

    def test_user_expressions(self):
        reply, _ = self.run_ok(
            "ue_x = 41", user_expressions={"a": "ue_x + 1", "bad": "ue_undefined_zz + 1"}
        )
        ue = reply["content"]["user_expressions"]
        self.assertEqual(ue["a"]["status"], "ok")
        self.assertEqual(ue["a"]["data"]["text/plain"], "42")
        self.assertEqual(ue["bad"]["status"], "error")
        self.assertTrue(ue["bad"]["ename"])

    def test_error_with_traceback(self):
        code = "def boom():\n    return 1 // 0\nboom()"
        msg_id = self.kc.execute(code)
        reply = shell_reply(self.kc, msg_id)
        msgs = iopub_until_idle(self.kc, msg_id)
        self.assert_error_reply(reply)
        self.assertEqual(types(msgs), ["status", "execute_input", "error", "status"])
        err = msgs[2]["content"]
        self.assertEqual(err["ename"], reply["content"]["ename"])
        self.assertTrue(err["evalue"])
        self.assertTrue(all(isinstance(line, str) for line in err["traceback"]))
        tb = strip_ansi("\n".join(err["traceback"]))
        self.assertRegex(tb, r"line 2\b|:2:", "traceback does not point at cell line 2")
        # The kernel keeps working after an error.
        _, msgs = self.run_ok("2*3")
        self.assertEqual(result_of(msgs), "6")

    def test_stop_on_error_aborts_queued(self):
        first = self.kc.execute("1 // 0")
        queued = [self.kc.execute("aborted_var = 1"), self.kc.execute("2+2")]
        self.assert_error_reply(shell_reply(self.kc, first))
        for mid in queued:
            r = shell_reply(self.kc, mid)
            self.assertEqual(r["content"]["status"], "aborted", (mid, queued, r["content"]))
        drain(self.kc.get_iopub_msg, 0.2)
        # The queue is released afterwards: a new request runs.
        reply, _ = execute(self.kc, "aborted_var")
        self.assertEqual(reply["content"]["status"], "error", "an aborted cell ran")

    def test_stop_on_error_false_runs_queued(self):
        first = self.kc.execute("1 // 0", stop_on_error=False)
        second = self.kc.execute("kept_var = 9")
        self.assert_error_reply(shell_reply(self.kc, first))
        self.assertEqual(shell_reply(self.kc, second)["content"]["status"], "ok")
        _, msgs = self.run_ok("kept_var")
        self.assertEqual(result_of(msgs), "9")

    def test_import(self):
        # Predeclared modules may be imported, as in Python ...
        _, msgs = self.run_ok("import threading, time\nthreading.current_thread().name")
        self.assertEqual(result_of(msgs), "'MainThread'")
        # ... anything else is a clear error.
        reply, _ = execute(self.kc, "import no_such_module_zz")
        self.assert_error_reply(reply)
        self.assertIn("no_such_module_zz", reply["content"]["evalue"])

    def test_print_multiple_lines(self):
        _, msgs = self.run_ok('for i in range(3):\n    print("line", i)\n')
        self.assertEqual(stdout_of(msgs), "line 0\nline 1\nline 2\n")


class TestStdin(KernelCase):
    def test_input_roundtrip(self):
        msg_id = self.kc.execute('answer = input("name? ")\nanswer', allow_stdin=True)
        req = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(req["msg_type"], "input_request")
        self.assertEqual(req["parent_header"]["msg_id"], msg_id)
        self.assertEqual(req["content"]["prompt"], "name? ")
        self.assertFalse(req["content"]["password"])
        self.kc.input("Ada")
        reply = shell_reply(self.kc, msg_id)
        msgs = iopub_until_idle(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        self.assertIn("Ada", result_of(msgs) or "")

    def test_print_streams_while_cell_runs(self):
        # The cell cannot finish before we answer input(), so "first" on
        # iopub proves that print output is sent as it happens.
        msg_id = self.kc.execute('print("first")\ninput("go? ")\nprint("second")',
                                 allow_stdin=True)
        req = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(req["msg_type"], "input_request")
        seen = []
        iopub_wait_for(
            self.kc,
            lambda m: m["msg_type"] == "stream" and "first" in m["content"]["text"],
            timeout=5,
            seen=seen,
        )
        self.assertNotIn("second", stdout_of(seen))
        self.kc.input("")
        reply = shell_reply(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        msgs = iopub_until_idle(self.kc, msg_id)
        self.assertIn("second", stdout_of(msgs))

    def test_input_without_allow_stdin_fails(self):
        reply, msgs = execute(self.kc, 'input("x? ")', allow_stdin=False)
        self.assert_error_reply(reply)
        self.assertIn("error", types(msgs))
        _, msgs = self.run_ok("1+1")
        self.assertEqual(result_of(msgs), "2")


class TestIntrospection(KernelCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        reply, _ = execute(cls.kc, "zz_alpha_one = 1\nzz_alpha_two = 2")
        assert reply["content"]["status"] == "ok", reply["content"]
        reply, _ = execute(cls.kc, "import threading")
        assert reply["content"]["status"] == "ok", reply["content"]

    def complete(self, code, cursor=None):
        msg_id = self.kc.complete(code, cursor_pos=cursor)
        reply = shell_reply(self.kc, msg_id)
        self.assertEqual(reply["msg_type"], "complete_reply")
        self.assertEqual(reply["content"]["status"], "ok")
        return reply["content"]

    def applied(self, code, c, match):
        return code[: c["cursor_start"]] + match + code[c["cursor_end"]:]

    def test_complete_globals(self):
        c = self.complete("zz_alpha_")
        self.assertTrue({"zz_alpha_one", "zz_alpha_two"} <= set(c["matches"]), c)
        self.assertEqual((c["cursor_start"], c["cursor_end"]), (0, 9))
        self.assertIn("metadata", c)

    def test_complete_inside_expression(self):
        code = "print(zz_alpha_o"
        c = self.complete(code)
        self.assertEqual(c["cursor_end"], len(code))
        self.assertEqual(c["cursor_start"], 6)
        self.assertIn("zz_alpha_one", c["matches"])

    def test_complete_cursor_mid_code(self):
        code = "x = zz_alpha_t + 1"
        cursor = len("x = zz_alpha_t")
        c = self.complete(code, cursor)
        self.assertEqual((c["cursor_start"], c["cursor_end"]), (4, cursor))
        self.assertIn("zz_alpha_two", c["matches"])

    def test_complete_counts_code_points(self):
        code = 's = "\u00fc\U0001F600"; zz_alpha_'
        c = self.complete(code, len(code))
        self.assertEqual(c["cursor_end"], len(code))
        self.assertEqual(c["cursor_start"], len(code) - len("zz_alpha_"))

    def test_complete_builtin(self):
        c = self.complete("pri")
        self.assertIn("print", [self.applied("pri", c, m) for m in c["matches"]])

    def test_complete_module_attribute(self):
        code = "threading.current_th"
        c = self.complete(code)
        full = [self.applied(code, c, m) for m in c["matches"]]
        self.assertIn("threading.current_thread", full, c)

    def test_inspect_builtin(self):
        msg_id = self.kc.inspect("print", cursor_pos=5)
        reply = shell_reply(self.kc, msg_id)
        c = reply["content"]
        self.assertEqual(reply["msg_type"], "inspect_reply")
        self.assertEqual(c["status"], "ok")
        self.assertTrue(c["found"])
        self.assertTrue(c["data"].get("text/plain"))
        self.assertIn("metadata", c)

    def test_inspect_module_function(self):
        code = "threading.Thread("
        msg_id = self.kc.inspect(code, cursor_pos=len("threading.Thr"))
        c = shell_reply(self.kc, msg_id)["content"]
        self.assertTrue(c["found"], c)
        self.assertIn("Thread", strip_ansi(c["data"]["text/plain"]))

    def test_inspect_nothing(self):
        msg_id = self.kc.inspect("no_such_name_zz", cursor_pos=5)
        c = shell_reply(self.kc, msg_id)["content"]
        self.assertEqual(c["status"], "ok")
        self.assertFalse(c["found"])

    def is_complete(self, code):
        msg_id = self.kc.is_complete(code)
        reply = shell_reply(self.kc, msg_id)
        self.assertEqual(reply["msg_type"], "is_complete_reply")
        return reply["content"]

    def test_is_complete(self):
        for code in ["x = 1", 'print("hi")', "def f():\n    return 1\n\n", "1+1"]:
            with self.subTest(code=code):
                self.assertEqual(self.is_complete(code)["status"], "complete")
        for code, indent in [("def f():", "    "), ("for i in range(3):", "    "),
                             ("x = (1,", None), ("def f():\n    if True:", "        ")]:
            with self.subTest(code=code):
                c = self.is_complete(code)
                self.assertEqual(c["status"], "incomplete")
                self.assertIn("indent", c)
                if indent is not None:
                    self.assertEqual(c["indent"], indent)
        for code in ["x = )", "1 +* 2"]:
            with self.subTest(code=code):
                self.assertEqual(self.is_complete(code)["status"], "invalid")


class TestHistory(KernelCase):
    DUP = "hist_dup_marker = 1"
    CODES = ["hist_marker_a = 101", "hist_marker_b = 102", "hist_marker_a + 1"]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in [cls.DUP, cls.DUP] + cls.CODES:
            reply, _ = execute(cls.kc, code)
            assert reply["content"]["status"] == "ok", reply["content"]
        execute(cls.kc, "hist_hidden = 1", store_history=False)

    def history(self, **kw):
        msg_id = self.kc.history(raw=True, **kw)
        reply = shell_reply(self.kc, msg_id)
        self.assertEqual(reply["msg_type"], "history_reply")
        self.assertEqual(reply["content"]["status"], "ok")
        return reply["content"]["history"]

    def test_tail(self):
        h = self.history(output=False, hist_access_type="tail", n=3)
        self.assertEqual([e[2] for e in h], self.CODES)
        self.assertEqual([len(e) for e in h], [3, 3, 3])
        lines = [e[1] for e in h]
        self.assertEqual(lines, sorted(lines))

    def test_tail_with_output(self):
        h = self.history(output=True, hist_access_type="tail", n=1)
        self.assertEqual(len(h), 1)
        inp, out = h[0][2]
        self.assertEqual(inp, self.CODES[2])
        if not IS_IPYKERNEL:  # ipykernel does not record outputs by default
            self.assertEqual(out, "102")

    def test_range(self):
        tail = self.history(output=False, hist_access_type="tail", n=3)
        session, start = tail[0][0], tail[0][1]
        h = self.history(output=False, hist_access_type="range", session=session,
                         start=start, stop=start + 2)
        self.assertEqual([e[2] for e in h], self.CODES[:2])
        self.assertEqual([e[1] for e in h], [start, start + 1])
        # IPython reports the current session as 0 here; threadlab must echo it.
        sessions = (session, 0) if IS_IPYKERNEL else (session,)
        self.assertTrue(all(e[0] in sessions for e in h), h)

    def test_search(self):
        h = self.history(output=False, hist_access_type="search", pattern="hist_marker_*")
        found = [e[2] for e in h]
        for code in self.CODES:
            self.assertIn(code, found)
        self.assertNotIn("hist_hidden = 1", found)
        h = self.history(output=False, hist_access_type="search", pattern="hist_marker_b*",
                         n=1)
        self.assertEqual([e[2] for e in h], ["hist_marker_b = 102"])

    def test_search_unique(self):
        h = self.history(output=False, hist_access_type="search", pattern="hist_dup_*")
        self.assertGreaterEqual([e[2] for e in h].count(self.DUP), 2)
        h = self.history(output=False, hist_access_type="search", pattern="hist_dup_*",
                         unique=True)
        self.assertEqual([e[2] for e in h], [self.DUP])


class TestComms(KernelCase):
    def test_comm_info(self):
        msg_id = self.kc.comm_info()
        reply = shell_reply(self.kc, msg_id)
        self.assertEqual(reply["msg_type"], "comm_info_reply")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["comms"], {})
        msg_id = self.kc.comm_info(target_name="jupyter.widget")
        self.assertEqual(shell_reply(self.kc, msg_id)["content"]["comms"], {})

    def test_comm_open_unknown_target_is_closed(self):
        comm_id = "threadlab-test-comm-1"
        msg = self.kc.session.msg(
            "comm_open", {"comm_id": comm_id, "target_name": "no.such.target", "data": {}}
        )
        self.kc.shell_channel.send(msg)
        iopub_wait_for(
            self.kc,
            lambda m: m["msg_type"] == "comm_close" and m["content"]["comm_id"] == comm_id,
        )
        # Still healthy afterwards.
        _, msgs = self.run_ok("1+1")
        self.assertEqual(result_of(msgs), "2")


class TestInterrupt(KernelCase):
    SPIN = 'print("spinning")\nwhile True:\n    pass\n'

    def spin_then(self, interrupt):
        """Start a spinning cell, wait until it runs, interrupt it; return the
        reply, the iopub messages and the interrupt latency."""
        msg_id = self.kc.execute(self.SPIN)
        seen = []
        iopub_wait_for(
            self.kc,
            lambda m: m["parent_header"].get("msg_id") == msg_id
            and m["msg_type"] == "stream" and "spinning" in m["content"]["text"],
            seen=seen,
        )
        t0 = time.monotonic()
        interrupt(msg_id)
        reply = shell_reply(self.kc, msg_id, timeout=max(TIMEOUT, INTERRUPT_DEADLINE))
        latency = time.monotonic() - t0
        msgs = iopub_until_idle(self.kc, msg_id)
        self.assertEqual(reply["content"]["status"], "error", reply["content"])
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        self.assertIn("error", types(msgs))
        self.assertLess(latency, INTERRUPT_DEADLINE,
                        f"interrupt took {latency * 1000:.0f} ms")
        # The next cell works.
        _, msgs = self.run_ok("after_interrupt = 40\nafter_interrupt + 2")
        self.assertEqual(result_of(msgs), "42")
        return latency

    def test_interrupt_kernel_manager(self):
        self.spin_then(lambda _: self.km.interrupt_kernel())

    def test_interrupt_request_message(self):
        def send(_):
            msg = self.kc.session.msg("interrupt_request", {})
            self.kc.control_channel.send(msg)
            self.interrupt_reply = msg["header"]["msg_id"]

        self.spin_then(send)
        reply = control_reply(self.kc, self.interrupt_reply)
        self.assertEqual(reply["msg_type"], "interrupt_reply")
        if not IS_IPYKERNEL:  # ipykernel 6.17 echoes the request's empty content
            self.assertEqual(reply["content"]["status"], "ok")

    def test_interrupt_sigint(self):
        self.spin_then(lambda _: os.kill(kernel_pid(self.km), signal.SIGINT))

    def test_heartbeat_while_spinning(self):
        msg_id = self.kc.execute(self.SPIN)
        iopub_wait_for(
            self.kc,
            lambda m: m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "stream",
        )
        ctx = zmq.Context.instance()
        sock = ctx.socket(zmq.REQ)
        sock.linger = 0
        try:
            sock.connect(self.km._make_url("hb"))
            for i in range(5):
                sock.send(b"beat%d" % i)
                self.assertTrue(sock.poll(2000), "no heartbeat while a cell spins")
                sock.recv()
        finally:
            sock.close()
            self.km.interrupt_kernel()
            shell_reply(self.kc, msg_id)
            iopub_until_idle(self.kc, msg_id)


def proc_cpu_seconds(pid):
    """CPU time (user + system) the process has used, from /proc: measured
    from outside, not by the kernel itself."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_rss(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc")


def cpu_percent(pid, seconds):
    """How busy the process was over the next `seconds`: 100 = one core."""
    t0, c0 = time.monotonic(), proc_cpu_seconds(pid)
    time.sleep(seconds)  # the measuring window itself, not a wait for an event
    return 100 * (proc_cpu_seconds(pid) - c0) / (time.monotonic() - t0)


class TestProtocol55(KernelCase):
    """What protocol 5.5 adds: kernel_info on control, supported_features,
    iopub_welcome on an XPUB iopub, usage_request."""

    def test_kernel_info_on_control(self):
        msg = self.kc.session.msg("kernel_info_request", {})
        self.kc.control_channel.send(msg)
        reply = control_reply(self.kc, msg["header"]["msg_id"])
        self.assertEqual(reply["msg_type"], "kernel_info_reply")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertIn("language_info", reply["content"])

    def test_supported_features(self):
        if IS_IPYKERNEL:
            self.skipTest("Debian's ipykernel 6.17 predates supported_features")
        reply = shell_reply(self.kc, self.kc.kernel_info())
        # threadlab has neither a debugger nor kernel subshells, the two
        # optional features defined so far: the list is there, and empty.
        self.assertEqual(reply["content"]["supported_features"], [])
        self.assertIs(reply["content"]["debugger"], False)

    def subscribe(self):
        """A new SUB socket on iopub, subscribed to everything, and a
        function that reads its next message (None after timeout s)."""
        session = Session(key=self.km.session.key, signature_scheme=self.km.session.signature_scheme)
        sub = zmq.Context.instance().socket(zmq.SUB)
        sub.linger = 0
        sub.connect(self.km._make_url("iopub"))
        sub.setsockopt(zmq.SUBSCRIBE, b"")

        def recv(timeout):
            if not sub.poll(int(timeout * 1000)):
                return None
            idents, parts = session.feed_identities(sub.recv_multipart())
            return session.deserialize(parts)

        return sub, recv

    def test_late_subscriber_is_welcomed(self):
        if IS_IPYKERNEL:
            self.skipTest("Debian's ipykernel 6.17 has a PUB iopub, no iopub_welcome")
        sub, recv = self.subscribe()
        try:
            welcome = recv(TIMEOUT)
            self.assertIsNotNone(welcome, "a new subscriber got no iopub_welcome")
            self.assertEqual(welcome["msg_type"], "iopub_welcome")
            self.assertEqual(welcome["content"], {"subscription": ""})
            # Everything published from now on reaches the new subscriber,
            # just as it reaches the client's own iopub.
            reply, msgs = self.run_ok('print("late")\n6 * 7')
            msg_id = reply["parent_header"]["msg_id"]
            theirs = []
            while not theirs or theirs[-1]["msg_type"] != "status" or \
                    theirs[-1]["content"]["execution_state"] != "idle":
                m = recv(TIMEOUT)
                self.assertIsNotNone(m, f"the late subscriber stopped getting messages after {types(theirs)}")
                if m["parent_header"].get("msg_id") == msg_id:
                    theirs.append(m)
            self.assertEqual(types(theirs), types(msgs))
            self.assertEqual(stdout_of(theirs), "late\n")
        finally:
            sub.close()

    def test_late_subscriber_learns_the_state(self):
        # jupyter_server 1.x does not nudge a kernel it believes busy, so the
        # iopub stream it opens for a websocket may join after the status of
        # the frontend's first request; the status that follows the welcome
        # is then all the frontend learns (JupyterLab shows "unknown" without).
        if IS_IPYKERNEL:
            self.skipTest("Debian's ipykernel 6.17 has a PUB iopub, no iopub_welcome")
        for state in ("idle", "busy"):
            with self.subTest(state=state):
                msg_id = None
                if state == "idle":
                    self.run_ok("1 + 1")
                else:  # a cell waiting for input keeps the kernel busy
                    msg_id = self.kc.execute('input("go? ")', allow_stdin=True)
                    req = self.kc.get_stdin_msg(timeout=TIMEOUT)
                    self.assertEqual(req["msg_type"], "input_request")
                sub, recv = self.subscribe()
                try:
                    got = [recv(TIMEOUT), recv(TIMEOUT)]
                finally:
                    sub.close()
                    if msg_id:
                        self.kc.input("")
                        shell_reply(self.kc, msg_id)
                        iopub_until_idle(self.kc, msg_id)
                self.assertNotIn(None, got, f"a new subscriber got only {types([m for m in got if m])}")
                self.assertEqual(types(got), ["iopub_welcome", "status"])
                self.assertEqual(got[1]["content"], {"execution_state": state})
                self.assertEqual(got[1]["parent_header"], {})

    def test_usage_request(self):
        msg = self.kc.session.msg("usage_request", {})
        self.kc.control_channel.send(msg)
        reply = control_reply(self.kc, msg["header"]["msg_id"])
        self.assertEqual(reply["msg_type"], "usage_reply")
        c = reply["content"]
        for key in ("hostname", "pid", "kernel_cpu", "kernel_memory", "cpu_count",
                    "host_virtual_memory"):
            self.assertIn(key, c)
        pid = kernel_pid(self.km)
        self.assertEqual(c["pid"], pid)
        self.assertEqual(c["cpu_count"], os.cpu_count())
        self.assertGreater(c["host_virtual_memory"]["total"], 0)
        self.assertGreaterEqual(c["kernel_cpu"], 0)
        if not IS_IPYKERNEL:  # ipykernel reports PSS, and omits a 0.0 host figure
            self.assertIn("host_cpu_percent", c)
            rss = proc_rss(pid)
            self.assertLess(abs(c["kernel_memory"] - rss), 0.1 * rss,
                            f"kernel_memory {c['kernel_memory']} vs /proc VmRSS {rss}")


class TestIdleInterrupt(KernelCase):
    """The stop button stops everything: an interrupt while no cell runs ends
    the threads earlier cells left running."""

    # The tutorial's spinning program: a busy thread per core, started by a
    # cell that returns at once.
    SPIN = (
        "import multiprocessing, threading\n"
        "def spin():\n"
        "    x = 0\n"
        "    while True:\n"
        "        x = x ^ 1\n"
        "\n"
        "for i in range(multiprocessing.cpu_count()):\n"
        "    threading.Thread(target=spin, name='spinner-' + str(i + 1)).start()\n"
    )

    def setUp(self):
        if IS_IPYKERNEL:
            self.skipTest("ipykernel cannot stop Python threads")
        super().setUp()

    def stopped_by(self, interrupt):
        pid = kernel_pid(self.km)
        reply, msgs = self.run_ok(self.SPIN)
        out = "".join(m["content"]["text"] for m in msgs
                      if m["msg_type"] == "stream" and m["content"]["name"] == "stderr")
        self.assertIn("Still running after this cell", out)
        self.assertIn("'spinner-1'", out)
        # On a shared machine the spinners get what the others leave them;
        # what matters is that they are measurably busy, then not at all.
        busy = cpu_percent(pid, 0.5)
        self.assertGreater(busy, 10, "the spinning threads are not running")
        interrupt()
        # Back to idle within 100 ms: the window starts 100 ms after the
        # interrupt was sent, and nearly nothing runs in it.
        time.sleep(0.1)  # the 100 ms the kernel is given, not a synchronisation
        after = cpu_percent(pid, 0.5)
        self.assertLess(after, min(10, busy / 3),
                        f"{after:.0f}% CPU 100 ms after the interrupt (before: {busy:.0f}%)")
        # The next cell says, once, what was stopped.
        _, msgs = self.run_ok("1 + 1")
        said = "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream")
        self.assertEqual(said.count("The interrupt stopped"), 1, said)
        self.assertIn("'spinner-1'", said)
        _, msgs = self.run_ok("2 + 2")
        self.assertNotIn("The interrupt stopped", "".join(
            m["content"].get("text", "") for m in msgs if m["msg_type"] == "stream"))

    def test_interrupt_request_while_idle(self):
        def send():
            msg = self.kc.session.msg("interrupt_request", {})
            self.kc.control_channel.send(msg)
            self.assertEqual(control_reply(self.kc, msg["header"]["msg_id"])["content"]["status"], "ok")
        self.stopped_by(send)

    def test_sigint_while_idle(self):
        self.stopped_by(lambda: os.kill(kernel_pid(self.km), signal.SIGINT))


class TestSigning(KernelCase):
    """Messages with a bad or missing signature are dropped, never executed."""

    def raw_shell(self):
        sock = zmq.Context.instance().socket(zmq.DEALER)
        sock.linger = 0
        sock.connect(self.km._make_url("shell"))
        return sock

    def test_bad_signatures_are_dropped(self):
        good = Session(key=self.km.session.key, username="test")
        wrong = Session(key=b"not-the-key", username="test")
        unsigned = Session(key=b"", username="test")
        sock = self.raw_shell()
        try:
            wrong.send(sock, "execute_request", self.exec_content("bad_sig_a = 1"))
            unsigned.send(sock, "execute_request", self.exec_content("bad_sig_b = 1"))
            # A signed request on the same connection is handled after them.
            probe = good.send(sock, "kernel_info_request", {})
            deadline = time.monotonic() + TIMEOUT
            while True:
                left = deadline - time.monotonic()
                self.assertGreater(left, 0, "no reply to the signed probe")
                if not sock.poll(int(left * 1000)):
                    continue
                _, parts = good.feed_identities(sock.recv_multipart())
                msg = good.deserialize(parts)
                self.assertNotEqual(msg["msg_type"], "execute_reply",
                                    "a badly signed execute_request got a reply")
                if msg["parent_header"].get("msg_id") == probe["header"]["msg_id"]:
                    break
        finally:
            sock.close()
        for name in ("bad_sig_a", "bad_sig_b"):
            reply, _ = execute(self.kc, name)
            self.assertEqual(reply["content"]["status"], "error",
                             f"{name} is defined: a badly signed cell ran")

    @staticmethod
    def exec_content(code):
        return {"code": code, "silent": False, "store_history": True,
                "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}


class TestLifecycle(unittest.TestCase):
    """Restart and shutdown, each on a kernel of its own."""

    def test_restart(self):
        with own_kernel() as (km, kc):
            r, _ = execute(kc, "restart_var = 5")
            self.assertEqual(r["content"]["status"], "ok")
            old_pid = kernel_pid(km)
            km.restart_kernel(now=False)
            kc.wait_for_ready(timeout=60)
            self.assertNotEqual(kernel_pid(km), old_pid)
            drain(kc.get_iopub_msg)
            reply, _ = execute(kc, "restart_var")
            self.assertEqual(reply["content"]["status"], "error", "globals survived restart")
            reply, msgs = execute(kc, "1+1")
            self.assertEqual(reply["content"]["status"], "ok")
            self.assertEqual(result_of(msgs), "2")
            self.assertEqual(reply["content"]["execution_count"], 2)

    def shutdown_via(self, channel):
        with own_kernel() as (km, kc):
            msg = kc.session.msg("shutdown_request", {"restart": False})
            getattr(kc, channel + "_channel").send(msg)
            getter = kc.get_control_msg if channel == "control" else kc.get_shell_msg
            deadline = time.monotonic() + TIMEOUT
            while True:
                reply = getter(timeout=max(0.01, deadline - time.monotonic()))
                if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                    break
            self.assertEqual(reply["msg_type"], "shutdown_reply")
            self.assertEqual(reply["content"]["status"], "ok")
            self.assertIs(reply["content"]["restart"], False)
            wait_until(lambda: not km.is_alive(), 10, what="kernel process to exit")

    def test_shutdown_on_control(self):
        self.shutdown_via("control")

    def test_shutdown_on_shell(self):
        self.shutdown_via("shell")

    def test_shutdown_with_restart_flag(self):
        with own_kernel() as (km, kc):
            msg_id = kc.shutdown(restart=True)
            reply = control_reply(kc, msg_id)
            self.assertEqual(reply["content"]["restart"], True)
            wait_until(lambda: not km.is_alive(), 10, what="kernel process to exit")


if __name__ == "__main__":
    print(f"kernelspec under test: {KERNEL_NAME}")
    unittest.main(verbosity=2)
