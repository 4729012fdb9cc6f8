"""The text and code of every threadlab lesson; notebooks/build.py turns it
into .ipynb files. Edit here, then run `python3 notebooks/build.py`.

Conventions:
- md(...) is a markdown cell, code(...) a code cell (Python 3.11, as
  threadlab's interpreter runs it).
- code(..., tag="name") tags a cell so tests can find its output.
- code(..., raises=True) marks a cell that is meant to stop with an error
  (nbconvert and the Notebook honour the "raises-exception" tag).
- {{name}} in markdown is a number taken from seeded output: VALUES gives
  the value, CLAIMS says which tagged cell prints it and a regular
  expression whose first group must equal it. tests/test_notebooks.py
  checks every claim against the executed notebook.
"""
import pathlib


def md(text, rows=()):
    """rows: (tag, step, thread, text) facts about an interleaving table that
    the prose walks through; the test checks each against the table."""
    return ("markdown", _dedent(text), {"rows": list(rows)})


def code(text, tag=None, raises=False):
    tags = []
    if tag:
        tags.append(tag)
    if raises:
        tags.append("raises-exception")
    return ("code", _dedent(text), {"tags": tags})


def _dedent(text):
    import textwrap
    return textwrap.dedent(text).strip("\n")


# Where each number quoted in prose comes from: the tag of the code cell that
# prints it and a pattern whose first group is the number.
CLAIMS = {
    "race_seed": {"tag": "seeded-race", "pattern": r"first run: (-?\d+)"},
    "small_final": {"tag": "small-race", "pattern": r"final balance: (-?\d+)"},
    "explore_schedules": {"tag": "explore-payday", "pattern": r"schedules: (\d+)"},
    "explore_minus8": {"tag": "explore-payday", "pattern": r"(?m)^-8: (\d+)"},
    "explore_zero": {"tag": "explore-payday", "pattern": r"(?m)^0: (\d+)"},
    "explore_plus8": {"tag": "explore-payday", "pattern": r"(?m)^8: (\d+)"},
    "second_first": {"tag": "start-order", "pattern": r"second spoke first in (\d+) of 20"},
    "locked_schedules": {"tag": "explore-locked", "pattern": r"schedules: (\d+)"},
    "tested_passed": {"tag": "tested-ten-times", "pattern": r"passed: (\d+) of 10"},
    "tested_failing": {"tag": "tested-ten-times", "pattern": r"explore: (\d+) of \d+ schedules fail"},
    "tested_schedules": {"tag": "tested-ten-times", "pattern": r"explore: \d+ of (\d+) schedules fail"},
    "half_schedules": {"tag": "explore-half-locked", "pattern": r"schedules: (\d+)"},
    "half_lost": {"tag": "explore-half-locked", "pattern": r"(?m)^-8: (\d+)"},
    "two_locks_schedules": {"tag": "explore-two-locks", "pattern": r"schedules: (\d+)"},
    "two_locks_lost": {"tag": "explore-two-locks", "pattern": r"(?m)^-8: (\d+)"},
    "gil_minus8": {"tag": "explore-gil-on", "pattern": r"(?m)^-8: (\d+)"},
    "gil_schedules": {"tag": "explore-gil-on", "pattern": r"schedules: (\d+)"},
    "deadlock_schedules": {"tag": "explore-deadlock", "pattern": r"schedules: (\d+)"},
    "deadlock_count": {"tag": "explore-deadlock", "pattern": r"deadlocks: (\d+)"},
    "ordered_schedules": {"tag": "explore-ordered", "pattern": r"schedules: (\d+)"},
    "quick_finished": {"tag": "quick-transfers", "pattern": r"finished: (\d+) of 20"},
    "quick_deadlocks": {"tag": "quick-transfers", "pattern": r"explore: (\d+) of \d+ schedules deadlock"},
    "quick_schedules": {"tag": "quick-transfers", "pattern": r"explore: \d+ of (\d+) schedules deadlock"},
}

# The numbers themselves, copied from a seeded run of the notebooks.
VALUES = {
    "race_seed": "318",
    "small_final": "-1",
    "explore_schedules": "4",
    "explore_minus8": "1",
    "explore_zero": "2",
    "explore_plus8": "1",
    "second_first": "2",
    "tested_passed": "10",
    "tested_failing": "2",
    "tested_schedules": "4",
    "half_schedules": "4",
    "half_lost": "1",
    "two_locks_schedules": "4",
    "two_locks_lost": "1",
    "gil_minus8": "1",
    "gil_schedules": "4",
    "locked_schedules": "4",
    "deadlock_schedules": "9",
    "deadlock_count": "1",
    "ordered_schedules": "4",
    "quick_finished": "20",
    "quick_deadlocks": "1",
    "quick_schedules": "9",
}

# The Launch-on-Binder badge, or how to get one: written by `make badge`
# (notebooks/binder_badge.py) from the clone's GitHub remote. Its lines
# get the indent of the text it goes into.
BINDER_BADGE = (pathlib.Path(__file__).resolve().parent / "README-snippet.md").read_text(
    encoding="utf-8").strip().replace("\n", "\n    ")

# ---------------------------------------------------------------------------
INDEX = [
    md("""
    # threadlab: watch concurrency happen

    These short lessons let you **see** what threads do: which thread
    read what, in which order, why a shared number comes out wrong, why two
    threads can wait for each other forever, and how many processor cores a
    program really uses. Every lesson takes 10 to 20 minutes.
    """),
    md("""
    ## The lessons

    1. [Threads](01-threads.ipynb): start threads, wait for them, tell them
       apart by name, and make their output repeatable.
    2. [Race conditions](02-race-conditions.ipynb): two threads lose updates
       to a shared balance; you find the exact step where it happens and list
       every outcome a race can have.
    3. [Locks](03-locks.ipynb): make the balance right every time, measure
       what that costs, and see what happens when a thread fails while it
       holds a lock.
    4. [Deadlock](04-deadlock.ipynb): two threads each hold what the other
       needs; read threadlab's report, find the deadly schedule, and fix it
       by taking locks in a fixed order.
    5. [The GIL and many cores](05-gil-and-cores.ipynb): watch a live CPU
       plot as busy threads share one core, then use every core.
    6. [Coordination](06-coordination.ipynb): make threads wait for a
       signal, for an item, for a free place and for each other, and see
       why a wait belongs in a `while` loop.
    7. [Producer and consumer](07-producer-consumer.ipynb): hand work to
       workers through a Queue, wait until it is done, and stop the workers
       with a sentinel each.
    8. [Results from parallel work](08-parallel-results.ipynb): hand work to
       pools of threads and processes, collect results and errors through
       futures, and see that a process only ever gets a copy.
    9. [Free-threaded Python](09-free-threading.ipynb): the race with the
       GIL off, what stays atomic without it, and when threads speed a
       program up.
    10. [Classic problems as puzzles](10-classic-problems.ipynb): cause an
        overdraft, a dinner of philosophers that deadlocks and a polite one
        that starves, then fix each.

    Work through them in order: each one builds on the one before.
    """),
    md("""
    ## What you type in the cells

    The cells are ordinary **Python 3.11**, run by threadlab's own
    interpreter. You import `threading`, `time` and `multiprocessing` as you
    would anywhere else, and you can use everything the lessons need:
    global variables, classes, `with` blocks, `try` and `finally`.

    One module is there without an import: `lab`, threadlab's toolbox. It
    gives you seeds that make a run repeatable, interleaving tables,
    exploration of every schedule and live CPU plots. Where threadlab's
    model of threads differs from the standard interpreter, CPython, the
    lessons say so.

    Run the cell below (Shift+Enter) to check that the kernel works.
    """),
    code("""
    import threading, multiprocessing

    print("The kernel runs your cell in %s" % threading.current_thread().name)
    print("Cores available: %d" % multiprocessing.cpu_count())
    """, tag="kernel-check"),
    md("""
    ## Run the lessons on your own computer

    You need Go and Jupyter. From a copy of the threadlab repository, run:

    ```
    make install
    make lab
    ```

    The first command builds threadlab and registers it as a Jupyter kernel;
    the second opens these notebooks in the classic Jupyter Notebook. You can
    also use JupyterLab (`jupyter lab notebooks/`) and pick the **threadlab**
    kernel.

    ## Run them on Binder

    """ + BINDER_BADGE + """

    The badge opens the lessons in JupyterLab in your browser, with nothing
    to install. Binder machines often have only one or two cores; the plots
    in lesson 5 report the cores your session really has.

    Ready? Start with [Lesson 1: Threads](01-threads.ipynb).
    """),
]

# ---------------------------------------------------------------------------
THREADS = [
    md("""
    # Lesson 1: Threads

    By the end of this lesson you can start threads, wait for them to finish,
    tell them apart by name, and make the order of their output repeatable.
    """),
    md("""
    **Prerequisites:** the [index](00-index.ipynb), and enough Python to write
    a function and a `for` loop.
    """),
    md("""
    ## What a thread is

    A **thread** is one line of work inside a running program. A program can
    have several threads at once; they all see the same memory, and each one
    follows its own path through the code. Every program starts with one
    thread. In Python, and in threadlab, it is called `MainThread`, and it is
    the thread that runs your cells.
    """),
    code("""
    import threading, time

    threading.current_thread().name
    """),
    md("""
    ## Predict, then run

    The cell below makes a second thread. `target` is the function the new
    thread will run and `args` holds its arguments. Nothing happens until
    you call `.start()`. `.join()` makes the calling thread wait until the
    new thread has finished.

    Before you run it: which thread prints `hello`, and which prints
    `back in`?
    """),
    code("""
    def greet(person):
        print("hello %s from %s" % (person, threading.current_thread().name))

    helper = threading.Thread(target=greet, args=("Ada",), name="greeter")
    helper.start()
    helper.join()
    print("back in %s" % threading.current_thread().name)
    """, tag="greeter"),
    md("""
    The greeting comes from the thread named `greeter`; the last line is
    printed by `MainThread` after `join()` returned. Output from every
    thread you start appears under the cell that started it.

    If you leave out `name=...`, the thread gets an **automatic name**:
    `Thread-`, a number that counts up through your session, and the name
    of its target function in brackets, as in Python 3.11. A thread that
    was made but not started is not alive and has no `ident` (the number
    the system uses to tell threads apart) yet.
    """),
    code("""
    first = threading.Thread(target=greet, args=("Grace",))
    second = threading.Thread(target=greet, args=("Linus",))
    print("names: %s and %s" % (first.name, second.name))
    print("before start:", first.is_alive(), first.ident)
    first.start()
    first.join()
    second.start()
    second.join()
    print("after join:", first.is_alive(), second.is_alive())
    """, tag="auto-names"),
    md("""
    ## Two threads at once

    Now two cooks make breakfast. Each does three steps, and before each
    step it waits the same short time (`time.sleep`). While one thread
    sleeps, the other can run.

    **Predict:** in what order will the six lines appear? Write your guess
    down before you run the next two cells.
    """),
    code("""
    def cook(dish, pause):
        for step in range(1, 4):
            time.sleep(pause)
            print("%s step %d" % (dish, step))

    def breakfast():
        tea = threading.Thread(target=cook, args=("tea", 0.01), name="tea")
        toast = threading.Thread(target=cook, args=("toast", 0.01), name="toast")
        tea.start()
        toast.start()
        tea.join()
        toast.join()
    """),
    code("""
    lab.seed(None)   # real scheduling: the operating system decides
    for attempt in range(3):
        breakfast()
        print("---")
    """, tag="unseeded-breakfast"),
    md("""
    Each cook's own steps always come in order 1, 2, 3: one thread does its
    work in sequence. But how the tea lines and the toast lines mix is up to
    the **scheduler**, the part of the system that decides which thread runs
    next. Both cooks wake up at almost the same moment, so the winner can
    change from one step to the next and from one run to the next. Run the
    cell again and compare.

    ## Look closer

    Nothing in the program says tea goes first. `tea.start()` comes before
    `toast.start()`, but starting a thread only makes it *ready* to run. If
    your program's result depends on an order that nobody chose, you have a
    problem waiting to happen; the next lesson shows one.

    ## Make it repeatable

    `lab.seed(n)` hands the choices to threadlab's own scheduler, driven by
    the number `n`. The same seed gives the same order every time: on your
    computer, on someone else's, and in the exported HTML of this page.
    While a seed is set, `time.sleep` does not really wait: threadlab moves
    a **virtual clock** forward instead, so seeded cells finish at once.
    """),
    code("""
    for attempt in range(3):
        lab.seed(3)      # the same seed before every run
        breakfast()
        print("---")
    """, tag="seeded-breakfast"),
    md("""
    This is the loop you ran without a seed, with `lab.seed(3)` at the
    start of each run. All three runs print their lines in exactly the same
    order, and so will the cell every time you run it.

    Try other seeds: a different seed may give a different order, but each
    seed always gives its own order. `lab.seed(None)` goes back to real
    scheduling.

    ## Fix it

    When the order matters, say so in the program instead of hoping. The
    simplest way is `join`: if toast must wait for the tea, start the toast
    thread only after `tea.join()` has returned. That is correct, but the
    two cooks no longer work at the same time. Later lessons show tools that
    order only the steps that need it.
    """),
    code("""
    def tea_then_toast():
        tea = threading.Thread(target=cook, args=("tea", 0.01), name="tea")
        toast = threading.Thread(target=cook, args=("toast", 0.01), name="toast")
        tea.start()
        tea.join()          # wait for the tea before the toast starts
        toast.start()
        toast.join()

    lab.seed(None)
    tea_then_toast()
    """, tag="tea-then-toast"),
    md("""
    ## A thread as a class

    A thread can also be a class of its own. Subclass `threading.Thread`,
    pass the name to `super().__init__`, and put the thread's work in a
    method called `run`: `start()` calls it in the new thread. Here a
    kitchen timer counts down while the main thread waits for it.
    """),
    code("""
    class KitchenTimer(threading.Thread):
        def __init__(self, seconds):
            super().__init__(name="KitchenTimer")
            self.seconds = seconds

        def run(self):
            for left in range(self.seconds, 0, -1):
                print("%s: %d s left" % (threading.current_thread().name, left))
                time.sleep(1)
            print("%s: ring!" % self.name)

    timer = KitchenTimer(3)
    timer.start()
    timer.join()
    print("%s heard it" % threading.current_thread().name)
    """, tag="kitchen-timer"),
    md("""
    ### "The thread I start first runs first": not always

    You may think `start()` order is the order in which threads run. Here
    two threads each add one word to a list, `first` started before
    `second`, and the cell asks which word came first, once for each of
    20 seeds.
    """),
    code("""
    def say(word, spoken):
        spoken.append(word)

    def who_speaks_first(seed):
        lab.seed(seed)
        spoken = []
        first = threading.Thread(target=say, args=("first", spoken), name="first")
        second = threading.Thread(target=say, args=("second", spoken), name="second")
        first.start()
        second.start()
        first.join()
        second.join()
        return spoken[0]
    """),
    code("""
    firsts = [who_speaks_first(seed) for seed in range(20)]
    print("second spoke first in %d of 20 seeded runs" % firsts.count("second"))
    lab.seed(None)
    """, tag="start-order"),
    md("""
    Most of the time `first` wins, but in {{second_first}} of the 20 runs
    `second` did. `start()` only lets a thread run; the scheduler decides
    when. A rare order is still a possible order: if one thing must happen
    before another, say so with `join`, as the tea and toast did.

    ## Exercise

    Write `run_team(names, job)`. It should start one thread per name,
    each running `job(name)` and named after that person, wait until every
    one of them has finished, and return the list of threads in the same
    order as `names`. Try it with `run_team(["ann", "bob"], roll_call)`.

    Then run the check cell. It calls your function with a job of its own
    that notes which thread ran it and when, and tells you whether your
    function is right, and if not, what is wrong. Tip: start all the
    threads first, then join them all.
    """),
    code("""
    def roll_call(name):
        time.sleep(0.5)
        print("%s is here" % name)

    def run_team(names, job):
        team = []
        # your code here
        return team
    """),
    code("""
    from checks import threads

    threads.check(run_team)
    """, tag="exercise-check"),
    md("""
    ### One possible answer

    Try it yourself before you read this.
    """),
    code("""
    def run_team(names, job):
        team = []
        for name in names:
            worker = threading.Thread(target=job, args=(name,), name=name)
            worker.start()
            team.append(worker)
        for worker in team:
            worker.join()
        return team

    threads.check(run_team)
    """, tag="exercise-solution"),
    md("""
    ## Recap

    - A thread is a separate line of work in the same program; your cells
      run in `MainThread`.
    - `start()` lets a thread run; `join()` waits for it to finish.
    - Threads have names: the one you give, or an automatic
      `Thread-N (target)`.
    - A thread can be a subclass of `threading.Thread` with a `run` method.
    - Without a seed, the order in which threads run changes from run to
      run; `lab.seed(n)` makes it the same every time.

    Next: [Lesson 2: Race conditions](02-race-conditions.ipynb).
    """),
]

# ---------------------------------------------------------------------------
RACES = [
    md("""
    # Lesson 2: Race conditions

    By the end of this lesson you can make two threads lose updates to a
    shared balance, point to the exact step where an update is lost, replay
    the same race from a seed, and list every outcome a race can have.
    """),
    md("""
    **Prerequisites:** [Lesson 1: Threads](01-threads.ipynb).
    """),
    md("""
    ## Shared state: a global variable

    All the threads of a program see the same global variables. Here the
    shared data is one number, `balance`, at the top of the module. A
    function that assigns to a global must say so with `global balance`;
    without that line, Python would treat `balance` inside the function as
    a new local variable.

    threadlab watches every read and every write of a variable that two or
    more threads touch: which thread, which line, which value. That record
    is what lets you see a race.
    """),
    code("""
    import threading, time

    balance = 0

    def deposit(amount, times):
        global balance
        for i in range(times):
            balance = balance + amount

    deposit(5, 2)
    balance
    """, tag="first-deposit"),
    md("""
    Two deposits of 5 make 10. Here is the opposite job, and
    `pay_and_spend`, which sets the balance back to 0, runs a deposit job
    and a withdrawal job in two threads at once, and returns the final
    balance.
    """),
    code("""
    def withdraw(amount, times):
        global balance
        for i in range(times):
            balance = balance - amount

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

    The balance starts at 0. One thread deposits 1, a hundred thousand
    times; the other withdraws 1, a hundred thousand times.

    **What should the balance be after both threads finish?** Decide before
    you run the cell, which tries it three times.
    """),
    code("""
    lab.seed(None)   # real scheduling
    [pay_and_spend(1, 100000) for run in range(3)]
    """, tag="unseeded-race"),
    md("""
    Every deposit has a matching withdrawal, so the answer ought to be 0.
    You will most likely see other numbers, and different ones on each run.

    The reason is that `balance = balance + amount` is not one step but
    two: first the thread **reads** the balance, then it **writes** the new
    value. Between those two steps the other thread may run. If it writes
    in that gap, the first thread's write replaces that value with one
    computed from an old balance, and the other thread's update is
    **lost**.

    A **race condition** is a bug whose result depends on how the steps of
    different threads happen to mix. One particular mix of steps is called an
    **interleaving**, or a **schedule**.

    ## The same race on CPython's clock

    threadlab lets a thread run about 100 interpreter steps before it
    switches to another, and the switch may fall between the read and the
    write of `balance = balance + amount`. CPython switches by time, every
    5 milliseconds, and only at a few places: when a function starts, or
    when a loop jumps back to its top. `sys.setswitchinterval(0.005)` makes
    threadlab switch the way CPython does. **Predict:** what does the same
    race print now?
    """),
    code("""
    import sys

    sys.setswitchinterval(0.005)   # switch by time, where CPython does
    print("CPython's way:", [pay_and_spend(1, 100000) for run in range(3)])
    lab.switch_interval(100)       # back to threadlab's 100 steps
    """, tag="cpython-clock"),
    md("""
    Most likely 0 every time: the race hides. The threads still take
    turns, but never between a read and its write, because CPython does not
    switch there. The bug is still in the program: nothing stops the other
    thread, only a habit of the interpreter. On a free-threaded CPython,
    which has no GIL at all (lesson 5), the updates get lost again. A test
    that passes on CPython proves nothing about a race; switching by steps
    makes it show.

    ## Look closer

    A hundred thousand rounds are too many to read, so run three rounds
    each. Three rounds may well finish before a switch comes, so
    `lab.switch_interval(3)` makes switches come every few steps.
    `lab.trace()` shows what happened as an **interleaving table**: one row
    per read or write of the shared balance, in the order they happened,
    with one column per thread.
    """),
    code("""
    lab.switch_interval(3)
    lab.seed(4)
    print("final balance:", pay_and_spend(1, 3))
    lab.trace()
    """, tag="small-race"),
    md("""
    The balance ends at {{small_final}}, not 0. The table has one row per
    read or write, with the line of code that did it. Read it from the top:

    - step 1: `MainThread` sets the balance to 0 in `pay_and_spend`;
    - step 2 to step 5: `saver` makes two deposits: it reads 0 and writes
      1, then reads 1 and writes 2;
    - step 6 and step 7: `spender` makes a withdrawal: it reads 2 and
      writes 1;
    - step 8: `spender` reads 1 for its next withdrawal. Before it can
      write, the scheduler switches back to `saver`;
    - step 9 and step 10: `saver` makes its third deposit: it reads 1 and
      writes 2;
    - step 11: `spender` writes 1 - 1 = 0, computed from the 1 it read in
      step 8. The balance should be 1 now, but the deposit written in
      step 10 is wiped out.

    Step 11 is the **lost update**: a write based on a value that another
    thread changed in the meantime. The table highlights it and explains it
    in the *note* column, which also marks step 8 (the read it is based on)
    and step 10 (the write it destroys). The last withdrawal then goes
    through, so the balance ends one deposit short, at {{small_final}}, and
    `MainThread` reads that result in step 14.
    """, rows=[("small-race", 1, "MainThread", "write balance ← 0"),
               ("small-race", 2, "saver", "read balance → 0"),
               ("small-race", 5, "saver", "write balance ← 2"),
               ("small-race", 6, "spender", "read balance → 2"),
               ("small-race", 7, "spender", "write balance ← 1"),
               ("small-race", 8, "spender", "read balance → 1"),
               ("small-race", 9, "saver", "read balance → 1"),
               ("small-race", 10, "saver", "write balance ← 2"),
               ("small-race", 11, "spender", "write balance ← 0"),
               ("small-race", 14, "MainThread", "read balance → -1")]),
    code("""
    lab.switch_interval(100)   # back to the normal interval
    """),
    md("""
    ## Make it repeatable

    The unseeded runs above gave different numbers every time, so you cannot
    write down "the" answer. With a seed, the whole race happens the same way
    on every run. The cell below runs the full-size program twice, setting
    the same seed before each run.
    """),
    code("""
    lab.seed(2024)
    print("first run:", pay_and_spend(1, 100000))
    lab.seed(2024)
    print("second run:", pay_and_spend(1, 100000))
    """, tag="seeded-race"),
    md("""
    Both runs end at {{race_seed}}: the same seed replays the same race,
    read for read and write for write. That is what makes a race something
    you can study, instead of a bug that vanishes when you look for it.

    ## Every possible outcome

    A seed shows you one schedule. `lab.explore(fn)` calls `fn` once for
    *every* schedule of its threads' reads and writes, and counts the
    values it returns. Before each call it puts the notebook's global
    variables back as they were, so every run starts from the same state.
    Take the smallest possible race: the saver deposits 8 once, the spender
    withdraws 8 once.

    **Predict:** which final balances are possible?
    """),
    code("""
    def one_round():
        return pay_and_spend(8, 1)

    report = lab.explore(one_round)
    print("schedules:", report.schedules)
    for outcome, count in sorted(report.outcomes.items()):
        print("%s: %d schedules" % (outcome, count))
    """, tag="explore-payday"),
    md("""
    `explore` ran {{explore_schedules}} schedules. (It skips orders that
    differ only in steps that cannot affect each other, so each schedule it
    runs is a genuinely different way for the program to go.) The results,
    with how many schedules gave each:

    - 0 ({{explore_zero}}): the threads did not overlap, as intended;
    - 8 ({{explore_plus8}}): the withdrawal was lost;
    - -8 ({{explore_minus8}}): the deposit was lost.

    Which schedule loses the deposit? `report.example(-8)` shows the
    schedule behind the result -8 as an interleaving table.
    """),
    code("""
    report.example(-8)
    """, tag="explore-minus8"),
    md("""
    Step 1: `MainThread` sets the balance to 0. Step 2: `saver` reads 0.
    Step 3: `spender` reads 0 as well. Step 4: `saver` writes 8. Step 5:
    `spender` writes -8, computed from the 0 it read in step 3, so the
    deposit is gone, and in step 6 `MainThread` reads the -8. Only one
    switch at the wrong moment was needed.
    """, rows=[("explore-minus8", 1, "MainThread", "write balance ← 0"),
               ("explore-minus8", 2, "saver", "read balance → 0"),
               ("explore-minus8", 3, "spender", "read balance → 0"),
               ("explore-minus8", 4, "saver", "write balance ← 8"),
               ("explore-minus8", 5, "spender", "write balance ← -8"),
               ("explore-minus8", 6, "MainThread", "read balance → -8")]),
    md("""
    ### "It passed its tests, so it is correct": it is not

    You may think a program that passes its test every time is right. Here
    is a test of `one_round`: the balance must end at 0. It runs ten times
    in a row, and then `explore` looks at every schedule.
    """),
    code("""
    def test_one_round():
        return one_round() == 0

    lab.seed(7)
    print("passed:", sum(test_one_round() for run in range(10)), "of 10")
    report = lab.explore(one_round)
    failing = report.schedules - report.outcomes[0]
    print("explore: %d of %d schedules fail" % (failing, report.schedules))
    """, tag="tested-ten-times"),
    md("""
    The test passed {{tested_passed}} times out of 10, yet {{tested_failing}}
    of the {{tested_schedules}} schedules lose money. Each run took the
    schedule the scheduler happened to pick, and the bad ones need a switch
    at one exact step. A passing test shows that *one* schedule works;
    only trying every schedule, as `explore` does, shows that all of them
    do.

    ### "One statement is one atomic step": it is not

    An **atomic** step is one that no other thread can cut in two. You may
    think `balance += amount` is atomic because it is a single statement.
    Look at the table of a schedule that loses a tip.
    """),
    code("""
    def tip(amount):
        global balance
        balance += amount

    def two_tips_in_place():
        global balance
        balance = 0
        ann = threading.Thread(target=tip, args=(5,), name="ann")
        bob = threading.Thread(target=tip, args=(10,), name="bob")
        ann.start()
        bob.start()
        ann.join()
        bob.join()
        return balance
    """),
    code("""
    report = lab.explore(two_tips_in_place)
    print("outcomes:", sorted(report.outcomes))
    report.example(10)
    """, tag="inplace-race"),
    md("""
    Every row shows the same line, `balance += amount`, but it is a read
    and, later, a write. In step 2 `ann` reads 0 and in step 3 `bob` reads
    0. In step 4 `ann` writes 5, and in step 5 `bob` writes 10, so Ann's
    tip is gone. One line of Python can be several steps, and another
    thread can run between any two of them.
    """, rows=[("inplace-race", 2, "ann", "read balance → 0"),
               ("inplace-race", 3, "bob", "read balance → 0"),
               ("inplace-race", 4, "ann", "write balance ← 5"),
               ("inplace-race", 5, "bob", "write balance ← 10")]),
    md("""
    ## Be the scheduler

    Now you choose the schedule. `lab.stepper` shows the two threads side
    by side, each with the line it runs next, and a **Step** button for
    each. Your goal: make the result -8. A click first runs a whole line;
    **Expand statements** splits a line into its read, its compute and its
    write, which is where the race hides. **Undo** and **Reset** let you
    try again. (Where scripts cannot run, in a notebook you have not
    trusted for example, you see the outcomes and a schedule that reaches
    the goal instead.)
    """),
    code("""
    lab.stepper(one_round, goal=-8)
    """, tag="stepper-payday"),
    md("""
    ## Fix it

    The next lesson fixes this with a lock. There is another fix that needs
    no lock at all: **don't share**. Let each thread add up its own total in
    a local variable, which no other thread can see, and write it once at
    the end into a `Tally` of its own. The main thread combines the tallies
    after `join`.
    """),
    code("""
    class Tally:
        def __init__(self):
            self.total = 0

    def count_up(tally, amount, times):
        total = 0
        for i in range(times):
            total = total + amount
        tally.total = total
    """),
    code("""
    def pay_and_spend_apart(amount, times):
        saved, spent = Tally(), Tally()
        saver = threading.Thread(target=count_up, args=(saved, amount, times), name="saver")
        spender = threading.Thread(target=count_up, args=(spent, -amount, times), name="spender")
        saver.start()
        spender.start()
        saver.join()
        spender.join()
        return saved.total + spent.total

    print("full size:", pay_and_spend_apart(1, 100000))
    print("every schedule of one round:", lab.explore(lambda: pay_and_spend_apart(8, 1)).outcomes)
    """, tag="fix-apart"),
    md("""
    Every schedule now ends at 0: no thread ever writes what another thread
    reads, so there is nothing to lose.

    ## Exercise

    A tip jar starts empty. Alice puts in 5 coins and Bob puts in 10, at the
    same time, each with one read and one write. **List every final number
    of coins that is possible**, then run the check. It runs `lab.explore`
    on the real program and tells you what you missed, or what cannot
    happen, and why.
    """),
    code("""
    coins = 0

    def add(amount):
        global coins
        coins = coins + amount

    def two_tips():
        global coins
        coins = 0
        alice = threading.Thread(target=add, args=(5,), name="alice")
        bob = threading.Thread(target=add, args=(10,), name="bob")
        alice.start()
        bob.start()
        alice.join()
        bob.join()
        return coins

    my_answer = [15]   # edit this list
    """),
    code("""
    from checks import races

    races.check(my_answer)
    """, tag="exercise-check"),
    md("""
    ### One possible answer
    """),
    code("""
    races.check([5, 10, 15])
    """, tag="exercise-solution"),
    md("""
    ### A harder one: an outcome table

    Testers of concurrent code often write down, before they run a
    program, every result it could end with, and give each one a
    **label**: *acceptable* if some schedule ends that way, *forbidden* if
    no schedule can. Then a tool runs the program a great many times and
    reports any result that breaks the table. Here you make such a table
    and `lab.explore` is the tool.

    Two visitors, `ann` and `bob`, each add 1 to a shared counter `hits`,
    twice, with one read and one write each time. The table lists every
    final count from 0 to 4. The labels are for threadlab's model: every
    run is one interleaving of the threads' reads and writes, and each
    read sees the latest write before it (**sequential consistency**).
    """),
    code("""
    hits = 0

    def visit():
        global hits
        for i in range(2):
            hits = hits + 1

    def two_visitors():
        global hits
        hits = 0
        team = [threading.Thread(target=visit, name=n) for n in ("ann", "bob")]
        for visitor in team:
            visitor.start()
        for visitor in team:
            visitor.join()
        return hits
    """),
    md("""
    Replace each `"?"` with `"acceptable"` or `"forbidden"`, then run the
    check. It explores its own copy of `two_visitors` and, for each label
    that differs from what it finds, tells you why and gives a hint.
    Decide on all five before you run it.
    """),
    code("""
    my_labels = {0: "?", 1: "?", 2: "?", 3: "?", 4: "?"}   # edit the labels
    """),
    code("""
    from checks import outcome_tables

    outcome_tables.check("visits", my_labels)
    """, tag="outcome-table-check"),
    md("""
    ## Recap

    - `balance = balance + 1` on a shared variable is two steps, a read and
      a write; another thread can act in between.
    - A race condition loses updates, and whether it does depends on the
      schedule, so unseeded runs give different results.
    - `lab.trace()` shows the interleaving; the lost update is a write based
      on a value that another thread has already changed.
    - `lab.seed` replays one schedule exactly; `lab.explore` tries them all.
    - A test that passes shows one schedule works; an outcome table, checked
      by exploring, says which results any schedule can give.
    - Not sharing is one fix. Locks, next, are the other.

    Next: [Lesson 3: Locks](03-locks.ipynb).
    """),
]

# ---------------------------------------------------------------------------
LOCKS = [
    md("""
    # Lesson 3: Locks

    By the end of this lesson you can use a lock to make a shared balance
    come out right every time, measure what the lock costs, explain what
    happens when a thread fails while holding a lock, and know when you need
    an `RLock`.
    """),
    md("""
    **Prerequisites:** [Lesson 2: Race conditions](02-race-conditions.ipynb).
    """),
    md("""
    ## One thread at a time

    A **lock** is an object that at most one thread can hold. `acquire()`
    takes it, waiting first if another thread holds it; `release()` gives it
    back. The code between the two is a **critical section**: while one
    thread is inside, every other thread that wants the same lock waits at
    its `acquire()`.

    The long way to write it is `acquire()`, then the critical section in a
    `try:` block, and `release()` under `finally:`, so that the lock is
    given back even if the critical section fails.
    """),
    code("""
    import threading, time

    balance = 0
    guard = threading.Lock()

    def deposit(amount, times):
        global balance
        for i in range(times):
            guard.acquire()
            try:
                balance = balance + amount
            finally:
                guard.release()
    """),
    md("""
    The short way is the `with` statement: `with guard:` acquires the lock,
    runs the block, and releases the lock however the block ends. It does
    the same as the long way, in two lines instead of five.
    """),
    code("""
    def withdraw(amount, times):
        global balance
        for i in range(times):
            with guard:
                balance = balance - amount
    """),
    md("""
    For comparison, here are the unlocked jobs from lesson 2, and a helper
    that sets the balance to 0, runs any pair of jobs in two threads and
    returns the final balance.
    """),
    code("""
    def unsafe_deposit(amount, times):
        global balance
        for i in range(times):
            balance = balance + amount

    def unsafe_withdraw(amount, times):
        global balance
        for i in range(times):
            balance = balance - amount
    """),
    code("""
    def run_pair(put, take, amount, times):
        global balance
        balance = 0
        saver = threading.Thread(target=put, args=(amount, times), name="saver")
        spender = threading.Thread(target=take, args=(amount, times), name="spender")
        saver.start()
        spender.start()
        saver.join()
        spender.join()
        return balance
    """),
    md("""
    ## Predict, then run

    The same race as in lesson 2, a hundred thousand rounds each, but now
    every update happens while the thread holds `guard`. **Will it be 0 on
    every run?**
    """),
    code("""
    lab.seed(None)   # real scheduling
    [run_pair(deposit, withdraw, 1, 100000) for run in range(3)]
    """, tag="locked-race"),
    md("""
    It is 0 every time. A thread may still be paused between its read and its
    write, but the other thread cannot slip in: it waits at `acquire()` until
    the lock is released.

    ## Look closer

    Run three rounds with a tiny switch interval, as in lesson 2, and look
    at the trace. Switches still happen, but the other thread never touches
    the balance between a read and the write that belongs to it.
    """),
    code("""
    lab.switch_interval(2)
    lab.seed(1)
    print("final balance:", run_pair(deposit, withdraw, 1, 3))
    lab.trace()
    """, tag="locked-trace"),
    md("""
    The table now has rows for the lock as well. In step 2 `saver` acquires
    `guard`; in step 3 and step 4 it reads 0 and writes 1; in step 5 it
    releases `guard`. Each update is four rows of one thread. Step 10 is
    the first switch inside a critical section: `spender` has acquired
    `guard` (through `with guard:`), and in step 11 `saver` asks for it and
    has to wait: the row says *waits for guard, held by spender*. That
    waiting is the lock at work. `spender` reads 2 in step 12 and writes 1
    in step 13, and nobody can slip in between. No row of one thread ever
    falls between another thread's read and its write, so no row is marked
    as a lost update, and the balance ends at 0.
    """, rows=[("locked-trace", 2, "saver", "acquire guard"),
               ("locked-trace", 3, "saver", "read balance → 0"),
               ("locked-trace", 4, "saver", "write balance ← 1"),
               ("locked-trace", 5, "saver", "release guard"),
               ("locked-trace", 10, "spender", "acquire guard"),
               ("locked-trace", 11, "saver", "waits for guard, held by spender"),
               ("locked-trace", 12, "spender", "read balance → 2"),
               ("locked-trace", 13, "spender", "write balance ← 1")]),
    code("""
    lab.switch_interval(100)
    """),
    md("""
    ## Make it repeatable

    A handful of runs that print 0 is encouraging, not proof. `lab.explore`
    tries every schedule. In lesson 2, one round of deposit 8 and withdraw
    8 could end at -8, 0 or 8. With the lock:
    """),
    code("""
    report = lab.explore(lambda: run_pair(deposit, withdraw, 8, 1))
    print("schedules:", report.schedules)
    print("outcomes:", report.outcomes)
    """, tag="explore-locked"),
    md("""
    All {{locked_schedules}} schedules end at 0. With a lock, the schedules
    differ only in the order in which the threads take the lock, and every
    order gives the same balance.

    """),
    md("""
    ### "This code has a lock, so the balance is safe": it is not

    A lock protects nothing by itself. It only keeps out threads that ask
    for it. Here the deposits take `guard`, but the withdrawal is the
    unlocked one from lesson 2.
    """),
    code("""
    report = lab.explore(lambda: run_pair(deposit, unsafe_withdraw, 8, 1))
    print("schedules:", report.schedules)
    for outcome, count in sorted(report.outcomes.items()):
        print("%s: %d schedules" % (outcome, count))
    """, tag="explore-half-locked"),
    md("""
    In {{half_lost}} of the {{half_schedules}} schedules the balance ends
    at -8: the withdrawal read the balance, the deposit ran under its lock,
    and the withdrawal wrote over it. A lock protects data only when
    *every* piece of code that touches that data holds the same lock. Think
    of the lock as belonging to `balance`, not to a function.

    What if every function has a lock, each its own? Here the deposits
    take `deposit_lock` and the withdrawals take `withdraw_lock`. Each
    function now looks properly locked. **Predict:** can a deposit still
    be lost?
    """),
    code("""
    deposit_lock = threading.Lock()
    withdraw_lock = threading.Lock()

    def guarded_deposit(amount, times):
        global balance
        for i in range(times):
            with deposit_lock:       # the deposits' own lock
                balance = balance + amount

    def guarded_withdraw(amount, times):
        global balance
        for i in range(times):
            with withdraw_lock:      # the withdrawals' own lock
                balance = balance - amount
    """),
    code("""
    report = lab.explore(lambda: run_pair(guarded_deposit, guarded_withdraw, 8, 1))
    print("schedules:", report.schedules)
    for outcome, count in sorted(report.outcomes.items()):
        print("%s: %d schedules" % (outcome, count))
    report.example(-8)
    """, tag="explore-two-locks"),
    md("""
    Both functions hold a lock, and still {{two_locks_lost}} of the
    {{two_locks_schedules}} schedules end at -8, the same as with no locks
    at all. Read the table. In step 2 `saver` acquires `deposit_lock` and
    in step 3 it reads 0. In step 4 `spender` acquires `withdraw_lock`
    without waiting, because nobody holds *that* lock, and in step 5 it
    reads 0 too. In step 6 `saver` writes 8, and in step 8 `spender`
    writes -8 over it: the lost update, with a lock held on each side.
    Two different locks on the same data keep no one out. A lock guards
    data only when every thread that touches the data takes *the same*
    lock.

    ## What the lock costs

    Locks are not free. Each `acquire()` and `release()` is extra work, and a
    thread that finds the lock taken has to wait. The next cell times both
    versions with `time.perf_counter()`, using real scheduling (a seed would
    use the virtual clock). Your numbers depend on your computer.
    """, rows=[("explore-two-locks", 2, "saver", "acquire deposit_lock"),
               ("explore-two-locks", 3, "saver", "read balance → 0"),
               ("explore-two-locks", 4, "spender", "acquire withdraw_lock"),
               ("explore-two-locks", 5, "spender", "read balance → 0"),
               ("explore-two-locks", 6, "saver", "write balance ← 8"),
               ("explore-two-locks", 8, "spender", "write balance ← -8")]),
    code("""
    lab.seed(None)
    began = time.perf_counter()
    run_pair(unsafe_deposit, unsafe_withdraw, 1, 20000)
    unlocked = time.perf_counter() - began
    began = time.perf_counter()
    run_pair(deposit, withdraw, 1, 20000)
    locked = time.perf_counter() - began
    print("without the lock: %d ms" % (unlocked * 1000))
    print("with the lock:    %d ms" % (locked * 1000))
    print("the lock made it %.1f times as slow" % (locked / unlocked))
    """, tag="lock-cost"),
    md("""
    A correct answer is worth that time. Still, it explains a rule of thumb:
    hold a lock for as short a time as you can, and do slow work outside
    it.

    ## A thread that fails while holding the lock

    What if a thread stops with an error between `acquire()` and
    `release()`, and there is no `try` and no `with`? Here
    `careless_withdraw` refuses to overdraw the account by raising
    `ValueError` while it holds the lock.

    **Predict:** after the thread has died, is the lock free?
    """),
    code("""
    def careless_withdraw(amount):
        global balance
        guard.acquire()
        if amount > balance:
            raise ValueError("not enough money")   # the thread stops here...
        balance = balance - amount
        guard.release()                            # ...so this line never runs

    balance = 0
    lab.seed(1)
    unlucky = threading.Thread(target=careless_withdraw, args=(50,), name="unlucky")
    unlucky.start()
    unlucky.join()
    """, tag="dead-holder"),
    md("""
    The error ends the thread, and Python prints its report
    (`Exception in thread unlucky`) under the cell. The main thread goes
    on. Now look at the lock:
    """),
    code("""
    print("unlucky is alive:", unlucky.is_alive())
    print("guard is locked:", guard.locked())
    print("can anyone else get it?", guard.acquire(blocking=False))
    """, tag="dead-holder-state"),
    md("""
    The thread is gone, but the lock is still taken, and nothing will ever
    release it. Every other thread that calls `guard.acquire()` would wait
    forever.

    ## Fix it: let `with` release the lock

    `with guard:` (or `try` ... `finally`) releases the lock on every way
    out of the block, including an error. The thread still fails, as it
    should, but the lock is free afterwards.
    """),
    code("""
    guard = threading.Lock()   # a fresh lock; the old one is lost for good

    def careful_withdraw(amount):
        global balance
        with guard:
            if amount > balance:
                raise ValueError("not enough money")
            balance = balance - amount

    careful = threading.Thread(target=careful_withdraw, args=(50,), name="careful")
    careful.start()
    careful.join()
    print("guard is locked:", guard.locked())
    """, tag="careful"),
    md("""
    Functions defined in earlier cells, such as `deposit`, now use the new
    `guard` too: they look up the global name each time they run.

    ## Locks inside locks: RLock

    Suppose a function that holds a lock calls another function that takes
    the same lock. A plain `Lock` does not know who holds it, so the second
    `acquire()` would wait for the lock to be released, which never happens.
    The cell below asks with a short timeout so that it gives up instead of
    waiting forever. It prints `False`: the second acquire failed.
    """),
    code("""
    plain = threading.Lock()
    plain.acquire()
    print("second acquire of a Lock:", plain.acquire(timeout=0.1))
    plain.release()
    """, tag="lock-twice"),
    md("""
    An **RLock** (re-entrant lock) remembers which thread holds it and how
    many times. The same thread may acquire it again; it is free once that
    thread has released it as many times as it acquired it. A class is a
    natural home for it: the account keeps its balance and its own lock
    together, and every method takes the lock.
    """),
    code("""
    class Account:
        def __init__(self):
            self.balance = 0
            self.lock = threading.RLock()

        def add(self, amount):
            with self.lock:
                self.balance = self.balance + amount

        def add_twice(self, amount):
            with self.lock:
                self.add(amount)     # takes the lock again: fine for an RLock
                self.add(amount)
    """),
    code("""
    def lock_is_free(lock):
        # ask from another thread: the owner itself could always take an RLock
        answer = []
        probe = threading.Thread(target=lambda: answer.append(lock.acquire(blocking=False)))
        probe.start()
        probe.join()
        return answer == [True]

    savings = Account()
    savings.add_twice(10)
    print("balance:", savings.balance, " lock free:", lock_is_free(savings.lock))
    """, tag="rlock"),
    md("""
    ## Exercise

    `add_tip` below is the unsafe tip jar from lesson 2, with the jar as
    an object: `jar.coins` is the number of coins and `jar.lock` is the
    jar's lock. Change it so that no tip can ever be lost, using
    `jar.lock`. The check gives your function a fresh jar, runs Alice (5
    coins) and Bob (10 coins) under every schedule and tells you what it
    found.
    """),
    code("""
    def add_tip(jar, amount):
        jar.coins = jar.coins + amount
    """),
    code("""
    from checks import locks

    locks.check(add_tip)
    """, tag="exercise-check"),
    md("""
    ### One possible answer
    """),
    code("""
    def safe_add_tip(jar, amount):
        with jar.lock:
            jar.coins = jar.coins + amount

    locks.check(safe_add_tip)
    """, tag="exercise-solution"),
    md("""
    ## Recap

    - A lock lets one thread at a time into a critical section, so a read
      and its write can no longer be split by another thread.
    - `lab.explore` proves the fix: every schedule gives the same result.
    - A lock guards data, not code: every thread that touches the data
      must take the same lock, or updates are lost with locks held.
    - Locking costs time; keep critical sections short.
    - A thread that dies holding a lock never releases it; `with lock:` or
      `try` ... `finally` releases it on every way out.
    - An `RLock` can be taken again by the thread that holds it.

    Next: [Lesson 4: Deadlock](04-deadlock.ipynb).
    """),
]

# ---------------------------------------------------------------------------
DEADLOCK = [
    md("""
    # Lesson 4: Deadlock

    By the end of this lesson you can recognise a deadlock, read threadlab's
    report of who holds which lock and waits for which, find the schedule
    that causes it, and prevent it by always taking locks in the same order.
    """),
    md("""
    **Prerequisites:** [Lesson 3: Locks](03-locks.ipynb).
    """),
    md("""
    ## A bank with one lock per account

    One lock for the whole bank would be safe, but then only one transfer
    could run at a time. So each account gets its own lock, and a transfer
    takes the locks of both accounts it touches. The bank has two
    accounts, each a global number: `alice` and `bob`. `open_bank()` sets
    both balances to 100 and makes a fresh lock for each account.
    """),
    code("""
    import threading, time

    def open_bank():
        global alice, bob, alice_lock, bob_lock
        alice, bob = 100, 100
        alice_lock = threading.Lock()
        bob_lock = threading.Lock()

    open_bank()
    """),
    md("""
    `alice_pays_bob` holds Alice's lock for the whole transfer, and Bob's
    lock while it changes the balances. `bob_pays_alice` does the same the
    other way round: Bob's lock first, then Alice's. The two `with` blocks
    are nested: the inner lock is released first, then the outer one.
    """),
    code("""
    def alice_pays_bob(amount):
        global alice, bob
        with alice_lock:
            time.sleep(0.1)              # a slow fraud check
            with bob_lock:
                alice = alice - amount
                bob = bob + amount

    def bob_pays_alice(amount):
        global alice, bob
        with bob_lock:
            time.sleep(0.1)              # the same check
            with alice_lock:
                bob = bob - amount
                alice = alice + amount
    """),
    code("""
    def both_ways(alice_job, bob_job):
        one = threading.Thread(target=alice_job, args=(10,), name="alice-pays")
        two = threading.Thread(target=bob_job, args=(20,), name="bob-pays")
        one.start()
        two.start()
        one.join()
        two.join()
        return (alice, bob)
    """),
    md("""
    ## Predict, then run

    Alice pays Bob 10 while Bob pays Alice 20. Each transfer locks the
    payer's account first, does a slow check, then locks the other account.

    **What happens?** Think about which lock each thread holds while it
    waits for the other one.
    """),
    code("""
    lab.seed(1)
    both_ways(alice_pays_bob, bob_pays_alice)
    """, tag="deadlock", raises=True),
    md("""
    The cell stopped with a `DeadlockError`. `alice-pays` took `alice_lock`
    and waits for `bob_lock`; `bob-pays` took `bob_lock` and waits for
    `alice_lock`. Neither can go on, and neither will ever release what it
    holds. This is a **deadlock**: a group of threads each waiting for a
    lock that another of them holds, in a cycle.

    A real Python program would simply hang here. threadlab notices when
    every thread is blocked in such a cycle and stops the cell instead.

    ## Look closer

    The table above the error is threadlab's report, one row per stuck
    thread: the locks it holds, what it waits for, and the line where it
    waits (the error message repeats it). A lock is named after the
    variable your code keeps it in. Read the *waits for* column:
    `alice-pays` waits for a lock held by `bob-pays`, and `bob-pays` waits
    for a lock held by `alice-pays`. That loop is the **wait-for cycle**.
    No cycle, no deadlock. (`MainThread` is in the report too: it waits in
    `join()` for a thread that will never finish.)

    When it raised the error, threadlab also stopped the two stuck threads,
    so you can simply go on. Their locks stay taken, though: a stopped
    thread releases nothing. So the next cell opens the bank again, with
    fresh locks.

    ## Make it repeatable

    The fraud check made the deadlock certain: both threads had their first
    lock before either asked for its second. Without the pause it only
    happens when a switch falls in just the wrong place, which makes it the
    kind of bug that passes every test and then hangs in production.
    `lab.explore` finds such schedules for you. It counts schedules that
    deadlock instead of stopping at the first one.
    """),
    code("""
    open_bank()
    report = lab.explore(lambda: both_ways(alice_pays_bob, bob_pays_alice))
    print("schedules:", report.schedules)
    print("deadlocks:", report.deadlocks)
    print("outcomes:", report.outcomes)
    """, tag="explore-deadlock"),
    md("""
    `explore` ran {{deadlock_schedules}} schedules and found a deadlock in
    {{deadlock_count}} of them; the outcomes count it as `'deadlock'`. Every
    other schedule ends with Alice at 110 and Bob at 90, as it should. Only
    {{deadlock_count}} of {{deadlock_schedules}}, when the pause made the
    deadlock certain? `explore` ignores time: a sleep is only a point where
    another thread may run. It counts every way the program can go, not how
    likely each is; the pause makes the deadly one nearly the only one that
    happens on a real clock.

    Now find that schedule yourself. In the stepper below you decide which
    thread takes its next step; the goal is a deadlock. The shared state
    under the threads shows the balances and which thread holds each lock,
    and a thread that cannot go on says what it waits for.
    """),
    code("""
    lab.stepper(lambda: both_ways(alice_pays_bob, bob_pays_alice), goal="deadlock")
    """, tag="stepper-deadlock"),
    md("""
    ### "Take out the sleep and the deadlock is gone": it is not

    The pause looks like the culprit: without it, each transfer would take
    its second lock at once, before the other thread could start. Here are
    the same two transfers without the fraud check. Each still takes its
    payer's lock first. **Predict:** can they still deadlock?
    """),
    code("""
    def quick_alice_pays_bob(amount):
        global alice, bob
        with alice_lock:                 # no fraud check this time
            with bob_lock:
                alice = alice - amount
                bob = bob + amount

    def quick_bob_pays_alice(amount):
        global alice, bob
        with bob_lock:
            with alice_lock:
                bob = bob - amount
                alice = alice + amount
    """),
    code("""
    finished = 0
    for seed in range(20):
        open_bank()
        lab.seed(seed)
        try:
            both_ways(quick_alice_pays_bob, quick_bob_pays_alice)
        except Exception as stuck:
            print("seed %d: %s" % (seed, type(stuck).__name__))
        else:
            finished += 1
    print("finished: %d of 20 seeded runs" % finished)
    open_bank()
    report = lab.explore(lambda: both_ways(quick_alice_pays_bob, quick_bob_pays_alice))
    print("explore: %d of %d schedules deadlock" % (report.deadlocks, report.schedules))
    """, tag="quick-transfers"),
    md("""
    All {{quick_finished}} of the 20 seeded runs finished, and a test suite
    would pass. Yet {{quick_deadlocks}} of the {{quick_schedules}}
    schedules still deadlock, exactly as many as with the pause. The pause
    only changed how *likely* the deadly schedule is; it was never what
    made it possible. The cause is the order of the locks, `alice_lock`
    then `bob_lock` in one thread and the other way round in the other,
    and only changing the order removes it.
    """),
    md("""
    ## Fix it

    A cycle needs one thread to take A and then B while another takes B and
    then A. If every thread takes locks in the **same global order**, no
    cycle can form. Here the order is alphabetical: every transfer takes
    `alice_lock` before `bob_lock`, whichever way the money goes. Only
    `bob_pays_alice` has to change.
    """),
    code("""
    def bob_pays_alice_in_order(amount):
        global alice, bob
        with alice_lock:                 # Alice's lock first, as in alice_pays_bob
            time.sleep(0.1)
            with bob_lock:
                bob = bob - amount
                alice = alice + amount

    lab.seed(1)
    print(both_ways(alice_pays_bob, bob_pays_alice_in_order))
    lab.trace()
    """, tag="ordered"),
    md("""
    Alice ends with 110 and Bob with 90, with the same seed as before, and
    no deadlock. The table shows why. In step 1 `alice-pays` takes
    `alice_lock`. In step 2 `bob-pays` asks for the same lock and has to
    wait: the row says *waits for alice_lock, held by alice-pays*. It waits
    while holding nothing, so `alice-pays` can take `bob_lock` in step 4,
    move the money and release both. Only then, in step 11, does `bob-pays`
    get `alice_lock`. A thread that waits is fine; a cycle of threads that
    wait is a deadlock.

    One run is not proof. Check every schedule:
    """, rows=[("ordered", 1, "alice-pays", "acquire alice_lock"),
               ("ordered", 2, "bob-pays", "waits for alice_lock, held by alice-pays"),
               ("ordered", 4, "alice-pays", "acquire bob_lock"),
               ("ordered", 11, "bob-pays", "acquire alice_lock")]),
    code("""
    open_bank()
    report = lab.explore(lambda: both_ways(alice_pays_bob, bob_pays_alice_in_order))
    print("schedules:", report.schedules)
    print("deadlocks:", report.deadlocks)
    print("outcomes:", report.outcomes)
    """, tag="explore-ordered"),
    md("""
    None of the {{ordered_schedules}} schedules deadlocks, and every one of
    them ends with Alice at 110 and Bob at 90.

    ## Exercise

    Write `safe_bob_pays_alice(bank, amount)` without looking back at
    `bob_pays_alice_in_order`. The check opens a fresh bank for each try:
    `bank.alice` and `bank.bob` are the balances, `bank.alice_lock` and
    `bank.bob_lock` their locks. Your function must move `amount` from Bob
    to Alice, take both locks in the same order as `alice_pays_bob`, and
    release both. The check runs it once on its own, then explores every
    schedule of it beside `alice_pays_bob`, and tells you about deadlocks,
    lost money and locks left taken.
    """),
    code("""
    def safe_bob_pays_alice(bank, amount):
        # your code here
        pass
    """),
    code("""
    from checks import deadlock

    deadlock.check(safe_bob_pays_alice)
    """, tag="exercise-check"),
    md("""
    ### One possible answer
    """),
    code("""
    def safe_bob_pays_alice(bank, amount):
        bank.alice_lock.acquire()
        bank.bob_lock.acquire()
        try:
            bank.bob = bank.bob - amount
            bank.alice = bank.alice + amount
        finally:
            bank.bob_lock.release()
            bank.alice_lock.release()

    deadlock.check(safe_bob_pays_alice)
    """, tag="exercise-solution"),
    md("""
    ## Recap

    - A deadlock is a cycle of threads, each holding a lock that the next
      one waits for; none of them can ever go on.
    - threadlab raises `DeadlockError` with a report of who holds what and
      waits for what, where plain Python would hang.
    - A deadlock may need an unlucky schedule; `lab.explore` finds it.
      Taking out a sleep makes it rarer, not impossible.
    - Taking locks in one global order (here, alphabetical) makes a cycle
      impossible.

    Next: [Lesson 5: The GIL and many cores](05-gil-and-cores.ipynb).
    """),
]

# ---------------------------------------------------------------------------
GIL = [
    md("""
    # Lesson 5: The GIL and many cores

    By the end of this lesson you can measure how many processor cores a
    program keeps busy, explain why busy Python threads share a single core,
    and choose between threads and processes for a job.
    """),
    md("""
    **Prerequisites:** [Lesson 1: Threads](01-threads.ipynb); lessons 2 to 4
    help but are not needed.
    """),
    md("""
    ## One lock around the whole interpreter

    The standard Python interpreter, CPython, has a **global interpreter
    lock** (GIL). A thread must hold it to run Python code, so at any moment
    only one thread runs Python code, however many cores the computer has.
    The GIL changes hands every few milliseconds, and whenever a thread
    waits (for `time.sleep`, a file, the network), so threads still take
    turns.

    threadlab has a GIL too, on by default. It changes hands every 100
    interpreter steps rather than every 5 milliseconds, and at every wait.
    `lab.gil(False)` switches it off. CPython 3.13 and later can be built
    without the GIL in the same way ("free-threaded" builds). The numbers
    in this lesson are real measurements on your machine, so there is no
    seed: the scheduler must be the real one.
    """),
    code("""
    import threading, time, multiprocessing

    lab.seed(None)
    cores = multiprocessing.cpu_count()
    cores
    """),
    md("""
    `spin` keeps one thread busy, doing nothing useful, for a number of
    seconds. `start_spinners` starts one spinning thread per core.
    """),
    code("""
    def spin(seconds):
        end = time.monotonic() + seconds
        turns = 0
        while time.monotonic() < end:
            turns = turns + 1

    def start_spinners(count, seconds):
        team = []
        for i in range(count):
            worker = threading.Thread(target=spin, args=(seconds,), name="spinner-%d" % (i + 1))
            worker.start()
            team.append(worker)
        return team

    def join_all(team):
        for worker in team:
            worker.join()
    """),
    md("""
    ## Predict, then run

    You start one busy thread per core, with the GIL on. `lab.cpu(seconds=2)`
    samples how busy the kernel process is while they run, and draws a live
    plot: 100% means one core fully busy.

    **Predict:** how many cores' worth of work will you see?
    """),
    code("""
    lab.gil(True)
    team = start_spinners(cores, 2)
    with_gil = lab.cpu(seconds=2)
    join_all(team)
    """, tag="cpu-gil"),
    md("""
    The line stays near 100%: about one core, even though each core had a
    thread that wanted to run. The threads did run, but one at a time,
    passing the GIL around.

    ## Look closer: the GIL off

    Now the same work with the GIL switched off. Every thread can run Python
    code at the same moment, each on its own core.
    """),
    code("""
    lab.gil(False)
    team = start_spinners(cores, 2)
    without_gil = lab.cpu(seconds=2)
    join_all(team)
    lab.gil(True)
    """, tag="cpu-nogil"),
    md("""
    This time the plot climbs to about `cores` times 100%. That is what
    free-threaded builds buy you. The price is the one you saw in lessons 2
    to 4: without the GIL, threads really do run at the same time, and every
    piece of shared data needs its own protection.

    ## Fix it: processes

    The classic way around the GIL is to use **processes** instead of
    threads. A `multiprocessing.Process` runs its function in a separate
    interpreter with its own GIL and its own memory, so busy processes can
    use every core even with the GIL on. Nothing is shared: the arguments
    are copied when the process starts.
    """),
    code("""
    def start_processes(count, seconds):
        team = []
        for i in range(count):
            worker = multiprocessing.Process(target=spin, args=(seconds,))
            worker.start()
            team.append(worker)
        return team

    team = start_processes(cores, 2)
    with_processes = lab.cpu(seconds=2)
    join_all(team)
    """, tag="cpu-processes"),
    code("""
    for label, usage in [("threads, GIL on", with_gil), ("threads, GIL off", without_gil),
                         ("processes", with_processes)]:
        busy = int(usage.percent / 100 + 0.5)
        machine = int(sum(usage.per_core))   # every program on the computer
        print("%s: %d%% of %d%%, about %d of %d cores busy (whole machine: %d%%)"
              % (label, usage.percent, 100 * usage.cores, busy, usage.cores, machine))
    """, tag="cpu-summary"),
    md("""
    ## When threads still help: waiting

    The GIL only stops threads from running Python code *at the same time*.
    A thread that waits for something (a download, a disk, a reply) lets go
    of the GIL while it waits. Below, four threads each wait half a second,
    as if for a slow web server.

    **Predict:** about how long do all four take together?
    """),
    code("""
    def fetch(page):
        time.sleep(0.5)       # pretend to wait for a server

    began = time.perf_counter()
    readers = []
    for page in range(4):
        reader = threading.Thread(target=fetch, args=(page,))
        reader.start()
        readers.append(reader)
    join_all(readers)
    print("4 waits of 500 ms took %d ms in total" % ((time.perf_counter() - began) * 1000))
    """, tag="io-threads"),
    md("""
    About half a second, not two: the waits overlapped. So threads are a good
    fit for programs that mostly wait, and with the GIL on, processes (or a
    free-threaded interpreter) are the fit for programs that mostly compute.

    ## Make it repeatable

    CPU measurements come from the real machine, so they vary a little from
    run to run, and they depend on how many cores you have. What repeats is
    the shape: about one core with the GIL, about all of them without it or
    with processes. On a shared machine, such as Binder, other users'
    programs can make the lines noisier. The summary above shows how busy
    the *whole machine* was during each plot: when that is well above the
    kernel's own figure, other programs were using cores at the same time,
    and the kernel got fewer cores than it asked for.

    ### "The GIL makes my code safe": it does not

    The GIL lets one thread run Python code at a time, so you may think
    races cannot happen with it on. But the GIL can change hands between
    any two steps, even between the read and the write of one statement.
    Here is lesson 2's smallest race with the GIL on.
    """),
    code("""
    balance = 0

    def change(amount):
        global balance
        balance = balance + amount

    def one_round():
        global balance
        balance = 0
        team = [threading.Thread(target=change, args=(n,)) for n in (8, -8)]
        for worker in team:
            worker.start()
        for worker in team:
            worker.join()
        return balance
    """),
    code("""
    lab.gil(True)
    report = lab.explore(one_round)
    print("schedules:", report.schedules)
    for outcome, count in sorted(report.outcomes.items()):
        print("%s: %d schedules" % (outcome, count))
    """, tag="explore-gil-on"),
    md("""
    With the GIL on, {{gil_minus8}} of the {{gil_schedules}} schedules
    still ends at -8. The GIL keeps the interpreter's own data whole; it
    does not keep *your* read and write together. Shared data needs a lock
    with the GIL or without it.

    ## Exercise

    For each situation, answer `"one"`, `"all"` or `"none"`: how many cores
    can it keep busy, on a computer with several cores?
    """),
    code("""
    my_answers = {
        "busy threads, GIL on": "?",
        "busy threads, GIL off": "?",
        "busy processes, GIL on": "?",
        "threads that only sleep, GIL on": "?",
    }
    """),
    code("""
    def check(answers):
        truth = {
            "busy threads, GIL on": ("one", "only the thread holding the GIL runs Python code."),
            "busy threads, GIL off": ("all", "without the GIL every thread runs on its own core."),
            "busy processes, GIL on": ("all", "each process has its own interpreter and its own GIL."),
            "threads that only sleep, GIL on": ("none", "a sleeping thread waits without using a core."),
        }
        if not isinstance(answers, dict):
            print("Not yet: give a dictionary like my_answers, not %r." % (answers,))
            return
        right = 0
        for situation, (expected, reason) in truth.items():
            given = answers.get(situation)
            if isinstance(given, str) and given.strip().lower() == expected:
                right += 1
                print("Right: %s -> %s: %s" % (situation, expected, reason))
            else:
                print("Not yet: %s -> %r is wrong. Hint: %s" % (situation, given, reason))
        print("%d of %d right" % (right, len(truth)))

    check(my_answers)
    """, tag="exercise-check"),
    md("""
    ### One possible answer
    """),
    code("""
    check({
        "busy threads, GIL on": "one",
        "busy threads, GIL off": "all",
        "busy processes, GIL on": "all",
        "threads that only sleep, GIL on": "none",
    })
    """, tag="exercise-solution"),
    md("""
    ## Recap

    - With the GIL on, busy threads take turns: about one core in total.
    - With the GIL off, as in free-threaded builds, busy threads use every
      core, and shared data needs the care from lessons 2 to 4.
    - Processes have their own GIL and memory, so they use every core too.
    - Threads still help when they mostly wait: waiting does not hold the
      GIL.

    Next: [Lesson 6: Coordination](06-coordination.ipynb).
    """),
]

LESSONS = [
    ("00-index.ipynb", INDEX),
    ("01-threads.ipynb", THREADS),
    ("02-race-conditions.ipynb", RACES),
    ("03-locks.ipynb", LOCKS),
    ("04-deadlock.ipynb", DEADLOCK),
    ("05-gil-and-cores.ipynb", GIL),
]
