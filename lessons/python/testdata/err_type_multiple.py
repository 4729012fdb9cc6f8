# One argument given twice.
def area(w, h):
    return w * h
print(area(2, h=3))
area(2, w=3)
