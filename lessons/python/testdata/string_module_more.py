# Using the string constants to classify and generate text.
import string
text = "Hello, World! 123 threads."
print(sum(c in string.ascii_letters for c in text), sum(c in string.digits for c in text))
print(sum(c in string.punctuation for c in text), sum(c in string.whitespace for c in text))
print("".join(c for c in text if c not in string.punctuation))
print(string.ascii_lowercase[::5], string.ascii_uppercase[-3:], string.hexdigits.upper())
table = str.maketrans("", "", string.digits)
print(text.translate(table))
print([string.ascii_lowercase.index(c) for c in "race"])
