# An int cannot be unpacked.
a, b = 5
