# __getitem__ receiving ints, negative ints and slices.
class Word:
    def __init__(self, text):
        self.text = text
    def __len__(self):
        return len(self.text)
    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            return Word(self.text[start:stop:step])
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("word index out of range")
        return self.text[i]
    def __repr__(self):
        return f"Word({self.text!r})"
w = Word("threadlab")
print(w[0], w[-1], w[2:6], w[::-1], w[::3], len(w[1:]))
print(list(w)[:4], "".join(w))
try:
    w[20]
except IndexError as e:
    print("IndexError:", e)
class Matrix:
    def __init__(self):
        self.data = {}
    def __setitem__(self, key, value):
        self.data[key] = value
    def __getitem__(self, key):
        return self.data.get(key, 0)
m = Matrix()
m[1, 2] = 5
m[0, 0] += 3
print(m[1, 2], m[0, 0], m[9, 9], sorted(m.data))
