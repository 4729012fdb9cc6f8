# Queue, LifoQueue, PriorityQueue and SimpleQueue: Empty, Full, bad timeouts,
# task_done and join, mutex and queue, and a bounded hand-off between two threads.
import queue, threading
q = queue.Queue(2)
q.put(1); q.put(2)
print(q.full(), q.qsize(), q.empty())
for f in (lambda: q.put(3, False), lambda: q.put(3, timeout=0), lambda: q.put(3, timeout=0.01), lambda: q.put(3, timeout=-1), lambda: q.put(3, False, -1)):
    try: f()
    except Exception as e: print(type(e).__name__, repr(e))
print(q.get(), q.get_nowait())
for f in (q.get_nowait, lambda: q.get(timeout=0.01), lambda: q.get(timeout=-1), lambda: q.get(True, "x")):
    try: f()
    except Exception as e: print(type(e).__name__, e)
q.task_done(); q.task_done()
try: q.task_done()
except ValueError as e: print(e)
q.join()
with q.mutex: print(list(q.queue), q.unfinished_tasks)
pq = queue.PriorityQueue(); [pq.put(x) for x in (3, 1, 2)]; print([pq.get() for _ in range(3)])
lq = queue.LifoQueue(); [lq.put(x) for x in (3, 1, 2)]; print([lq.get() for _ in range(3)])
u = queue.Queue(); u.put(1, timeout=-1); print(u.get())
sq = queue.SimpleQueue(); sq.put(1); sq.put_nowait(2); print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())
for f in (sq.get_nowait, lambda: sq.get(timeout=0.01), lambda: sq.get(timeout=-1), lambda: sq.get(False, -1)):
    try: f()
    except Exception as e: print(type(e).__name__, e)
print(type(sq).__module__, queue.Empty.__module__)
w = queue.Queue(1)
def prod():
    for i in range(20): w.put(i)
    w.put(None)
out = []
t = threading.Thread(target=prod); t.start()
while (x := w.get()) is not None: out.append(x); w.task_done()
w.task_done(); w.join(); t.join(); print(sum(out))
