# Word counting and text statistics.
from collections import Counter
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity."""
words = [w.strip(",.").lower() for w in text.split()]
counts = Counter(words)
print(len(words), len(counts))
for word, n in counts.most_common(5):
    print(f"{word:>8} {'#' * n} {n}")
lines = text.splitlines()
print([len(l) for l in lines])
print(max(words, key=len), min(words, key=len))
letters = Counter(c for c in text.lower() if c.isalpha())
print(sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
first = {}
for i, w in enumerate(words):
    first.setdefault(w, i)
print(list(first.items())[:6])
print(" ".join(w.capitalize() for w in words[:6]))
print(text.count("it was"), text.lower().count("it was"), text.find("age"), text.rfind("age"))
