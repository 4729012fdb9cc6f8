"""Thread-based parallelism (threadlab: threads run on threadlab's runtime)."""

import _threadlab
from collections import deque as _deque
from time import monotonic as _time

get_ident = _threadlab.get_ident
get_native_id = _threadlab.get_ident
DeadlockError = _threadlab.DeadlockError
Lock = _threadlab.LockType
_RLock = _threadlab.RLockType
TIMEOUT_MAX = 9223372036.0
ThreadError = RuntimeError  # as in CPython, where _thread.error is RuntimeError

_stack_size = 0
# What settrace and setprofile gave: each thread started later sets them
# (as sys.settrace would) before it calls run(); the host reads them.
_trace_hook = None
_profile_hook = None


def settrace(func):
    """Set a trace function (as sys.settrace) for every thread started
    from now on, before its run() is called."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """The trace function settrace() set, or None."""
    return _trace_hook


def setprofile(func):
    """Set a profile function (as sys.setprofile) for every thread started
    from now on, before its run() is called."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """The profile function setprofile() set, or None."""
    return _profile_hook


def stack_size(size=0):
    """The stack size asked for new threads, set to size (0: the
    default). threadlab's threads grow their stacks as they need, so the
    size is only kept; the old one is returned, as CPython does."""
    global _stack_size
    if size < 0:
        raise ValueError("size must be 0 or a positive value")
    if 0 < size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    old, _stack_size = _stack_size, size
    return old


def RLock(*args, **kwargs):
    """A reentrant lock: the thread that holds it may take it again."""
    return _RLock(*args, **kwargs)


class _Deadline:
    """When a wait with a timeout gives up; a timeout of None never does."""

    def __init__(self, timeout):
        self._at = None
        if timeout is not None:
            # Compared first, a timeout of the wrong type fails as CPython's does.
            self._at = _time() + (timeout if timeout > 0 else 0)

    def left(self):
        """Seconds still to wait: None for no limit, 0 or less once past."""
        if self._at is None:
            return None
        return self._at - _time()


def _holds(lock):
    # Our locks can tell whether the caller may wait or notify; a lock-like
    # object from elsewhere is trusted.
    held = getattr(lock, "_held", None)
    return held is None or held()


class _ConditionBase:
    """What threading's Condition and multiprocessing's share. A subclass
    sets _lock, _sleepers (its sleeping threads, which len counts) and
    _what (how a lost-wakeup report names it), and has _sleep(timeout,
    what), which waits once, the lock held, for a notify or the timeout."""

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._sleepers))

    def wait_for(self, predicate, timeout=None):
        return self._until(predicate, timeout, self._what)

    def _until(self, predicate, timeout, what):
        # Waits, the lock held, until predicate() is true or timeout
        # seconds have gone by; returns predicate()'s last value.
        deadline = _Deadline(timeout)
        while True:
            outcome = predicate()
            if outcome:
                return outcome
            left = deadline.left()
            if left is not None and left <= 0:
                return outcome
            self._sleep(left, what)


class Condition(_ConditionBase):
    """Lets threads wait until another thread notifies them."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        # One runtime lock per sleeping thread, oldest first: notify wakes
        # a sleeper by releasing its lock.
        self._sleepers = _deque()
        self._what = "a Condition"  # how a lost-wakeup report names it

    def acquire(self, *args, **kwargs):
        return self._lock.acquire(*args, **kwargs)

    def release(self):
        return self._lock.release()

    def wait(self, timeout=None):
        return self._sleep(timeout, self._what)

    def _sleep(self, timeout, what):
        # what names the wait in a lost-wakeup report.
        if not _holds(self._lock):
            raise RuntimeError("cannot wait on un-acquired lock")
        limit = None if timeout is None else (timeout if timeout > 0 else 0)
        gate = _threadlab.waiter(what, self)
        wait = getattr(self._lock, "_wait", None)
        if wait is not None:
            # Our own lock: one call lists the gate, gives the lock up,
            # waits and takes the lock back, so that no step falls where an
            # interrupt would leave the lock given up.
            return wait(gate, self._sleepers, limit)
        return self._sleep_on(gate, limit)

    def _sleep_on(self, gate, limit):
        # A lock-like object from elsewhere, released and taken back here:
        # as with CPython's Condition, an interrupt that lands between the
        # release and the try leaves the lock released.
        self._sleepers.append(gate)
        self._lock.release()
        woken = False
        try:
            woken = gate.acquire() if limit is None else gate.acquire(True, limit)
            return woken
        finally:
            self._lock.acquire()
            if not woken and gate in self._sleepers:
                self._sleepers.remove(gate)

    def notify(self, n=1):
        if not _holds(self._lock):
            raise RuntimeError("cannot notify on un-acquired lock")
        for _ in range(min(n, len(self._sleepers))):
            self._sleepers.popleft().release()

    def notify_all(self):
        self.notify(len(self._sleepers))

    notifyAll = notify_all


class Semaphore:
    """A counter of permits: acquire takes one, waiting while there are none."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return "<%s at %s: value=%d>" % (_qualname(self), _hexid(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        with self._cond:
            if blocking:
                self._cond._until(self._available, timeout, "a Semaphore")
            if not self._available():
                return False
            self._value -= 1
            return True

    __enter__ = acquire

    def _available(self):
        return self._value > 0

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._check_room(n)
            self._value += n
            self._cond.notify(n)

    def _check_room(self, n):
        pass

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released more often than acquired."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._limit = value

    def __repr__(self):
        return "<%s at %s: value=%d/%d>" % (_qualname(self), _hexid(self), self._value, self._limit)

    def _check_room(self, n):
        if self._value + n > self._limit:
            raise ValueError("Semaphore released too many times")


class Event:
    """A flag that threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False
        # Counts set() calls, so that a waiter woken by a set() returns True
        # even if clear() came before it ran again.
        self._sets = 0

    def __repr__(self):
        return "<%s at %s: %s>" % (_qualname(self), _hexid(self), "set" if self._flag else "unset")

    def is_set(self):
        # Under the lock that set() and clear() hold, so that exploring
        # sees the read (a lock is a scheduling point; a library's plain
        # reads are not) and tries it on either side of a set().
        with self._cond:
            return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._sets += 1
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            seen = self._sets
            return self._cond._until(lambda: self._flag or self._sets != seen, timeout, "an Event")


class BrokenBarrierError(RuntimeError):
    pass


class _Round:
    """One filling of a Barrier; ended says how it ended."""

    def __init__(self):
        self.arrived = 0
        self.ended = None  # _PASSED or _FAILED


_PASSED, _FAILED = "passed", "failed"


class Barrier:
    """Makes a fixed number of threads wait until all of them have arrived."""

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._round = _Round()
        self._broken = False
        self._acting = None  # the ident of the thread running the action

    def __repr__(self):
        broken, waiting = self._read(lambda: (self._broken, self._waiting()))
        if broken:
            return "<%s at %s: broken>" % (_qualname(self), _hexid(self))
        return "<%s at %s: waiters=%d/%d>" % (_qualname(self), _hexid(self), waiting, self._parties)

    def _read(self, read):
        # The state changes with the lock held, so it is read with the lock
        # too: a repr is of one moment, and exploring sees the reads. The
        # thread running the action holds the lock already.
        if self._acting == get_ident():
            return read()
        with self._cond:
            return read()

    def _waiting(self):
        return 0 if self._broken else self._round.arrived

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            if self._broken:
                raise BrokenBarrierError
            mine = self._round
            index = mine.arrived
            mine.arrived += 1
            if mine.arrived == self._parties:
                self._trip()
                return index
            if not self._cond._until(lambda: mine.ended is not None, timeout, "a Barrier"):
                self._break()
            if mine.ended is _FAILED:
                raise BrokenBarrierError
            return index

    def _trip(self):
        # The last party runs the action, then lets the round go; the
        # next round starts empty at once.
        if self._action is not None:
            self._acting = get_ident()
            try:
                self._action()
            except BaseException:
                self._break()
                raise
            finally:
                self._acting = None
        self._end_round(_PASSED)

    def _end_round(self, how):
        self._round.ended = how
        self._round = _Round()
        self._cond.notify_all()

    def _break(self):
        self._broken = True
        self._end_round(_FAILED)

    def reset(self):
        with self._cond:
            self._broken = False
            if self._round.arrived:
                self._end_round(_FAILED)

    def abort(self):
        with self._cond:
            self._break()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._read(self._waiting)

    @property
    def broken(self):
        return self._read(lambda: self._broken)


def _qualname(obj):
    return "%s.%s" % (type(obj).__module__, type(obj).__qualname__)


def _hexid(obj):
    return "0x%x" % id(obj)


class Thread:
    """A thread of control: run() runs in it once start() is called."""

    _made = False  # set by __init__; a subclass may forget to call it

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._name = str(name) if name else _default_name(target)
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._handle = None  # from _threadlab.start
        self._ident = None
        self._made = True

    def _check_made(self, message):
        if not self._made:
            raise RuntimeError(message)

    def __repr__(self):
        assert self._made, "Thread.__init__() was not called"
        words = [self._status()]
        if self._daemonic:
            words.append("daemon")
        if self._ident is not None:
            words.append(str(self._ident))
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, " ".join(words))

    def _status(self):
        if not self._begun():
            return "initial"
        return "started" if self.is_alive() else "stopped"

    def _begun(self):
        return self._handle is not None

    def start(self):
        self._check_made("thread.__init__() not called")
        if self._begun():
            raise RuntimeError("threads can only be started once")
        self._handle = _threadlab.start(self, self._name, self._daemonic, _invoke_excepthook)

    def run(self):
        call = self._target, self._args, self._kwargs
        # A finished thread keeps nothing of its call alive.
        self._target = self._args = self._kwargs = None
        target, args, kwargs = call
        if target is not None:
            target(*args, **kwargs)

    def join(self, timeout=None):
        self._check_made("Thread.__init__() not called")
        if not self._begun():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        self._handle.join(timeout)

    def is_alive(self):
        assert self._made, "Thread.__init__() not called"
        return self._begun() and self._handle.is_alive()

    @property
    def name(self):
        assert self._made, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._made, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        assert self._made, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._made, "Thread.__init__() not called"
        return self._ident

    @property
    def daemon(self):
        assert self._made, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        self._check_made("Thread.__init__() not called")
        if self._begun():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


def _default_name(target):
    # Thread-N, and the target's name in brackets when it has one.
    name = "Thread-%d" % _threadlab.next_number()
    label = getattr(target, "__name__", None) if target is not None else None
    return name if label is None else "%s (%s)" % (name, label)


class _MainThread(Thread):
    """The thread the program began on: it runs as long as the program."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._ident = _threadlab.main_ident()

    def _begun(self):
        return True

    def is_alive(self):
        return True


class Timer(Thread):
    """Calls a function after a number of seconds, unless cancelled first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        # The Event doubles as the timer: set early, it is a cancel.
        cancelled = self.finished.wait(self.interval)
        if not cancelled:
            self.function(*self.args, **self.kwargs)
        self.finished.set()


_main_thread = None


def current_thread():
    t = _threadlab.current()
    if t is None:
        return _main_thread
    return t


currentThread = current_thread


def main_thread():
    return _main_thread


def enumerate():
    return _threadlab.threads()


def active_count():
    return len(_threadlab.threads())


activeCount = active_count


class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread


def excepthook(args, /):
    """Prints an exception a thread's run() raised, as CPython does."""
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    _threadlab.print_exception("Exception in thread %s:" % name, args.exc_value)


__excepthook__ = excepthook


def _invoke_excepthook(thread, exc):
    excepthook(ExceptHookArgs(type(exc), exc, None, thread))


class local:
    """Attributes that each thread sees on its own."""

    # Each thread's attributes live in a dict of their own, keyed by the
    # thread's ident, and made (with __init__ run again) on its first use.

    def __new__(cls, *args, **kw):
        if (args or kw) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, "_tl_by_thread", {get_ident(): {}})
        object.__setattr__(self, "_tl_init_args", (args, kw))
        return self

    def _tl_mine(self):
        by_thread = object.__getattribute__(self, "_tl_by_thread")
        me = get_ident()
        if me in by_thread:
            return by_thread[me]
        attrs = by_thread[me] = {}
        init = type(self).__init__
        if init is not object.__init__:
            args, kw = object.__getattribute__(self, "_tl_init_args")
            init(self, *args, **kw)
        return attrs

    def __getattribute__(self, name):
        if name.startswith("_tl_") or (name.startswith("__") and name.endswith("__") and name != "__dict__"):
            return object.__getattribute__(self, name)
        attrs = object.__getattribute__(self, "_tl_mine")()
        if name == "__dict__":
            return attrs
        if name in attrs:
            return attrs[name]
        try:
            return object.__getattribute__(self, name)
        except AttributeError:
            raise AttributeError("'%s' object has no attribute '%s'" % (_local_name(self), name)) from None

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError("'%s' object attribute '__dict__' is read-only" % _local_name(self))
        object.__getattribute__(self, "_tl_mine")()[name] = value

    def __delattr__(self, name):
        attrs = object.__getattribute__(self, "_tl_mine")()
        if name not in attrs:
            raise AttributeError(name)
        del attrs[name]


def _local_name(obj):
    if type(obj) is local:
        return "_thread._local"
    return type(obj).__name__


_main_thread = _MainThread()
_threadlab.set_main(_main_thread)
