# Thread subclasses that override run() and keep results.
import threading

class Summer(threading.Thread):
    def __init__(self, numbers):
        super().__init__()
        self.numbers = numbers
        self.total = None

    def run(self):
        self.total = sum(self.numbers)

class Greeter(threading.Thread):
    def run(self):
        print("hello from", self.name)

workers = [Summer(range(i * 10, i * 10 + 10)) for i in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([w.total for w in workers])
g = Greeter(name="greeter")
g.start()
g.join()
print(isinstance(g, threading.Thread), type(g).__name__)
