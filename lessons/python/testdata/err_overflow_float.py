# A float result too large to represent.
print(2.0 ** 2000)
