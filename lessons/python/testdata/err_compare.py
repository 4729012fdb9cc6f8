# Ordering comparisons between unrelated types.
print(sorted([3, "two", 1]))
