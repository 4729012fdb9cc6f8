# A simulated print queue with priorities, using a deque and sorting.
from collections import deque
import random

random.seed(2024)
jobs = deque()
for n in range(8):
    pages = random.randint(1, 20)
    priority = random.choice(["low", "normal", "high"])
    jobs.append({"id": n, "pages": pages, "priority": priority})
rank = {"high": 0, "normal": 1, "low": 2}
ordered = deque(sorted(jobs, key=lambda j: (rank[j["priority"]], j["id"])))
clock = 0
while ordered:
    job = ordered.popleft()
    clock += job["pages"] * 2
    print(f"t={clock:3} printed job {job['id']} ({job['priority']}, {job['pages']} pages)")
print("total time", clock)
waits = [random.expovariate(1.0) for _ in range(3)] if False else [round(random.random(), 3) for _ in range(3)]
print(waits)
