# Events hand a value back and forth between two threads in order.
import threading

request = threading.Event()
reply = threading.Event()
box = {}

def server():
    for _ in range(3):
        request.wait()
        request.clear()
        box["answer"] = box["question"] * 10
        reply.set()

s = threading.Thread(target=server, name="server")
s.start()
for q in (1, 2, 3):
    box["question"] = q
    request.set()
    reply.wait()
    reply.clear()
    print(q, "->", box["answer"])
s.join()
