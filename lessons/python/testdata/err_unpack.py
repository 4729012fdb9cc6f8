# Unpacking needs exactly the right number of values.
a, b = 1, 2
print(a, b)
a, b = 1, 2, 3
