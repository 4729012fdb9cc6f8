# A child works on a copy of the parent's state, as with fork: globals,
# arguments and instances it changes stay unchanged in the parent; a child
# sees the globals as they were at start(), and objects shared in the
# arguments stay shared within the child.
import multiprocessing as mp

log = []
settings = {"mode": "slow"}


class Account:
    def __init__(self, balance):
        self.balance = balance

    def deposit(self, n):
        self.balance += n
        return self


def child(acct, pair, shared):
    global settings
    log.append("child ran")
    settings["mode"] = "fast"
    settings = None
    acct.deposit(100)
    pair[0].append("x")
    print("child sees", log, acct.balance, pair, pair[0] is pair[1], shared is pair[0])
    print("child's class is the child's own:", type(acct).__name__, isinstance(acct, Account))


def later():
    print("child sees later =", later_value)


if __name__ == "__main__":
    inner = []
    acct = Account(5)
    log.append("parent started")
    p = mp.Process(target=child, args=(acct, [inner, inner], inner))
    p.start()
    p.join()
    print("parent keeps", log, settings, acct.balance, inner)
    later_value = 1
    p = mp.Process(target=later)
    later_value = 2  # still before start(), which is when the child's copy is taken
    p.start()
    p.join()
    nested = lambda: print("a lambda runs in the child too")
    p = mp.Process(target=nested)
    p.start()
    p.join()
    print(p.exitcode)
