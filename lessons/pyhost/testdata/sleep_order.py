# time.sleep releases the GIL: a sleeping thread lets others run.
import threading, time

events = []

def sleeper():
    events.append("sleeper starts")
    time.sleep(0.05)
    events.append("sleeper wakes")

t = threading.Thread(target=sleeper)
t.start()
t.join()
start = time.monotonic()
time.sleep(0.01)
print(events, time.monotonic() - start >= 0.01, time.perf_counter() > 0, time.time() > 0)
