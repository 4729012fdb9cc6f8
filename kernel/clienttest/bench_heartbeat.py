#!/usr/bin/python3
"""Heartbeat latency while every core spins: threadlab beside Debian's ipykernel.

  /usr/bin/python3 kernel/clienttest/bench_heartbeat.py [--out build/bench/heartbeat.json]

A frontend decides a kernel is dead when heartbeat pings go unanswered, so the
echo must stay fast however busy the learner's threads keep the machine. For
each kernelspec and load, a fresh kernel runs the load cell, then one REQ
socket sends --pings pings back to back (after a warm-up) and the round trips
give p50 and p99. The CPU% of the kernel's process tree over the measurement
is printed too, to show the cores really were busy.

Loads (one spinning worker per core, multiprocessing.cpu_count()):
  idle       nothing running
  threads    threadlab: lab.gil(False) and threading.Thread workers
             ipykernel: threading.Thread workers (CPython's GIL)
  processes  multiprocessing.Process workers in both

Exit status is 0 either way: the table reports.
"""

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import zmq  # noqa: E402

from kernelutil import execute, start_kernel, stop_kernel  # noqa: E402

try:
    import psutil
except ImportError:
    psutil = None

KERNELS = ("threadlab", "python3")

THREADLAB_SPIN = """\
import threading, multiprocessing
def spin():
    x = 0
    while True:
        x = x ^ 1
"""

LOADS = {
    "threadlab": {
        "idle": ("", "lab.stop()"),
        "threads": (THREADLAB_SPIN + "lab.gil(False)\n"
                    "for i in range(multiprocessing.cpu_count()):\n"
                    "    threading.Thread(target=spin).start()\n", "lab.stop()"),
        "processes": (THREADLAB_SPIN + "ps = [multiprocessing.Process(target=spin) "
                      "for i in range(multiprocessing.cpu_count())]\n"
                      "for p in ps:\n    p.start()\n", "lab.stop()"),
    },
    "python3": {
        "idle": ("", ""),
        "threads": ("import threading, multiprocessing\n"
                    "stop = threading.Event()\n"
                    "def spin():\n    x = 0\n    while not stop.is_set():\n        x = x ^ 1\n"
                    "ts = [threading.Thread(target=spin, daemon=True) "
                    "for i in range(multiprocessing.cpu_count())]\n"
                    "for t in ts:\n    t.start()\n",
                    "stop.set()\nfor t in ts:\n    t.join()\n"),
        "processes": ("import multiprocessing\n"
                      "ev = multiprocessing.Event()\n"
                      "def spin(ev):\n    x = 0\n    while not ev.is_set():\n        x = x ^ 1\n"
                      "ps = [multiprocessing.Process(target=spin, args=(ev,), daemon=True) "
                      "for i in range(multiprocessing.cpu_count())]\n"
                      "for p in ps:\n    p.start()\n",
                      "ev.set()\nfor p in ps:\n    p.join()\n"),
    },
}
LOAD_LABEL = {"idle": "idle", "threads": "threads on every core",
              "processes": "processes on every core"}


def percentile(values, q):
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(q / 100 * (len(s) - 1)))))
    return s[k]


def tree_cpu_seconds(pid):
    if psutil is None:
        return None
    try:
        p = psutil.Process(pid)
        total = 0.0
        for q in [p] + p.children(recursive=True):
            try:
                t = q.cpu_times()
                total += t.user + t.system
            except psutil.NoSuchProcess:
                pass
        return total
    except psutil.NoSuchProcess:
        return None


def pings(url, n, warmup=50, timeout=10.0):
    sock = zmq.Context.instance().socket(zmq.REQ)
    sock.linger = 0
    sock.connect(url)
    rtts, lost = [], 0
    try:
        for i in range(warmup + n):
            payload = b"hb%d" % i
            t0 = time.perf_counter()
            sock.send(payload)
            if not sock.poll(int(timeout * 1000)):
                # A REQ socket cannot send again before a reply: start over.
                lost += 1
                sock.close()
                sock = zmq.Context.instance().socket(zmq.REQ)
                sock.linger = 0
                sock.connect(url)
                continue
            sock.recv()
            if i >= warmup:
                rtts.append(time.perf_counter() - t0)
    finally:
        sock.close()
    return rtts, lost


def measure(name, load, n):
    from kernelutil import kernel_pid

    start_code, stop_code = LOADS[name][load]
    km, kc = start_kernel(name)
    try:
        if start_code:
            r, _ = execute(kc, start_code, timeout=60)
            if r["content"]["status"] != "ok":
                raise RuntimeError(f"{name} {load}: load cell failed: {r['content']}")
        pid = kernel_pid(km)
        c0, t0 = tree_cpu_seconds(pid), time.monotonic()
        rtts, lost = pings(km._make_url("hb"), n)
        c1, t1 = tree_cpu_seconds(pid), time.monotonic()
        cpu = None if c0 is None or c1 is None else 100 * (c1 - c0) / (t1 - t0)
        if stop_code:
            execute(kc, stop_code, timeout=60)
    finally:
        stop_kernel(km, kc)
        km.cleanup_resources()
    return {"p50_s": statistics.median(rtts), "p99_s": percentile(rtts, 99),
            "max_s": max(rtts), "mean_s": statistics.fmean(rtts), "pings": len(rtts),
            "lost": lost, "cpu_percent": cpu}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="build/bench/heartbeat.json")
    ap.add_argument("--pings", type=int, default=2000)
    ap.add_argument("--kernels", default=",".join(KERNELS),
                    help="comma-separated kernelspecs; the first is compared with the second")
    args = ap.parse_args()
    kernels = args.kernels.split(",")
    cores = os.cpu_count()

    results = {}
    for name in kernels:
        results[name] = {}
        for load in LOADS[name]:
            print(f"-- {name}: heartbeat, {load}", file=sys.stderr, flush=True)
            results[name][load] = measure(name, load, args.pings)

    subject, peer = kernels[0], kernels[-1]
    rows = []
    for load in LOADS[subject]:
        a, b = results[subject][load], results[peer][load]
        rows.append({"load": load, "label": LOAD_LABEL[load],
                     subject: a, peer: b,
                     "ratio_p50": a["p50_s"] / b["p50_s"],
                     "ratio_p99": a["p99_s"] / b["p99_s"]})

    def ms(v):
        return f"{v * 1000:.3f}"

    def pct(v):
        return "  n/a" if v is None else f"{v:5.0f}"

    print()
    print(f"Heartbeat round trip, {args.pings} pings each, {cores} cores "
          f"(p50 / p99 in ms; CPU% of the kernel's process tree meanwhile)")
    head = (f"{'load':26} {subject + ' p50':>14} {'p99':>8} {'cpu%':>5}   "
            f"{peer + ' p50':>12} {'p99':>8} {'cpu%':>5}   {'ratio p50':>9} {'p99':>6}")
    print(head)
    print("-" * len(head))
    for r in rows:
        a, b = r[subject], r[peer]
        print(f"{r['label']:26} {ms(a['p50_s']):>14} {ms(a['p99_s']):>8} {pct(a['cpu_percent'])}   "
              f"{ms(b['p50_s']):>12} {ms(b['p99_s']):>8} {pct(b['cpu_percent'])}   "
              f"{r['ratio_p50']:9.2f} {r['ratio_p99']:6.2f}")
        for k, v in ((subject, a), (peer, b)):
            if v["lost"]:
                print(f"   {k}: {v['lost']} pings unanswered within 10 s")
    print(f"({subject} threads run with lab.gil(False); {peer} threads share CPython's GIL)")

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump({"kernels": results, "summary": rows, "cores": cores,
                   "config": vars(args), "time": time.time()}, f, indent=2)
    print(f"\nwritten: {args.out}")


if __name__ == "__main__":
    main()
