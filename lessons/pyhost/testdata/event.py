# Event: workers wait for a start signal.
import threading

start = threading.Event()
order = []
lock = threading.Lock()

def runner(i):
    start.wait()
    with lock:
        order.append(i)

ts = [threading.Thread(target=runner, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
print(start.is_set(), len(order))
start.set()
for t in ts:
    t.join()
print(start.is_set(), sorted(order))
start.clear()
print(start.is_set(), start.wait(0.01))
start.set()
print(start.wait(), start.wait(0))
