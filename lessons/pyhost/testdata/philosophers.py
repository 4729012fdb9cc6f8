# Dining philosophers who take forks in a global order never deadlock.
import threading

N = 5
forks = [threading.Lock() for _ in range(N)]
meals = [0] * N

def philosopher(i):
    left, right = i, (i + 1) % N
    first, second = min(left, right), max(left, right)
    for _ in range(50):
        with forks[first]:
            with forks[second]:
                meals[i] += 1

ts = [threading.Thread(target=philosopher, args=(i,), name="phil-%d" % i) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(meals, all(not f.locked() for f in forks))
