# f-strings with nested fields, dict access, method calls and expressions.
rows = [("apple", 1.5, 3), ("banana", 0.25, 12), ("cherry", 10.0, 1)]
print(f"{'item':<10}{'price':>8}{'qty':>5}")
for name, price, qty in rows:
    print(f"{name:<10}{price:>8.2f}{qty:>5d}")
total = sum(p * q for _, p, q in rows)
print(f"{'total':<10}{total:>8.2f}")
w = 12
for align in "<^>":
    print(f"[{'x':{align}{w}}]")
data = {"user": {"name": "lin", "langs": ["go", "py"]}}
print(f"{data['user']['name'].title()} knows {len(data['user']['langs'])} languages: {', '.join(data['user']['langs'])}")
n = 255
print(f"{n:#x} {n:#o} {n:#b} {n:08b} {n:,d} {-n:+}")
print(f"{3 if False else 7!r:>5}")
print(f"{'nested ' + f'{n:x}'}")
val = 0.000123456
print(f"{val:.2e} {val:g} {val * 1e6:.1f}")
import math
print(f"{math.pi:.{3}f} {math.e:{8}.{2}f}|")
items = ["a", "b"]
print(f"{items!r} {items[0]!r:>5} {len(items)=}")
print(f"{'yes' if n > 100 else 'no'} {n > 100 = }")
print(f"{1_000_000:_} {1e6:,.0f} {2**64:,}")
