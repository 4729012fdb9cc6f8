# Barrier: n_waiting, broken and the repr, read from the action, from a
# thread outside while parties wait, after an abort and after a reset.
import threading


def show(who, b):
    print(who, b.n_waiting, b.broken, repr(b).replace(hex(id(b)), "ID"))


def action():
    show("action:", b)


b = threading.Barrier(3, action=action)
show("new:", b)
outcomes = []


def party():
    try:
        b.wait()
        outcomes.append("passed")
    except threading.BrokenBarrierError:
        outcomes.append("broken")


ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
show("passed:", b)

ts = [threading.Thread(target=party) for _ in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    pass  # until both wait
show("two wait:", b)
b.abort()
for t in ts:
    t.join()
show("aborted:", b)
b.reset()
show("reset:", b)
print(sorted(outcomes))
