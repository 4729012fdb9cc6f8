# pass does nothing; a function without return gives None.
def nothing():
    pass

class Empty:
    pass

print(nothing())
print(type(Empty()).__name__)

def early(x):
    if x < 0:
        return "negative"
    return

print(early(-1), early(1))

def many():
    return 1, 2, 3

a, b, c = many()
print(a, b, c, many())

def nested_return(items):
    for i in items:
        for j in items:
            if i * j == 6:
                return (i, j)
    return None

print(nested_return([1, 2, 3]))
print(nested_return([5]))
if True:
    pass
else:
    print("unreachable")
for _ in range(2):
    pass
print("done")
