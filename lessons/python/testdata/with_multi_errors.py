# with several managers: they exit in reverse order, even when one fails to enter.
class CM:
    def __init__(self, name, fail=False):
        self.name, self.fail = name, fail
    def __enter__(self):
        if self.fail:
            raise RuntimeError(f"{self.name} failed to enter")
        print("enter", self.name)
        return self.name
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else "-")
with CM("a") as a, CM("b") as b, CM("c") as c:
    print("body", a, b, c)
try:
    with CM("x"), CM("y", fail=True), CM("z"):
        print("never")
except RuntimeError as e:
    print("caught:", e)
try:
    with CM("p"), CM("q"):
        raise ValueError("body failed")
except ValueError as e:
    print("caught:", e)
