"""Running callables in a pool of threads or of processes."""

import _threadlab
import threading
from collections import deque as _deque
from time import monotonic as _time

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_PENDING, _RUNNING, _CANCELLED, _FINISHED = "PENDING", "RUNNING", "CANCELLED", "FINISHED"


class Error(Exception):
    pass


class CancelledError(Error):
    pass


class TimeoutError(Error, TimeoutError):
    pass


class InvalidStateError(Error):
    pass


class BrokenExecutor(RuntimeError):
    """An executor that can run nothing more: a worker failed to start."""


class BrokenThreadPool(BrokenExecutor):
    """A ThreadPoolExecutor whose initializer failed."""

    __module__ = "concurrent.futures.thread"


class BrokenProcessPool(BrokenExecutor):
    """A ProcessPoolExecutor whose worker process ended while it ran."""

    __module__ = "concurrent.futures.process"


class Future:
    """The result of a call that may not have finished yet."""

    def __init__(self):
        self._cond = threading.Condition()
        self._cond._what = "a Future's result"
        self._phase = _PENDING
        self._value = None
        self._error = None
        self._on_done = []

    def __repr__(self):
        with self._cond:
            if self._phase == _FINISHED:
                if self._error is not None:
                    return "<Future at 0x%x state=finished raised %s>" % (id(self), type(self._error).__name__)
                return "<Future at 0x%x state=finished returned %s>" % (id(self), type(self._value).__name__)
            return "<Future at 0x%x state=%s>" % (id(self), self._phase.lower())

    def cancel(self):
        with self._cond:
            if self._phase in (_RUNNING, _FINISHED):
                return False
            if self._phase != _CANCELLED:
                self._phase = _CANCELLED
                self._cond.notify_all()
        self._call_back()
        return True

    def cancelled(self):
        with self._cond:
            return self._phase == _CANCELLED

    def running(self):
        with self._cond:
            return self._phase == _RUNNING

    def done(self):
        with self._cond:
            return self._settled()

    def _settled(self):
        return self._phase in (_CANCELLED, _FINISHED)

    def _wait(self, timeout):
        if not self._cond.wait_for(self._settled, timeout):
            raise TimeoutError()
        if self._phase == _CANCELLED:
            raise CancelledError()

    def result(self, timeout=None):
        with self._cond:
            self._wait(timeout)
            if self._error is not None:
                raise self._error
            return self._value

    def exception(self, timeout=None):
        with self._cond:
            self._wait(timeout)
            return self._error

    def add_done_callback(self, fn):
        with self._cond:
            if not self._settled():
                self._on_done.append(fn)
                return
        fn(self)

    def set_running_or_notify_cancel(self):
        with self._cond:
            if self._phase == _CANCELLED:
                return False
            if self._phase != _PENDING:
                raise RuntimeError("Future in unexpected state")
            self._phase = _RUNNING
            return True

    def set_result(self, result):
        with self._cond:
            if self._settled():
                raise InvalidStateError("%s: %r" % (self._phase, self))
            self._value = result
            self._phase = _FINISHED
            self._cond.notify_all()
        self._call_back()

    def set_exception(self, exception):
        with self._cond:
            if self._settled():
                raise InvalidStateError("%s: %r" % (self._phase, self))
            self._error = exception
            self._phase = _FINISHED
            self._cond.notify_all()
        self._call_back()

    def _call_back(self):
        with self._cond:
            callbacks, self._on_done = self._on_done, []
        for fn in callbacks:
            try:
                fn(self)
            except Exception as e:
                print("exception calling callback for %r: %r" % (self, e))


class Executor:
    """Runs calls asynchronously; use as a context manager to shut down."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        # Every call is submitted at once; timeout counts from now for all
        # the results together, and leaving early cancels what is left.
        deadline = None if timeout is None else _time() + timeout
        pending = _deque(self.submit(fn, *call) for call in zip(*iterables))

        def results():
            try:
                while pending:
                    left = None if deadline is None else deadline - _time()
                    yield pending[0].result(left)
                    pending.popleft()
            finally:
                while pending:
                    pending.popleft().cancel()
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class ThreadPoolExecutor(Executor):
    """Runs calls on a pool of at most max_workers threads."""

    _pools_made = 0  # numbers the default thread name prefixes

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            import multiprocessing
            max_workers = min(32, multiprocessing.cpu_count() + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._work = []
        self._cond = threading.Condition()
        self._cond._what = "work for a ThreadPoolExecutor"
        self._threads = []
        self._idle = 0
        self._shutdown = False
        self._broken = None  # why, once the initializer has failed
        self._initializer = initializer
        self._initargs = initargs
        self._prefix = thread_name_prefix or "ThreadPoolExecutor-%d" % ThreadPoolExecutor._pools_made
        ThreadPoolExecutor._pools_made += 1

    def submit(self, fn, /, *args, **kwargs):
        with self._cond:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future()
            self._work.append((f, fn, args, kwargs))
            if self._idle > 0:
                self._idle -= 1
                self._cond.notify()
            elif len(self._threads) < self._max_workers:
                t = threading.Thread(name="%s_%d" % (self._prefix, len(self._threads)), target=self._worker)
                self._threads.append(t)
                t.start()
            return f

    def _worker(self):
        if self._initializer is not None:
            try:
                self._initializer(*self._initargs)
            except BaseException as failure:
                _threadlab.print_exception("Exception in initializer:", failure)
                self._initializer_failed()
                return
        while True:
            with self._cond:
                while not self._work and not self._shutdown:
                    self._idle += 1
                    self._cond.wait()
                if not self._work:
                    return
                f, fn, args, kwargs = self._work.pop(0)
            if not f.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args, **kwargs)
            except BaseException as e:
                f.set_exception(e)
            else:
                f.set_result(result)

    def _initializer_failed(self):
        # No call can run now: every one waiting fails, and so will
        # every later submit.
        with self._cond:
            self._broken = "A thread initializer failed, the thread pool is not usable anymore"
            for f, _, _, _ in self._work:
                if f.set_running_or_notify_cancel():
                    f.set_exception(BrokenThreadPool(self._broken))
            self._work = []
            self._cond.notify_all()

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._cond:
            self._shutdown = True
            if cancel_futures:
                for f, _, _, _ in self._work:
                    f.cancel()
                self._work = []
            self._cond.notify_all()
        if wait:
            for t in list(self._threads):
                t.join()


class ProcessPoolExecutor(Executor):
    """Runs calls in a pool of max_workers processes (a multiprocessing.Pool)."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *, max_tasks_per_child=None):
        import multiprocessing
        if max_workers is None:
            max_workers = multiprocessing.cpu_count()
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._lock = threading.Lock()
        self._shutdown = False
        self._broken = None  # why, once a worker has ended early
        self._pending = set()  # futures not yet settled
        self._pool = multiprocessing.Pool(max_workers, initializer, initargs, _worker_name="ForkProcess",
                                          _on_worker_lost=self._worker_lost)

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            f = Future()
            f.set_running_or_notify_cancel()
            self._pending.add(f)
            f.add_done_callback(self._settled)
            self._pool.apply_async(fn, args, kwargs, callback=f.set_result, error_callback=f.set_exception)
            return f

    def _settled(self, f):
        with self._lock:
            self._pending.discard(f)

    def _worker_lost(self):
        # A worker ended while the pool ran (its initializer failed, or it
        # was killed): what it ran is lost, so every call still waiting
        # fails, and the other workers are stopped.
        with self._lock:
            if self._broken:
                return
            self._broken = "A child process terminated abruptly, the process pool is not usable anymore"
            pending, self._pending = self._pending, set()
        for f in pending:
            f.set_exception(BrokenProcessPool(
                "A process in the process pool was terminated abruptly while the future was running or pending."))
        self._pool.terminate()

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._lock:
            self._shutdown = True
        self._pool.close()
        if wait:
            self._pool.join()


def as_completed(fs, timeout=None):
    """Yields the futures of fs as they finish."""
    fs = list(dict.fromkeys(fs))
    done = threading.Condition()
    done._what = "a future to finish (as_completed)"
    finished = []

    def note(f):
        with done:
            finished.append(f)
            done.notify()
    for f in fs:
        f.add_done_callback(note)
    end = None if timeout is None else _time() + timeout
    yielded = 0
    while yielded < len(fs):
        with done:
            while not finished:
                remaining = None if end is None else end - _time()
                if remaining is not None and remaining <= 0:
                    raise TimeoutError("%d (of %d) futures unfinished" % (len(fs) - yielded, len(fs)))
                done.wait(remaining)
            f = finished.pop(0)
        yielded += 1
        yield f


class DoneAndNotDoneFutures(tuple):
    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures of fs; returns (done, not_done) sets."""
    fs = set(fs)
    cond = threading.Condition()
    cond._what = "futures to finish (wait)"

    def note(f):
        with cond:
            cond.notify_all()
    for f in fs:
        f.add_done_callback(note)

    def ready():
        done = {f for f in fs if f.done()}
        if return_when == FIRST_COMPLETED:
            return len(done) > 0
        if return_when == FIRST_EXCEPTION:
            if any(not f.cancelled() and f.exception() is not None for f in done):
                return True
        return len(done) == len(fs)
    with cond:
        cond.wait_for(ready, timeout)
    done = {f for f in fs if f.done()}
    return DoneAndNotDoneFutures(done, fs - done)
