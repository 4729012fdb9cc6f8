# target with args and kwargs.
import threading

results = {}
lock = threading.Lock()

def record(key, value, *, scale=1, offset=0):
    with lock:
        results[key] = value * scale + offset

threads = [threading.Thread(target=record, args=(i, i), kwargs={"scale": 10, "offset": i}) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
