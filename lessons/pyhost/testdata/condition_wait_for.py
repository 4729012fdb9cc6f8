# wait_for with a predicate, notify_all, and a wait that times out.
import threading

cond = threading.Condition(threading.Lock())
state = {"ready": 0}
seen = []

def waiter(i):
    with cond:
        cond.wait_for(lambda: state["ready"] >= 3)
        seen.append(i)

ts = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for _ in range(3):
    with cond:
        state["ready"] += 1
        cond.notify_all()
for t in ts:
    t.join()
print(sorted(seen))
with cond:
    print(cond.wait(0.01))
    print(cond.wait_for(lambda: False, timeout=0.01))
try:
    cond.wait()
except RuntimeError as e:
    print(e)
try:
    cond.notify()
except RuntimeError as e:
    print(e)
