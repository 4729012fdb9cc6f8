# __call__ makes instances callable; callable() reports it.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k

double = Multiplier(2)
print(double(21), callable(double), callable(5), callable(print), callable(Multiplier))
print(list(map(Multiplier(3), [1, 2, 3])))

class Memo:
    def __init__(self, fn):
        self.fn, self.cache = fn, {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]

@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
five = 5
try:
    five()
except TypeError as e:
    print("TypeError:", e)
text = "text"
try:
    text()
except TypeError as e:
    print("TypeError:", e)
