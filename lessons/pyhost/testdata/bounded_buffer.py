# A bounded buffer built from a Lock and two Conditions.
import threading

class Buffer:
    def __init__(self, size):
        self.items = []
        self.size = size
        lock = threading.Lock()
        self.not_full = threading.Condition(lock)
        self.not_empty = threading.Condition(lock)

    def put(self, x):
        with self.not_full:
            while len(self.items) >= self.size:
                self.not_full.wait()
            self.items.append(x)
            self.not_empty.notify()

    def get(self):
        with self.not_empty:
            while not self.items:
                self.not_empty.wait()
            x = self.items.pop(0)
            self.not_full.notify()
            return x

buf = Buffer(2)
out = []

def produce():
    for i in range(25):
        buf.put(i)

def consume():
    for _ in range(25):
        out.append(buf.get())

threads = [threading.Thread(target=produce), threading.Thread(target=consume)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out == list(range(25)), buf.items)
