# nonlocal in several levels and with loops.
def make_account(balance):
    history = []
    def deposit(n):
        nonlocal balance
        balance += n
        history.append(("+", n))
        return balance
    def withdraw(n):
        nonlocal balance
        if n > balance:
            return "refused"
        balance -= n
        history.append(("-", n))
        return balance
    def report():
        return balance, list(history)
    return deposit, withdraw, report
dep, wd, rep = make_account(10)
print(dep(5), wd(3), wd(100), rep())
def outer():
    x = 0
    def mid():
        def inner():
            nonlocal x
            for _ in range(3):
                x += 1
        inner()
        return x
    return mid()
print(outer())
def fib_gen():
    a, b = 0, 1
    def step():
        nonlocal a, b
        a, b = b, a + b
        return a
    return step
s = fib_gen()
print([s() for _ in range(10)])
