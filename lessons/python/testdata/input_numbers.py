# Reading numbers until a blank line, then summarising them.
values = []
while True:
    line = input()
    if not line.strip():
        break
    values.append(float(line))
print(f"count={len(values)} total={sum(values)} mean={sum(values) / len(values):.3f}")
print(f"min={min(values)} max={max(values)}")
