# A pool of workers fed by a Queue, with task_done and join.
import threading, queue

tasks = queue.Queue()
done = []
done_lock = threading.Lock()

def worker():
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            return
        with done_lock:
            done.append(item * item)
        tasks.task_done()

workers = [threading.Thread(target=worker) for _ in range(4)]
for w in workers:
    w.start()
for i in range(20):
    tasks.put(i)
tasks.join()
for w in workers:
    tasks.put(None)
for w in workers:
    w.join()
print(sorted(done))
print(tasks.empty(), tasks.qsize())
