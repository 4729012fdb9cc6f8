# Indexing a string past its end.
s = "hi"
print(s[2])
