# An unclosed parenthesis.
print("start"
x = 1
