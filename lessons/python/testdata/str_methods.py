# Common str methods.
s = "  Hello, Thread World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
t = s.strip()
print(t.lower(), t.upper(), t.title(), t.swapcase(), t.capitalize())
print(t.split(), t.split(","), t.split(", ", 1), "a,b,,c".split(","))
print("one two  three".split(" "), "a\nb\r\nc".splitlines(), "x".split("x"))
print(t.rsplit(" ", 1), "-".join(["a", "b", "c"]), "".join("xyz"))
print(t.replace("l", "L"), t.replace("l", "L", 2), t.find("o"), t.rfind("o"), t.find("zz"))
print(t.index("World"), t.count("l"), t.startswith("Hell"), t.endswith("!"))
print(t.startswith(("a", "H")), "abc".endswith(("x", "c")))
print("42".isdigit(), "4a".isdigit(), "abc".isalpha(), "ab1".isalnum(), "   ".isspace())
print("Hi".islower(), "hi".islower(), "HI".isupper(), "Title Case".istitle())
print("7".zfill(3), "-7".zfill(4), "ab".center(6, "*"), "ab".ljust(5, "."), "ab".rjust(5))
print("a-b-c".partition("-"), "a-b-c".rpartition("-"), "abc".partition("x"))
print("hello"[::-1], "ab" * 3, "a" + "b", "ell" in "hello", "z" not in "hello")
print(len("héllo"), ord("é"), chr(233), "日本".encode("utf-8"), b"\xe6\x97\xa5".decode())
print("%s has %d items costing %.2f" % ("cart", 3, 9.5))
print("tab\tsep".expandtabs(4), "x".isidentifier(), "1x".isidentifier())
print("Hello".casefold(), "abcabc".removeprefix("ab"), "abcabc".removesuffix("bc"))
print("{} and {}".format("this", "that"), "{1}{0}".format("a", "b"), "{x}".format(x=3))
print(str(123), str([1, "a"]), str(None), repr("it's"), repr('say "hi"'))
print("a\\b", repr("a\\b"), repr("\n\t"), "\u00e9", "\x41", "\101")
print("abc" < "abd", "B" < "a", max("hello"), min("hello"), sorted("banana"))
print("mississippi".strip("mi"), "xxhixx".strip("x"), "  x ".strip(" x"))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    "abc"[0] = "z"
except TypeError as e:
    print("TypeError:", e)
