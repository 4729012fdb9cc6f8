# threading.settrace and setprofile: each thread started afterwards calls
# the function as it runs, as sys.settrace in that thread would; threads
# started before, and the thread that set it, are not traced.
import sys
import threading

seen = {}
lock = threading.Lock()


def note(frame, event, arg):
    if frame.f_globals["__name__"] != "__main__":
        return None  # threading's own frames (run) differ between interpreters
    name = threading.current_thread().name
    with lock:
        seen.setdefault(name, []).append("%s %s:%d" % (event, frame.f_code.co_name, frame.f_lineno))
    return note


def profiled(frame, event, arg):
    if frame.f_globals["__name__"] == "__main__" and event in ("call", "return"):
        with lock:
            seen.setdefault("profile " + threading.current_thread().name, []).append(
                "%s %s %r" % (event, frame.f_code.co_name, arg))


def double(x):
    y = x * 2
    return y


def work(n):
    total = 0
    for i in range(n):
        total += double(i)
    return total


early, running = threading.Event(), threading.Event()


def waiting():
    running.set()
    early.wait()
    work(2)


before = threading.Thread(target=waiting, name="before")
before.start()
running.wait()  # it has begun, untraced
threading.settrace(note)
print(threading.gettrace() is note, sys.gettrace())
threads = [threading.Thread(target=work, args=(n,), name="worker-%d" % n) for n in (1, 2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
early.set()
before.join()
threading.settrace(None)
threading.setprofile(profiled)
p = threading.Thread(target=double, args=(21,), name="profiled")
p.start()
p.join()
threading.setprofile(None)
print(threading.getprofile(), threading.gettrace())
for name in sorted(seen):
    print(name)
    for line in seen[name]:
        print("   ", line)
