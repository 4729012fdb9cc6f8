# Strings are immutable.
word = "cat"
word[0] = "b"
