# Class bodies are scopes too, but methods do not see class-level names directly.
x = "global x"

class Demo:
    x = "class x"
    y = x + " (read in the class body)"
    def method(self):
        return x            # the global, not Demo.x
    def method2(self):
        return self.x       # the class attribute through the instance
    values = [x for _ in range(2)]  # comprehension sees the global x

d = Demo()
print(Demo.y)
print(d.method())
print(d.method2())
print(Demo.values)

def outer():
    y = "enclosing"
    class Inner:
        z = y               # a class body can read an enclosing function's variable
        def get(self):
            return y
    return Inner

I = outer()
print(I.z, I().get())

counter = 0
class Tracked:
    global counter
    counter += 1
print("counter", counter)
class Nested:
    class Deep:
        value = 42
print(Nested.Deep.value, Nested.Deep.__qualname__)
