# Threads share one iterator: every item is taken exactly once.
import threading

source = enumerate(range(3000))
taken = [[], [], []]

def take(mine):
    for i, x in source:
        mine.append(x)

ts = [threading.Thread(target=take, args=(taken[k],)) for k in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
everything = sorted(taken[0] + taken[1] + taken[2])
print(everything == list(range(3000)), len(everything))
