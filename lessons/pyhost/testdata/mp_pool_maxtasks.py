# A Pool's worker that has done maxtasksperchild tasks ends, and the pool
# starts another in its place. The argument must be a positive int or
# None.
import multiprocessing as mp


def who(x):
    return mp.current_process().name


def square(x):
    return x * x


for bad in (0, -3, 2.5, "1"):
    try:
        mp.Pool(1, maxtasksperchild=bad)
    except ValueError as e:
        print("ValueError:", e)

# One task at a time, each by a worker that then ends: as many workers
# as tasks, every one named as a pool's worker is.
with mp.Pool(2, maxtasksperchild=1) as pool:
    names = [pool.apply_async(who, (i,)).get() for i in range(5)]
print(len(set(names)), all(n.startswith("ForkPoolWorker-") for n in names))

# The results do not depend on how often workers are replaced.
with mp.Pool(2, maxtasksperchild=2) as pool:
    print(pool.map(square, range(9), chunksize=1))
    print(sum(pool.imap_unordered(square, range(6))))
