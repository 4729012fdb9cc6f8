# A traffic light as a state machine, driven by a generator of events.
TRANSITIONS = {
    ("red", "timer"): "green",
    ("green", "timer"): "yellow",
    ("yellow", "timer"): "red",
    ("red", "emergency"): "red",
    ("green", "emergency"): "red",
    ("yellow", "emergency"): "red",
}

def events():
    yield from ["timer", "timer", "emergency", "timer", "timer", "timer", "bogus"]

state = "red"
for ev in events():
    nxt = TRANSITIONS.get((state, ev))
    if nxt is None:
        print(f"{state}: unknown event {ev!r}, staying")
        continue
    print(f"{state:>6} --{ev}--> {nxt}")
    state = nxt
print("final", state)

class Turnstile:
    def __init__(self):
        self.state = "locked"
        self.coins = 0
    def handle(self, action):
        method = getattr(self, "on_" + action, None)
        if method is None:
            raise ValueError(f"no such action: {action}")
        method()
    def on_coin(self):
        self.coins += 1
        self.state = "unlocked"
    def on_push(self):
        self.state = "locked"
t = Turnstile()
for a in ["push", "coin", "push", "coin", "coin", "kick"]:
    try:
        t.handle(a)
        print(a, "->", t.state)
    except ValueError as e:
        print(e)
print(t.coins)
