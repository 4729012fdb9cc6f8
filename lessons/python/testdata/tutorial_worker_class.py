# The shape of class Worker(threading.Thread), with a stand-in base class.
class FakeThread:
    count = 0
    def __init__(self, name=None):
        FakeThread.count += 1
        self.name = name or f"Thread-{FakeThread.count}"
        self.alive = False
    def start(self):
        self.alive = True
        self.run()
        self.alive = False
    def run(self):
        pass
    def join(self):
        return None

class Worker(FakeThread):
    def __init__(self, items):
        super().__init__()
        self.items = items
        self.result = None
    def run(self):
        self.result = sum(self.items)
        print(f"{self.name} summed {len(self.items)} items")

workers = [Worker(range(i * 10, i * 10 + 10)) for i in range(3)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.result for w in workers], sum(w.result for w in workers))
named = FakeThread("custom")
print(named.name, isinstance(workers[0], FakeThread), Worker.__mro__[1].__name__)
