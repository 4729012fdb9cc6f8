# Context managers written by hand: timing, indentation, and error translation.
class Indent:
    level = 0
    def __enter__(self):
        Indent.level += 1
        return self
    def __exit__(self, *exc):
        Indent.level -= 1
    def say(self, text):
        print("  " * Indent.level + text)

with Indent() as a:
    a.say("level one")
    with Indent() as b:
        b.say("level two")
    a.say("back to one")
print("level now", Indent.level)

class Translate:
    def __exit__(self, et, ev, tb):
        if et is KeyError:
            raise LookupError("translated: " + str(ev)) from ev
        return False
    def __enter__(self):
        return None

try:
    with Translate():
        {}["x"]
except LookupError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

class Record:
    def __enter__(self):
        print("enter")
    def __exit__(self, t, v, tb):
        print("exit got", t.__name__ if t else None, v, tb is not None)
        return t is ZeroDivisionError

with Record():
    1 / 0
with Record():
    pass
try:
    with Record():
        int("x")
except ValueError as e:
    print("escaped:", e)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
