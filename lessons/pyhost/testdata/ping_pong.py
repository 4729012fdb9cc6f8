# Two threads take turns through a Condition: output order is fixed.
import threading

cond = threading.Condition()
turn = ["ping"]
lines = []

def player(me, other, rounds):
    for i in range(rounds):
        with cond:
            cond.wait_for(lambda: turn[0] == me)
            lines.append("%s %d" % (me, i))
            turn[0] = other
            cond.notify_all()

a = threading.Thread(target=player, args=("ping", "pong", 4))
b = threading.Thread(target=player, args=("pong", "ping", 4))
a.start(); b.start()
a.join(); b.join()
print("\n".join(lines))
