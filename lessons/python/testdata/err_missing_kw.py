# A required keyword-only argument is missing.
def f(*, key):
    return key
f()
