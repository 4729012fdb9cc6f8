"""Lesson 9: free-threaded Python (the race with the GIL off, what stays
atomic, what CPython 3.13t promises, when threads help).

The same conventions as lessons_text.py (md, code, {{name}} claims);
notebooks/build.py renders it (MODULES), and
notebooks/tests/test_lesson_results.py checks it.
"""
from lessons_text import code, md

FILENAME = "09-free-threading.ipynb"

CLAIMS = {
    "nogil_seeded": {"tag": "seeded-nogil", "pattern": r"GIL off, seed 5: (-?\d+)"},
    "gil_seeded": {"tag": "seeded-nogil", "pattern": r"GIL on, seed 5: (-?\d+)"},
    "ft_schedules": {"tag": "explore-gil", "pattern": r"GIL on: (\d+) schedules"},
    "ft_outcomes": {"tag": "explore-gil", "pattern": r"GIL on: \d+ schedules, (\{[^}]*\})"},
    "append_total": {"tag": "append-nogil", "pattern": r"guests signed: (\d+)"},
    "fixed_schedules": {"tag": "explore-fixed", "pattern": r"schedules: (\d+)"},
}

VALUES = {
    "nogil_seeded": "-4040",
    "gil_seeded": "-4040",
    "ft_schedules": "4",
    "ft_outcomes": "{-8: 1, 0: 2, 8: 1}",
    "append_total": "200000",
    "fixed_schedules": "4",
}

CELLS = [
    md("""
    # Lesson 9: Free-threaded Python

    By the end of this lesson you can tell which Python operations are
    safe to share between threads with the GIL off, show that the GIL never
    made a read-modify-write safe, and say when threads speed a program up
    and when they do not.
    """),
    md("""
    **Prerequisites:** [Lesson 2: Race conditions](02-race-conditions.ipynb),
    [Lesson 3: Locks](03-locks.ipynb) and
    [Lesson 5: The GIL and many cores](05-gil-and-cores.ipynb).
    """),
    md("""
    ## Python without the GIL

    Since version 3.13, CPython comes in a second build, **free-threaded
    CPython** (the program is called `python3.13t`; experimental in 3.13,
    supported from 3.14), which has no global interpreter lock: threads run Python code on every core at the same
    time. In threadlab, `lab.gil(False)` switches the GIL off the same way,
    and `lab.gil(True)` turns it back on. `sys._is_gil_enabled()`, new in
    3.13, tells a program which it has.

    Here is the race from lesson 2, written with `+=`. `deposit` and
    `withdraw` change the global `balance`, and `pay_and_spend` runs one
    of each in its own thread.
    """),
    code("""
    import sys, threading, time

    balance = 0

    def deposit(amount, times):
        global balance
        for i in range(times):
            balance += amount

    def withdraw(amount, times):
        global balance
        for i in range(times):
            balance -= amount
    """),
    code("""
    import sys

    lab.gil(False)
    print("GIL enabled?", sys._is_gil_enabled())
    lab.gil(True)
    print("GIL enabled?", sys._is_gil_enabled())
    """, tag="gil-switch"),
    code("""
    def pay_and_spend(amount, times):
        global balance
        balance = 0
        saver = threading.Thread(target=deposit, args=(amount, times), name="saver")
        spender = threading.Thread(target=withdraw, args=(amount, times), name="spender")
        saver.start()
        spender.start()
        saver.join()
        spender.join()
        return balance
    """),
    md("""
    ## Predict, then run

    First switch the way CPython 3.11 does, every 5 ms and never between
    the read and the write of `balance += amount`, with the GIL on. Then
    the same with the GIL off. **Predict:** which runs end at 0?
    """),
    code("""
    lab.seed(None)                  # real scheduling
    sys.setswitchinterval(0.005)    # CPython's clock
    lab.gil(True)
    print("GIL on: ", [pay_and_spend(1, 100000) for run in range(3)])
    lab.gil(False)
    print("GIL off:", [pay_and_spend(1, 100000) for run in range(3)])
    lab.gil(True)
    lab.switch_interval(100)        # back to threadlab's 100 steps
    """, tag="race-nogil"),
    md("""
    With the GIL on and CPython's clock, the race most likely hides: every
    run ends at 0. With the GIL off, both threads run at once on two cores,
    and a read by one thread falls between the read and the write of the
    other all the time: the balance is off, and by a different amount on
    each run. (On a machine with one core, the two threads cannot run at
    once, and the GIL-off line may show 0 too.)

    ## Look closer: the GIL never made it safe

    A widespread belief is that **the GIL makes my code safe**. It does
    not. The GIL makes each *single* step of the interpreter happen whole,
    but `balance += amount` is several steps: read `balance`, add, write
    `balance`. The GIL may change hands between them. CPython 3.11 only
    happens not to switch there; an older CPython, threadlab's
    100-step switching, or a function call in the middle, all let it.
    `lab.explore` lists every outcome of one deposit and one withdrawal of
    8, with the GIL on and then off:
    """),
    code("""
    for gil_on in (True, False):
        lab.gil(gil_on)
        report = lab.explore(lambda: pay_and_spend(8, 1))
        print("GIL %s: %d schedules, %s" % ("on" if gil_on else "off",
                                            report.schedules, report.outcomes))
    lab.gil(True)
    """, tag="explore-gil"),
    md("""
    The same {{ft_schedules}} schedules and the same outcomes,
    {{ft_outcomes}}, either way. The GIL decides *how often* the bad
    schedules happen on a real clock, not *whether* they can: -8 and 8 are
    possible with it on.

    ## Make it repeatable

    A seed hands every choice to threadlab's scheduler, which runs one
    thread at a time in an order chosen from the seed. So a seeded run
    replays the race exactly, and here **threadlab's model differs from
    free-threaded CPython**: with a seed, the GIL setting changes nothing,
    because threadlab picks one step at a time even with the GIL off.
    """),
    code("""
    for gil_on in (False, True):
        lab.gil(gil_on)
        lab.seed(5)
        print("GIL %s, seed 5: %d" % ("on" if gil_on else "off", pay_and_spend(1, 100000)))
    lab.gil(True)
    lab.seed(None)
    """, tag="seeded-nogil"),
    md("""
    Both runs end at {{nogil_seeded}}: the seed, not the GIL, decided the
    schedule. Real parallel threads interleave at a finer grain than any
    scheduler's turns, so an unseeded GIL-off run is the one to trust for
    *how often*, and `lab.explore` the one to trust for *what can happen*.

    ## What is atomic without the GIL

    An **atomic** operation is one that other threads see either not yet
    started or finished, never halfway. In threadlab, each single
    operation on a built-in object is atomic, with the GIL or without it:
    `guests.append(name)`, `table[key] = value`, `seen.add(item)`. Four
    threads each append 50 000 names to one list, with the GIL off.
    **Predict:** how long is the list?
    """),
    code("""
    guests = []

    def sign_in(count):
        for i in range(count):
            guests.append(i)

    lab.gil(False)
    signers = [threading.Thread(target=sign_in, args=(50000,)) for k in range(4)]
    for signer in signers:
        signer.start()
    for signer in signers:
        signer.join()
    lab.gil(True)
    print("guests signed:", len(guests))
    """, tag="append-nogil"),
    md("""
    All {{append_total}} names are there: no append was lost, because each
    one is a single operation. `balance += 1` is not: it is a read, an add
    and a write, three operations, and the race at the top of this lesson
    lives in the gaps.

    What free-threaded CPython 3.13t promises is close to this, and less
    than you might hope:

    - **It protects the objects themselves.** `list`, `dict` and `set` use
      a lock inside each object, so concurrent appends or stores never
      corrupt them or crash the interpreter. The 3.13 documentation calls
      this a description of the implementation rather than a guarantee;
      later versions document, operation by operation, which ones are
      atomic.
    - **It does not make your steps one step.** `x += 1`,
      `d[k] = d.get(k, 0) + 1`, "check that the key is missing, then add
      it": each is several operations, and another thread can act in
      between, exactly as above.
    - **It does not order your program for you.** Which thread's append
      comes first, or when another thread sees a change, is up to the
      schedule. threadlab shows every thread the latest write at once
      (**sequential consistency**); real hardware without a GIL promises
      less, so threadlab may show fewer outcomes than a real machine, never
      more.
    - **Extensions may bring the GIL back.** A C extension that is not
      marked safe for free threading switches the GIL back on when it is
      imported; `sys._is_gil_enabled()` tells you which you have.

    ### An outcome table: who sees whose flag

    Ann and Bob both want the last seat at a concert. Each one raises a
    flag that says "I want it", then looks at the other's flag; whoever
    sees no flag takes the seat. `both_look` returns what each saw, as
    `(ann saw, bob saw)`. If both saw 0, both would take the seat.
    """),
    code("""
    flags = {"ann": 0, "bob": 0}
    saw = {}

    def look(me, other):
        flags[me] = 1                 # raise my flag
        saw[me] = flags[other]        # then look at the other's

    def both_look():
        flags["ann"] = flags["bob"] = 0
        team = [threading.Thread(target=look, args=pair, name=pair[0])
                for pair in (("ann", "bob"), ("bob", "ann"))]
        for member in team:
            member.start()
        for member in team:
            member.join()
        return (saw["ann"], saw["bob"])
    """),
    md("""
    Label each of the four outcomes `"acceptable"` (some schedule ends
    that way) or `"forbidden"` (none can), as in lesson 2's table, then
    run the check. It explores its own copy of the program twice, with the
    GIL on and with it off, and tells you why for each label that differs.
    """),
    code("""
    my_flags = {(0, 0): "?", (0, 1): "?", (1, 0): "?", (1, 1): "?"}   # edit the labels
    """),
    code("""
    from checks import outcome_tables

    outcome_tables.check("flags", my_flags)
    """, tag="outcome-table-check"),
    md("""
    Your labels describe threadlab's model, and the check finds the same
    outcomes with the GIL on and off: the model is sequentially consistent
    either way, so switching the GIL off changes which schedules are
    likely, not which are possible. The bullet above warns that real
    hardware without a GIL promises less than this model. threadlab cannot
    show you those extra outcomes, so this table labels only its own.

    ## When threads help, and when they do not

    A thread that sleeps, or waits for a disk or the network, lets the
    others run. **Predict:** how long do four half-second waits take in
    four threads, with the GIL on?
    """),
    code("""
    def download(page):
        time.sleep(0.5)               # stands for waiting on a server

    lab.seed(None)
    began = time.perf_counter()
    readers = [threading.Thread(target=download, args=(p,)) for p in range(4)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    print("4 waits of 0.5 s took %.1f s" % (time.perf_counter() - began))
    """, tag="io-wait"),
    md("""
    About half a second: the waits overlapped, GIL or no GIL. Computing is
    another matter. The next cell times the same amount of counting done
    by one thread, then split between two threads with the GIL on, then
    with it off. The figures are real measurements, so they vary.
    """),
    code("""
    def count_to(n):
        total = 0
        for i in range(n):
            total += 1

    def timed(threads, gil_on, work=1200000):
        lab.gil(gil_on)
        team = [threading.Thread(target=count_to, args=(work // threads,)) for k in range(threads)]
        began = time.perf_counter()
        for worker in team:
            worker.start()
        for worker in team:
            worker.join()
        lab.gil(True)
        return time.perf_counter() - began
    """),
    code("""
    alone = timed(1, True)
    shared_gil = timed(2, True)
    shared_free = timed(2, False)
    print("one thread:          %.2f s" % alone)
    print("two threads, GIL on:  %.2f s (%.1f times as fast)" % (shared_gil, alone / shared_gil))
    print("two threads, GIL off: %.2f s (%.1f times as fast)" % (shared_free, alone / shared_free))
    """, tag="cpu-speedup"),
    md("""
    With the GIL on, two threads are no faster than one: they take turns,
    and passing the GIL around costs a little. With it off, on a machine with two
    free cores, they take about half the time. Threads help a program that
    waits, with or without the GIL; they help a program that computes only
    without it, or as processes (lesson 8).

    ## Fix it

    Free threading needs the same remedy as lesson 3: one lock that every
    thread takes around the whole read-modify-write. Then the GIL setting
    stops mattering.
    """),
    code("""
    guard = threading.Lock()

    def deposit(amount, times):
        global balance
        for i in range(times):
            with guard:
                balance += amount

    def withdraw(amount, times):
        global balance
        for i in range(times):
            with guard:
                balance -= amount
    """),
    code("""
    lab.gil(False)
    print("GIL off, locked:", [pay_and_spend(1, 20000) for run in range(3)])
    report = lab.explore(lambda: pay_and_spend(8, 1))
    lab.gil(True)
    print("schedules:", report.schedules)
    print("outcomes:", report.outcomes)
    """, tag="explore-fixed"),
    md("""
    Every run ends at 0, and all {{fixed_schedules}} schedules do too.

    ## Exercise

    Write a class `VisitCounter` whose `add(page)` counts one visit to
    `page`, and whose `count(page)` returns the visits so far (0 for a page
    never visited). Many threads will call `add` at once **with the GIL
    off**, so no visit may be lost. The check runs your class in fresh
    threads with the GIL off, explores every schedule of a small case, and
    tells you what went wrong.
    """),
    code("""
    class VisitCounter:
        def __init__(self):
            self.visits = {}

        def add(self, page):
            self.visits[page] = self.visits.get(page, 0) + 1

        def count(self, page):
            return self.visits.get(page, 0)
    """),
    code("""
    from checks import free_threading
    free_threading.check(VisitCounter)
    """, tag="exercise-check"),
    md("""
    ### One possible answer
    """),
    code("""
    class VisitCounter:
        def __init__(self):
            self.visits = {}
            self.guard = threading.Lock()

        def add(self, page):
            with self.guard:
                self.visits[page] = self.visits.get(page, 0) + 1

        def count(self, page):
            with self.guard:
                return self.visits.get(page, 0)

    free_threading.check(VisitCounter)
    """, tag="exercise-solution"),
    md("""
    ## Recap

    - The GIL never made a read-modify-write safe; it only made the gap
      rare on CPython's clock. `lab.explore` finds the same outcomes with
      the GIL on and off.
    - Single operations on built-in objects, such as `list.append`, lose
      nothing without the GIL; `counter += 1` and other compound steps do.
    - Free-threaded CPython protects objects from corruption, not your
      program from races: you still need a lock around compound steps.
    - Threads help when they wait; for computing they help only without
      the GIL, or as processes.

    Next: [Lesson 10: Classic problems as puzzles](10-classic-problems.ipynb).
    """),
]
