# A seeded simulation: the same seed always replays the same story.
import random

def simulate(seed, rounds=8):
    rng = random.Random(seed)
    wallet = 100
    history = []
    for _ in range(rounds):
        bet = rng.randint(1, 20)
        if rng.random() < 0.5:
            wallet += bet
            history.append(f"+{bet}")
        else:
            wallet -= bet
            history.append(f"-{bet}")
    return wallet, history

for seed in [1, 2, 3, 1]:
    print(seed, simulate(seed))

random.seed(99)
words = ["red", "green", "blue", "cyan"]
for _ in range(5):
    print(random.choice(words), random.randrange(1000))
random.seed(10)
print([round(random.uniform(-1, 1), 4) for _ in range(4)])
random.seed(10)
big = [random.randrange(10 ** 30) for _ in range(2)]
print(big)
random.seed(5)
cards = [f"{r}{s}" for r in "A23456789TJQK" for s in "shdc"]
random.shuffle(cards)
print(cards[:8])
print(random.sample(cards, 4))
