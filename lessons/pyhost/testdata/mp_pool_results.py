# multiprocessing.Pool results: AsyncResult states and timeouts, map over
# chunks (order kept, first failure wins), empty maps, callbacks with the
# whole list, imap's next(timeout), imap_unordered with a failure, a value
# that cannot be sent back, initializer, and terminate with work pending.
import multiprocessing as mp
import time

ready_flag = []


def init(tag):
    ready_flag.append(tag)


def tagged(x):
    return (ready_flag[0], x)


def square(x):
    return x * x


def fail_on(x, bad):
    if x == bad:
        raise ValueError("bad %d" % x)
    return x


def odd_only(x):
    if x % 2 == 0:
        raise ValueError("even %d" % x)
    return x


def nap(x):
    time.sleep(x)
    return x


def gen(_):
    return (i for i in range(3))


if __name__ == "__main__":
    with mp.Pool(2, initializer=init, initargs=("ready",)) as pool:
        slow = pool.apply_async(nap, (5,))
        print(slow.ready())
        try:
            slow.successful()
        except ValueError:
            print("ValueError: not ready")
        try:
            slow.get(timeout=0.01)
        except mp.TimeoutError as e:
            print("TimeoutError", type(e).__name__, isinstance(e, mp.ProcessError))
        print(pool.map(square, range(23), chunksize=4))
        print(pool.map(square, []), pool.starmap(fail_on, []))
        print(pool.map(tagged, [1, 2]))
        got = []
        pool.map_async(square, range(5), callback=got.append).wait()
        print(got)
        r = pool.starmap_async(fail_on, [(i, 7) for i in range(12)], chunksize=3)
        r.wait()
        print(r.ready(), r.successful())
        try:
            r.get()
        except ValueError as e:
            print("ValueError:", e)
        it = pool.imap(square, [2, 3])
        print(it.next(timeout=30), next(it))
        try:
            next(it)
        except StopIteration:
            print("StopIteration")
        seen = []
        it = pool.imap_unordered(odd_only, [1, 4, 3])
        for _ in range(3):
            try:
                seen.append(it.next(timeout=30))
            except ValueError as e:
                seen.append(str(e))
        print(sorted(seen, key=str))
        try:
            pool.apply(gen, (0,))
        except Exception as e:
            print(type(e).__name__, str(e).split("Reason: ")[1])
        print(pool.apply(square, (9,)))
    print(pool)
