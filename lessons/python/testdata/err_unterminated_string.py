# A string that never ends.
print("ok")
s = "no closing quote
