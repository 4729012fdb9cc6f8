# f-strings: expressions inside {}, with conversions and format specs.
name = "Ada"
age = 36
pi = 3.14159265
print(f"{name} is {age} years old")
print(f"{name!r} {name!s} {'é'!a}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:^10.2f}|")
print(f"{age:5d}|{age:<5d}|{age:^5}|{age:05d}|{age:+d}")
print(f"{255:x} {255:X} {255:o} {255:b} {255:#x} {255:#b} {255:#o}")
print(f"{1234567:,} {1234567:_} {1234567.891:,.2f}")
print(f"{0.25:%} {0.25:.1%} {12345.678:e} {12345.678:.2E}")
print(f"{'left':<8}|{'right':>8}|{'mid':*^9}|")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|")
print(f"{age * 2} {age > 30} {[n * 2 for n in range(3)]}")
print(f"{{literal braces}} {name.upper()}")
d = {"key": "value"}
print(f"{d['key']} {len(d)}")
print(f"{'is' + ' fine'} the word is in an f-string is fine")
x = 5
print(f"{x = }", f"{x*2 = }", f"{name = !s}")
print(f"{3.0} {1e20} {1/3} {-0.0}")
print(f"{True} {None} {b'x'}")
print(f"nested {f'inner {x}'} done")
print(f"{'a' if x > 3 else 'b'}")
print(f"""triple {name}
second line {age}""")
print(f"{x:>{width}}|{x:<{width}}|")
print(F"upper F {x}")
print(rf"raw \n {x}")
