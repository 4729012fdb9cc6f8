# A daemon thread blocked for ever does not keep the program alive.
import threading

never = threading.Event()
t = threading.Thread(target=never.wait, daemon=True)
t.start()
print(t.daemon, t.is_alive())
print("main ends")
