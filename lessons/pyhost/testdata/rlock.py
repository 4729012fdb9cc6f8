# RLock: the owner may take it again; only the owner may release it.
import threading

r = threading.RLock()

def nested(n):
    with r:
        if n > 0:
            return nested(n - 1) + 1
        return 0

print(nested(5))
r.acquire()
r.acquire()
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print(e)
result = []

def other():
    try:
        r.release()
    except RuntimeError as e:
        result.append(str(e))

r.acquire()
t = threading.Thread(target=other)
t.start()
t.join()
r.release()
print(result)
cond = threading.Condition(r)
with cond:
    with cond:
        print(cond.wait(0.01))
