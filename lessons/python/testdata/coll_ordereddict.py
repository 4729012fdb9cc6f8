# collections.OrderedDict remembers order and can move keys around.
from collections import OrderedDict
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od))
od.move_to_end("b")
print(list(od))
od.move_to_end("c", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1) == {"a": 1})

class LRU:
    def __init__(self, size):
        self.size, self.data = size, OrderedDict()
    def get(self, k):
        if k in self.data:
            self.data.move_to_end(k)
            return self.data[k]
        return None
    def put(self, k, v):
        self.data[k] = v
        self.data.move_to_end(k)
        if len(self.data) > self.size:
            self.data.popitem(last=False)
cache = LRU(2)
cache.put("x", 1)
cache.put("y", 2)
cache.get("x")
cache.put("z", 3)
print(list(cache.data.items()))
