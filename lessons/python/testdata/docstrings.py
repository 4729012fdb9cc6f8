# Docstrings are the first string of a module, class or function.
"""Module docstring."""
def f():
    """Return nothing, documented."""
class C:
    """A documented class."""
    def m(self):
        "One-line docstring."
def g():
    x = 1
    "not a docstring"
print(f.__doc__, C.__doc__, C.m.__doc__, g.__doc__, __doc__)
