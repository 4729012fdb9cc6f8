# Calling the result of a comparison.
x = 3
ok = x > 2
print(ok)
ok()
