# Start methods and contexts: threadlab starts every process like fork,
# and names processes and pool workers after the context, as CPython does.
import multiprocessing as mp


def name(_):
    return mp.current_process().name


if __name__ == "__main__":
    mp.freeze_support()
    print(mp.get_start_method(allow_none=True), sorted(mp.get_all_start_methods()))
    mp.set_start_method("fork")
    try:
        mp.set_start_method("spawn")
    except RuntimeError as e:
        print("RuntimeError:", e)
    mp.set_start_method("fork", force=True)
    print(mp.get_start_method())
    try:
        mp.get_context("threads")
    except ValueError as e:
        print("ValueError:", e)
    for method in (None, "fork", "spawn", "forkserver"):
        ctx = mp.get_context(method)
        p = ctx.Process(target=name, args=(0,))
        p.start()
        p.join()
        print(method, ctx.get_start_method(), p.name, p.exitcode)
    with mp.get_context("fork").Pool(1) as pool:
        print(pool.map(name, [1, 2]))
    q = mp.get_context().Queue()
    q.put("through a context's queue")
    print(q.get())
