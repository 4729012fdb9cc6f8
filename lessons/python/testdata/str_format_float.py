# Floats formatted every common way.
values = [0.0, 1.0, -1.5, 3.14159265, 1e-7, 123456789.125, 2.5, 0.125, 1e300, -0.0]
for v in values:
    print(f"{v!r:>14} {v:.3f} {v:.2e} {v:g} {v:10.4g} {v:%}" if abs(v) < 1e100 else f"{v!r} {v:.3e} {v:g}")
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {0.375:.2f} {1.005:.2f}")
print(round(0.125, 2), round(0.375, 2), round(2.675, 2), round(-1.5), round(1e15 + 0.5))
print(str(1e15), str(1e16), str(123456789012345.6), str(0.1 + 0.7))
print(1.1 + 2.2, 3.3 * 3, 10 / 3, 2 / 3 * 3, 1e-320, 2 ** -1074)
print(float.fromhex("0x1.8p1"), (1.5).hex(), (0.1).hex())
print(int(2.9999999999999996), int(-0.9), 7.0 // 0.5, 7.25 % 0.5, -7.25 % 0.5)
print(1e308 + 1e308, -(1e308 + 1e308), (1e308 + 1e308) - (1e308 + 1e308))
print(sum([0.1] * 3), 0.1 * 3, 0.3 == 0.1 * 3, abs(0.3 - 0.1 * 3) < 1e-15)
