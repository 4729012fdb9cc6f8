# repr of str at the edges of UTF-8: U+FFFD is printable, a lone surrogate
# is escaped, and the same repr serves error messages and containers.
s = "\ufffd"
print(repr(s), repr("a\ud800b\udfff"), ascii(s), [s, "\ud83d"], {"k\ufffd": "\udc80"})
print(repr("it's"), repr("say \"hi\""), repr("both ' and \""), repr("\x00\x1f\x7f\x80\xa0\xad\u2028"))
for bad in ("\ufffd", "1\ud800", "x'y"):
    for conv in (int, float):
        try:
            conv(bad)
        except ValueError as ex:
            print(ex)
