# The string module's constants.
import string
print(string.ascii_lowercase)
print(string.ascii_uppercase)
print(string.ascii_letters)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation))
print(repr(string.whitespace))
print(len(string.printable))
caesar = {c: string.ascii_lowercase[(i + 3) % 26] for i, c in enumerate(string.ascii_lowercase)}
print("".join(caesar.get(c, c) for c in "hello, world"))
print(string.capwords("hello  big world"))
