# Rich comparisons: __lt__, __le__, __gt__, __ge__; sorted uses __lt__.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __gt__(self, other):
        return self.parts > other.parts
    def __ge__(self, other):
        return self.parts >= other.parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))

vs = [Version("1.10"), Version("1.2"), Version("0.9.9"), Version("1.2.1")]
print(sorted(vs))
print(max(vs), min(vs))
print(Version("1.2") < Version("1.10"), Version("2.0") >= Version("2.0"))
print(Version("3") > Version("2.9"), Version("1.0") <= Version("0.1"))

class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"L{self.v}"
print(sorted([OnlyLt(3), OnlyLt(1), OnlyLt(2)]))
print(OnlyLt(5) > OnlyLt(1))  # reflected: uses OnlyLt(1).__lt__(OnlyLt(5))
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print("TypeError:", e)
try:
    Version("1") < 3
except AttributeError as e:
    print("AttributeError:", e)
