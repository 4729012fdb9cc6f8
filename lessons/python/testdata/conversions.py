# Converting between types.
print(int("42") + 1, float("3.5") * 2, str(7) + "!", bool("no"), bool(""))
print(list("abc"), tuple([1, 2]), set("aab") == {"a", "b"}, dict([("k", 1)]))
print(int(3.9), int(-3.9), round(3.9), float(3), int("0b101", 0), int("0x1f", 0), int("0o17", 0))
print(str(3.0), str(1e21), str(10 ** 21), str(-0.0), str(True), str(None), str([None]))
print(list(map(int, ["1", "2"])), [str(x) for x in (1.5, 2)], "".join(map(chr, [104, 105])))
print(ord("a"), chr(97), hex(255), int("ff", 16), oct(8), int("10", 8), bin(5), int("101", 2))
print(float("1e-3"), float("  7  "), float("-0"), float("nan") != float("nan"), int(float("1e18")))
print(list(range(3)) == [0, 1, 2], list({"a": 1}.items()), list(zip(*{"a": 1, "b": 2}.items())))
