# The lock lesson's pattern with a stand-in lock: release in finally, or use with.
class DemoLock:
    def __init__(self):
        self.locked = False
        self.log = []
    def acquire(self):
        assert not self.locked, "already locked"
        self.locked = True
        self.log.append("acquire")
    def release(self):
        self.locked = False
        self.log.append("release")
    def __enter__(self):
        self.acquire()
        return self
    def __exit__(self, *exc):
        self.release()
        return False

lock = DemoLock()
balance = 100
def withdraw(n):
    global balance
    lock.acquire()
    try:
        if n > balance:
            raise ValueError("insufficient funds")
        balance -= n
    finally:
        lock.release()

withdraw(30)
try:
    withdraw(500)
except ValueError as e:
    print("error:", e)
print(balance, lock.locked, lock.log)
def deposit(n):
    global balance
    with lock:
        balance += n
deposit(5)
print(balance, lock.locked, lock.log[-2:])
