# A bounded queue between one producer and one consumer keeps order.
import threading, queue

q = queue.Queue(maxsize=3)
received = []

def producer():
    for i in range(30):
        q.put(i)
    q.put(None)

def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        received.append(item)

c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start(); p.start()
p.join(); c.join()
print(received == list(range(30)), len(received))
