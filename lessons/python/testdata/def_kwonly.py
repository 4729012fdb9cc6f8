# Parameters after * are keyword-only; parameters before / are positional-only.
def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"

print(connect("example.org"))
print(connect("example.org", port=443, secure=True))

def mix(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)

print(mix(1, c=3))
print(mix(1, 2, 3, 4, c=5, e=6))

def pos_only(x, y, /, z):
    return x + y + z

print(pos_only(1, 2, 3))
print(pos_only(1, 2, z=3))

try:
    connect("example.org", 443)
except TypeError as e:
    print("TypeError:", e)

try:
    mix(1)
except TypeError as e:
    print("TypeError:", e)

try:
    pos_only(1, y=2, z=3)
except TypeError as e:
    print("TypeError:", e)

# Annotations are accepted and do not change behaviour.
def typed(a: int, b: "str" = "x") -> list:
    return [a, b]

print(typed(1))
print(typed.__annotations__)
