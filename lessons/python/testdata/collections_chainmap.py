# collections.ChainMap: lookups through the chain, writes to the first mapping.
from collections import ChainMap, defaultdict
c=ChainMap({'a':1},{'b':2,'a':3})
print(c, c.keys(), c.items(), c.values(), len(c), list(c), c.parents, c.new_child(), c.new_child({'z':0}, y=1))
try: del c['b']
except KeyError as e: print(repr(e))
try: ChainMap({}).popitem()
except KeyError as e: print(repr(e))
try: ChainMap({}).pop('x')
except KeyError as e: print(repr(e))
try: c['q']
except KeyError as e: print(repr(e))
print(ChainMap(), bool(ChainMap({})), bool(ChainMap({},{1:2})))
print(c == {'a':1,'b':2}, c != {'a':1}, c | {'k':1}, {'k':1} | c, ChainMap.fromkeys('ab', 0))
print(type({'k':1} | c), c.copy(), c.get('b'), c.get('zz', 5), 'a' in c)
class D(ChainMap):
    def __missing__(self, k): return k*2
print(D({})['x'], D({'a':1}))
print(c.keys() == {'a','b'}, 'a' in c.keys(), ('b', 2) in c.items(), 3 in c.values(), 2 in c.values())
print(c.pop('a'), c, c.pop('zz', 9))
c.maps.append({'w':1}); print(c, c['w'])
c |= {'u': 2}; print(c)
c.update({'v': 1}, r=0); c.setdefault('s', []).append(1); print(c)
print(c.__class__.__module__, type(c).__name__, isinstance(c, ChainMap))
try: ChainMap({}) | 5
except TypeError as e: print(e)
try: ChainMap(5)['a']
except TypeError as e: print(e)
dd = defaultdict(list)
cd = ChainMap({}, dd)
cd['x'].append(1)
print(cd, dict(cd), sorted(cd.items()))
cd.clear(); print(cd)
import copy
print(copy.copy(c) == c, copy.copy(c).maps[1] is c.maps[1])
# Scopes, the classic use: local over global over builtins.
defaults = {'color': 'red', 'user': 'guest'}
cli = {'user': 'ann'}
settings = ChainMap(cli, {}, defaults)
print(settings['user'], settings['color'], list(settings.items()))
