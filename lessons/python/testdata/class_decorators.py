# A decorator is a function that takes a function (or class) and returns a replacement.
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper

@shout
def hello(name):
    return "hello " + name

print(hello("world"))

def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco

@repeat(3)
def roll(x):
    return x * 2

print(roll(4))

calls = []
def log(fn):
    def wrapper(*a):
        calls.append(fn.__name__)
        return fn(*a)
    return wrapper

@log
@shout
def twice(s):
    return s + s

print(twice("ab"), calls)

def add_greeting(cls):
    cls.greet = lambda self: "hi from " + type(self).__name__
    return cls

@add_greeting
class Robot:
    pass

print(Robot().greet())

class Counter:
    def __init__(self, fn):
        self.fn = fn
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.fn(*a)

@Counter
def square(x):
    return x * x

print(square(3), square(4), square.n)
