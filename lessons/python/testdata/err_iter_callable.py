# A class without __iter__ cannot be looped over.
class Bag:
    def __init__(self):
        self.items = [1, 2]
for x in Bag().items:
    print(x)
for x in Bag():
    print(x)
