# multiprocessing.Pool: map, apply_async with get, starmap, imap, callbacks, errors, states.
import multiprocessing as mp

def square(x):
    return x * x

def divide(a, b):
    return a / b

def who(_):
    return mp.current_process().name

if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool)
        print(pool.map(square, range(10)))
        r = pool.apply_async(divide, (7, 2))
        print(r.get(timeout=10), r.ready(), r.successful())
        print(pool.starmap(divide, [(1, 2), (9, 3)]))
        print(list(pool.imap(square, [4, 5, 6])))
        print(sorted(pool.imap_unordered(square, [7, 8, 9])))
        got = []
        pool.apply_async(square, (12,), callback=got.append).wait()
        print(got)
        try:
            pool.apply_async(divide, (1, 0)).get()
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
        try:
            pool.map(divide, [1, 2], [0, 0])
        except TypeError as e:
            print("TypeError")
        errors = []
        pool.map_async(divide, [(1, 0)], error_callback=errors.append).wait()
        print(errors)
        print(set(pool.map(who, range(8))) <= {"ForkPoolWorker-1", "ForkPoolWorker-2"})
        print(pool.apply(square, (3,)))
    p = mp.Pool(1)
    try:
        p.join()
    except ValueError as e:
        print(e)
    p.close()
    print(p)
    try:
        p.apply_async(square, (1,))
    except ValueError as e:
        print(e)
    p.join()
    try:
        mp.Pool(0)
    except ValueError as e:
        print(e)
