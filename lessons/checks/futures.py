"""The check of lesson 8's exercise: fetch_all with a ThreadPoolExecutor.

check(fetch_all) takes the function itself. fetch_all(fetch, pages) must
call fetch(page) for every page in a pool of threads, all at the same
time, and return a dict from each page to its result; a page whose fetch
raised maps to "error: " and the exception's message. Every try runs
with a fetch of the check's own, in fresh threads, under a seed (so its
waits take no real time and the run is the same every time), and looks at
what the calls really did: which threads ran them, how many ran at once.
"""
import threading
import time

import lab

PAGES = ("home", "news", "shop", "help")
BROKEN = "shop"
SEED = 3
WAIT = 0.2  # seconds of virtual time each fetch takes


class _Recorder:
    """A fetch that waits, remembers who called it and how many calls ran
    at once, returns "<page> page" and fails for BROKEN."""

    def __init__(self):
        self.guard = threading.Lock()
        self.calls = []       # (page, name of the calling thread)
        self.running = 0
        self.most = 0

    def __call__(self, page):
        with self.guard:
            self.calls.append((page, threading.current_thread().name))
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            time.sleep(WAIT)
            if page == BROKEN:
                raise ValueError("%s is down" % page)
            return "%s page" % page
        finally:
            with self.guard:
                self.running -= 1


def check(fetch_all):
    """Say whether fetch_all collects every page's result, or its error,
    from calls that ran at the same time in a ThreadPoolExecutor."""
    print(_verdict(fetch_all))


def _run(fetch_all, fetch):
    """fetch_all(fetch, pages) under the seed: (result, error)."""
    lab.seed(SEED)
    try:
        return fetch_all(fetch, list(PAGES)), None
    except Exception as error:
        return None, error
    finally:
        lab.stop()           # end any thread the try left running
        lab.seed(None)


def _is_future(value):
    return callable(getattr(value, "result", None)) and callable(getattr(value, "done", None))


def _verdict(fetch_all):
    if not callable(fetch_all):
        return ("Not yet: pass your function itself, as in check(fetch_all), not %r."
                % (fetch_all,))
    fetch = _Recorder()
    result, error = _run(fetch_all, fetch)
    want_error = "error: %s is down" % BROKEN
    if error is not None:
        if isinstance(error, ValueError) and str(error) == "%s is down" % BROKEN:
            return ("Not yet: fetch_all raised the ValueError of page %r: %s. "
                    "result() raises the call's exception; catch it with try/except "
                    "around result() and store %r for that page."
                    % (BROKEN, error, want_error))
        return ("Not yet: fetch_all(fetch, pages) raised %s: %s. It takes the fetch "
                "function and the list of pages, in that order."
                % (type(error).__name__, error))
    if not isinstance(result, dict):
        return ("Not yet: fetch_all returned %r; it should return a dict from each "
                "page to its result." % (result,))
    if not fetch.calls:
        return "Not yet: fetch was never called. Submit fetch(page) for every page."
    if any(_is_future(value) for value in result.values()):
        return ("Not yet: the values of your dict are futures. Store future.result(), "
                "the value each call returned, not the future itself.")
    missing = [page for page in PAGES if page not in result]
    if missing:
        return ("Not yet: the dict has no entry for %s. Every page needs one, even "
                "after another page failed." % ", ".join(repr(p) for p in missing))
    called = [page for page, _ in fetch.calls]
    twice = sorted(set(page for page in called if called.count(page) > 1))
    if twice:
        return ("Not yet: fetch(%r) was called %d times. Submit each page once and "
                "keep its future." % (twice[0], called.count(twice[0])))
    for page in PAGES:
        if page == BROKEN:
            continue
        if result[page] != "%s page" % page:
            return ("Not yet: the result for %r is %r, but fetch(%r) returned %r."
                    % (page, result[page], page, "%s page" % page))
    got = result[BROKEN]
    if isinstance(got, BaseException):
        return ("Not yet: the value for %r is the exception object %r. Store the "
                "text %r: \"error: \" followed by str(error)." % (BROKEN, got, want_error))
    if got != want_error:
        return ("Not yet: the value for %r is %r, not %r: \"error: \" followed by the "
                "exception's message." % (BROKEN, got, want_error))
    threads = sorted(set(name for _, name in fetch.calls))
    if threads == ["MainThread"]:
        return ("Not yet: every fetch ran in MainThread, one after another. Submit "
                "the calls to a ThreadPoolExecutor.")
    if not all(name.startswith("ThreadPoolExecutor") for name in threads):
        return ("Not yet: fetch ran in %s. Use a ThreadPoolExecutor: it starts and "
                "joins its worker threads for you." % ", ".join(threads))
    if fetch.most < 2:
        return ("Not yet: the calls ran one at a time. Calling result() right after "
                "each submit waits for that page before the next one starts (and so "
                "does max_workers=1). Submit every page first, then collect.")
    return ("Right: all %d pages were fetched at the same time (up to %d at once) in "
            "a ThreadPoolExecutor, and the failing page came back as %r."
            % (len(PAGES), fetch.most, want_error))
