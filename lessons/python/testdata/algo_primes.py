# Prime numbers three ways.
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True

def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
    return [i for i, f in enumerate(flags) if f]

def factorize(n):
    factors = []
    d = 2
    while n > 1:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    return factors

print([n for n in range(50) if is_prime(n)])
print(sieve(100))
print(len(sieve(10000)), sieve(10000)[-3:])
for n in [360, 97, 1001, 2 ** 10, 600851475143 // 6857]:
    print(n, factorize(n))
def gen_primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
g = gen_primes()
print([next(g) for _ in range(15)])
