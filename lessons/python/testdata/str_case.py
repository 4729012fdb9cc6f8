# Case conversions and case tests.
for s in ["hello world", "HELLO", "Hello World", "hELLO wORLD", "it's a dog's life", "123abc", ""]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.isupper(), s.islower(), s.istitle())
print("ΣΑΣ".lower(), "straße".upper(), "ǆ".title())
