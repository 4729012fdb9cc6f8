# while loops: input-driven, sentinel, binary search, and digit processing.
def digits(n):
    out = []
    while n:
        n, d = divmod(n, 10)
        out.append(d)
    return out[::-1] or [0]
print(digits(90210), digits(0), sum(digits(2 ** 100)))

def bsearch(xs, target):
    lo, hi = 0, len(xs) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid, steps
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
data = list(range(0, 1000, 3))
print(bsearch(data, 300), bsearch(data, 301), bsearch(data, 0), bsearch(data, 999))

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(17, 5), gcd(0, 9))
n, count = 1, 0
while n < 10 ** 6:
    n *= 3
    count += 1
print(n, count)
items = [5, 3, 8, 0, 2]
i = 0
while i < len(items) and items[i] != 0:
    i += 1
print("first zero at", i)
