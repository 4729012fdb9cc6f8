"""Write ../unicode_names.bin, the Unicode character names that \\N{...}
escapes accept, from /usr/bin/python3's unicodedata (and the aliases it
accepts from /usr/share/unicode/NameAliases.txt when that file exists).

Run: /usr/bin/python3 testdata/mknames.py   (from lessons/python/syntax)

Format (all integers unsigned LEB128 varints):
  "PYN1"
  W, then W words: length, bytes          (most frequent words first)
  N, then N entries sorted by code point: code point delta, word count,
     word indices                          (names split at spaces)
  R, then R algorithmic ranges: prefix length, prefix bytes, first, last
     (names PREFIX-XXXX with XXXX the code point in hex)
Hangul syllable names are computed, not stored."""

import collections
import os
import sys
import unicodedata

ALGORITHMIC = ("CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-", "TANGUT IDEOGRAPH-",
               "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-")


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


names = []  # (code point, name)
ranges = []  # [prefix, first, last]
for cp in range(sys.maxunicode + 1):
    try:
        name = unicodedata.name(chr(cp))
    except ValueError:
        continue
    if name.startswith("HANGUL SYLLABLE "):
        continue
    prefix = next((p for p in ALGORITHMIC if name.startswith(p)), None)
    if prefix:
        if ranges and ranges[-1][0] == prefix and ranges[-1][2] == cp - 1:
            ranges[-1][2] = cp
        else:
            ranges.append([prefix, cp, cp])
        continue
    names.append((cp, name))

aliases = "/usr/share/unicode/NameAliases.txt"
if os.path.exists(aliases):
    for line in open(aliases, encoding="utf-8"):
        line = line.split("#")[0].strip()
        if not line:
            continue
        cp, alias, _ = line.split(";")
        cp = int(cp, 16)
        try:
            if ord(unicodedata.lookup(alias)) == cp and eval('"\\N{%s}"' % alias) == chr(cp):
                names.append((cp, alias))
        except (KeyError, SyntaxError):
            pass
names.sort()

freq = collections.Counter(w for _, n in names for w in n.split(" "))
words = [w for w, _ in freq.most_common()]
index = {w: i for i, w in enumerate(words)}

out = bytearray(b"PYN1")
out += varint(len(words))
for w in words:
    out += varint(len(w)) + w.encode("ascii")
out += varint(len(names))
prev = 0
for cp, n in names:
    ws = n.split(" ")
    out += varint(cp - prev) + varint(len(ws))
    for w in ws:
        out += varint(index[w])
    prev = cp
out += varint(len(ranges))
for prefix, first, last in ranges:
    out += varint(len(prefix)) + prefix.encode("ascii") + varint(first) + varint(last)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "unicode_names.bin"), "wb") as f:
    f.write(out)
print(len(names), "names,", len(words), "words,", len(ranges), "ranges,", len(out), "bytes")
