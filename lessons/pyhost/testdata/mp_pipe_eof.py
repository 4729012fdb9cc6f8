# Pipe ends as processes hold them: EOF comes once every process has
# closed its copy of the sending end (a process that ends closes its
# own); a send with no reader left is a BrokenPipeError; wait() watches
# several pipes at once.
import multiprocessing as mp
from multiprocessing.connection import wait, Connection


def reader(r, w):
    w.close()  # this process's copy of the sending end
    got = []
    while True:
        try:
            got.append(r.recv())
        except EOFError:
            break
    print("reader got", got)


def sender(conn):
    conn.send("hi from " + mp.current_process().name)  # and ends, still open


def closer(conn):
    conn.close()


def hold_until_told(r):
    r.recv()


def worker(i, w):
    w.send(i * i)
    w.send("done")


if __name__ == "__main__":
    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=reader, args=(r, w))
    p.start()
    r.close()
    for i in range(3):
        w.send(i)
    w.close()
    p.join()
    print("exit code", p.exitcode)

    a, b = mp.Pipe()
    p = mp.Process(target=sender, args=(b,), name="talker")
    p.start()
    b.close()
    print(a.recv())
    p.join()
    print(a.poll(), a.poll(None))
    try:
        a.recv()
    except EOFError:
        print("EOF once the child ended")

    r, w = mp.Pipe(duplex=False)
    p = mp.Process(target=closer, args=(r,))
    p.start()
    r.close()
    p.join()
    try:
        w.send(1)
    except BrokenPipeError as e:
        print(type(e).__name__, e, e.errno)

    pipes = [mp.Pipe(duplex=False) for _ in range(3)]
    procs = [mp.Process(target=worker, args=(i, w)) for i, (r, w) in enumerate(pipes)]
    for p in procs:
        p.start()
    for r, w in pipes:
        w.close()
    readers = [r for r, w in pipes]
    print(isinstance(readers[0], Connection), wait([], 0))
    numbers, ends = [], 0
    while readers:
        for r in wait(readers, timeout=None):
            try:
                numbers.append(r.recv())
            except EOFError:
                readers.remove(r)
                ends += 1
    for p in procs:
        p.join()
    print(sorted(n for n in numbers if isinstance(n, int)), numbers.count("done"), ends)
    c1, c2 = mp.Pipe()
    print(wait([c1], 0), wait([c1], 0.01))
    c2.send("x")
    print(wait([c1, c2], 0) == [c1])
    for bad in (1.5, "x"):
        try:
            wait([bad], 0)
        except ValueError as e:
            print("ValueError", e)

    # Sentinels: wait() reports a process once it has ended.
    r, w = mp.Pipe(duplex=False)
    held = mp.Process(target=hold_until_told, args=(r,))
    quick = mp.Process(target=closer, args=(r,))
    try:
        held.sentinel
    except ValueError as e:
        print("ValueError", e)
    held.start()
    quick.start()
    print(wait([held.sentinel, quick.sentinel]) == [quick.sentinel], isinstance(held.sentinel, int))
    print(wait([held.sentinel], 0.05))
    w.send("go")
    print(wait([held.sentinel]) == [held.sentinel])
    held.join()
    quick.join()
    print(held.exitcode, quick.exitcode)
