# An inventory with dataclasses, sorting and grouping.
from dataclasses import dataclass, field
from collections import defaultdict

@dataclass
class Item:
    name: str
    category: str
    price: float
    qty: int = 0
    tags: list = field(default_factory=list)

    @property
    def value(self):
        return self.price * self.qty

stock = [
    Item("hammer", "tools", 12.5, 4, ["steel"]),
    Item("nails", "tools", 0.05, 1000),
    Item("apple", "food", 0.4, 50, ["fresh"]),
    Item("bread", "food", 2.2, 8),
    Item("lamp", "home", 25.0, 2, ["light", "electric"]),
]
by_cat = defaultdict(list)
for it in stock:
    by_cat[it.category].append(it)
for cat in sorted(by_cat):
    items = by_cat[cat]
    print(f"{cat:<6} {len(items)} items worth {sum(i.value for i in items):8.2f}")
print(max(stock, key=lambda i: i.value).name)
print([i.name for i in sorted(stock, key=lambda i: (i.category, -i.price))])
cheap = [i for i in stock if i.price < 1]
print(cheap)
stock[0].qty -= 1
print(stock[0], stock[0] == Item("hammer", "tools", 12.5, 3, ["steel"]))
print(sum(len(i.tags) for i in stock), sorted({t for i in stock for t in i.tags}))
