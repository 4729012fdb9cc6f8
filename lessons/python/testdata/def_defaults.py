# Functions with default values: a default is computed once, when def runs.
def greet(name, greeting="Hello"):
    return greeting + ", " + name + "!"

print(greet("Ada"))
print(greet("Linus", "Hi"))
print(greet(greeting="Hey", name="Grace"))

# A mutable default is shared between calls; this is a classic surprise.
def append_to(item, bucket=[]):
    bucket.append(item)
    return bucket

print(append_to(1))
print(append_to(2))
print(append_to(3, []))

# The usual fix: None as a sentinel.
def append_fresh(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket

print(append_fresh(1))
print(append_fresh(2))

# Defaults are evaluated at definition time.
n = 10
def show(x=n):
    return x
n = 20
print(show())
print(greet.__defaults__)
print(show.__name__)
