# BoundedSemaphore refuses a release without an acquire.
import threading

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
with b:
    with b:
        print(b.acquire(False))
print(b.acquire(False), b.acquire(False), b.acquire(False))
