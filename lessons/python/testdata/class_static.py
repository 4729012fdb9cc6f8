# @staticmethod needs no instance; @classmethod receives the class.
class Pizza:
    count = 0

    def __init__(self, toppings):
        self.toppings = list(toppings)
        Pizza.count += 1

    @classmethod
    def margherita(cls):
        return cls(["tomato", "mozzarella"])

    @classmethod
    def how_many(cls):
        return cls.count

    @staticmethod
    def is_valid_topping(name):
        return name not in ("pineapple",)

p = Pizza.margherita()
q = Pizza(["mushroom"])
print(p.toppings, q.toppings)
print(Pizza.how_many(), p.how_many())
print(Pizza.is_valid_topping("ham"), p.is_valid_topping("pineapple"))

class Special(Pizza):
    pass

s = Special.margherita()
print(type(s).__name__, Pizza.count)

class Registry:
    items = []
    @classmethod
    def register(cls, item):
        cls.items.append(item)
        return item
Registry.register("a")
Registry.register("b")
print(Registry.items)
sm = staticmethod(len)
print(type(sm).__name__)
