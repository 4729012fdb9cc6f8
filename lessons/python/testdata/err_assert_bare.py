# A failed assert with no message.
assert 1 + 1 == 3
