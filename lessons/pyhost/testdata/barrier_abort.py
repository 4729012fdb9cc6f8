# A barrier that times out or is aborted breaks for everyone.
import threading

b = threading.Barrier(2, timeout=0.01)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("broken after timeout", b.broken)
b.reset()
print(b.broken)
c = threading.Barrier(3)
errors = []

def waiter():
    try:
        c.wait()
    except threading.BrokenBarrierError:
        errors.append("broken")

t = threading.Thread(target=waiter)
t.start()
while c.n_waiting < 1:
    pass
c.abort()
t.join()
print(errors, c.broken)
try:
    c.wait()
except threading.BrokenBarrierError as e:
    print(type(e).__name__, isinstance(e, RuntimeError))
