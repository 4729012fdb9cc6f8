import threading

counter = 0
lock = threading.Lock()


def worker(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def peek():
        return count

    return inc, peek


def outer(a, b=2, *args, c, d=4, **kw):
    def middle():
        def inner():
            return a + c + kw["x"]
        return inner
    return middle


class Worker(threading.Thread):
    limit = 10
    squares = [i * i for i in range(limit)]

    def __init__(self, name):
        super().__init__(name=name)
        self.__secret = name

    def run(self):
        return [self.limit for _ in range(3)]

    @property
    def secret(self):
        return self.__secret

    @staticmethod
    def helper(x):
        return __class__, x

    @classmethod
    def make(cls):
        return cls("w")


def closure_in_class():
    x = 1

    class C:
        y = x

        def m(self):
            return x

    return C


def shadowed_in_class():
    x = 1

    class C:
        x = 2

        def m(self):
            return x

    return C


def walrus():
    data = [1, 2, 3]
    if any((hit := v) > 1 for v in data):
        return hit
    return [last := d for d in data], last


total = [(w := i) for i in range(3)]


def gen():
    x = yield 1
    yield from range(x)


lam = lambda x, *a, y=1, **k: (x, a, y, k, counter)


def deep():
    a = 1

    def f():
        def g():
            def h():
                return a
            return h
        return g
    return f


def dict_and_set():
    keys = "abc"
    return {k: v for k, v in zip(keys, range(3))}, {c for c in keys}


def uses_globals():
    print(len(counter_list := []))
    return counter_list


try:
    pass
except Exception as err:
    del err
