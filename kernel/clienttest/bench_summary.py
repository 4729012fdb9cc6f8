"""Print one table of every figure `make bench` measured.

Reads the "summary" rows of every JSON file in build/bench/ (written by the
Go benchmarks and the kernel benchmarks): each row has threadlab's figure,
its peer's from the same run, the ratio and the goal.

Run:  /usr/bin/python3 kernel/clienttest/bench_summary.py [build/bench]
"""

import glob
import json
import math
import os
import sys


def fmt(value, unit):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.1f} s"
    if unit in ("bytes", "B"):
        return f"{value / 2**20:.1f} MiB"
    if unit in ("%", "ms"):
        return f"{value:.1f} {unit}" if unit == "ms" else f"{value:.0f}%"
    return f"{value:,.0f} {unit}"


def rows_of(path):
    with open(path) as f:
        doc = json.load(f)
    for r in doc.get("summary", []):
        if isinstance(r.get("threadlab"), dict):  # heartbeat: a p99 row per load
            peer_name = next(k for k in r["kernels"] if k != "threadlab") if "kernels" in r else "python3"
            yield {"file": os.path.basename(path), "label": f"heartbeat p99, {r['label']}",
                   "ours": r["threadlab"]["p99_s"], "peer": r.get(peer_name, {}).get("p99_s"),
                   "name": peer_name, "unit": "s", "ratio": r.get("ratio_p99"), "goal": "", "met": None}
            continue
        if "peer" in r:  # Go benchmarks
            peer, name = r.get("peer") or None, r.get("peer_name", "")
        else:  # kernel benchmarks: the peer is the kernelspec that is not threadlab
            name = next((k for k in r if k not in (
                "metric", "label", "threadlab", "unit", "ratio", "goal", "met")), "")
            peer = r.get(name)
        goal = r.get("goal")
        if isinstance(goal, (int, float)):
            goal = f"<= 1/{round(1 / goal)}" if goal < 1 else f"<= {goal:g}x"
        yield {"file": os.path.basename(path), "label": r["label"], "ours": r.get("threadlab"),
               "peer": peer, "name": name, "unit": r.get("unit", ""), "ratio": r.get("ratio"),
               "goal": goal or "", "met": r.get("met")}


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "build/bench"
    rows = [r for p in sorted(glob.glob(os.path.join(folder, "*.json"))) for r in rows_of(p)]
    if not rows:
        sys.exit(f"no benchmark results in {folder}")
    head = f"{'figure':44} {'threadlab':>12} {'peer':>12}  {'peer is':24} {'ratio':>8}  goal"
    print("\nSummary of make bench (every figure beside its peer from the same run)")
    print(head)
    print("-" * (len(head) + 20))
    for r in rows:
        ratio = "" if not r["ratio"] else f"{r['ratio']:8.3f}"
        verdict = "" if r["met"] is None else ("met" if r["met"] else "NOT MET")
        print(f"{r['label'][:44]:44} {fmt(r['ours'], r['unit']):>12} {fmt(r['peer'], r['unit']):>12}  "
              f"{r['name'][:24]:24} {ratio:>8}  {r['goal']} {verdict}")
    print(f"\nfrom {', '.join(sorted(set(r['file'] for r in rows)))} in {folder}/")


if __name__ == "__main__":
    main()
