# An error inside a method called from a loop.
class Cart:
    def __init__(self):
        self.items = {"apple": 3}
    def price(self, name):
        return self.items[name] * 2
cart = Cart()
for name in ["apple", "pear"]:
    print(name, cart.price(name))
