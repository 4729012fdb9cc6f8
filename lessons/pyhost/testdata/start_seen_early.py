# A thread that runs before start() has returned already counts as
# started and alive: it may join itself (and be refused for that reason)
# and see itself alive.
import threading

seen = []

def look():
    me = threading.current_thread()
    try:
        me.join()
        seen.append("joined itself")
    except RuntimeError as e:
        seen.append(str(e))
    seen.append(me.is_alive())

threads = [threading.Thread(target=look) for _ in range(200)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(seen))
print(sorted(set(map(str, seen))))
