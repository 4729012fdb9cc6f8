# The is... predicates on strings.
samples = ["abc", "ABC", "abc123", "123", "12.5", " ", "", "a b", "_id", "x1", "1x", "Ⅳ", "½", "٣"]
for s in samples:
    print(f"{s!r:8} alpha={s.isalpha()!s:5} digit={s.isdigit()!s:5} alnum={s.isalnum()!s:5} "
          f"space={s.isspace()!s:5} ident={s.isidentifier()!s:5} num={s.isnumeric()!s:5} dec={s.isdecimal()}")
