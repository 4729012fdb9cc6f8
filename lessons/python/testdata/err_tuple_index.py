# tuple.index of a missing value.
t = ("a", "b")
print(t.index("b"))
t.index("z")
