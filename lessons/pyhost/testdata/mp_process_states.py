# multiprocessing.Process through its states: initial, started, stopped,
# closed; what close() refuses, what a closed object refuses, sys.exit
# and codes of other types.
import multiprocessing as mp
import sys


def wait_for(ev):
    ev.wait(30)


def leave(code):
    sys.exit(code)


def inside():
    me = mp.current_process()
    print("child alive:", me.is_alive(), me.exitcode, type(me.pid).__name__)


def status(p):
    return repr(p).rsplit(" ", 1)[-1].rstrip(">")


if __name__ == "__main__":
    ev = mp.Event()
    p = mp.Process(target=wait_for, args=(ev,), name="Waiter")
    print(status(p), repr(p).startswith("<Process name='Waiter' parent="))
    print("before start:", p.exitcode, p.is_alive())
    p.start()
    print(status(p), p.is_alive())
    try:
        p.close()
    except ValueError as e:
        print("ValueError:", e)
    ev.set()
    p.join()
    print(status(p), p.exitcode)
    p.close()
    print(status(p))
    for call in (p.join, p.is_alive, p.start, p.terminate, lambda: p.exitcode, lambda: p.pid):
        try:
            call()
        except ValueError as e:
            print("ValueError:", e)
    print(p.name, p.daemon)
    for code in (True, False, [1, 2]):
        q = mp.Process(target=leave, args=(code,))
        q.start()
        q.join()
        print("sys.exit(%r) -> %s" % (code, q.exitcode))
    q = mp.Process(target=inside)
    q.start()
    q.join()
    unstarted = mp.Process(target=inside)
    unstarted.close()
    print(status(unstarted))
    print(mp.current_process().is_alive(), mp.active_children())
