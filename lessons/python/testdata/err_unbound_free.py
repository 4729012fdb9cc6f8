# A free variable read before the enclosing function binds it: a NameError
# that, like any other, suggests a near name from the globals.
valve = 1
def outer():
    def inner():
        return valv
    return inner
    valv = 1
outer()()
