# try / except / else / finally: else runs when no exception, finally always runs.
def attempt(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("  cannot divide by zero")
        r = None
    else:
        print("  division worked")
    finally:
        print("  finally runs for", x)
    return r

print(attempt(2))
print(attempt(0))

# finally runs even when the try block returns.
def returns():
    try:
        return "from try"
    finally:
        print("finally before returning")
print(returns())

# A return in finally overrides.
def override():
    try:
        return 1
    finally:
        return 2
print(override())

# finally with break and continue inside a loop.
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("cleanup", i)

# The lesson on locks: release in finally so an error cannot leave it held.
class FakeLock:
    held = False
    def acquire(self):
        self.held = True
    def release(self):
        self.held = False

lock = FakeLock()
def work(fail):
    lock.acquire()
    try:
        if fail:
            raise RuntimeError("work failed")
        return "ok"
    finally:
        lock.release()
print(work(False), lock.held)
try:
    work(True)
except RuntimeError as e:
    print(e, lock.held)
