# collections.ChainMap, in Python on the interpreter's own dicts: a
# mapping that looks a key up in several mappings in turn and writes
# only to the first. Part of the collections module (mod_collections.go
# runs this file into it).


class _View:
    # What keys(), items() and values() of a ChainMap return: a live
    # view of the chain, named as CPython's views are.
    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._mapping)


class KeysView(_View):
    def __iter__(self):
        return iter(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __eq__(self, other):
        return set(self) == set(other)


class ItemsView(_View):
    def __iter__(self):
        m = self._mapping
        for key in m:
            yield key, m[key]

    def __contains__(self, item):
        key, value = item
        m = self._mapping
        if key not in m:
            return False
        found = m[key]
        return found is value or found == value

    def __eq__(self, other):
        return set(self) == set(other)


class ValuesView(_View):
    def __iter__(self):
        m = self._mapping
        for key in m:
            yield m[key]

    def __contains__(self, value):
        for found in self:
            if found is value or found == value:
                return True
        return False


class ChainMap:
    """A ChainMap groups several mappings into one view: a lookup tries
    each mapping in turn (maps[0] first); writes, deletions and pops
    change maps[0] only. With no mappings it starts with one empty dict.
    """

    def __init__(self, *maps):
        self.maps = list(maps) if maps else [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for m in self.maps:
            try:
                # m[key], not `key in m`: a defaultdict in the chain fills in.
                return m[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __contains__(self, key):
        for m in self.maps:
            if key in m:
                return True
        return False

    def _keys(self):
        # Every key once, in the order of the last mapping first, as a
        # dict built by updating from the back of the chain would have.
        seen = {}
        for m in reversed(self.maps):
            for key in m:
                seen[key] = None
        return seen

    def __len__(self):
        return len(self._keys())

    def __iter__(self):
        return iter(self._keys())

    def __bool__(self):
        for m in self.maps:
            if m:
                return True
        return False

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if isinstance(other, (dict, ChainMap)):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    def __repr__(self):
        return "%s(%s)" % (type(self).__name__, ", ".join(repr(m) for m in self.maps))

    @classmethod
    def fromkeys(cls, iterable, value=None):
        return cls(dict.fromkeys(iterable, value))

    def copy(self):
        """A new ChainMap with a copy of maps[0] and the other mappings shared."""
        return type(self)(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """A new ChainMap with m (or a new dict) in front of these mappings."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return type(self)(m, *self.maps)

    @property
    def parents(self):
        """A new ChainMap of every mapping but the first."""
        return type(self)(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError("Key not found in the first mapping: %r" % (key,)) from None

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.") from None

    def pop(self, key, *default):
        if len(default) > 1:
            raise TypeError("pop expected at most 2 arguments, got %d" % (len(default) + 1))
        try:
            return self.maps[0].pop(key)
        except KeyError:
            if default:
                return default[0]
            raise KeyError("Key not found in the first mapping: %r" % (key,)) from None

    def clear(self):
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, other=(), **kwargs):
        first = self.maps[0]
        first.update(other, **kwargs)

    def __or__(self, other):
        if not isinstance(other, (dict, ChainMap)):
            return NotImplemented
        joined = self.copy()
        joined.maps[0].update(other)
        return joined

    def __ror__(self, other):
        if not isinstance(other, (dict, ChainMap)):
            return NotImplemented
        merged = dict(other)
        for m in reversed(self.maps):
            merged.update(m)
        return type(self)(merged)

    def __ior__(self, other):
        self.maps[0].update(other)
        return self
