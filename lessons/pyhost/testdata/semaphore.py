# A Semaphore limits how many threads are inside at once.
import threading

sem = threading.Semaphore(2)
lock = threading.Lock()
inside = 0
peak = 0

def work():
    global inside, peak
    with sem:
        with lock:
            inside += 1
            peak = max(peak, inside)
        for _ in range(200):
            pass
        with lock:
            inside -= 1

ts = [threading.Thread(target=work) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(peak <= 2, inside)
s = threading.Semaphore(0)
print(s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release(3)
print(s.acquire(), s.acquire(), s.acquire(), s.acquire(False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print(e)
try:
    s.acquire(False, 1)
except ValueError as e:
    print(e)
