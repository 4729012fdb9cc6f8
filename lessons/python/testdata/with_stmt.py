# with calls __enter__ before the block and __exit__ after, even on error.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return False

with Resource("a") as r:
    print("inside with", r.name)

with Resource("outer") as o, Resource("inner") as i:
    print("using", o.name, i.name)

try:
    with Resource("failing"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated:", e)

class Suppress:
    def __enter__(self):
        return "value from enter"
    def __exit__(self, t, v, tb):
        print("suppressing", t.__name__ if t else "nothing")
        return True

with Suppress() as s:
    print(s)
    1 / 0
print("after suppressed error")

def in_function():
    with Resource("f"):
        return "returned from inside with"
print(in_function())

for n in range(2):
    with Resource(f"loop{n}"):
        if n == 1:
            break
print("end")
