# Building and formatting strings.
import time

def main():
    parts = []
    for i in range(60000):
        parts.append(f"{i:05d}:{i * 1.5:.2f}")
        parts.append("%s-%d" % ("item", i))
    text = ",".join(parts)
    words = text.split(",")
    upper = 0
    for w in words[:20000]:
        if w.upper().startswith("ITEM"):
            upper += 1
    return len(text), upper, words[7]

t0 = time.perf_counter()
result = main()
t1 = time.perf_counter()
print(result)
print("elapsed", t1 - t0)
