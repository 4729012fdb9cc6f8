"""Shared helpers for the threadlab client tests and benchmarks.

Everything here waits with deadlines (polling), never with fixed sleeps.
The kernelspec under test is $THREADLAB_KERNEL (default "threadlab"); set it
to "python3" to prove the harness itself against Debian's ipykernel.
"""

import contextlib
import os
import re
import time
from queue import Empty

from jupyter_client.manager import KernelManager

# ipykernel's debugger otherwise warns about frozen modules on every start.
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

KERNEL_NAME = os.environ.get("THREADLAB_KERNEL", "threadlab")
IS_IPYKERNEL = KERNEL_NAME.startswith("python")

# Generous bound for one reply: a healthy kernel answers in milliseconds.
TIMEOUT = float(os.environ.get("THREADLAB_TEST_TIMEOUT", "15"))

ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def strip_ansi(text):
    return ANSI.sub("", text)


def start_kernel(name=KERNEL_NAME, timeout=60):
    """Start the installed kernelspec `name`; return (km, kc) once ready."""
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=timeout)
        wait_iopub_ready(kc, timeout=timeout)
    except Exception:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        raise
    return km, kc


def wait_iopub_ready(kc, timeout=60):
    """Make sure our iopub subscription receives messages (a SUB socket misses
    what is published before it has joined): send kernel_info requests until
    the status message of one of them arrives on iopub."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg_id = kc.kernel_info()
        shell_reply(kc, msg_id, timeout=max(0.1, deadline - time.monotonic()))
        poll_end = min(deadline, time.monotonic() + 0.5)
        while time.monotonic() < poll_end:
            try:
                msg = kc.get_iopub_msg(timeout=max(0.01, poll_end - time.monotonic()))
            except Empty:
                break
            if msg["parent_header"].get("msg_id") == msg_id:
                drain(kc.get_iopub_msg, 0.05)
                return
    raise AssertionError(f"iopub never delivered a message within {timeout}s")


@contextlib.contextmanager
def own_kernel(name=KERNEL_NAME):
    """A kernel for one test, which may restart it or shut it down: it is gone
    afterwards either way."""
    km, kc = start_kernel(name)
    try:
        yield km, kc
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
        else:
            km.cleanup_resources()


def stop_kernel(km, kc):
    try:
        kc.stop_channels()
    finally:
        if km.has_kernel:
            km.shutdown_kernel(now=False)


def drain(channel_get, timeout=0.05):
    """Discard what is queued on a channel (get_iopub_msg, get_shell_msg...)."""
    out = []
    while True:
        try:
            out.append(channel_get(timeout=timeout))
        except Empty:
            return out


def reply_to(get, msg_id, timeout=TIMEOUT, what="reply", others=None):
    """The message from get (kc.get_shell_msg, kc.get_control_msg) whose
    parent is msg_id. Others read meanwhile go to `others`, or are dropped."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no {what} to {msg_id} within {timeout}s")
        try:
            msg = get(timeout=left)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg
        if others is not None:
            others.append(msg)


def shell_reply(kc, msg_id, timeout=TIMEOUT):
    """The shell reply whose parent is msg_id (other replies are dropped)."""
    return reply_to(kc.get_shell_msg, msg_id, timeout, "shell reply")


def control_reply(kc, msg_id, timeout=TIMEOUT):
    """The control reply whose parent is msg_id (other replies are dropped)."""
    return reply_to(kc.get_control_msg, msg_id, timeout, "control reply")


def iopub_until_idle(kc, msg_id, timeout=TIMEOUT):
    """All iopub messages whose parent is msg_id, up to and including the
    status idle one. Messages of other parents are skipped."""
    deadline = time.monotonic() + timeout
    msgs = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            types = [m["msg_type"] for m in msgs]
            raise AssertionError(f"no status idle for {msg_id} within {timeout}s; got {types}")
        try:
            msg = kc.get_iopub_msg(timeout=left)
        except Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return msgs


def iopub_wait_for(kc, predicate, timeout=TIMEOUT, seen=None):
    """Read iopub until predicate(msg) is true; return that message.
    Every message read is appended to `seen` when given."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"iopub: expected message not seen within {timeout}s")
        try:
            msg = kc.get_iopub_msg(timeout=left)
        except Empty:
            continue
        if seen is not None:
            seen.append(msg)
        if predicate(msg):
            return msg


def execute(kc, code, timeout=TIMEOUT, **kwargs):
    """Execute code; return (reply, iopub messages of this request)."""
    msg_id = kc.execute(code, **kwargs)
    reply = shell_reply(kc, msg_id, timeout)
    msgs = iopub_until_idle(kc, msg_id, timeout)
    return reply, msgs


def stdout_of(msgs):
    return "".join(
        m["content"]["text"]
        for m in msgs
        if m["msg_type"] == "stream" and m["content"]["name"] == "stdout"
    )


def result_of(msgs):
    """text/plain of the execute_result among msgs (None when absent)."""
    for m in msgs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"].get("text/plain")
    return None


def wait_until(predicate, timeout, interval=0.02, what="condition"):
    """Poll predicate() until it is truthy or the deadline passes."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


def kernel_pid(km):
    """PID of the kernel process started by km (jupyter_client 7 and 8)."""
    prov = getattr(km, "provisioner", None)
    if prov is not None:
        proc = getattr(prov, "process", None)
        if proc is not None:
            return proc.pid
        pid = getattr(prov, "pid", None)
        if pid:
            return pid
    return km.kernel.pid
