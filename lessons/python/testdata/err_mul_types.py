# Multiplying a list by a float is not allowed.
print([1, 2] * 2)
print([1, 2] * 2.0)
