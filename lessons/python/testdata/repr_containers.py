# repr of nested and self-referencing containers.
a = [1, "two", 3.0, None, True, (4,), {5: "five"}, {6}, [7, [8]]]
print(a)
print(repr(a) == str(a))
b = [1, 2]
b.append(b)
print(b)
d = {"k": 1}
d["self"] = d
print(d)
print(repr(""), repr("'"), repr('"'), repr("'\""), repr("\\"), repr("\t\n\r\x0b"))
print([""], [" "], ["a'b"], {"q": 'say "x"'})
print((), (1,), (1, 2), ((),), [()], [[], {}])
print({1: {2: {3: [4]}}}, {(1, 2): frozenset()})
print(repr(1.0), repr(-0.0), repr(1e100), [1e-5, 1e16, 12.5])
print(repr(b"\x00ab\xff"), [b"x"], (b"",))
print(range(3), [range(1, 5, 2)], slice(1, None), [slice(None)])
