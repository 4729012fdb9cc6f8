# Method calls and class-attribute reads through the same instructions
# while instances shadow the names, stop shadowing them, clear their
# __dict__ or change it directly.

class K:
    scale = 3
    def f(self):
        return "method f"
    def g(self):
        return "method g"

def call_f(o):
    return o.f()

def read_scale(o):
    return o.scale

objs = [K() for _ in range(3)]
for round in range(3):
    for i, o in enumerate(objs):
        print(round, i, call_f(o), read_scale(o))
    objs[round].f = lambda: "instance f %d" % round
    objs[round].scale = 10 + round
    print([call_f(o) for o in objs], [read_scale(o) for o in objs])
    del objs[round].f
    print([call_f(o) for o in objs])

o = K()
for name in ["a%d" % i for i in range(70)]:
    setattr(o, name, name)
print(call_f(o), read_scale(o), o.a69)
o.__dict__["f"] = lambda: "via __dict__"
print(call_f(o))
o.__dict__.clear()
print(call_f(o), read_scale(o), hasattr(o, "a1"))
o.__dict__.update(f=lambda: "updated", scale=-1)
print(call_f(o), read_scale(o))
del o.__dict__["f"], o.__dict__["scale"]
print(call_f(o), read_scale(o))
K.f = lambda self: "class f replaced"
print(call_f(o), call_f(objs[0]))
