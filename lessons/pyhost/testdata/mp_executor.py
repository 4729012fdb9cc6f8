# concurrent.futures.ProcessPoolExecutor: submit, map, exceptions,
# as_completed, the workers' names, shutdown.
from concurrent.futures import ProcessPoolExecutor, as_completed
import multiprocessing as mp


def cube(x):
    return x ** 3


def fails(x):
    raise KeyError(x)


def who(_):
    return mp.current_process().name


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        f = ex.submit(cube, 3)
        print(f.result(timeout=30), f.done(), f.exception())
        print(list(ex.map(cube, range(6))))
        bad = ex.submit(fails, "k")
        print(repr(bad.exception(timeout=30)))
        try:
            bad.result()
        except KeyError as e:
            print("KeyError", e)
        fs = [ex.submit(cube, n) for n in (1, 2, 3)]
        print(sorted(f.result() for f in as_completed(fs)))
        print(set(ex.map(who, range(6))) <= {"ForkProcess-1", "ForkProcess-2"})
    try:
        ex.submit(cube, 1)
    except RuntimeError as e:
        print(e)
    try:
        ProcessPoolExecutor(max_workers=0)
    except ValueError as e:
        print(e)
