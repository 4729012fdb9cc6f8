# Counter for votes and anagrams.
from collections import Counter
votes = "ann bob ann cy bob ann dee bob ann".split()
tally = Counter(votes)
winner, n = tally.most_common(1)[0]
print(winner, n, tally["nobody"], sorted(tally))
print(Counter("listen") == Counter("silent"), Counter("abc") == Counter("abd"))
stock = Counter(apples=5, pears=2)
order = Counter(apples=3, pears=4)
left = stock - order
print(sorted(left.items()), sorted((stock + order).items()))
stock.subtract(order)
print(sorted(stock.items()))
print(sum(Counter("hello world").values()), Counter("hello").most_common()[:2])
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print(sorted(Counter(w[0] for w in words).items()))
c = Counter()
for ch in "mississippi":
    c[ch] += 1
print(dict(sorted(c.items())))
