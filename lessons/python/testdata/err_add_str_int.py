# str + int: Python will not convert silently.
print("x" + 1)
