# An exception in a child prints the "Process Process-N:" traceback to
# stderr and sets exitcode 1; SystemExit sets the exit code; terminate()
# gives -15. The parent goes on.
import multiprocessing as mp
import sys
import time


def fail(msg):
    raise ValueError(msg)


def leave(code):
    sys.exit(code)


def nap():
    time.sleep(30)


if __name__ == "__main__":
    p = mp.Process(target=fail, args=("boom",))
    p.start()
    p.join()
    print("exitcode", p.exitcode)
    for code in (None, 0, 3, "bye"):
        p = mp.Process(target=leave, args=(code,))
        p.start()
        p.join()
        print("sys.exit(%r) -> exitcode %s" % (code, p.exitcode))
    p = mp.Process(target=nap)
    p.start()
    p.terminate()
    p.join()
    print("terminated:", p.exitcode, repr(p).endswith("stopped exitcode=-SIGTERM>"))
    p = mp.Process(target=nap)
    p.start()
    p.kill()
    p.join()
    print("killed:", p.exitcode)
    print("parent done")
