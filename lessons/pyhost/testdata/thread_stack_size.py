# threading.stack_size keeps what it is given and returns the old size;
# ThreadError is RuntimeError.
import threading

print(threading.stack_size(65536), threading.stack_size(), threading.stack_size(0))
for bad in (100, -1):
    try:
        threading.stack_size(bad)
    except ValueError as e:
        print(e)
print(threading.ThreadError is RuntimeError)
try:
    threading.Lock().release()
except threading.ThreadError as e:
    print("caught", e)
