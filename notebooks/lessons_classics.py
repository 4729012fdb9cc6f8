"""Lesson 10, classic problems as puzzles: the check-then-act overdraft,
the dining philosophers, and the livelock and starvation that timeouts
bring. notebooks/build.py turns CELLS into 10-classic-problems.ipynb; the
conventions (md, code, {{name}} claims, rows) are lessons_text.py's, and
notebooks/tests/test_lesson_classics.py checks them.
"""
from lessons_text import code, md

FILENAME = "10-classic-problems.ipynb"

# Where each number quoted in the prose comes from (see lessons_text.CLAIMS).
CLAIMS = {
    "overdrawn_seeded": {"tag": "overdraft-seeded", "pattern": r"overdrawn in (\d+) of 20 seeded runs"},
    "overdraft_schedules": {"tag": "explore-overdraft", "pattern": r"schedules: (\d+)"},
    "overdraft_minus60": {"tag": "explore-overdraft", "pattern": r"(?m)^-60: (\d+)"},
    "overdraft_20": {"tag": "explore-overdraft", "pattern": r"(?m)^20: (\d+)"},
    "locked_schedules": {"tag": "explore-locked-withdraw", "pattern": r"schedules: (\d+)"},
    "dinner_seeded": {"tag": "dinner-seeded", "pattern": r"everyone ate in (\d+) of 20 seeded runs"},
    "dinner_schedules": {"tag": "dinner-explore", "pattern": r"schedules: (\d+)"},
    "dinner_deadlocks": {"tag": "dinner-explore", "pattern": r"deadlocks: (\d+)"},
    "one_lefty_deadlocks": {"tag": "seatings", "pattern": r"(?m)^cy: \d+ schedules, deadlocks: (\d+)"},
    "all_lefty_deadlocks": {"tag": "seatings", "pattern": r"(?m)^ann bo cy: \d+ schedules, deadlocks: (\d+)"},
    "polite_schedules": {"tag": "explore-polite", "pattern": r"schedules: (\d+)"},
    "polite_deadlocks": {"tag": "explore-polite", "pattern": r"deadlocks: (\d+)"},
    "polite_ate": {"tag": "explore-polite", "pattern": r"(?m)^both ate: (\d+)"},
    "polite_hungry": {"tag": "explore-polite", "pattern": r"(?m)^hungry: ann: (\d+)"},
    "ordered_schedules": {"tag": "explore-ordered", "pattern": r"schedules: (\d+)"},
}

# The numbers themselves, copied from a seeded run of the notebook.
VALUES = {
    "overdrawn_seeded": "0",
    "overdraft_schedules": "6",
    "overdraft_minus60": "2",
    "overdraft_20": "4",
    "locked_schedules": "4",
    "dinner_seeded": "20",
    "dinner_schedules": "49",
    "dinner_deadlocks": "1",
    "one_lefty_deadlocks": "0",
    "all_lefty_deadlocks": "1",
    "polite_schedules": "35",
    "polite_deadlocks": "0",
    "polite_ate": "31",
    "polite_hungry": "4",
    "ordered_schedules": "4",
}

CELLS = [
    md("""
    # Lesson 10: Classic problems as puzzles

    By the end of this lesson you can cause three famous concurrency bugs
    on purpose (an overdraft from check-then-act, the dining philosophers'
    deadlock, and the livelock and starvation that timeouts bring), explain
    each from threadlab's evidence, and fix each one so that every schedule
    is right.
    """),
    md("""
    **Prerequisites:** [Lesson 2: Race conditions](02-race-conditions.ipynb),
    [Lesson 3: Locks](03-locks.ipynb) and
    [Lesson 4: Deadlock](04-deadlock.ipynb).
    """),
    md("""
    ## Puzzle 1: the overdraft

    A bank must never pay out more than an account holds. `withdraw` first
    **checks** that the balance covers the amount, then **acts** on that
    check by taking the money. Code of this shape is called
    **check-then-act**: it is only right if nothing changes between the
    check and the act. Ann and Ben share one account with 100 in it, and
    each of them asks for 80 at the same moment.
    """),
    code("""
    import threading, time

    balance = 100

    def withdraw(amount):
        global balance
        if balance >= amount:             # check
            balance = balance - amount    # act
            return True
        return False
    """),
    code("""
    def two_withdrawals():
        ann = threading.Thread(target=withdraw, args=(80,), name="ann")
        ben = threading.Thread(target=withdraw, args=(80,), name="ben")
        ann.start()
        ben.start()
        ann.join()
        ben.join()
        return balance
    """),
    md("""
    ## Predict, then run

    One withdrawal of 80 fits, two do not. **Predict:** can the balance
    ever end below zero? The next cell tries twenty seeded runs and counts
    the overdrafts.
    """),
    code("""
    overdrawn = 0
    for run in range(20):
        lab.seed(run)
        balance = 100
        if two_withdrawals() < 0:
            overdrawn += 1
    lab.seed(None)
    print("overdrawn in %d of 20 seeded runs" % overdrawn)
    """, tag="overdraft-seeded"),
    md("""
    Overdrawn in {{overdrawn_seeded}} of 20 runs. Twenty passing runs feel
    like proof, but they are not: each thread's work is so short that it
    usually ends before the scheduler switches, so the dangerous gap is
    rarely hit. **Tested is not the same as correct.**

    ## Look closer: be the scheduler

    Your puzzle: in the stepper below, you decide which thread takes each
    step. Make the balance end at **-60**, both withdrawals paid. Click
    *Expand statements* if you want to split `balance = balance - amount`
    into its read and its write.
    """),
    code("""
    balance = 100
    lab.stepper(two_withdrawals, goal=-60)
    """, tag="stepper-overdraft"),
    md("""
    Found it? Both threads must pass the check before either one takes the
    money. `lab.explore` counts every schedule that gives each balance:
    """),
    code("""
    report = lab.explore(two_withdrawals)
    print("schedules:", report.schedules)
    for outcome, count in sorted(report.outcomes.items()):
        print("%d: %d" % (outcome, count))
    """, tag="explore-overdraft"),
    md("""
    Of {{overdraft_schedules}} schedules, {{overdraft_20}} end at 20, as
    the bank intends, and {{overdraft_minus60}} end at -60. (Each count is
    a number of distinct schedules, not a probability.)

    ## Make it repeatable

    A schedule you have found can be written down and replayed exactly:
    `schedule=` takes the name of the thread that makes each shared step,
    in order. Here is one of the overdrafts, the one with the fewest
    switches between the threads:
    """),
    code("""
    lab.explore(two_withdrawals, schedule="ann ben ben ben ann ann")
    """, tag="overdraft-replay"),
    md("""
    Read the table row by row. In step 1 `ann` reads the balance, 100, for
    her check; in step 2 `ben` reads the same 100 for his. Both checks
    pass. In step 4 `ben` takes his 80 and writes 20. `ann` has already
    decided: in step 6 she takes her 80 from the 20 she reads again in
    step 5, and writes -60. Each thread acted on a check that was no
    longer true.
    """, rows=[("overdraft-replay", 1, "ann", "read balance → 100"),
               ("overdraft-replay", 2, "ben", "read balance → 100"),
               ("overdraft-replay", 4, "ben", "write balance ← 20"),
               ("overdraft-replay", 5, "ann", "read balance → 20"),
               ("overdraft-replay", 6, "ann", "write balance ← -60")]),
    md("""
    ## Fix it: check and act under one lock

    The check and the act must be one step as far as the other thread is
    concerned. A lock around both does that: while Ann holds it, Ben
    cannot check, so his check sees the balance after her withdrawal.
    """),
    code("""
    account_lock = threading.Lock()

    def withdraw(amount):
        global balance
        with account_lock:
            if balance >= amount:
                balance = balance - amount
                return True
            return False

    report = lab.explore(two_withdrawals)
    print("schedules:", report.schedules)
    print("outcomes:", report.outcomes)
    """, tag="explore-locked-withdraw"),
    md("""
    All {{locked_schedules}} schedules end at 20: one withdrawal is paid,
    the other is refused.

    ## Puzzle 2: the dining philosophers

    Three philosophers, Ann, Bo and Cy, sit at a round table with one fork
    between each pair of neighbours: `fork_a` between Cy and Ann, `fork_b`
    between Ann and Bo, `fork_c` between Bo and Cy. To eat, a philosopher
    needs both the fork on the left and the fork on the right. Each
    picks up the left one first, then the right one, eats, and puts both
    down. Each fork is a lock.
    """),
    code("""
    fork_a = threading.Lock()
    fork_b = threading.Lock()
    fork_c = threading.Lock()

    def dine(first, second):
        with first:
            with second:
                pass                      # eat
    """),
    code("""
    def dinner(left_handed=()):
        table = [("ann", fork_a, fork_b), ("bo", fork_b, fork_c), ("cy", fork_c, fork_a)]
        diners = []
        for name, left, right in table:
            first, second = (right, left) if name in left_handed else (left, right)
            diners.append(threading.Thread(target=dine, args=(first, second), name=name))
        for diner in diners:
            diner.start()
        for diner in diners:
            diner.join()
        return "everyone ate"
    """),
    md("""
    `left_handed` names the philosophers who pick up their *right* fork
    first; for now there are none.

    ## Predict, then run: dinner for three

    **Predict:** can this dinner go wrong, and how? Think about what
    happens if every philosopher has picked up one fork.
    """),
    code("""
    fed = 0
    for run in range(20):
        lab.seed(run)
        if dinner() == "everyone ate":
            fed += 1
    lab.seed(None)
    print("everyone ate in %d of 20 seeded runs" % fed)
    """, tag="dinner-seeded"),
    md("""
    Everyone ate in {{dinner_seeded}} of 20 runs. Now every schedule:
    """),
    code("""
    report = lab.explore(dinner)
    print("schedules:", report.schedules)
    print("deadlocks:", report.deadlocks)
    report.example("deadlock")
    """, tag="dinner-explore"),
    md("""
    Of {{dinner_schedules}} schedules, {{dinner_deadlocks}} deadlocks, and
    the table shows how. In step 1 `ann` picks up `fork_a`, and in the next
    two steps Bo and Cy pick up their left forks. From step 5 on, each
    waits for the fork held by the neighbour: `ann` waits for `fork_b`,
    held by Bo; in step 6 `bo` waits for `fork_c`, held by Cy; in step 7
    `cy` waits for `fork_a`, held by Ann. That is lesson 4's wait-for
    cycle, now with three threads, and no two of them alone could have
    made it.
    """, rows=[("dinner-explore", 1, "ann", "acquire fork_a"),
               ("dinner-explore", 5, "ann", "waits for fork_b, held by bo"),
               ("dinner-explore", 6, "bo", "waits for fork_c, held by cy"),
               ("dinner-explore", 7, "cy", "waits for fork_a, held by ann")]),
    md("""
    Your puzzle: make some of the philosophers left-handed so that no
    schedule deadlocks. Put their names in `left_handed` and run the cell
    until `explore` finds no deadlock. How few will do? Does it help to
    make them *all* left-handed?
    """),
    code("""
    left_handed = ()                      # your seating, e.g. ("bo",)
    report = lab.explore(lambda: dinner(left_handed))
    print("left-handed:", left_handed, "deadlocks:", report.deadlocks)
    """, tag="puzzle-seating"),
    md("""
    ## Fix it: one order for every fork

    Here are some seatings, each explored in full:
    """),
    code("""
    for seating in [(), ("cy",), ("ann", "bo"), ("ann", "bo", "cy")]:
        report = lab.explore(lambda: dinner(seating))
        print("%s: %d schedules, deadlocks: %d" % (" ".join(seating) or "nobody",
                                                    report.schedules, report.deadlocks))
    """, tag="seatings"),
    md("""
    One left-handed philosopher is enough: with Cy left-handed,
    {{one_lefty_deadlocks}} schedules deadlock. Making all three
    left-handed brings the deadlock back ({{all_lefty_deadlocks}}): the cycle
    just runs the other way round. The rule behind the working seatings is
    lesson 4's: with Cy alone left-handed, *every* philosopher picks up the
    fork earlier in the alphabet first (Cy takes `fork_a` before `fork_c`),
    so the forks are taken in one global order and no cycle can close.

    ## Puzzle 3: a timeout instead of an order

    ### "A timeout fixes a deadlock": it does not

    Another way out is tempting: never wait for ever. A **polite**
    philosopher picks up one fork, waits a little for the other with
    `acquire(timeout=...)`, and if it does not come, puts the first fork
    down, backs off, and tries again, at most three times. Ann and Bo share
    a table for two with `fork_a` and `fork_b`, and each takes the fork on
    their own side first: the order that deadlocked in lesson 4.
    """),
    code("""
    hungry = []

    def polite(first, second, tries=3):
        for attempt in range(tries):
            with first:
                if second.acquire(timeout=0.1):   # wait a little, not for ever
                    second.release()              # ate: both forks go down
                    return
            time.sleep(0.1)                       # back off, then try again
        hungry.append(threading.current_thread().name)
    """),
    code("""
    def polite_dinner(ann_forks=(fork_a, fork_b), bo_forks=(fork_b, fork_a)):
        hungry.clear()
        ann = threading.Thread(target=polite, args=ann_forks, name="ann")
        bo = threading.Thread(target=polite, args=bo_forks, name="bo")
        ann.start()
        bo.start()
        ann.join()
        bo.join()
        return "hungry: " + ", ".join(hungry) if hungry else "both ate"
    """),
    md("""
    **Predict:** can the polite dinner deadlock? Can anyone go hungry?
    """),
    code("""
    report = lab.explore(polite_dinner)
    print("schedules:", report.schedules)
    print("deadlocks:", report.deadlocks)
    for outcome, count in sorted(report.outcomes.items()):
        print("%s: %d" % (outcome, count))
    """, tag="explore-polite"),
    md("""
    {{polite_deadlocks}} deadlocks in {{polite_schedules}} schedules: the
    timeout did break the deadlock. But only {{polite_ate}} schedules feed
    both; in {{polite_hungry}}, Ann gives up hungry. The next cell shows
    one of them.
    """),
    code("""
    report.example("hungry: ann")
    """, tag="livelock"),
    md("""
    In step 5 `ann` waits for `fork_b`, held by Bo, and in step 6 `bo`
    waits for `fork_a`, held by Ann: the deadlock of puzzle 2. This time
    the wait ends: Ann's timeout runs out, in step 7 `ann` puts `fork_a`
    down, and in step 8 she picks it up again for her next try. Bo does the
    same with `fork_b` (step 10). Both threads keep working and keep
    changing state, yet neither gets anywhere. That is a **livelock**:
    unlike a deadlock, nothing is blocked for good, but no thread makes
    progress. After three rounds Ann gives up: in step 19 she puts
    `fork_a` down for the last time, in step 20 she adds her name to
    `hungry`, and only then, in step 21, does `bo` get `fork_a` and eat.
    (Step 1 and step 24 are `MainThread` emptying and reading `hungry`,
    which Ann writes: it is shared too.) A thread that never gets what it
    needs while others do is **starving**; here the timeout is what made
    Ann starve.

    A timeout turns a deadlock into something harder to see: no error, no
    hang, just work that sometimes does not get done.

    ### Where threadlab differs from a real clock

    `lab.explore` ignores time. A timeout runs out only when no thread can
    go on, and `time.sleep` is only a point where another thread may run,
    so Ann can put her fork down and pick it up again before Bo moves at
    all. On a real clock the rounds above need the two timeouts to run
    out together; philosophers who start together, with the same timeout
    and the same back-off, can stay in step like this. `explore` tells you
    that the schedule is possible, not how likely it is.

    ## Fix it: order, not patience

    The remedy is puzzle 2's: both philosophers take `fork_a` first. Then
    whoever holds `fork_a` can always get `fork_b`, so the timeout never
    runs out.
    """, rows=[("livelock", 1, "MainThread", "call hungry.clear(…)"),
               ("livelock", 5, "ann", "waits for fork_b, held by bo"),
               ("livelock", 6, "bo", "waits for fork_a, held by ann"),
               ("livelock", 7, "ann", "release fork_a"),
               ("livelock", 8, "ann", "acquire fork_a"),
               ("livelock", 10, "bo", "release fork_b"),
               ("livelock", 19, "ann", "release fork_a"),
               ("livelock", 20, "ann", "call hungry.append(…)"),
               ("livelock", 21, "bo", "acquire fork_a"),
               ("livelock", 24, "MainThread", "call hungry.__iter__(…)")]),
    code("""
    report = lab.explore(lambda: polite_dinner(bo_forks=(fork_a, fork_b)))
    print("schedules:", report.schedules)
    print("deadlocks:", report.deadlocks)
    print("outcomes:", report.outcomes)
    """, tag="explore-ordered"),
    md("""
    All {{ordered_schedules}} schedules feed both, with no deadlock.

    ## Exercise

    Back to the bank, now with accounts as objects. Write
    `withdraw(account, amount)`: when `account.balance` covers `amount`,
    take the money and return `True`; otherwise leave the balance alone
    and return `False`. Each account has its own lock, `account.lock`. The
    version below has puzzle 1's bug. The check runs your function alone on
    fresh accounts, then two withdrawals at once under every schedule, and
    tells you what went wrong.
    """),
    code("""
    def withdraw(account, amount):
        if account.balance >= amount:
            account.balance = account.balance - amount
            return True
        return False
    """),
    code("""
    from checks import classics
    classics.check(withdraw)
    """, tag="exercise-check"),
    md("""
    ### One possible answer
    """),
    code("""
    def withdraw(account, amount):
        with account.lock:
            if account.balance >= amount:
                account.balance = account.balance - amount
                return True
            return False

    classics.check(withdraw)
    """, tag="exercise-solution"),
    md("""
    ### A harder one: philosophers who always eat

    Write `philosopher(left, right, eat)`: pick up both forks, call
    `eat()` once while you hold both, and put both down. Each fork is used
    like a lock and has a number, `fork.number`. The check seats one
    philosopher alone, then three round a table, explores their schedules,
    and tells you about a deadlock, a philosopher who starved, or a
    livelock. The start below is puzzle 3's polite philosopher; no answer
    is given this time.
    """),
    code("""
    def philosopher(left, right, eat):
        for attempt in range(3):
            with left:
                if right.acquire(timeout=0.1):
                    eat()
                    right.release()
                    return
            time.sleep(0.1)
    """),
    code("""
    classics.check_dinner(philosopher)
    """, tag="harder-check"),
    md("""
    ## Recap

    - **Check-then-act** is only right if nothing can change between the
      check and the act: hold one lock around both.
    - Passing runs are not proof; `lab.explore` shows every schedule, and
      the stepper lets you build the bad one yourself.
    - The **dining philosophers** deadlock when everyone holds one fork;
      taking forks in one global order makes the cycle impossible.
    - A **timeout** does not fix a deadlock: it trades it for
      **livelock** (busy, but no progress) and **starvation** (one thread
      never gets through).

    Back to the [index](00-index.ipynb).
    """),
]
