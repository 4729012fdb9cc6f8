# Reading a local before it is assigned.
total = 10
def add():
    total = total + 1
add()
