# An ImportError says which module it is about: name, and path (None for
# a module that is not a file). Both can be given to the constructor, as
# keywords only, and set or deleted later.
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e.name, e.path)

try:
    import no_such_package.inner
except ModuleNotFoundError as e:
    print(e.name, e)

try:
    from math import no_such_function
except ImportError as e:
    print(type(e).__name__, e.name)

e = ImportError("could not load", name="plugin", path="/tmp/plugin.py")
print(e.name, e.path, e.args, repr(e), str(e))
e = ModuleNotFoundError(name="only")
print(e.name, e.path, e.args)
e.name = "changed"
e.path = "p"
print(e.name, e.path)
del e.name
print(e.name)

for kw in ({"x": 1}, {"name": "a", "path": "b", "obj": "c"}, {"obj": 1}):
    try:
        ImportError("m", **kw)
    except TypeError as err:
        print("TypeError:", err)
