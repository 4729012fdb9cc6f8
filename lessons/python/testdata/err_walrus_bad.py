# The walrus operator cannot assign to an attribute.
class C: pass
c = C()
if (c.x := 5):
    pass
