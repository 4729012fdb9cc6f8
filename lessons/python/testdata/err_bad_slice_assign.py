# Extended-slice assignment needs the same length.
xs = list(range(6))
xs[::2] = [0, 0, 0]
print(xs)
xs[::2] = [1, 2]
