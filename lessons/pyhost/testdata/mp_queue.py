# multiprocessing.Queue between processes: items are copies, put/get with
# block and timeout, empty, qsize, Full and Empty, a producer and consumers.
import multiprocessing as mp
import queue


def producer(q, n):
    for i in range(n):
        q.put({"item": i, "from": mp.current_process().name})
    q.put(None)


def consumer(tasks, results):
    while True:
        t = tasks.get()
        if t is None:
            break
        results.put(t * t)


if __name__ == "__main__":
    q = mp.Queue()
    print(q.empty(), q.qsize())
    p = mp.Process(target=producer, args=(q, 3))
    p.start()
    got = []
    while True:
        item = q.get(timeout=30)
        if item is None:
            break
        got.append(item)
    p.join()
    print(got)

    mine = [1, 2]
    q.put(mine)
    copy = q.get()
    copy.append(3)
    print(mine, copy, copy is mine)

    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("Empty after timeout")
    try:
        q.get(block=False)
    except queue.Empty:
        print("Empty without blocking")
    small = mp.Queue(maxsize=1)
    small.put("a")
    print(small.full(), small.qsize())
    try:
        small.put("b", timeout=0.05)
    except queue.Full:
        print("Full after timeout")
    try:
        small.put_nowait("b")
    except queue.Full:
        print("Full without blocking")
    print(small.get_nowait())

    tasks, results = mp.Queue(), mp.Queue()
    workers = [mp.Process(target=consumer, args=(tasks, results)) for _ in range(2)]
    for w in workers:
        w.start()
    for n in range(10):
        tasks.put(n)
    for w in workers:
        tasks.put(None)
    out = sorted(results.get(timeout=30) for _ in range(10))
    for w in workers:
        w.join()
    print(out, [w.exitcode for w in workers])
    sq = mp.SimpleQueue()
    sq.put((1, "one"))
    print(sq.empty(), sq.get(), sq.empty())
    q.close()
    try:
        q.put(1)
    except ValueError:
        print("closed")
