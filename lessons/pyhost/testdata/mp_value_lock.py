# multiprocessing.Value and Lock are shared by the processes: four
# processes add to one counter under its lock and the total is exact; a
# Lock passed to children orders their critical sections.
import multiprocessing as mp


def add(counter, times):
    for _ in range(times):
        with counter.get_lock():
            counter.value += 1


def report(lock, shared, i):
    with lock:
        shared.value = shared.value * 10 + i


if __name__ == "__main__":
    counter = mp.Value("i", 0)
    print(counter, counter.value)
    procs = [mp.Process(target=add, args=(counter, 500)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("total", counter.value)

    lock = mp.Lock()
    digits = mp.Value("q", 0, lock=False)
    print(digits)
    for i in range(1, 4):
        p = mp.Process(target=report, args=(lock, digits, i))
        p.start()
        p.join()
    print(digits.value)

    print(mp.Value("d", 1.5), mp.Value("c", b"x").value, mp.Value("i", True).value)
    print(mp.Value("i", 2**31).value, mp.Value("B", -1).value, mp.Value("f", 0.1).value)
    for bad in [("i", 1.5), ("i", "x"), ("d", "x"), ("c", b"ab")]:
        try:
            mp.Value(*bad)
        except TypeError as e:
            print("TypeError:", e)
    v = mp.Value("i", 7)
    with v:
        v.value += 1
    print(v.value, v.get_obj(), v.get_lock())
    v.acquire()
    v.release()

    print(lock, mp.RLock())
    lock.acquire()
    print(lock, lock.acquire(False), lock.acquire(timeout=0.01))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print("ValueError:", e)
    r = mp.RLock()
    with r:
        with r:
            print(r)
    try:
        r.release()
    except AssertionError as e:
        print("AssertionError:", e)
