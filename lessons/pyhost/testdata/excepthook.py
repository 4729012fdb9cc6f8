# An exception in a thread is reported and the program goes on.
import threading

def bad(x):
    raise ValueError("bad value %d" % x)

t = threading.Thread(target=bad, args=(3,))
t.start()
t.join()
print("main goes on", t.is_alive())
caught = []

def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))

threading.excepthook = hook
u = threading.Thread(target=bad, args=(4,), name="worker")
u.start()
u.join()
print(caught)
threading.excepthook = threading.__excepthook__

def quits():
    raise SystemExit(3)

v = threading.Thread(target=quits)
v.start()
v.join()
print("SystemExit in a thread is silent")
