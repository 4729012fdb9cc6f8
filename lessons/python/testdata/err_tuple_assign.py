# Tuples are immutable too.
t = (1, 2)
t[0] = 5
