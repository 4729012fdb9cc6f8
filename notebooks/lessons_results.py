"""Lessons 8 and 9: results from parallel work, and free-threaded Python.

The same conventions as lessons_text.py (md, code, {{name}} claims);
notebooks/build.py renders these lessons with the others, and
notebooks/tests/test_lesson_results.py checks them.
"""
from lessons_text import md, code

CLAIMS = {
    "futures_first": {"tag": "as-completed", "pattern": r"first back: (\w+)"},
    "futures_all": {"tag": "as-completed", "pattern": r"- all: (\[[^\]]*\])"},
    "futures_map": {"tag": "as-completed", "pattern": r"map order: (\[[^\]]*\])"},
    "seeded_runs": {"tag": "seeded-tally", "pattern": r"seed 7: (\[[^\]]*\])"},
    "tally_schedules": {"tag": "explore-tally", "pattern": r"schedules: (\d+)"},
    "tally_lost": {"tag": "explore-tally", "pattern": r"(?m)^1: (\d+) schedules"},
    "tally_right": {"tag": "explore-tally", "pattern": r"(?m)^2: (\d+) schedules"},
    "safe_schedules": {"tag": "explore-safe-tally", "pattern": r"schedules: (\d+)"},
    "nogil_seeded": {"tag": "seeded-nogil", "pattern": r"GIL off, seed 5: (-?\d+)"},
    "gil_seeded": {"tag": "seeded-nogil", "pattern": r"GIL on, seed 5: (-?\d+)"},
    "ft_schedules": {"tag": "explore-gil", "pattern": r"GIL on: (\d+) schedules"},
    "ft_outcomes": {"tag": "explore-gil", "pattern": r"GIL on: \d+ schedules, (\{[^}]*\})"},
    "append_total": {"tag": "append-nogil", "pattern": r"guests signed: (\d+)"},
    "fixed_schedules": {"tag": "explore-fixed", "pattern": r"schedules: (\d+)"},
}

VALUES = {
    "futures_first": "kettle",
    "futures_all": "['kettle', 'coffee', 'tea']",
    "futures_map": "[3, 1, 2]",
    "seeded_runs": "[983, 985, 981]",
    "tally_schedules": "138",
    "tally_lost": "6",
    "tally_right": "132",
    "safe_schedules": "819",
    "nogil_seeded": "-4040",
    "gil_seeded": "-4040",
    "ft_schedules": "4",
    "ft_outcomes": "{-8: 1, 0: 2, 8: 1}",
    "append_total": "200000",
    "fixed_schedules": "4",
}

# ---------------------------------------------------------------------------
RESULTS = [
    md("""
    # Lesson 8: Results from parallel work

    By the end of this lesson you can hand work to a pool of threads or
    processes, collect each result (or each error) through a **future**,
    choose threads or processes for a job by watching the CPU, and explain
    why a process never changes your variables.
    """),
    md("""
    **Prerequisites:** [Lesson 2: Race conditions](02-race-conditions.ipynb)
    and [Lesson 5: The GIL and many cores](05-gil-and-cores.ipynb).
    """),
    md("""
    ## A pool and its futures

    So far you started every thread yourself and had no way to get a value
    back from it except through shared variables. A **pool** keeps a few
    worker threads ready; you give it a function call with `submit`, and it
    runs the call on whichever worker is free. `submit` returns at once with
    a **future**: a receipt for a result that may not exist yet.
    `future.result()` waits until the call has finished and gives you its
    return value.

    The cell below is seeded, so `time.sleep` moves threadlab's virtual
    clock and the cell finishes at once.
    """),
    code("""
    import sys, threading, time, multiprocessing
    from concurrent.futures import ThreadPoolExecutor, as_completed

    def brew(drink, minutes):
        time.sleep(minutes / 10)      # a tenth of a second per minute
        return drink

    lab.seed(1)
    with ThreadPoolExecutor(max_workers=3) as pool:
        order = pool.submit(brew, "tea", 3)
        print("just submitted:", order)
        print("result:", order.result())
        print("afterwards:", order)
    """, tag="first-future"),
    md("""
    The future says `state=pending` right after `submit`: the worker has
    not finished yet. `result()` waited for it and gave back `'tea'`, and
    then the future says `state=finished`. The `with` block shuts the pool
    down at its end, which waits for every call still running.

    ## Predict, then run

    Three drinks take 3, 1 and 2 minutes. `as_completed(futures)` hands
    you the futures **in the order they finish**; `pool.map(fn, items)`
    gives the results **in the order of the items**.

    **Predict:** which drink comes back first from `as_completed`, and in
    what order does `map` return the minutes?
    """),
    code("""
    drinks = [("tea", 3), ("kettle", 1), ("coffee", 2)]
    lab.seed(1)
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = [pool.submit(brew, drink, minutes) for drink, minutes in drinks]
        finished = [future.result() for future in as_completed(futures)]
        print("first back:", finished[0], "- all:", finished)
        print("map order:", list(pool.map(lambda pair: pair[1], drinks)))
    """, tag="as-completed"),
    md("""
    The first back is `{{futures_first}}`, the one-minute drink, although
    it was submitted second, and the order of finishing is
    {{futures_all}}: shortest first. Had the workers brewed one drink after
    another, the tea, submitted first, would have come back first. `map`
    kept the order of the list: {{futures_map}}.

    ## When a call fails

    A call that raises does not stop the pool, and nothing is printed when
    it happens. The exception waits inside its future, and **`result()`
    raises it** in the thread that asks. If you never call `result()`, you
    never hear about it.
    """),
    code("""
    def brew_carefully(drink, minutes):
        if minutes > 2:
            raise ValueError("%s would stew" % drink)
        return drink

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(brew_carefully, d, m) for d, m in drinks]
    for future in futures:
        try:
            print("got", future.result())
        except ValueError as error:
            print("failed:", error)
    """, tag="future-error"),
    md("""
    The tea's future holds the `ValueError`; asking for its result raised
    it here, in `MainThread`, where a `try` can catch it. The other two
    drinks came back as usual. `future.exception()` returns the exception
    instead of raising it, if you only want to look.

    ## Look closer: threads or processes for computing?

    Waiting is what threads do well. Computing is different: with the GIL
    on, busy threads take turns on one core (lesson 5). A
    `multiprocessing.Pool` keeps worker **processes** instead, each a
    separate interpreter with its own GIL. Here is a job that only
    computes: counting prime numbers in four slices of a range.
    """),
    code("""
    def count_primes(start, stop):
        found = 0
        for n in range(max(start, 2), stop):
            if all(n % d for d in range(2, int(n ** 0.5) + 1)):
                found += 1
        return found

    lab.seed(None)                    # real time: these are measurements
    cores = multiprocessing.cpu_count()
    slices = [(k * 120000, (k + 1) * 120000) for k in range(4)]
    """),
    md("""
    First the four slices in a pool of threads. `lab.cpu(seconds=1.5)` plots
    how busy the kernel is for the first second and a half while the
    workers compute; 100% is one core. The job itself takes longer, and the
    time printed is the whole job's.
    **Predict:** how high will the line go on your machine?
    """),
    code("""
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=cores) as pool:
        futures = [pool.submit(count_primes, a, b) for a, b in slices]
        with_threads = lab.cpu(seconds=1.5)
        primes = sum(f.result() for f in futures)
    thread_time = time.perf_counter() - began
    print("threads: %d primes in %.1f s" % (primes, thread_time))
    """, tag="cpu-threads"),
    md("""
    Now the same slices in a `multiprocessing.Pool`. `starmap` calls
    `count_primes(a, b)` for each pair, like `map` for functions of two
    arguments; `map_async` and `starmap_async` return at once with an
    `AsyncResult`, whose `get()` waits like a future's `result()`.
    """),
    code("""
    began = time.perf_counter()
    with multiprocessing.Pool(cores) as pool:
        pending = pool.starmap_async(count_primes, slices)
        with_processes = lab.cpu(seconds=1.5)
        primes = sum(pending.get())
    process_time = time.perf_counter() - began
    print("processes: %d primes in %.1f s" % (primes, process_time))
    """, tag="cpu-pool"),
    code("""
    for label, usage, took in [("threads", with_threads, thread_time),
                               ("processes", with_processes, process_time)]:
        machine = int(sum(usage.per_core))   # every program on the computer
        print("%s: %d%% of %d%%, %.1f s (whole machine: %d%%)"
              % (label, usage.percent, 100 * usage.cores, took, machine))
    print("processes were %.1f times as fast" % (thread_time / process_time))
    """, tag="cpu-compare"),
    md("""
    Both pools found the same number of primes. The threads' line stays
    near 100%, one core, however many workers there are; the processes'
    line climbs towards `cores` times 100%, and the job finishes sooner
    (on a one-core machine, such as some Binder sessions, both lines look
    alike). If the *whole machine* figure is well above the kernel's, other
    programs were using cores too, and the comparison is rough.

    ## Copies, not shared memory

    Processes pay for their own GIL with their own memory. A
    **process** cannot see your variables: `Pool` copies each argument into
    the worker (Python **pickles** it: turns it into bytes and back), and
    copies the return value back the same way. **Predict:** after the
    worker has appended to the list, what does the list look like here?
    """),
    code("""
    def add_milk(order):
        order.append("milk")
        return order

    order = ["tea"]
    with multiprocessing.Pool(2) as pool:
        returned = pool.apply(add_milk, (order,))
    print("in the parent:", order)
    print("returned:", returned, "- the same list?", returned is order)
    """, tag="copy-pool"),
    md("""
    The parent's list is still `['tea']`: the worker changed its own copy.
    The list that came back has the milk, but it is a new list, not the
    parent's. A thread, by contrast, works on the very same object:
    """),
    code("""
    order = ["tea"]
    with ThreadPoolExecutor(max_workers=1) as pool:
        returned = pool.submit(add_milk, order).result()
    print("in the parent:", order)
    print("the same list?", returned is order)
    """, tag="copy-threads"),
    md("""
    So with processes, the only way to get an answer back is to **return
    it**. That is also the safest way with threads, as the next section
    shows.

    ## Make it repeatable: "tested" is not "correct"

    A common belief is that code which passed its tests is correct. Here
    is a word counter in which every pool task adds one to a shared
    dictionary. The test counts a thousand words, three times, switching
    threads the way CPython 3.11 does (`sys.setswitchinterval(0.005)`,
    lesson 2).
    """),
    code("""
    counts = {}

    def tally(word):
        counts[word] = counts.get(word, 0) + 1

    def count_words(words):
        counts.clear()
        with ThreadPoolExecutor(max_workers=2) as pool:
            for word in words:
                pool.submit(tally, word)
        return counts.get("tea", 0)

    lab.seed(None)
    sys.setswitchinterval(0.005)    # CPython's clock
    print("CPython's clock:", [count_words(["tea"] * 1000) for run in range(3)])
    lab.switch_interval(100)        # back to threadlab's 100 steps
    """, tag="tested-tally"),
    md("""
    Most likely the test printed 1000 three times: it passes. But `tally`
    reads the count and then writes it, like `balance = balance + 1` in
    lesson 2, and two workers can read the same count. The test passed
    because CPython's clock almost never switches between that read and
    that write, not because the code is right. A seed picks other
    schedules, the same ones on every run:
    """),
    code("""
    lab.seed(7)
    print("seed 7:", [count_words(["tea"] * 1000) for run in range(3)])
    lab.seed(None)
    """, tag="seeded-tally"),
    md("""
    The seeded runs count {{seeded_runs}}: some tallies were lost each
    time. How rare is that? `lab.explore` with `preemptions=1` tries every
    schedule in which a worker is interrupted at most once, for a text of
    only two words:
    """),
    code("""
    report = lab.explore(lambda: count_words(["tea", "tea"]), preemptions=1)
    print("schedules:", report.schedules)
    for outcome, count in sorted(report.outcomes.items()):
        print("%s: %d schedules" % (outcome, count))
    """, tag="explore-tally"),
    md("""
    Of {{tally_schedules}} schedules, {{tally_right}} count both words and
    {{tally_lost}} count only one: a lost update, rare enough that a
    thousand-word test can pass three times in a row. A test shows that
    *some* schedules work; only every schedule shows that *all* do.

    ## Fix it: return results, don't share them

    Let each task **return** its count, and add the counts up in the
    thread that collects the futures. No task writes anything another task
    reads, so nothing can be lost, and the same code would work with
    processes.
    """),
    code("""
    def tally_one(word):
        return 1 if word == "tea" else 0

    def count_words_safely(words):
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = [pool.submit(tally_one, word) for word in words]
            return sum(future.result() for future in futures)

    report = lab.explore(lambda: count_words_safely(["tea", "tea"]), preemptions=1)
    print("schedules:", report.schedules)
    print("outcomes:", report.outcomes)
    """, tag="explore-safe-tally"),
    md("""
    All {{safe_schedules}} schedules give 2. (There are more schedules than
    before because the collecting thread now waits on each future, and
    each wait is a point where another thread may run; none of them
    matters.)

    ## Exercise

    Write `fetch_all(fetch, pages)`. It must call `fetch(page)` for every
    page **in a ThreadPoolExecutor, all at the same time**, and return a
    dictionary from each page to its result. When a call raises, that
    page's value must be the text `"error: "` followed by the exception's
    message, and the other pages must still come back.

    The check calls your function with a `fetch` of its own, which waits a
    little and fails for one page, and tells you what went wrong and why.
    """),
    code("""
    def fetch_all(fetch, pages):
        results = {}
        # your code here
        return results
    """),
    code("""
    from checks import futures as futures_check
    futures_check.check(fetch_all)
    """, tag="exercise-check"),
    md("""
    ### One possible answer

    Try it yourself before you read this.
    """),
    code("""
    def fetch_all(fetch, pages):
        results = {}
        with ThreadPoolExecutor(max_workers=len(pages) or 1) as pool:
            futures = {page: pool.submit(fetch, page) for page in pages}
        for page, future in futures.items():
            try:
                results[page] = future.result()
            except Exception as error:
                results[page] = "error: %s" % error
        return results

    futures_check.check(fetch_all)
    """, tag="exercise-solution"),
    md("""
    ## Recap

    - `pool.submit(fn, ...)` returns a future at once; `future.result()`
      waits for the value, and raises the call's exception if it failed.
    - `as_completed` gives futures in the order they finish; `map` gives
      results in the order of the inputs.
    - For computing, a `multiprocessing.Pool` uses every core; a pool of
      threads, with the GIL on, uses one.
    - Processes work on copies: change a list in a worker and the parent's
      list stays as it was. Return what you need.
    - A test that passes shows that some schedules work, not all of them;
      returning results instead of sharing them removes the race.

    Next: [Lesson 9: Free-threaded Python](09-free-threading.ipynb).
    """),
]

# ---------------------------------------------------------------------------
FREE = [
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

    Back to the [index](00-index.ipynb).
    """),
]

LESSONS = [
    ("08-parallel-results.ipynb", RESULTS),
    ("09-free-threading.ipynb", FREE),
]
