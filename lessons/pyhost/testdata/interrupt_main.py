# _thread.interrupt_main() raises KeyboardInterrupt in the main thread, as
# Ctrl-C does: except catches it, finally clauses and __exit__ run, and
# `with lock:` releases the lock on the way out.
import _thread
import queue
import threading
import time

lock = threading.Lock()


def spin_until_interrupted():
    _thread.interrupt_main()
    while True:
        pass


try:
    with lock:
        try:
            spin_until_interrupted()
        finally:
            print("finally ran, lock held:", lock.locked())
except KeyboardInterrupt as e:
    print("caught", type(e).__name__, e.args, "lock held:", lock.locked())


class Resource:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        print("__exit__ saw", kind.__name__)
        return False


try:
    with Resource():
        spin_until_interrupted()
except KeyboardInterrupt:
    print("caught after __exit__")

# Interrupted from another thread around a wait: the wait ends with
# KeyboardInterrupt, which the program catches and goes on.
held = threading.Lock()
held.acquire()
cond = threading.Condition()
finish = threading.Event()
waiter = threading.Thread(target=finish.wait)
waiter.start()
waits = [
    ("lock acquire", lambda: held.acquire(timeout=5)),
    ("sleep", lambda: time.sleep(5)),
    ("join", lambda: waiter.join(5)),
    ("event wait", lambda: threading.Event().wait(5)),
    ("queue get", lambda: queue.Queue().get(timeout=5)),
]


def condition_wait():
    with cond:
        cond.wait(5)


waits.append(("condition wait", condition_wait))
for name, wait in waits:
    interrupter = threading.Thread(target=_thread.interrupt_main)
    try:
        interrupter.start()
        interrupter.join()
        wait()
        time.sleep(5)
        print(name, "not interrupted")
    except KeyboardInterrupt:
        print(name, "interrupted")
print("the condition's lock is free:", cond.acquire(False))
finish.set()
waiter.join()
print("the other thread ran on:", not waiter.is_alive())
