# What is callable.
class K:
    def m(self):
        pass
class C:
    def __call__(self):
        return "called"
for obj in [len, K, K(), K().m, C(), lambda: 0, "s", 5, print, type, None]:
    print(type(obj).__name__, callable(obj))
print(C()())
