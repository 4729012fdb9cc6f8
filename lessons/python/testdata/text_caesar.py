# Caesar and Vigenere ciphers, with str.translate and ord/chr arithmetic.
import string

def caesar(text, shift):
    out = []
    for ch in text:
        if ch.islower():
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif ch.isupper():
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)

msg = "Attack at Dawn, 5 o'clock!"
enc = caesar(msg, 3)
print(enc)
print(caesar(enc, -3))
table = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[13:] + string.ascii_lowercase[:13])
print("hello world".translate(table), "uryyb jbeyq".translate(table))

def vigenere(text, key, sign=1):
    out, k = [], 0
    for ch in text.upper():
        if ch.isalpha():
            shift = ord(key[k % len(key)]) - 65
            out.append(chr((ord(ch) - 65 + sign * shift) % 26 + 65))
            k += 1
        else:
            out.append(ch)
    return "".join(out)
secret = vigenere("threads share memory", "LOCK")
print(secret, "|", vigenere(secret, "LOCK", -1))
print(str.maketrans("ab", "xy"), "abba".translate({97: "A", 98: None}))
