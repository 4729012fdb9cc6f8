# A local read before it is bound, while a global has a name a few edits
# away: CPython suggests nothing, since the local's name is the right one.
value = 3
def show():
    print(valu)
    valu = 1
show()
