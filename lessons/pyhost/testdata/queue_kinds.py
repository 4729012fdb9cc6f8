# FIFO, LIFO, priority and simple queues, and their exceptions.
import queue

q = queue.Queue()
l = queue.LifoQueue()
p = queue.PriorityQueue()
s = queue.SimpleQueue()
for x in [5, 1, 4, 2, 3]:
    q.put(x); l.put(x); p.put((x, str(x))); s.put(x)
print([q.get() for _ in range(5)])
print([l.get() for _ in range(5)])
print([p.get()[1] for _ in range(5)])
print([s.get() for _ in range(5)])
try:
    q.get_nowait()
except queue.Empty as e:
    print("Empty", repr(e))
b = queue.Queue(maxsize=2)
b.put(1); b.put(2)
print(b.full(), b.qsize())
try:
    b.put(3, block=False)
except queue.Full:
    print("Full")
try:
    b.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
try:
    b.get(timeout=-1)
except ValueError as e:
    print(e)
q2 = queue.Queue()
q2.put(1)
q2.get()
q2.task_done()
try:
    q2.task_done()
except ValueError as e:
    print(e)
print(s.empty())
