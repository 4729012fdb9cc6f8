# A Barrier that processes share: each round lets its parties go
# together and runs the action once; a timeout breaks it for everyone.
import multiprocessing as mp
import threading


def party(barrier, out, n):
    for rnd in range(2):
        i = barrier.wait()
        out.put((rnd, i))


def impatient(barrier, out):
    try:
        barrier.wait(0.2)
        out.put("passed")
    except threading.BrokenBarrierError:
        out.put("broken")


if __name__ == "__main__":
    trips = mp.Value("i", 0)

    def tripped():
        trips.value += 1

    barrier = mp.Barrier(3, action=tripped)
    out = mp.Queue()
    kids = [mp.Process(target=party, args=(barrier, out, n)) for n in range(3)]
    for k in kids:
        k.start()
    got = sorted(out.get() for _ in range(6))
    for k in kids:
        k.join()
    print("rounds:", got)
    print("actions:", trips.value, "waiting:", barrier.n_waiting, "broken:", barrier.broken)

    barrier = mp.Barrier(3)
    kids = [mp.Process(target=impatient, args=(barrier, out)) for _ in range(2)]
    for k in kids:
        k.start()
    for k in kids:
        k.join()
    print("too few:", sorted(out.get() for _ in kids), "broken:", barrier.broken)
    barrier.reset()
    print("after reset:", barrier.broken)
