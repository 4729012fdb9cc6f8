# Bad arguments to locks, threads and events raise CPython's TypeErrors.
import threading

l = threading.Lock()
tests = [
    lambda: l.acquire(timeout="x"),
    lambda: l.acquire(1, 2, 3),
    lambda: threading.Thread(target=print, bogus=2),
    lambda: threading.Event().wait("x"),
]
for f in tests:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(l.locked())
