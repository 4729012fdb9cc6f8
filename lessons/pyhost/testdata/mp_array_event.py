# multiprocessing.Array, Event, Semaphore, BoundedSemaphore and JoinableQueue, in one process and across processes.
import multiprocessing as mp
a = mp.Array('i', 3); print(a[:], len(a), a[0], list(a))
a[1] = 5; a[0:2] = [7, 8]; print(a[:], a[-1], a[::2])
b = mp.Array('d', [1, 2.5]); print(b[:])
r = mp.Array('i', [1,2], lock=False); print(r[:], hasattr(r, 'get_lock'))
try: a[3]
except IndexError as e: print("IndexError", e)
try: a[5] = 1
except IndexError as e: print("IndexError", e)
try: a[0:2] = [1]
except ValueError as e: print("ValueError", e)
print(a.get_lock())
e = mp.Event(); print(e.is_set(), e.wait(0.01)); e.set(); print(e.is_set(), e.wait()); e.clear(); print(e.is_set())
s = mp.Semaphore(2); print(s.acquire(), s.acquire(), s.acquire(timeout=0.01), s.get_value()); s.release(); print(s.get_value())
bs = mp.BoundedSemaphore(1)
try: bs.release()
except ValueError as e: print("ValueError", e)
q = mp.JoinableQueue(); q.put(1); q.get(); q.task_done()
try: q.task_done()
except ValueError as e: print("ValueError", e)
q.join(); print("joined")
print(s)


def fill(arr, start, done):
    for i in range(len(arr)):
        arr[i] = start + i
    done.set()


def consume(q, out, sem):
    with sem:
        while True:
            item = q.get()
            if item is None:
                q.task_done()
                break
            with out.get_lock():
                out.value += item
            q.task_done()


if __name__ == "__main__":
    arr, done = mp.Array("i", 4), mp.Event()
    p = mp.Process(target=fill, args=(arr, 10, done))
    p.start()
    print(done.wait(30), arr[:])
    p.join()
    jq, total, sem = mp.JoinableQueue(), mp.Value("i", 0), mp.Semaphore(2)
    workers = [mp.Process(target=consume, args=(jq, total, sem)) for _ in range(2)]
    for w in workers:
        w.start()
    for n in range(1, 11):
        jq.put(n)
    for w in workers:
        jq.put(None)
    jq.join()
    for w in workers:
        w.join()
    print(total.value, sem.get_value())
