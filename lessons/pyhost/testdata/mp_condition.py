# A Condition, a Semaphore and an Event that processes share: children
# wait on them and a parent's notify, release or set wakes them.
import multiprocessing as mp


def wait_for_go(cond, go, done):
    with cond:
        cond.wait_for(lambda: go.value > 0)
        seen = go.value
    done.put(seen)


def take_turns(sem, running, peak, log, name):
    with sem:
        with running.get_lock():
            running.value += 1
            peak.value = max(peak.value, running.value)
        log.put(name)
        with running.get_lock():
            running.value -= 1


def wait_event(ev, out, n):
    out.put((n, ev.wait(10)))


def ping(cond, turn, me, rounds, log, count):
    # Two processes take turns through one Condition.
    for _ in range(rounds):
        with cond:
            cond.wait_for(lambda: turn.value == me)
            log[count.value] = me
            count.value += 1
            turn.value = 1 - me
            cond.notify_all()


if __name__ == "__main__":
    cond = mp.Condition()
    go = mp.Value("i", 0)
    done = mp.Queue()
    kids = [mp.Process(target=wait_for_go, args=(cond, go, done)) for _ in range(3)]
    for k in kids:
        k.start()
    with cond:
        go.value = 7
        cond.notify_all()
    print("woken:", sorted(done.get() for _ in kids))
    for k in kids:
        k.join()
    print("exit codes:", [k.exitcode for k in kids])

    sem = mp.Semaphore(2)
    running, peak, log = mp.Value("i", 0), mp.Value("i", 0), mp.Queue()
    kids = [mp.Process(target=take_turns, args=(sem, running, peak, log, "p%d" % i)) for i in range(5)]
    for k in kids:
        k.start()
    for k in kids:
        k.join()
    print("ran:", sorted(log.get() for _ in kids), "at most 2 at once:", peak.value <= 2)

    ev, out = mp.Event(), mp.Queue()
    kids = [mp.Process(target=wait_event, args=(ev, out, i)) for i in range(2)]
    for k in kids:
        k.start()
    ev.set()
    print("events:", sorted(out.get() for _ in kids))
    for k in kids:
        k.join()

    turn, log, count = mp.Value("i", 0), mp.Array("i", 6), mp.Value("i", 0)
    pair = [mp.Process(target=ping, args=(cond, turn, me, 3, log, count)) for me in (1, 0)]
    for p in pair:
        p.start()
    for p in pair:
        p.join()
    print("turns:", log[:], count.value)
