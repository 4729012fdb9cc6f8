# getattr, setattr, hasattr, delattr work with attribute names as strings.
class Config:
    debug = False

c = Config()
setattr(c, "level", 3)
print(getattr(c, "level"), getattr(c, "debug"), getattr(c, "missing", "fallback"))
print(hasattr(c, "level"), hasattr(c, "missing"), hasattr(Config, "debug"))
for name in ["alpha", "beta"]:
    setattr(c, name, name.upper())
print(c.alpha, c.beta, sorted(vars(c)))
delattr(c, "alpha")
print(hasattr(c, "alpha"))
setattr(Config, "shared", "on class")
print(c.shared, getattr(Config, "shared"))
method = getattr("hello", "upper")
print(method(), getattr([3, 1, 2], "index")(2))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    (5).real = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    "abc".nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    Config.nope
except AttributeError as e:
    print("AttributeError:", e)
