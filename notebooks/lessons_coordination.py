"""Lesson 6, coordination: Event, Condition (a bounded buffer), Semaphore
and Barrier. notebooks/build.py turns CELLS into 06-coordination.ipynb;
the conventions (md, code, {{name}} claims) are lessons_text.py's.
"""
from lessons_text import code, md

FILENAME = "06-coordination.ipynb"

# Where each number quoted in the prose comes from (see lessons_text.CLAIMS).
CLAIMS = {
    "if_schedules": {"tag": "explore-if", "pattern": r"schedules: (\d+)"},
    "if_empty": {"tag": "explore-if", "pattern": r"(?m)^nothing: the shelf was empty and plain: (\d+)"},
    "if_deadlocks": {"tag": "explore-if", "pattern": r"deadlocks: (\d+)"},
    "seeds_broken": {"tag": "seeded-if", "pattern": r"seeds that broke: (\d+)"},
    "while_deadlocks": {"tag": "explore-while", "pattern": r"deadlocks: (\d+)"},
    "safe_schedules": {"tag": "explore-safe", "pattern": r"schedules: (\d+)"},
    "most_charging": {"tag": "chargers", "pattern": r"most charging at once: (\d+)"},
    "notify_schedules": {"tag": "stepper-lost-notify", "pattern": r"schedules: (\d+)"},
    "notify_stuck": {"tag": "stepper-lost-notify", "pattern": r"cat waits for ever in: (\d+)"},
}

# The numbers themselves, copied from a seeded run of the notebook.
VALUES = {
    "if_schedules": "1726",
    "if_empty": "146",
    "if_deadlocks": "79",
    "seeds_broken": "6",
    "while_deadlocks": "79",
    "safe_schedules": "3092",
    "most_charging": "2",
    "notify_schedules": "2223",
    "notify_stuck": "90",
}

CELLS = [
    md("""
    # Lesson 6: Coordination

    By the end of this lesson you can make a thread wait on purpose: for a
    signal (`Event`), for an item on a shelf (`Condition`), for a free
    place in a pool (`Semaphore`) and for the rest of its team
    (`Barrier`), and you can show that no thread waits for ever.
    """),
    md("""
    **Prerequisites:** [Lesson 3: Locks](03-locks.ipynb) and
    [Lesson 4: Deadlock](04-deadlock.ipynb).
    """),
    md("""
    ## Predict, then run: a signal

    A lock keeps threads *apart*. Often threads must also wait *for each
    other*: a guest cannot eat before the cook says the pie is ready. An
    **Event** is a flag that starts down. `set()` raises it; `wait()`
    returns at once if the flag is up, and otherwise blocks until some
    thread raises it.

    `run_team` starts the threads it is given and waits for them all; the
    rest of the lesson uses it too.
    """),
    code("""
    import threading, time

    def run_team(*team):
        for member in team:
            member.start()
        for member in team:
            member.join()

    pie_ready = threading.Event()

    def cook():
        time.sleep(2)
        print("cook: the pie is out of the oven")
        pie_ready.set()
    """),
    md("""
    The cook takes two seconds; the guest sits down at once. **Which line
    prints first, and which last?**
    """),
    code("""
    def guest():
        print("guest: sitting down")
        pie_ready.wait()
        print("guest: eating")

    lab.seed(6)                   # a repeatable schedule, and virtual time
    run_team(threading.Thread(target=cook, name="cook"),
             threading.Thread(target=guest, name="guest"))
    """, tag="pie"),
    md("""
    ## Look closer: a thread that waits

    The guest sat down first and ate last, after the cook's line.
    `lab.trace()` shows the wait as a row of its own.
    """),
    code("""
    lab.trace()
    """, tag="pie-trace"),
    md("""
    Read the `guest` column. The Event has a lock inside; the guest takes
    it, finds the flag down, lets the lock go and, at step 4, *waits for a
    notify of an Event*. From then on the guest does nothing at all: a
    waiting thread uses no processor time. In the `cook` column, step 5 to
    step 7 are `set()`: the cook takes the lock, its notify *wakes guest*
    (step 6) and it lets the lock go. Only then does the guest take the
    lock again (step 8) and go on to eat.
    """, rows=[("pie-trace", 4, "guest", "waits for a notify of an Event"),
               ("pie-trace", 5, "cook", "acquire pie_ready's lock"),
               ("pie-trace", 6, "cook", "notifies an Event: wakes guest"),
               ("pie-trace", 8, "guest", "acquire pie_ready's lock")]),
    md("""
    ## A shelf between threads: Condition

    An Event says one thing once. A baker who puts buns on a shelf with
    room for just one bun, and customers who take them, need more: a customer must
    wait while the shelf is empty, the baker while it is full, and each
    must tell the others when the shelf changes. That is a **bounded
    buffer**, and `threading.Condition` is made for it.

    A **Condition** is a lock with a waiting room. You hold its lock
    (`with self.changed:`) to look at the shelf. `wait()` lets the lock go
    and sleeps until another thread calls `notify()` (wake one waiting
    thread) or `notify_all()` (wake them all); then it takes the lock back
    before it returns.

    The shelf keeps its buns in a tuple that is replaced on every change,
    so that the interleaving tables below show each value as it was.
    """),
    code("""
    class Shelf:
        def __init__(self):
            self.items = ()               # room for one bun
            self.changed = threading.Condition()
    """),
    md("""
    Here is a first try. A customer who finds the shelf empty waits *once*,
    with `if`; so does a baker who finds it full.
    """),
    code("""
    class IfShelf(Shelf):
        def put(self, bun):
            with self.changed:
                if self.items:            # full
                    self.changed.wait()
                self.items = self.items + (bun,)
                self.changed.notify()

        def get(self):
            with self.changed:
                if not self.items:        # empty
                    self.changed.wait()
                bun, self.items = self.items[0], self.items[1:]
                self.changed.notify()
                return bun
    """),
    md("""
    The bakery: the baker bakes a plain bun and a seeded one, and two
    customers, `ann` and `ben`, take one each. A customer who finds nothing
    says so instead of crashing.
    """),
    code("""
    def bakery(shelf):
        eaten = []
        def baker():
            for bun in ("plain", "seeded"):
                shelf.put(bun)
        def customer():
            try:
                eaten.append(shelf.get())
            except IndexError:
                eaten.append("nothing: the shelf was empty")
        run_team(threading.Thread(target=baker, name="baker"),
                 threading.Thread(target=customer, name="ann"),
                 threading.Thread(target=customer, name="ben"))
        return " and ".join(sorted(eaten))
    """),
    md("""
    **Predict:** with room for one bun, does each customer get a bun?
    """),
    code("""
    lab.seed(1)
    bakery(IfShelf())
    """, tag="seeded-bakery"),
    md("""
    It worked. Is the shelf right, then? Run it under sixty seeds, that is,
    sixty different schedules, and count what happens.

    ## Make it repeatable: sixty seeds

    A run that gets stuck for ever would stop the cell, so the loop
    catches it. threadlab notices when every thread is waiting and raises
    a `DeadlockError` in the main thread, which says who waits for what.
    """),
    code("""
    endings = {}
    for seed in range(60):
        lab.seed(seed)
        try:
            ending = bakery(IfShelf())
        except Exception as stuck:
            ending = type(stuck).__name__
            report = str(stuck)
        endings[ending] = endings.get(ending, 0) + 1
    print(endings)
    print("seeds that broke:", 60 - endings["plain and seeded"])
    print(report)
    """, tag="seeded-if"),
    md("""
    {{seeds_broken}} of the 60 seeds got stuck. Each seed gives the same
    schedule every time you run the cell, so these are not flukes: run it
    again and the same seeds break. The report names the threads. The
    `baker` *waits for a notify of a Condition that no thread is left to
    send*: a **lost wakeup**. Someone called `notify()`, but it woke a
    thread that could not use it, and nobody is left to wake the baker.

    ## Look closer: every schedule

    Sixty seeds are sixty schedules out of many. `lab.explore` runs every
    schedule of the bakery that has at most one **preemption** (one switch
    away from a thread that could have gone on), and counts the endings.
    """),
    code("""
    def summary(found):
        print("schedules:", found.schedules, " deadlocks:", found.deadlocks)
        for ending, count in sorted(found.outcomes.items(), key=str):
            print("%s: %d" % (ending, count))

    found = lab.explore(lambda: bakery(IfShelf()), preemptions=1)
    summary(found)
    """, tag="explore-if"),
    md("""
    Of {{if_schedules}} schedules, {{if_deadlocks}} end in a deadlock, and
    in {{if_empty}} a customer took from an empty shelf. (The counts are
    schedules, not chances: on a real machine some schedules are far
    likelier than others.) Here is one where the shelf was empty.
    """),
    code("""
    found.example("nothing: the shelf was empty and plain")
    """, tag="example-empty"),
    md("""
    Walk through it. At step 5 `ann` finds the shelf empty, so she waits
    (step 8). At step 13 the `baker` puts the plain bun on the shelf, and
    at step 15 his `notify()` wakes ann. But waking up is not the same as
    running: before ann gets the lock back, `ben` arrives, finds the bun
    and takes it at step 28. When ann runs again, at step 34, she does not
    look at the shelf again, because `if` looked only once, and she takes
    from an empty shelf.
    """, rows=[("example-empty", 5, "ann", "read <IfShelf object>.items → ()"),
               ("example-empty", 8, "ann", "waits for a notify of a Condition"),
               ("example-empty", 13, "baker", "write <IfShelf object>.items ← ('plain',)"),
               ("example-empty", 15, "baker", "notifies a Condition: wakes ann"),
               ("example-empty", 28, "ben", "write <IfShelf object>.items ← ()"),
               ("example-empty", 34, "ann", "read <IfShelf object>.items → ()")]),
    md("""
    ### "An `if` is enough around a wait": it is not

    Many people believe that once a thread has been woken, the thing it
    waited for must be true. It need not be. A notify only says "the shelf
    changed, look again". Between the notify and the moment the woken
    thread holds the lock again, any other thread may run and change the
    shelf back. (In some other languages a wait may even return with
    nobody having notified at all.) So the rule is: **always wait in a
    `while` loop that checks the condition again**.

    ## Fix it

    Step one: `while` instead of `if`, in both methods.
    """),
    code("""
    class WhileShelf(Shelf):
        def put(self, bun):
            with self.changed:
                while self.items:
                    self.changed.wait()
                self.items = self.items + (bun,)
                self.changed.notify()

        def get(self):
            with self.changed:
                while not self.items:
                    self.changed.wait()
                bun, self.items = self.items[0], self.items[1:]
                self.changed.notify()
                return bun
    """),
    code("""
    found = lab.explore(lambda: bakery(WhileShelf()), preemptions=1)
    summary(found)
    """, tag="explore-while"),
    md("""
    Nobody takes from an empty shelf any more. But {{while_deadlocks}}
    schedules still end with every thread waiting. Look at one.
    """),
    code("""
    found.example("deadlock")
    """, tag="example-deadlock"),
    md("""
    Walk through it. `ann` (step 5) and then `ben` (step 11) find the shelf
    empty and wait (step 8 and step 14). The baker puts the plain bun, and
    his notify wakes ann (step 21); he then finds the shelf full and waits
    too, from step 28 on. At step 33 ann takes the bun, and at step 35 her
    `notify()` wakes one waiting thread: ben, who has waited longest, not
    the baker. Ben finds the shelf empty again (step 38) and goes back to
    wait at step 41. Now the `baker` and `ben` both
    *wait for a notify of a Condition*, and nobody is left to send one:
    the lost wakeup that the DeadlockError above reported for some seeds.
    With one Condition for both "not full" and "not empty", `notify()` can
    wake the wrong kind of thread.
    """, rows=[("example-deadlock", 5, "ann", "read <WhileShelf object>.items → ()"),
               ("example-deadlock", 8, "ann", "waits for a notify of a Condition"),
               ("example-deadlock", 11, "ben", "read <WhileShelf object>.items → ()"),
               ("example-deadlock", 14, "ben", "waits for a notify of a Condition"),
               ("example-deadlock", 21, "baker", "notifies a Condition: wakes ann"),
               ("example-deadlock", 28, "baker", "waits for a notify of a Condition"),
               ("example-deadlock", 33, "ann", "write <WhileShelf object>.items ← ()"),
               ("example-deadlock", 35, "ann", "notifies a Condition: wakes ben"),
               ("example-deadlock", 38, "ben", "read <WhileShelf object>.items → ()"),
               ("example-deadlock", 41, "ben", "waits for a notify of a Condition")]),
    md("""
    Step two: `notify_all()`. Every waiting thread wakes, and its `while`
    loop sends each one that cannot go on back to wait.
    """),
    code("""
    class SafeShelf(WhileShelf):
        def put(self, bun):
            with self.changed:
                while self.items:
                    self.changed.wait()
                self.items = self.items + (bun,)
                self.changed.notify_all()

        def get(self):
            with self.changed:
                while not self.items:
                    self.changed.wait()
                bun, self.items = self.items[0], self.items[1:]
                self.changed.notify_all()
                return bun
    """),
    code("""
    found = lab.explore(lambda: bakery(SafeShelf()), preemptions=1)
    summary(found)
    """, tag="explore-safe"),
    md("""
    All {{safe_schedules}} schedules end the same way, with no deadlock.
    The exploration tried every schedule with at most one preemption;
    that bound is what keeps it quick. (Waking every thread costs a little
    time; two Conditions, one for "not full" and one for "not empty", let
    you wake only the right kind.)

    ### Puzzle: make a customer wait for ever

    The `while` loop has a partner rule: look at the shelf only while you
    hold the Condition's lock. `hasty_customer` breaks it. She looks at
    the shelf first, and takes the lock only to wait. The baker puts one
    bun and notifies.
    """),
    code("""
    def bake(shelf):
        with shelf.changed:
            shelf.items = ("plain",)      # the shelf was empty
            shelf.changed.notify()

    def hasty_customer(shelf):
        if not shelf.items:           # looks without the lock
            with shelf.changed:
                shelf.changed.wait()

    def quick_sale():
        shelf = Shelf()
        run_team(threading.Thread(target=bake, args=(shelf,), name="baker"),
                 threading.Thread(target=hasty_customer, args=(shelf,), name="cat"))
        return "sold"
    """),
    md("""
    In the stepper you are the scheduler: click **Step** under the thread
    that should move next. Find a schedule in which `cat` waits for ever.
    The goal counts as reached when every thread waits and none can go on:
    `cat` for a notify, the main thread for `cat` to finish.
    """),
    code("""
    puzzle = lab.stepper(quick_sale, goal="deadlock")
    print("schedules:", puzzle.schedules, " cat waits for ever in:", puzzle.goal_schedules)
    puzzle
    """, tag="stepper-lost-notify"),
    md("""
    {{notify_stuck}} of the {{notify_schedules}} schedules you can click
    through leave `cat` waiting. Solved it? Compare with the one
    `lab.explore` finds.
    """),
    code("""
    lab.explore(quick_sale).example("deadlock")
    """, tag="example-lost-notify"),
    md("""
    At step 5 `cat` reads the shelf and finds it empty. Before she takes
    the lock, the `baker` puts his bun (step 7) and calls `notify()` while
    nobody is waiting, so the notify wakes no one and is gone. Then `cat`
    takes the lock and, at step 13, *waits for a notify of a Condition*
    that has already been sent: a **lost notify**. The bun sits on the
    shelf and `cat` never looks again. The fix is the one you know: look
    inside `with shelf.changed:`, in a `while` loop.

    ### Where threadlab differs from CPython

    On CPython the same `IfShelf` can fail too, but more rarely: threads
    switch every 5 milliseconds there, not every 100 steps, so the bad
    schedules seldom come up in a test. With real scheduling the counts
    below change from run to run: run the cell a few times and compare.
    Exploring does not depend on luck.
    """, rows=[("example-lost-notify", 5, "cat", "read <Shelf object>.items → ()"),
               ("example-lost-notify", 7, "baker", "write <Shelf object>.items ← ('plain',)"),
               ("example-lost-notify", 13, "cat", "waits for a notify of a Condition")]),
    code("""
    lab.seed(None)                # real scheduling
    endings = {}
    for run in range(20):
        try:
            ending = bakery(IfShelf())
        except Exception as stuck:
            ending = type(stuck).__name__
        endings[ending] = endings.get(ending, 0) + 1
    endings
    """, tag="unseeded-bakery"),
    md("""
    ## A pool of resources: Semaphore

    A garage has two chargers and five cars. A **Semaphore** is a counter
    of free places: `acquire()` (here `with chargers:`) takes one, waiting
    while none is free, and `release()` gives it back. **Predict:** how
    many cars charge at the same time?
    """),
    code("""
    chargers = threading.Semaphore(2)
    count_lock = threading.Lock()
    charging = most = 0

    def charge(car):
        global charging, most
        with chargers:
            with count_lock:
                charging += 1
                most = max(most, charging)
            time.sleep(1)             # one hour, in virtual seconds
            with count_lock:
                charging -= 1
    """),
    code("""
    lab.seed(2)
    run_team(*[threading.Thread(target=charge, args=(name,), name=name)
               for name in ("ada", "bo", "cy", "di", "ed")])
    print("most charging at once:", most)
    """, tag="chargers"),
    md("""
    Never more than {{most_charging}}: the third car waits at `with
    chargers:` until one of the first two drives off. A Semaphore of 1
    behaves like a lock; a larger one limits how many threads use a pool
    at once (connections, workers, chargers).

    ## Everyone together: Barrier

    A **Barrier** for *n* threads makes each thread that calls `wait()`
    stop until all *n* have called it; then all go on at once. Three
    runners wait at the start line.
    """),
    code("""
    start_line = threading.Barrier(3)

    def runner(name):
        print(name, "is at the start line")
        start_line.wait()
        print(name, "runs")

    lab.seed(3)
    run_team(*[threading.Thread(target=runner, args=(n,), name=n)
               for n in ("fay", "gus", "hal")])
    """, tag="barrier"),
    md("""
    Whatever the order in which the runners arrive, no one runs before all
    three are at the start line.

    ## Exercise

    `Buffer` below is a bounded buffer for any capacity, with the two
    mistakes of this lesson. Fix it so that `put` waits while the buffer is
    full, `get` waits while it is empty and returns the oldest item, and no
    thread is ever left waiting. The check builds fresh buffers and
    threads, explores one producer with one and with two consumers, and
    tells you what it found.
    """),
    code("""
    class Buffer:
        def __init__(self, capacity):
            self.items = []
            self.capacity = capacity
            self.changed = threading.Condition()

        def put(self, item):
            with self.changed:
                if len(self.items) >= self.capacity:
                    self.changed.wait()
                self.items.append(item)
                self.changed.notify()

        def get(self):
            with self.changed:
                if not self.items:
                    self.changed.wait()
                item = self.items.pop(0)
                self.changed.notify()
                return item
    """, tag="exercise-start"),
    code("""
    from checks import bounded_buffer

    bounded_buffer.check(Buffer)
    """, tag="exercise-check"),
    md("""
    ### One possible answer
    """),
    code("""
    class GoodBuffer(Buffer):
        def put(self, item):
            with self.changed:
                while len(self.items) >= self.capacity:
                    self.changed.wait()
                self.items.append(item)
                self.changed.notify_all()

        def get(self):
            with self.changed:
                while not self.items:
                    self.changed.wait()
                item = self.items.pop(0)
                self.changed.notify_all()
                return item
    """),
    code("""
    bounded_buffer.check(GoodBuffer)
    """, tag="exercise-solution"),
    md("""
    ## Recap

    - An `Event` lets threads wait for a signal; `lab.trace()` shows the
      waiting thread as a row that *waits for a notify*.
    - Around `Condition.wait()`, use `while`, never `if`: a woken thread
      must check again, because another thread may have run first.
    - `notify()` wakes one thread, maybe the wrong one: a lost wakeup
      leaves everyone waiting. `notify_all()` with `while` is safe.
    - Look at the shared state only while you hold the Condition's lock:
      a notify sent before anyone waits is lost.
    - A `Semaphore(n)` lets at most *n* threads into a pool; a `Barrier(n)`
      holds threads until all *n* arrive.
    - `lab.explore` finds the rare schedules that tests on CPython miss.

    Next: [Lesson 7: Producer and consumer](07-producer-consumer.ipynb).
    """),
]
