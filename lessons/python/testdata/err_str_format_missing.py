# str.format with a missing named field.
print("{a} and {b}".format(a=1, b=2))
print("{a} and {c}".format(a=1, b=2))
