# A Pipe's end sent through a Queue to a process that was already
# running: the receiver holds its own copy of that end open, as a
# descriptor passed between processes is, so the other end sees EOF only
# once the receiver has closed it too.
import multiprocessing as mp


def child(q, go):
    end = q.get()
    end.send("first")
    go.wait()
    end.send("late")
    end.close()


if __name__ == "__main__":
    q = mp.Queue()
    go = mp.Event()
    p = mp.Process(target=child, args=(q, go))
    p.start()
    mine, theirs = mp.Pipe()
    q.put(theirs)
    print(mine.recv())
    theirs.close()  # the parent's copy; the child still holds its own
    go.set()
    print(mine.recv())
    p.join()
    try:
        mine.recv()
    except EOFError:
        print("EOF once the child has closed its copy")
    print(p.exitcode)
