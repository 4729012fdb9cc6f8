# Broken executors: a failing initializer breaks a ThreadPoolExecutor and a ProcessPoolExecutor.
import concurrent.futures as cf
from concurrent.futures.thread import BrokenThreadPool, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool, ProcessPoolExecutor

def bad():
    raise ValueError("no setup")

def square(x):
    return x * x

label = "unset"

def setup(text):
    global label
    label = text

def labelled(x):
    return "%s %d" % (label, x)

if __name__ == "__main__":
    print([c.__name__ for c in BrokenThreadPool.__mro__], BrokenThreadPool.__module__, BrokenProcessPool.__module__)
    print(ThreadPoolExecutor is cf.ThreadPoolExecutor, ProcessPoolExecutor is cf.ProcessPoolExecutor)
    for make in (cf.ThreadPoolExecutor, cf.ProcessPoolExecutor):
        ex = make(max_workers=1, initializer=bad)
        f = ex.submit(square, 3)
        try:
            print(f.result())
        except cf.BrokenExecutor as e:
            print(type(e).__name__, e)
        print(f.done(), type(f.exception()).__name__)
        try:
            ex.submit(square, 4)
        except cf.BrokenExecutor as e:
            print(type(e).__name__, e)
        ex.shutdown()
    with cf.ProcessPoolExecutor(max_workers=2, initializer=setup, initargs=("ready",)) as ex:
        print(list(ex.map(labelled, range(5))), label)
    with cf.ThreadPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(square, range(5))))
    print("done")
