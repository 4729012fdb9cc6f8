# split and join, the workhorses of text processing.
csv = "name,age,city\nann,31,paris\nbob,25,rome"
rows = [line.split(",") for line in csv.split("\n")]
header, *body = rows
print(header, body)
records = [dict(zip(header, r)) for r in body]
print(records)
print(" | ".join(header), "\n".join(",".join(r) for r in rows))
print("a  b   c".split(), "a  b   c".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("".split(), "".split(","), "   ".split(), ",".split(","))
print("one\ttwo\nthree four".split(), "x".join("abc"), ", ".join(map(str, [1, 2, 3])))
print("line1\nline2\r\nline3\n".splitlines(), "keep\nends\n".splitlines(True))
path = "/usr/local/bin/python3"
print(path.split("/"), path.rsplit("/", 1)[-1], "/".join(path.split("/")[:-1]))
print("k=v;x=y".split(";"), dict(p.split("=") for p in "k=v;x=y".split(";")))
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
