# Workers take tasks from a PriorityQueue; results collected in a Queue.
import threading, queue

tasks = queue.PriorityQueue()
results = queue.Queue()
for prio, name in [(3, "low"), (1, "high"), (2, "mid"), (1, "urgent")]:
    tasks.put((prio, name))

def worker():
    while True:
        try:
            prio, name = tasks.get_nowait()
        except queue.Empty:
            return
        results.put((prio, name.upper()))
        tasks.task_done()

ws = [threading.Thread(target=worker) for _ in range(2)]
for w in ws:
    w.start()
for w in ws:
    w.join()
tasks.join()
got = []
while not results.empty():
    got.append(results.get())
print(sorted(got))
