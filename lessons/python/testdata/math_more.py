# math used for geometry and number theory.
import math
def circle(r):
    return math.pi * r * r, 2 * math.pi * r
print([tuple(round(v, 4) for v in circle(r)) for r in (1, 2.5, 10)])
def angle(x, y):
    return round(math.degrees(math.atan2(y, x)), 6)
print([angle(*p) for p in [(1, 0), (0, 1), (-1, 0), (1, 1), (0, -1)]])
print(math.gcd(2 ** 20, 6 ** 10), math.lcm(12, 18, 30), math.factorial(25))
print(math.comb(52, 5), math.perm(10, 3), math.isqrt(10 ** 20 + 1))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(2.5), round(math.log(1000, 10), 10))
print(math.sqrt(0.0), math.sqrt(1e-300) > 0, math.exp(0), math.log1p(0), math.expm1(0))
print(math.inf > 10 ** 300, -math.inf < -1e308, math.isnan(math.inf - math.inf), math.nan != math.nan)
print(math.fsum([0.1] * 10) == 1.0, sum([0.1] * 10) == 1.0)
print(math.copysign(1, -0.0), math.fabs(-0.0), math.remainder(10, 3), math.fmod(-10, 3))
print(math.ulp(1.0), math.nextafter(1.0, 2.0) > 1.0, math.frexp(8.0), math.ldexp(0.5, 4))
print(math.prod(range(1, 11)), math.prod([]), math.dist((1, 2, 3), (4, 6, 3)))
print(math.hypot(5, 12), math.hypot(1, 1, 1) ** 2)
