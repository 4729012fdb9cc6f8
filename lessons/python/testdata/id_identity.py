# id() is the same for the same object and differs between live objects.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), isinstance(id(a), int))
x = object()
print(id(x) == id(x))
