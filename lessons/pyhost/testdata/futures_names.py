# Pool threads are named after the pool; Future states and cancel.
import threading
from concurrent.futures import ThreadPoolExecutor, Future, CancelledError, TimeoutError

names = set()

def who(_):
    names.add(threading.current_thread().name.split("_")[0].startswith("ThreadPoolExecutor-"))
    return threading.current_thread().name.startswith("pool_")

with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
    print(all(ex.map(who, range(6))))
f = Future()
print(f.done(), f.running(), f.cancelled())
print(f.cancel(), f.cancelled(), f.done())
try:
    f.result()
except CancelledError:
    print("CancelledError")
g = Future()
try:
    g.result(timeout=0.01)
except TimeoutError:
    print("TimeoutError", issubclass(TimeoutError, Exception))
g.set_result(5)
print(g.result(), g.exception(), g.cancel())
