# vars() and dir() show attributes.
class P:
    a = 1
    def __init__(self):
        self.x = 2
        self.y = 3
p = P()
print(vars(p), sorted(k for k in dir(p) if not k.startswith("_")))
p.z = 4
print(vars(p))
print([k for k in vars(P) if not k.startswith("_")])
