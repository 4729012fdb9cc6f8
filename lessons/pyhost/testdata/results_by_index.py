# Threads write results into their own slots of a shared list.
import threading

def square(i, out):
    out[i] = i * i

results = [None] * 8
threads = [threading.Thread(target=square, args=(i, results)) for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
print([t.is_alive() for t in threads])
