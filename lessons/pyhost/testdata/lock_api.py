# Lock: acquire with blocking and timeout, locked(), errors.
import threading

l = threading.Lock()
print(l.locked(), l.acquire(), l.locked())
print(l.acquire(False), l.acquire(timeout=0.01), l.acquire(True, 0))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    l.acquire(False, 1)
except ValueError as e:
    print(e)
try:
    l.acquire(True, -5)
except ValueError as e:
    print(e)
with l:
    print(l.locked())
print(l.locked())
print(repr(l).split()[0])
got = []

def taker():
    got.append(l.acquire(timeout=0.01))

l.acquire()
t = threading.Thread(target=taker)
t.start()
t.join()
print(got)
other = threading.Thread(target=l.release)
other.start()
other.join()
print(l.locked())
