# Several Timers: cancelled ones never fire, the others fire once each.
import threading

fired = []
lock = threading.Lock()

def fire(i):
    with lock:
        fired.append(i)

timers = [threading.Timer(0.001 if i % 2 else 30, fire, args=(i,)) for i in range(6)]
for t in timers:
    t.start()
for t in timers[::2]:
    t.cancel()
for t in timers:
    t.join()
print(sorted(fired))
