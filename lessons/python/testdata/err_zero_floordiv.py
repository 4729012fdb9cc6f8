# Floor division of floats by zero.
print(7.0 // 0)
