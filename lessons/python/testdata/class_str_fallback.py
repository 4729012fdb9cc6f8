# str() falls back to __repr__; print uses __str__.
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
class Both:
    def __repr__(self):
        return "Both(repr)"
    def __str__(self):
        return "Both(str)"
for obj in [OnlyRepr(), Both()]:
    print(obj, str(obj), repr(obj), [obj], f"{obj}", f"{obj!r}", "%s|%r" % (obj, obj))
class Sub(Both):
    def __str__(self):
        return "Sub(" + super().__str__() + ")"
print(Sub(), [Sub()])
