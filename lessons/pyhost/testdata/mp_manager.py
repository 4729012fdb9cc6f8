# A Manager's dict, list, Value, Namespace, Queue and Lock, shared by
# processes: every call goes to the manager's process, and what comes
# back is a copy, so changing an item inside a proxied dict changes
# nothing until it is stored again.
import multiprocessing as mp


def record(d, l, key, value):
    d[key] = value
    l.append(key)


def add_many(v, lock, n):
    for _ in range(n):
        with lock:
            v.value += 1


def change_inner(d):
    d["items"].append(99)  # appends to a copy, which is dropped
    inner = d["items"]
    inner.append(5)
    d["items"] = inner  # stored back: this one shows


def worker(q, out, ns, lock):
    for item in iter(q.get, None):
        out.append(item * 2)
        with lock:
            ns.total += item


if __name__ == "__main__":
    with mp.Manager() as m:
        print([p.name for p in mp.active_children()])
        d, l = m.dict(), m.list()
        ps = [mp.Process(target=record, args=(d, l, "k%d" % i, i)) for i in range(4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print(sorted(d.items()), sorted(l), len(d), len(l))

        v, lock = m.Value("i", 0), m.Lock()
        ps = [mp.Process(target=add_many, args=(v, lock, 25)) for _ in range(4)]
        for p in ps:
            p.start()
        for p in ps:
            p.join()
        print("value:", v.value, v)

        d["items"] = [1, 2]
        p = mp.Process(target=change_inner, args=(d,))
        p.start()
        p.join()
        print("items:", d["items"])

        q, out, ns = m.Queue(), m.list(), m.Namespace()
        ns.total = 0
        ps = [mp.Process(target=worker, args=(q, out, ns, lock)) for _ in range(2)]
        for p in ps:
            p.start()
        for i in range(1, 7):
            q.put(i)
        for p in ps:
            q.put(None)
        for p in ps:
            p.join()
        print("doubled:", sorted(out), "total:", ns.total, ns)

        l += ["x"]
        print(l[-1], "k0" in l, l.count("x"), d.get("nope", "default"), "k1" in d)
        print(str(d) == str(dict(d.items())), sorted(d.keys()), d.pop("k0"), len(d))
    print("after the with:", mp.active_children())
