# A local read before it is bound, where the read is fused with the
# attribute access after it (x.attr, x.attr = v): the error is still the
# plain UnboundLocalError, with no suggestion of the near name valve.
class Box:
    pass


def read(flag):
    if flag:
        value = Box()
    valve = 1
    return value.size


def write(flag):
    if flag:
        value = Box()
    valve = 1
    value.size = 2


for fn in (read, write):
    try:
        fn(False)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
read(False)
