# threading.local: each thread sees its own attributes.
import threading

data = threading.local()
data.value = "main"
seen = []
lock = threading.Lock()

def worker(i):
    try:
        data.value
    except AttributeError as e:
        with lock:
            seen.append(str(e))
    data.value = i
    with lock:
        seen.append(data.value)

ts = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(data.value)
print(sorted(seen, key=str))

class Counter(threading.local):
    def __init__(self, start):
        self.count = start

counter = Counter(10)
got = []

def bump():
    counter.count += 1
    got.append(counter.count)

t = threading.Thread(target=bump)
t.start()
t.join()
print(counter.count, got)
