# print with sep, end and file.
import sys
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=" | ")
print("no newline", end="")
print(" ... continued")
print("x", end="\n\n")
print()
print(1, 2.5, None, True, [1], (2,), {"k": "v"}, sep=";")
print("to stdout explicitly", file=sys.stdout)
sys.stdout.write("written with write\n")
n = sys.stdout.write("abc\n")
print("write returned", n)
print(*range(5))
print(*"spaced", sep="-")
print("flushing", flush=True)
print("", end="")
print(sep="x")
print("tab\tand\\backslash")
print("unicode: ü ß 日本 ✓")
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("into", "object", file=w)
print(w.parts)
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
