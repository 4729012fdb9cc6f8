#!/usr/bin/python3
"""Kernel benchmark: threadlab beside Debian's ipykernel, in the same run.

  /usr/bin/python3 kernel/clienttest/bench_kernel.py [--out build/bench/kernel.json]

Metrics, per installed kernelspec:
  cold start      KernelManager.start_kernel() to the first kernel_info_reply
                  (median of --starts runs, a fresh kernel each time)
  execute         round trip of `1+1` through jupyter_client, from sending the
                  execute_request until both the execute_reply and the iopub
                  status idle have arrived (median and p99 of --executes runs,
                  after a warm-up)
  rss start       resident memory of the kernel process tree right after the
                  first kernel_info_reply
  rss 1000 cells  the same after 1000 more executed cells

Goals (issue 2): cold start <= 1/5, execute median <= 1/2, rss start <= 1/4 of
ipykernel's. Exit status is 0 either way: the table reports, `make test` judges.
"""

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from jupyter_client.manager import KernelManager  # noqa: E402

from kernelutil import (  # noqa: E402
    control_reply, iopub_until_idle, kernel_pid, shell_reply, wait_iopub_ready,
)

try:
    import psutil
except ImportError:  # /proc fallback below
    psutil = None

KERNELS = ("threadlab", "python3")


def rss_bytes(pid):
    """Resident memory of pid and all its descendants."""
    if psutil is not None:
        try:
            p = psutil.Process(pid)
            procs = [p] + p.children(recursive=True)
            total = 0
            for q in procs:
                try:
                    total += q.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
            return total
        except psutil.NoSuchProcess:
            return 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def percentile(values, q):
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(q / 100 * (len(s) - 1)))))
    return s[k]


def start(name, spawn_times=None):
    """Start a kernel; return (km, kc, seconds to first kernel_info_reply).
    spawn_times gets the part spent inside start_kernel() (process launch)."""
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    if spawn_times is not None:
        spawn_times.append(time.perf_counter() - t0)
    kc = km.client()
    kc.start_channels()
    # One request suffices: the DEALER socket queues it until the kernel binds.
    msg_id = kc.kernel_info()
    shell_reply(kc, msg_id, timeout=60)
    return km, kc, time.perf_counter() - t0


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    km.cleanup_resources()


def execute_once(kc, code="1+1"):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    reply = shell_reply(kc, msg_id)
    iopub_until_idle(kc, msg_id)
    dt = time.perf_counter() - t0
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"{code!r} failed: {reply['content']}")
    return dt


def proc_cpu_seconds(pid):
    """CPU time the process has used so far, from /proc."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def usage_requests(km, kc, n):
    """n usage_requests on control, one at a time, as jupyter-resource-usage
    sends them: the round trips, and the kernel's CPU time per request."""
    pid = kernel_pid(km)
    rts = []
    cpu0 = proc_cpu_seconds(pid)
    for _ in range(n):
        msg = kc.session.msg("usage_request", {})
        t0 = time.perf_counter()
        kc.control_channel.send(msg)
        reply = control_reply(kc, msg["header"]["msg_id"])
        rts.append(time.perf_counter() - t0)
        if reply["msg_type"] != "usage_reply" or "kernel_memory" not in reply["content"]:
            raise RuntimeError(f"usage_request: {reply['content']}")
    return rts, (proc_cpu_seconds(pid) - cpu0) / n


def bench(name, starts, executes, cells):
    print(f"-- {name}: {starts} cold starts", file=sys.stderr, flush=True)
    cold, spawn, rss_start = [], [], []
    for _ in range(starts):
        km, kc, dt = start(name, spawn)
        cold.append(dt)
        rss_start.append(rss_bytes(kernel_pid(km)))
        stop(km, kc)

    print(f"-- {name}: {executes} executes, then {cells} cells", file=sys.stderr, flush=True)
    km, kc, _ = start(name)
    try:
        wait_iopub_ready(kc)
        for _ in range(20):  # warm-up
            execute_once(kc)
        rt = [execute_once(kc) for _ in range(executes)]
        for _ in range(cells):
            execute_once(kc)
        rss_cells = rss_bytes(kernel_pid(km))
        usage_rt, usage_cpu = usage_requests(km, kc, executes)
    finally:
        stop(km, kc)

    return {
        "cold_start_s": {"median": statistics.median(cold), "min": min(cold),
                         "max": max(cold), "runs": cold,
                         "spawn_median": statistics.median(spawn)},
        "execute_s": {"median": statistics.median(rt), "p99": percentile(rt, 99),
                      "mean": statistics.fmean(rt), "runs": len(rt)},
        "rss_start_bytes": statistics.median(rss_start),
        "rss_after_cells_bytes": rss_cells,
        "cells_executed": 20 + executes + cells,
        "usage_request_s": {"median": statistics.median(usage_rt), "p99": percentile(usage_rt, 99),
                            "kernel_cpu_per_request": usage_cpu},
    }


# metric key, label, extractor, unit, goal ratio (threadlab/ipykernel) or None
METRICS = [
    ("cold_start_median", "cold start (median)", lambda r: r["cold_start_s"]["median"], "s", 1 / 5),
    ("execute_median", "execute 1+1 (median)", lambda r: r["execute_s"]["median"], "s", 1 / 2),
    ("execute_p99", "execute 1+1 (p99)", lambda r: r["execute_s"]["p99"], "s", None),
    ("rss_start", "RSS after start", lambda r: r["rss_start_bytes"], "B", 1 / 4),
    ("rss_after_cells", "RSS after cells", lambda r: r["rss_after_cells_bytes"], "B", None),
    ("usage_median", "usage_request (median)", lambda r: r["usage_request_s"]["median"], "s", None),
    ("usage_cpu", "usage_request kernel CPU", lambda r: r["usage_request_s"]["kernel_cpu_per_request"],
     "s", None),
]


def fmt(value, unit):
    if unit == "s":
        return f"{value * 1000:.2f} ms"
    return f"{value / 2**20:.1f} MiB"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="build/bench/kernel.json")
    ap.add_argument("--starts", type=int, default=10)
    ap.add_argument("--executes", type=int, default=200)
    ap.add_argument("--cells", type=int, default=1000)
    ap.add_argument("--kernels", default=",".join(KERNELS),
                    help="comma-separated kernelspecs; the first is compared with the second")
    args = ap.parse_args()
    kernels = args.kernels.split(",")

    results = {name: bench(name, args.starts, args.executes, args.cells) for name in kernels}

    rows = []
    subject, peer = kernels[0], kernels[-1]
    for key, label, get, unit, goal in METRICS:
        a, b = get(results[subject]), get(results[peer])
        ratio = a / b if b else float("nan")
        ok = None if goal is None else ratio <= goal
        rows.append({"metric": key, "label": label, subject: a, peer: b, "unit": unit,
                     "ratio": ratio, "goal": goal, "met": ok})

    head = f"{'metric':24} {subject:>12} {peer:>12} {'ratio':>8}  goal"
    print()
    print(f"Kernel benchmark ({args.starts} starts, {args.executes} executes, "
          f"+{args.cells} cells)")
    print(head)
    print("-" * len(head) + "-" * 12)
    for r in rows:
        goal = "" if r["goal"] is None else (
            f"<= 1/{round(1 / r['goal'])}  " + ("met" if r["met"] else "NOT MET"))
        print(f"{r['label']:24} {fmt(r[subject], r['unit']):>12} {fmt(r[peer], r['unit']):>12} "
              f"{r['ratio']:8.3f}  {goal}")

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump({"kernels": results, "summary": rows,
                   "config": vars(args), "time": time.time()}, f, indent=2)
    print(f"\nwritten: {args.out}")


if __name__ == "__main__":
    main()
