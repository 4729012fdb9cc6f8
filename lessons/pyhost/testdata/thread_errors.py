# The RuntimeErrors of Thread.
import threading

t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print(e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print(e)
t.join()
try:
    threading.current_thread().join()
except RuntimeError as e:
    print(e)
try:
    t.daemon = True
except RuntimeError as e:
    print(e)

def join_self():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        print("in thread:", e)

s = threading.Thread(target=join_self)
s.start()
s.join()
