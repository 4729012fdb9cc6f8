# Condition: consumers wait for items a producer adds, one notify each.
import threading

cond = threading.Condition()
items = []
taken = []

def consumer():
    with cond:
        while not items:
            cond.wait()
        taken.append(items.pop(0))

consumers = [threading.Thread(target=consumer) for _ in range(5)]
for c in consumers:
    c.start()
for i in range(5):
    with cond:
        items.append(i)
        cond.notify()
for c in consumers:
    c.join()
print(sorted(taken), items)
