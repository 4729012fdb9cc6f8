# Looping over dicts: keys, values, items, and sorted views.
prices = {"tea": 3.5, "cake": 4.25, "water": 1.0}
for k in prices:
    print(k, end=" ")
print()
for v in prices.values():
    print(v, end=" ")
print()
for k, v in sorted(prices.items(), key=lambda kv: kv[1]):
    print(f"{k}: {v:.2f}")
print(sum(prices.values()), max(prices, key=prices.get), list(reversed(prices)))
