# join(timeout) returns while the thread still runs; is_alive tells.
import threading

stop = threading.Event()

def waits():
    stop.wait()

t = threading.Thread(target=waits)
t.start()
print(t.join(0.01), t.is_alive())
stop.set()
t.join()
print(t.is_alive())
