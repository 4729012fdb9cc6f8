# global rebinds a module-level name from inside a function.
balance = 0

def deposit(n):
    global balance
    balance = balance + n

def withdraw(n):
    global balance
    balance = balance - n

for i in range(5):
    deposit(10)
withdraw(15)
print("balance:", balance)

# Without global, assignment makes a local name.
counter = 100
def local_only():
    counter = 1
    return counter
print(local_only(), counter)

# Reading a global without assigning needs no declaration.
def read_it():
    return counter + 1
print(read_it())

# global can create a new module-level name.
def create():
    global created
    created = "new"
create()
print(created)

# nonlocal reaches the nearest enclosing function scope.
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed by inner"
    inner()
    return x
print(outer())

def two_levels():
    v = 0
    def a():
        def b():
            nonlocal v
            v += 5
        b()
        b()
    a()
    return v
print(two_levels())

# UnboundLocalError: assigning makes the name local for the whole function.
total = 3
def broken():
    try:
        total += 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
broken()
