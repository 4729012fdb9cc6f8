# Manager proxies as arguments of Pool and ProcessPoolExecutor tasks, and
# the list and dict methods a proxy forwards.
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
import functools

def put(d, k):
    d[k] = k * k
    return k

if __name__ == "__main__":
    with mp.Manager() as m:
        d = m.dict()
        with mp.Pool(2) as pool:
            print(pool.map(functools.partial(put, d), range(4)))
        print(sorted(d.items()))
        e = m.dict()
        with ProcessPoolExecutor(2) as ex:
            print(list(ex.map(put, [e] * 3, range(3))))
        print(sorted(e.items()))
        l = m.list([3, 1, 2])
        l.sort(); print(l, l * 2, 2 * l, reversed(l) and list(reversed(l)), l.index(2))
        l[0:2] = [9, 9]; print(l[:], l[1:], len(l))
        del l[0]; print(l)
        d.update({"z": 1}, y=2); print(d.popitem(), sorted(d.values()))
        d.clear(); print(d, len(d), bool(d))
