# itertools used together: pairing, batching, and infinite streams made finite.
from itertools import count, cycle, repeat, chain, islice, product, permutations, combinations

def batched(it, n):
    it = iter(it)
    while True:
        chunk = list(islice(it, n))
        if not chunk:
            return
        yield chunk
print(list(batched(range(10), 3)))
players = ["ann", "bob", "cy"]
turns = cycle(players)
print([next(turns) for _ in range(7)])
print(list(zip(count(1), "abc")), list(zip(repeat("x"), range(3))))
print(list(chain(*[[1, 2], [3], []])), list(chain("ab", range(2), {"k": 0})))
board = list(product("abc", range(1, 4)))
print(len(board), board[:4])
print(sum(1 for p in permutations(range(5)) if p[0] < p[-1]))
print([c for c in combinations(range(6), 2) if sum(c) == 5])
print(list(islice(count(0, 0.25), 5)), list(islice(count(10, -3), 4)))
print(list(map("".join, permutations("ab"))), list(product("ab", "cd", repeat=1)))
hands = list(combinations(["A", "K", "Q", "J"], 2))
print(hands, len(hands))
print(list(islice(cycle([]), 3)), list(repeat(None, 0)))
