# The order in which try, except, else and finally run, traced with prints.
def trace(raise_in):
    log = []
    try:
        log.append("try")
        if raise_in == "try":
            raise ValueError("from try")
    except ValueError as e:
        log.append("except " + str(e))
        if raise_in == "except":
            raise KeyError("from except")
    else:
        log.append("else")
        if raise_in == "else":
            raise TypeError("from else")
    finally:
        log.append("finally")
    return log

for where in [None, "try", "else"]:
    print(where, trace(where))
for where in ["except"]:
    try:
        trace(where)
    except KeyError as e:
        print("escaped", repr(e))

def nested():
    try:
        try:
            raise IndexError("inner")
        finally:
            print("inner finally")
    except IndexError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()

def swallow():
    for i in range(3):
        try:
            raise RuntimeError(i)
        except RuntimeError as e:
            if e.args[0] == 1:
                continue
            print("handled", e)
        finally:
            print("finally", i)
swallow()
