# An unexpected keyword argument.
def greet(name):
    return "hi " + name
print(greet(name="ann"))
greet(nme="bob")
