# Trimming and padding strings.
s = "\t  padded text \n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" \t")))
print(repr("xxhixx".strip("x")), repr("abcba".strip("ab")), repr("..a..".lstrip(".")), repr("..a..".rstrip(".")))
for w in ["a", "abc", "abcdefgh"]:
    print(f"[{w.ljust(6)}] [{w.rjust(6)}] [{w.center(6)}] [{w.center(7, '-')}] [{w.zfill(5)}]")
print("42".zfill(6), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2))
print("a\tb\tc".expandtabs(), "a\tb".expandtabs(2), repr("x".ljust(0)))
