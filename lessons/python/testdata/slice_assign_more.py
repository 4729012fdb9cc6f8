# Slice assignment and deletion reshape lists in place.
xs = list(range(8))
xs[2:4] = []
print(xs)
xs[1:1] = ["a", "b"]
print(xs)
xs[-2:] = [9]
print(xs)
xs[:] = "xyz"
print(xs)
ys = [0] * 6
ys[1::2] = [1, 1, 1]
print(ys)
del ys[::3]
print(ys)
