"""Lesson 8: results from parallel work (futures, pools of threads and
processes, copy semantics, and "tested" is not "correct").

The same conventions as lessons_text.py (md, code, {{name}} claims);
notebooks/build.py renders it (MODULES), and
notebooks/tests/test_lesson_results.py checks it.
"""
from lessons_text import code, md

FILENAME = "08-parallel-results.ipynb"

CLAIMS = {
    "futures_first": {"tag": "as-completed", "pattern": r"first back: (\w+)"},
    "futures_all": {"tag": "as-completed", "pattern": r"- all: (\[[^\]]*\])"},
    "futures_map": {"tag": "as-completed", "pattern": r"map order: (\[[^\]]*\])"},
    "seeded_runs": {"tag": "seeded-tally", "pattern": r"seed 7: (\[[^\]]*\])"},
    "tally_schedules": {"tag": "explore-tally", "pattern": r"schedules: (\d+)"},
    "tally_lost": {"tag": "explore-tally", "pattern": r"(?m)^1: (\d+) schedules"},
    "tally_right": {"tag": "explore-tally", "pattern": r"(?m)^2: (\d+) schedules"},
    "safe_schedules": {"tag": "explore-safe-tally", "pattern": r"schedules: (\d+)"},
}

VALUES = {
    "futures_first": "kettle",
    "futures_all": "['kettle', 'coffee', 'tea']",
    "futures_map": "[3, 1, 2]",
    "seeded_runs": "[979, 971, 984]",
    "tally_schedules": "151",
    "tally_lost": "6",
    "tally_right": "145",
    "safe_schedules": "856",
}

CELLS = [
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
