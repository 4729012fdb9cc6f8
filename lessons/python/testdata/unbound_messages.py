# Every way of using a variable before it is bound, caught: the exception's
# type and message.
def read_local():
    print(x)
    x = 1

def delete_local():
    del x
    x = 1

def read_cell():
    print(x)
    x = 1
    return lambda: x

def delete_cell():
    del x
    x = 1
    return lambda: x

def read_free():
    def inner():
        return x
    return inner
    x = 1

def method_call():
    x.append(1)
    x = []

def return_local():
    if False:
        x = 1
    return x

def yield_local():
    if False:
        x = 1
    yield x

for run in (read_local, delete_local, read_cell, delete_cell, read_free(),
            method_call, return_local, lambda: next(yield_local())):
    try:
        run()
    except NameError as e:
        print(type(e).__name__, e)
