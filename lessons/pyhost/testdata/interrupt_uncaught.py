# An uncaught KeyboardInterrupt ends the program with CPython's traceback
# and status 130, after its finally clauses; another thread is not stopped
# by it: the interpreter still waits for a thread that is not a daemon.
import _thread
import threading

release = threading.Event()


def worker():
    release.wait()
    print("worker finished after the interrupt")


threading.Thread(target=worker).start()
try:
    _thread.interrupt_main()
    while True:
        pass
finally:
    print("finally ran")
    release.set()
