# Unicode text: code points, lengths, encodings.
words = ["café", "naïve", "日本語", "Ελληνικά", "emoji 😀"]
for w in words:
    print(w, len(w), len(w.encode("utf-8")), w.upper(), [hex(ord(c)) for c in w[:3]])
print("\u00e9" == "é", "\N{GREEK SMALL LETTER ALPHA}", "\U0001F600" == "😀")
print("straße".upper(), "ǅ".lower(), "İ".lower() == "i̇", "ß".casefold())
print("é".encode("utf-8"), "é".encode("latin-1"), b"caf\xc3\xa9".decode("utf-8"))
print(sorted(["é", "e", "f", "z", "É"]), "é" > "z")
print("abc".isascii(), "café".isascii(), "١٢٣".isdigit(), "Ⅻ".isnumeric())
print(repr("tab\there"), repr("é"), ascii("é"), repr("\x00\x7f"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
