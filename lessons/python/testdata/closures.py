# A closure remembers the variables of the function that made it.
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1())
print(c2(), c2())

def make_adder(n):
    def add(x):
        return x + n
    return add

add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1))

# Nested closures three levels deep.
def outer():
    a = 1
    def middle():
        b = 2
        def inner():
            return a + b
        return inner
    return middle

print(outer()()())

# A closure sees later rebinding of the variable it captured.
def late():
    x = "before"
    def show():
        return x
    x = "after"
    return show

print(late()())

def accumulator():
    items = []
    def add(item):
        items.append(item)
        return list(items)
    return add

acc = accumulator()
acc("a")
print(acc("b"))
print(add5.__closure__ is not None)
