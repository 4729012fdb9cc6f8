# The race made safe: acquire/try/finally, then the with statement.
import threading

balance = 0
lock = threading.Lock()

def change_it(n):
    global balance
    balance = balance + n
    balance = balance - n

def run_thread(n):
    for i in range(20000):
        lock.acquire()
        try:
            change_it(n)
        finally:
            lock.release()

def run_with(n):
    for i in range(20000):
        with lock:
            change_it(n)

for target in (run_thread, run_with):
    t1 = threading.Thread(target=target, args=(5,))
    t2 = threading.Thread(target=target, args=(8,))
    t1.start()
    t2.start()
    t1.join()
    t2.join()
    print(target.__name__, balance)
