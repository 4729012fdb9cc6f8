# Barrier: every thread waits until all have arrived; an action runs once.
import threading

log = []
lock = threading.Lock()

def action():
    log.append("all arrived")

barrier = threading.Barrier(3, action=action)
indexes = []

def party(i):
    with lock:
        log.append("arrive")
    idx = barrier.wait()
    with lock:
        indexes.append(idx)

ts = [threading.Thread(target=party, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(log.count("arrive"), log.count("all arrived"), log.index("all arrived"))
print(sorted(indexes), barrier.parties, barrier.n_waiting, barrier.broken)
