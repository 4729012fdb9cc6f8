# Building output lines from numbers.
rows = [[1, 22, 333], [4444, 5, 66]]
for r in rows:
    print(" ".join(f"{v:>5}" for v in r))
print(",".join(map(str, range(5))), "+".join(str(i) for i in range(1, 4)) + "=" + str(sum(range(1, 4))))
print("\n".join(["line 1", "line 2"]))
print(" | ".join(f"{k}={v}" for k, v in {"a": 1, "b": 2}.items()))
