# The math module.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf)
print(math.sqrt(2), math.sqrt(144), math.isqrt(99), math.pow(2, 0.5))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(3), type(math.floor(2.5)).__name__)
print(math.fabs(-3), math.factorial(20), math.gcd(48, 18), math.lcm(4, 6))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(1))
print(math.sin(0), math.cos(0), math.tan(0), math.atan2(1, 1), math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.copysign(3, -0.0), math.fmod(7, -3), math.modf(3.25))
print(math.isnan(float("nan")), math.isinf(math.inf), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3))
print(math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10))
print(math.asin(1), math.acos(1), math.atan(1), math.sinh(0), math.cosh(0))
print(round(math.sin(math.pi / 6), 10), math.dist((0, 0), (3, 4)))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
try:
    math.exp(1000)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.sqrt("x")
except TypeError as e:
    print("TypeError:", e)
