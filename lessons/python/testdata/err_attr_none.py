# The classic: calling a method on None.
result = [3, 1, 2].sort()
print(result)
result.append(4)
