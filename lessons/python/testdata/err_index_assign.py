# Assigning past the end does not grow a list.
items = [0, 0]
items[2] = 1
