# Recursion: factorial, Fibonacci, permutations, Hanoi, and the recursion limit.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(30))

def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)
moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5])

def perms(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i, x in enumerate(items):
        for rest in perms(items[:i] + items[i + 1:]):
            out.append([x] + rest)
    return out
print(perms([1, 2, 3]))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(7))

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) > 500)
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3))
