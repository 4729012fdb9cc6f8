# A name used before its global declaration is a SyntaxError.
x = 1
def f():
    print(x)
    global x
f()
