# multiprocessing.Process: target, args, kwargs, names, start/join, is_alive,
# exitcode, daemon, subclassing with run(), current_process, and the errors.
import multiprocessing as mp


def greet(greeting, name="world"):
    me = mp.current_process()
    print("%s, %s, from %s (parent %s)" % (greeting, name, me.name, mp.parent_process().name))


class Counter(mp.Process):
    def __init__(self, upto):
        super().__init__()
        self.upto = upto

    def run(self):
        print(self.name, "counts", list(range(self.upto)))


if __name__ == "__main__":
    print(mp.current_process().name, mp.parent_process())
    p = mp.Process(target=greet, args=("hello",), kwargs={"name": "you"})
    print(p.name, p.is_alive(), p.exitcode, p.pid, p.daemon)
    p.start()
    p.join()
    print(p.is_alive(), p.exitcode, type(p.pid).__name__)
    q = mp.Process(target=greet, args=("hi",), name="Custom", daemon=True)
    q.start()
    q.join(timeout=30)
    print(q.name, q.daemon, q.exitcode)
    c = Counter(3)
    c.start()
    c.join()
    print(c.name, c.exitcode)
    print(mp.active_children())
    try:
        p.start()
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        mp.Process(target=greet).join()
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        p.daemon = True
    except AssertionError as e:
        print("AssertionError:", e)
    p.close()
    try:
        p.is_alive()
    except ValueError as e:
        print("ValueError:", e)
    procs = [mp.Process(target=greet, args=("hey", str(i))) for i in range(3)]
    print([x.name for x in procs])
    for x in procs:
        x.start()
        x.join()
    print(mp.cpu_count() >= 1)
