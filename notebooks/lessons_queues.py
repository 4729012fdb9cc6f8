"""Lesson 7, producer and consumer with queue.Queue: task_done and join, a
sentinel per worker, and why empty() before get() is a race.
notebooks/build.py turns CELLS into 07-producer-consumer.ipynb; the
conventions (md, code, {{name}} claims) are lessons_text.py's.
"""
from lessons_text import code, md

FILENAME = "07-producer-consumer.ipynb"

# Where each number quoted in the prose comes from (see lessons_text.CLAIMS).
CLAIMS = {
    "one_sentinel_schedules": {"tag": "explore-one-sentinel", "pattern": r"schedules: (\d+)"},
    "one_sentinel_deadlocks": {"tag": "explore-one-sentinel", "pattern": r"deadlocks: (\d+)"},
    "two_sentinels_schedules": {"tag": "explore-two-sentinels", "pattern": r"schedules: (\d+)"},
    "hasty_schedules": {"tag": "explore-hasty", "pattern": r"schedules: (\d+)"},
    "hasty_deadlocks": {"tag": "explore-hasty", "pattern": r"deadlocks: (\d+)"},
}

# The numbers themselves, copied from a seeded run of the notebook.
VALUES = {
    "one_sentinel_schedules": "304",
    "one_sentinel_deadlocks": "304",
    "two_sentinels_schedules": "324",
    "hasty_schedules": "44",
    "hasty_deadlocks": "3",
}

CELLS = [
    md("""
    # Lesson 7: Producer and consumer with a Queue

    By the end of this lesson you can hand work from one thread to several
    workers through a `queue.Queue`, wait until every piece of work is
    done, and stop the workers cleanly, with a check that every schedule
    ends.
    """),
    md("""
    **Prerequisites:** [Lesson 6: Coordination](06-coordination.ipynb).
    """),
    md("""
    ## Predict, then run: a kitchen

    In lesson 6 you built a bounded buffer from a Condition. Python's
    `queue.Queue` is that buffer, ready-made and tested: `put()` adds an
    item (and waits while a bounded queue is full), `get()` takes the
    oldest item and waits while the queue is empty.

    A queue also counts unfinished work. Each `put()` adds one; a worker
    calls `task_done()` when it has finished an item it got; `join()` waits
    until the count is back to 0. To tell a worker to stop, the producer
    puts a **sentinel**, a value that is not work, here `None`.
    """),
    code("""
    import threading, queue

    def chef(orders):
        while True:
            dish = orders.get()
            if dish is None:               # the sentinel: no more orders
                orders.task_done()
                return
            print(threading.current_thread().name, "cooks", dish)
            orders.task_done()
    """),
    code("""
    def kitchen(dishes, chefs=("ida", "jo"), sentinels=2):
        orders = queue.Queue()
        team = [threading.Thread(target=chef, args=(orders,), name=n) for n in chefs]
        for member in team:
            member.start()
        for dish in dishes:
            orders.put(dish)
        for _ in range(sentinels):
            orders.put(None)
        orders.join()                      # every order taken and done
        for member in team:
            member.join()
        return "closed"
    """),
    md("""
    Two chefs, three dishes. **Predict:** does each chef cook some of the
    dishes?
    """),
    code("""
    lab.seed(4)
    kitchen(["soup", "pasta", "cake"])
    """, tag="kitchen"),
    md("""
    With this seed `jo` cooked all three dishes and `ida` none. Nothing
    went wrong: a queue promises that each item goes to exactly one worker,
    not that the work is shared out evenly.

    ## Look closer: who waited

    The table shows the queue's inner lock and everyone who waited for it.
    """),
    code("""
    lab.trace()
    """, tag="kitchen-trace"),
    md("""
    At step 2 `ida` *waits for orders's lock, held by MainThread*: the main
    thread was putting the orders in. By the time ida got the lock, jo had
    been quicker. The last rows are the main thread's `join()`: it returns
    once every order, the sentinels too, has had its `task_done()`. At
    step 42 `jo`'s last `task_done()` *wakes MainThread*.
    """, rows=[("kitchen-trace", 2, "ida", "waits for orders's lock, held by MainThread"),
               ("kitchen-trace", 42, "jo", "wakes MainThread")]),
    md("""
    ## Make it repeatable: one sentinel too few

    Each chef stops at the first `None` it gets, so two chefs need two
    sentinels. **Predict:** what happens with only one? `lab.explore` runs
    every schedule with at most one preemption; the same exploration gives
    the same counts every time.
    """),
    code("""
    def summary(found):
        print("schedules:", found.schedules, " deadlocks:", found.deadlocks)
        for ending, count in sorted(found.outcomes.items(), key=str):
            print("%s: %d" % (ending, count))

    found = lab.explore(lambda: kitchen(["soup"], sentinels=1), preemptions=1)
    summary(found)
    """, tag="explore-one-sentinel"),
    md("""
    All {{one_sentinel_schedules}} schedules end in a deadlock
    ({{one_sentinel_deadlocks}} of them): one chef got the only `None` and
    went home, the other waits in `get()` for an order that never comes,
    and `join()` in the kitchen waits for that chef.

    ## Fix it: one sentinel per worker
    """),
    code("""
    found = lab.explore(lambda: kitchen(["soup"]), preemptions=1)
    summary(found)
    """, tag="explore-two-sentinels"),
    md("""
    All {{two_sentinels_schedules}} schedules close the kitchen.

    ### "I can check `empty()` first": you cannot

    A common shortcut is a worker that loops `while not orders.empty():`
    and then calls `get()`, with no sentinel. It looks safe, because the
    queue is thread-safe. But each call is safe on its own; the pair is
    not. Between the check and the `get()`, another worker can take the
    last item: a check-then-act race, like lesson 2's.
    """),
    code("""
    def hasty_chef(orders):
        while not orders.empty():
            dish = orders.get()
            orders.task_done()

    def hasty_kitchen():
        orders = queue.Queue()
        orders.put("soup")
        team = [threading.Thread(target=hasty_chef, args=(orders,), name=n) for n in ("ida", "jo")]
        for member in team:
            member.start()
        for member in team:
            member.join()
        return "closed"
    """),
    code("""
    found = lab.explore(hasty_kitchen, preemptions=1)
    summary(found)
    """, tag="explore-hasty"),
    md("""
    {{hasty_deadlocks}} of {{hasty_schedules}} schedules never close. Look
    at one.
    """),
    code("""
    found.example("deadlock")
    """, tag="example-hasty"),
    md("""
    At step 3 `ida` sees that the queue is not empty. Before she calls
    `get()`, `jo` checks too and takes the soup (step 7). At step 15 ida
    *waits for a notify of a Queue's get*: nobody will ever put another
    item. On CPython this schedule is rare, so tests pass; it is still
    there. A sentinel per worker needs no `empty()` at all.
    """, rows=[("example-hasty", 3, "ida", "acquire orders's lock"),
               ("example-hasty", 7, "jo", "acquire orders's lock"),
               ("example-hasty", 15, "ida", "waits for a notify of a Queue's get")]),
    md("""
    ## Exercise

    Write `squarer(tasks, results)`: it takes numbers from the queue
    `tasks` until it gets `None`, puts each number's square on the queue
    `results`, and calls `tasks.task_done()` for every item it takes, the
    sentinel too. The check runs one worker alone, then two workers under
    every schedule, each time with fresh queues.
    """),
    code("""
    def squarer(tasks, results):
        number = tasks.get()
        results.put(number * number)
    """),
    code("""
    from checks import queue_workers

    queue_workers.check(squarer)
    """, tag="exercise-check"),
    md("""
    ### One possible answer
    """),
    code("""
    def good_squarer(tasks, results):
        while True:
            number = tasks.get()
            if number is None:
                tasks.task_done()
                return
            results.put(number * number)
            tasks.task_done()

    queue_workers.check(good_squarer)
    """, tag="exercise-solution"),
    md("""
    ## Recap

    - `queue.Queue` is a ready-made bounded buffer: `get()` waits for an
      item, `put()` waits for room.
    - `task_done()` for every item taken and `join()` let the producer wait
      until all work is finished.
    - Stop workers with a sentinel, one per worker.
    - `empty()` followed by `get()` is a check-then-act race; let `get()`
      do the waiting.

    Back to the [index](00-index.ipynb).
    """),
]
