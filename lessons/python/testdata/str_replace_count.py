# replace and count, including empty patterns and limits.
s = "banana"
print(s.replace("a", "o"), s.replace("a", "o", 1), s.replace("na", ""), s.replace("", "-"))
print(s.replace("x", "y"), s.replace("banana", ""), "aaaa".replace("aa", "b"))
print(s.count("a"), s.count("an"), s.count("ana"), s.count(""), s.count("a", 2), s.count("a", 2, 4))
print("".replace("", "x"), "".count(""), "abc".replace("", "", 2))
