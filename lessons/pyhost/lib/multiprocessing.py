"""Process-based parallelism (threadlab: each process is an interpreter of its own, with its own GIL)."""

import _mp
import _threadlab
import sys
import threading
import queue as _queue
import itertools as _itertools


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def cpu_count():
    """The number of CPUs threadlab's processes can run on."""
    return _mp.cpu_count()


# Exit codes of processes ended by a signal, as repr shows them.
_SIGNALS = {-15: "-SIGTERM", -9: "-SIGKILL"}


def _exit_status(stop):
    """The exit code a SystemExit gives a process: its code if that is an
    int, 0 for None, else 1 after printing the code to stderr."""
    code = stop.code
    if code is None or isinstance(code, int):
        return code or 0
    print(code, file=sys.stderr)
    return 1


class Process:
    """A process: a separate interpreter, with its own GIL, that runs
    target(*args, **kwargs) (or an overriding run()) once started. The
    child gets a copy of this interpreter's __main__ and of the Process
    object as they are at start(), as with fork."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, "group argument must be None for now"
        serial = _current._identity + (next(_numbers),)
        if name is None:
            name = "%s-%s" % (type(self).__name__, ":".join(map(str, serial)))
        self._setup(name, serial, _mp.getpid(), _current._daemon if daemon is None else bool(daemon))
        self._parent_name = _current._name
        self._target, self._args, self._kwargs = target, tuple(args), dict(kwargs)

    def _setup(self, name, serial, parent_pid, daemon):
        self._name = name
        self._identity = serial
        self._parent_pid = parent_pid
        self._daemon = daemon
        self._target, self._args, self._kwargs = None, (), {}
        self._handle = None  # the native process, once started
        self._closed = False
        self._server = False  # a manager's: ended with its owner, as CPython's finalizer does

    def run(self):
        """What the process does: call the target. Override it in a subclass."""
        target = self._target
        if target is not None:
            target(*self._args, **self._kwargs)

    def start(self):
        """Start the process: its run() runs in a copy of this interpreter."""
        self._check_closed()
        assert self._handle is None, "cannot start a process twice"
        assert self._parent_pid == _mp.getpid(), "can only start a process object created by current process"
        assert not _current._daemon, "daemonic processes are not allowed to have children"
        _reap()
        self._handle = _mp.start(self, self._name, self._daemon or self._server)
        _children.append(self)

    def _bootstrap(self):
        # Runs in the child, on its copy of this object; returns the exit code.
        global _current, _numbers, _parent, _children
        _parent = _ParentProcess(self._parent_name, self._parent_pid)
        _current, _numbers, _children = self, _itertools.count(1), []
        try:
            self.run()
        except SystemExit as stop:
            return _exit_status(stop)
        except BaseException as failure:
            _threadlab.print_exception("Process %s:" % self._name, failure)
            return 1
        return 0

    def _child(self, verb):
        """The native handle, for a parent asking about its own child."""
        self._check_closed()
        assert self._parent_pid == _mp.getpid(), "can only %s a child process" % verb
        return self._handle

    def join(self, timeout=None):
        """Wait until the process ends, or for at most timeout seconds."""
        handle = self._child("join")
        assert handle is not None, "can only join a started process"
        if handle.join(timeout):
            _forget(self)

    def is_alive(self):
        if self is _current:
            self._check_closed()
            return True
        handle = self._child("test")
        alive = handle is not None and handle.is_alive()
        if handle is not None and not alive:
            _forget(self)
        return alive

    def terminate(self):
        """End the process at once, as SIGTERM does (exitcode -15)."""
        self._signal("terminate")

    def kill(self):
        """End the process at once, as SIGKILL does (exitcode -9)."""
        self._signal("kill")

    def _signal(self, how):
        self._check_closed()
        if self._handle is None:
            return
        getattr(self._handle, how)()

    def close(self):
        """Free the process object; only once it has ended (or never started)."""
        running = self._handle is not None and self._handle.is_alive()
        if running:
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), "name must be a string"
        self._name = name

    @property
    def daemon(self):
        return self._daemon

    @daemon.setter
    def daemon(self, daemonic):
        assert self._handle is None, "process has already started"
        self._daemon = bool(daemonic)

    @property
    def exitcode(self):
        self._check_closed()
        return None if self._handle is None else self._handle.exitcode()

    @property
    def pid(self):
        self._check_closed()
        if self is _current:
            return _mp.getpid()
        return None if self._handle is None else self._handle.pid()

    ident = pid

    @property
    def sentinel(self):
        """A number that multiprocessing.connection.wait() reports once the
        process has ended."""
        self._check_closed()
        if self._handle is None:
            raise ValueError("process not started")
        _sentinels[self._handle.pid()] = self._handle
        return self._handle.pid()

    @property
    def authkey(self):
        return b"threadlab"

    def _status(self):
        # (pid, word, exit code) for repr; a closed object shows no pid.
        if self is _current:
            return _mp.getpid(), "started", None
        if self._closed:
            return None, "closed", None
        if self._handle is None:
            return None, "initial", None
        code = self._handle.exitcode()
        return self._handle.pid(), ("started" if code is None else "stopped"), code

    def __repr__(self):
        pid, status, code = self._status()
        parts = [type(self).__name__, "name=%r" % self._name]
        if pid is not None:
            parts.append("pid=%s" % pid)
        parts += ["parent=%s" % self._parent_pid, status]
        if code is not None:
            parts.append("exitcode=%s" % _SIGNALS.get(code, code))
        if self._daemon:
            parts.append("daemon")
        return "<%s>" % " ".join(parts)


class _MainProcess(Process):
    def __init__(self):
        self._setup("MainProcess", (), None, False)


class _ParentProcess(Process):
    """What a child knows of its parent: name and pid."""

    def __init__(self, name, pid):
        self._setup(name, (), None, False)
        self._pid = pid

    @property
    def pid(self):
        return self._pid

    ident = pid

    def is_alive(self):
        return True

    def join(self, timeout=None):
        raise AssertionError("can only join a child process")

    def __repr__(self):
        return "<_ParentProcess name=%r parent=%s unknown>" % (self._name, self._pid)


_current = _MainProcess()
_parent = None
_numbers = _itertools.count(1)  # numbers the processes this process starts
_children = []  # the ones it started and has not seen end


def _forget(p):
    if p in _children:
        _children.remove(p)


def _reap():
    for p in list(_children):
        if not p._handle.is_alive():
            _forget(p)


def current_process():
    """The Process object of the process that calls it."""
    return _current


def parent_process():
    """The parent of the calling process, or None in the main process."""
    return _parent


def active_children():
    """The calling process's children that are still running."""
    _reap()
    return list(_children)


# Start methods: every process starts like fork here, whatever a
# program asks for (its copy of __main__ is the fork's).

_start_method = None


def get_all_start_methods():
    return ["fork", "spawn", "forkserver"]


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError("context has already been set")
    if method is not None and method not in get_all_start_methods():
        raise ValueError("cannot find context for %r" % method)
    _start_method = method


def get_start_method(allow_none=False):
    global _start_method
    if _start_method is None and not allow_none:
        _start_method = "fork"  # asking fixes it, as in CPython
    return _start_method


class ForkProcess(Process):
    pass


class SpawnProcess(Process):
    pass


class ForkServerProcess(Process):
    pass


class _Context:
    """What get_context gives: this module, with the Process class and the
    pool workers' names of a start method."""

    def __init__(self, method, process, worker):
        self._method = method
        self.Process = process
        self._worker = worker

    def get_start_method(self, allow_none=False):
        return self._method

    def Pool(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        return Pool(processes, initializer, initargs, maxtasksperchild, _worker_name=self._worker)

    def __getattr__(self, name):
        return getattr(sys.modules[__name__], name)


_CONTEXTS = {"fork": (ForkProcess, "ForkPoolWorker"), "spawn": (SpawnProcess, "SpawnPoolWorker"),
             "forkserver": (ForkServerProcess, "ForkServerPoolWorker")}


def get_context(method=None):
    if method is None:
        method = get_start_method()
    if method not in _CONTEXTS:
        raise ValueError("cannot find context for %r" % method)
    process, worker = _CONTEXTS[method]
    return _Context(method, process, worker)


def freeze_support():
    pass


# Queues. Items are copied in at put() and out at get(), as pickle copies
# them through CPython's pipes; a value that cannot be copied fails at put().

class Queue:
    """A queue that processes share."""

    def __init__(self, maxsize=0, *, ctx=None):
        self._maxsize = maxsize if maxsize > 0 else 0
        self._chan = _mp.channel(self._maxsize)
        self._closed = False

    def _check_open(self):
        if self._closed:
            raise ValueError("Queue %r is closed" % self)

    def put(self, obj, block=True, timeout=None):
        self._check_open()
        if not self._chan.put(obj, block, timeout):
            raise _queue.Full

    def get(self, block=True, timeout=None):
        self._check_open()
        ok, obj = self._chan.get(block, timeout)
        if not ok:
            raise _queue.Empty
        return obj

    def put_nowait(self, obj):
        self.put(obj, block=False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._chan.qsize()

    def empty(self):
        return self._chan.qsize() == 0

    def full(self):
        return self._chan.full()

    def close(self):
        self._closed = True

    def join_thread(self):
        assert self._closed, "Queue %r not closed" % self

    def cancel_join_thread(self):
        pass

    def __repr__(self):
        return "<multiprocessing.queues.Queue object at 0x%x>" % id(self)


class SimpleQueue:
    """An unbounded queue that processes share, without timeouts."""

    def __init__(self, *, ctx=None):
        self._chan = _mp.channel(0)
        self._closed = False

    def put(self, obj):
        self._chan.put(obj)

    def get(self):
        return self._chan.get()[1]

    def empty(self):
        return self._chan.qsize() == 0

    def close(self):
        self._closed = True


# Pipes. Each Connection is one end of a native pipe (_mp.pipe), which
# every process that holds a copy of the end shares, as processes share a
# pipe's file descriptors: the end stays open until every process holding
# it has closed it (or ended). Each message is a pair (kind, payload), so
# that recv() can tell an object from bytes.

_OBJECT, _BYTES = 0, 1


class Connection:
    """One end of a Pipe: send() copies an object to the other end;
    recv() returns the next one sent from there, waiting for it."""

    __module__ = "multiprocessing.connection"

    def __init__(self, end, readable=True, writable=True):
        self._end = end
        self._readable = readable
        self._writable = writable
        self._closed = False
        self._ahead = []  # a message poll() took before recv() asked

    @property
    def closed(self):
        return self._closed

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def _check(self, reading):
        if self._closed:
            raise OSError("handle is closed")
        if reading and not self._readable:
            raise OSError("connection is write-only")
        if not reading and not self._writable:
            raise OSError("connection is read-only")

    def _take(self, block, timeout):
        # The next message; None if none came in time; () at EOF.
        if self._ahead:
            return self._ahead.pop(0)
        ok, message = self._end.recv(block, timeout)
        if not ok:
            return None
        if message is None:
            return ()
        return message

    def _ready(self):
        return bool(self._ahead) or self._end.ready()

    def send(self, obj):
        self._check(False)
        self._end.send((_OBJECT, obj))

    def recv(self):
        self._check(True)
        message = self._take(True, None)
        if not message:
            raise EOFError
        return message[1]

    def send_bytes(self, buf, offset=0, size=None):
        self._check(False)
        data = bytes(buf)
        if offset < 0:
            raise ValueError("offset is negative")
        if len(data) < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = len(data) - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > len(data):
            raise ValueError("buffer length < offset + size")
        self._end.send((_BYTES, data[offset:offset + size]))

    def recv_bytes(self, maxlength=None):
        self._check(True)
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        message = self._take(True, None)
        if not message:
            raise EOFError
        kind, payload = message
        if kind == _OBJECT:
            # CPython would hand over the object's pickle; threadlab
            # copies objects without pickling them.
            raise OSError("the message was sent with send(), so take it with recv()")
        if maxlength is not None and len(payload) > maxlength:
            raise OSError("bad message length")
        return payload

    def poll(self, timeout=0.0):
        """Whether there is something to recv() (or the other end has
        closed), waiting up to timeout seconds; for ever if None."""
        self._check(True)
        if self._ahead:
            return True
        if timeout is None:
            message = self._take(True, None)
        elif timeout <= 0:
            message = self._take(False, None)
        else:
            message = self._take(True, timeout)
        if message is None:
            return False
        if message:
            self._ahead.append(message)
        return True

    def close(self):
        if self._closed:
            return
        self._closed = True
        self._end.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def Pipe(duplex=True):
    """Two Connections joined to each other. With duplex=False the first
    only receives and the second only sends."""
    a, b = _mp.pipe()
    if not duplex:
        return Connection(a, True, False), Connection(b, False, True)
    return Connection(a), Connection(b)


_sentinels = {}  # Process.sentinel -> the process's native handle, in this process


def _wait(object_list, timeout=None):
    """The objects of object_list that are ready: Connections with
    something to recv() (or whose other end has closed), and sentinels of
    processes that have ended. It waits up to timeout seconds for one;
    for ever if timeout is None."""
    objects = list(object_list)
    ends, procs = [], []
    for x in objects:
        if isinstance(x, Connection):
            if x._closed:
                raise OSError("handle is closed")
            if x._readable:
                ends.append(x._end)
        elif type(x) is int and x in _sentinels:
            procs.append(_sentinels[x])
        else:
            raise ValueError("Invalid file object: %r" % (x,))

    def ready():
        return [x for x in objects
                if isinstance(x, Connection) and x._readable and x._ready()
                or type(x) is int and not _sentinels[x].is_alive()]
    found = ready()
    if found or (timeout is not None and timeout <= 0):
        return found
    _mp.wait(ends, procs, timeout)
    return ready()


# Locks, the same lock in every process that holds a copy.

def _owner_name(lock):
    owner = _mp.owner(lock)
    if owner is None:
        return "None"
    mine, is_main, thread = owner
    if not mine:
        return "SomeOtherProcess"
    if is_main:
        return _current._name
    return "%s|%s" % (_current._name, thread)


class Lock:
    """A lock that processes share."""

    def __init__(self, *, ctx=None):
        self._lock = _mp.lock(False)

    def acquire(self, block=True, timeout=None):
        if not block:
            return self._lock.acquire(False)
        if timeout is None:
            return self._lock.acquire()
        return self._lock.acquire(True, max(timeout, 0))

    def release(self):
        if not self._lock.locked():
            raise ValueError("semaphore or lock released too many times")
        self._lock.release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return "<Lock(owner=%s)>" % _owner_name(self._lock)


class RLock(Lock):
    """A reentrant lock that processes share."""

    def __init__(self, *, ctx=None):
        self._lock = _mp.lock(True)

    def release(self):
        if not self._lock._held():
            raise AssertionError("attempt to release recursive lock not owned by thread")
        self._lock.release()

    def __repr__(self):
        return "<RLock(%s, %d)>" % (_owner_name(self._lock), _mp.count(self._lock))


# Shared memory: Value.

_CTYPES = {"c": "c_char", "u": "c_wchar", "b": "c_byte", "B": "c_ubyte", "h": "c_short",
           "H": "c_ushort", "i": "c_int", "I": "c_uint", "l": "c_long", "L": "c_ulong",
           "q": "c_long", "Q": "c_ulong", "f": "c_float", "d": "c_double"}


class _CValue:
    """One C number in memory that processes share."""

    def __init__(self, cell):
        self._cell = cell

    @property
    def value(self):
        return self._cell.get()

    @value.setter
    def value(self, v):
        self._cell.set(v)

    def __repr__(self):
        return "%s(%r)" % (_CTYPES[self._cell.typecode()], self._cell.get())


class Synchronized:
    """A shared value with a lock: each read and write of .value takes it,
    but `v.value += 1` is a read and then a write; hold get_lock() around both."""

    def __init__(self, obj, lock):
        self._obj = obj
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release

    def __enter__(self):
        return self._lock.acquire()

    def __exit__(self, *exc_info):
        self._lock.release()

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    def __repr__(self):
        return "<Synchronized wrapper for %r>" % self._obj


def RawValue(typecode_or_type, *args):
    """A C number that processes share, without a lock."""
    return _CValue(_mp.cell(typecode_or_type, *args))


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A C number that processes share ('i' int, 'd' double, ...), with a
    lock (an RLock unless lock= gives one; lock=False: none)."""
    return _guarded(RawValue(typecode_or_type, *args), lock, Synchronized)


def _guarded(raw, lock, wrapper):
    # lock: True or None for a new RLock, False for none, or a lock to use.
    if lock is False:
        return raw
    guard = RLock() if lock is True or lock is None else lock
    if not hasattr(guard, "acquire"):
        raise AttributeError("%r has no method 'acquire'" % guard)
    return wrapper(raw, guard)


class _CArray:
    """C numbers in memory that processes share (Array with lock=False)."""

    def __init__(self, cells):
        self._cells = cells

    def __len__(self):
        return len(self._cells)

    def _index(self, i):
        n = len(self._cells)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("invalid index")
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._cells.get(k) for k in range(*i.indices(len(self._cells)))]
        return self._cells.get(self._index(i))

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            keys = range(*i.indices(len(self._cells)))
            values = list(value)
            if len(values) != len(keys):
                raise ValueError("Can only assign sequence of same size")
            for k, v in zip(keys, values):
                self._cells.set(k, v)
            return
        self._cells.set(self._index(i), value)

    def __iter__(self):
        return iter(self[:])

    def __repr__(self):
        return "<multiprocessing.sharedctypes.%s_Array_%d object at 0x%x>" % (
            _CTYPES[self._cells.typecode()], len(self._cells), id(self))


class SynchronizedArray(Synchronized):
    """A shared array with a lock: each item access takes it."""

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __iter__(self):
        return iter(self[:])

    def __repr__(self):
        return "<SynchronizedArray wrapper for %r>" % self._obj


def RawArray(typecode_or_type, size_or_initializer):
    """C numbers that processes share, without a lock."""
    return _CArray(_mp.array(typecode_or_type, size_or_initializer))


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """C numbers that processes share, with a lock (see Value)."""
    return _guarded(RawArray(typecode_or_type, size_or_initializer), lock, SynchronizedArray)


# Conditions and what is built on them. A waiting thread, of any process,
# blocks on a waiter lock of its own that every process shares; notify
# releases the oldest ones. The state of a Semaphore, an Event or a Barrier
# is a count that every process shares, changed with the Condition's lock
# held.

class Condition(threading._ConditionBase):
    """Lets the threads of any process wait until another notifies them."""

    def __init__(self, lock=None, *, ctx=None):
        self._lock = RLock() if lock is None else lock
        self._sleepers = _mp.sleepers()
        self._what = "a Condition"  # how a lost-wakeup report names it
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def wait(self, timeout=None):
        assert _mp.mine(self._lock._lock), "must acquire() condition before using wait()"
        return self._sleep(timeout, self._what)

    def _sleep(self, timeout, what):
        limit = None if timeout is None else (timeout if timeout > 0 else 0)
        gate = _mp.gate(what, self)
        # One call lists the gate, gives the lock up, waits and takes the
        # lock back: no step falls where an interrupt would leave it given up.
        return self._lock._lock._wait(gate, self._sleepers, limit)

    def notify(self, n=1):
        assert _mp.mine(self._lock._lock), "lock is not owned"
        self._sleepers.wake(n)

    def notify_all(self):
        assert _mp.mine(self._lock._lock), "lock is not owned"
        self._sleepers.wake(-1)


class Event:
    """A flag that processes share; wait() blocks until it is set."""

    def __init__(self, *, ctx=None):
        self._cond = Condition(Lock())
        self._flag = _mp.counter(0)

    def is_set(self):
        return self._flag.get() != 0

    def set(self):
        with self._cond:
            if self._flag.get() == 0:
                self._flag.add(1, 0)
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            if self._flag.get() != 0:
                self._flag.add(-1, 0)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.get() == 0:
                self._cond._sleep(timeout, "an Event")
            return self._flag.get() != 0


def _invalid_argument():
    # sem_init's EINVAL, worded as CPython's OSError prints it.
    err = OSError("[Errno 22] Invalid argument")
    err.errno, err.strerror = 22, "Invalid argument"
    return err


class Semaphore:
    """A count that processes share: acquire() takes one, waiting while it is 0."""

    def __init__(self, value=1, *, ctx=None):
        if value < 0:
            raise _invalid_argument()
        self._cond = Condition(Lock())
        self._count = _mp.counter(value)

    def acquire(self, block=True, timeout=None):
        with self._cond:
            if block:
                self._cond._until(self._available, timeout, "a Semaphore")
            if not self._available():
                return False
            self._count.add(-1, 0)
            return True

    def _available(self):
        return self._count.get() > 0

    def release(self):
        with self._cond:
            self._check_room()
            self._count.add(1, 0)
            self._cond.notify()

    def _check_room(self):
        pass

    def get_value(self):
        return self._count.get()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    def __repr__(self):
        return "<%s(value=%s)>" % (type(self).__name__, self.get_value())


class BoundedSemaphore(Semaphore):
    """A Semaphore that may not be released above its initial value."""

    def __init__(self, value=1, *, ctx=None):
        super().__init__(value)
        self._limit = value

    def _check_room(self):
        if self._count.get() >= self._limit:
            raise ValueError("semaphore or lock released too many times")

    def __repr__(self):
        return "<BoundedSemaphore(value=%s, maxvalue=%s)>" % (self.get_value(), self._limit)


# A Barrier's shared state: how many have arrived in this round, the
# round's number, whether the barrier is broken, and the number of the
# last round that ended broken (its waiters raise BrokenBarrierError).
_ARRIVED, _ROUND, _BROKEN, _FAILED = range(4)


class Barrier:
    """Makes a fixed number of threads, of any processes, wait until all
    of them have arrived."""

    def __init__(self, parties, action=None, timeout=None, *, ctx=None):
        self._cond = Condition(Lock())
        self._state = _mp.array("q", [0, 0, 0, -1])
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._acting = None  # the ident of this process's thread running the action

    def __repr__(self):
        broken, waiting = self._read(lambda: (self._broken(), self._waiting()))
        where = "<multiprocessing.synchronize.Barrier at 0x%x" % id(self)
        if broken:
            return where + ": broken>"
        return where + ": waiters=%d/%d>" % (waiting, self._parties)

    def _read(self, read):
        # As threading.Barrier does: the state changes under the lock, so
        # it is read under it too, except by the action, which holds it.
        if self._acting == threading.get_ident():
            return read()
        with self._cond:
            return read()

    def _broken(self):
        return self._state.get(_BROKEN) != 0

    def _waiting(self):
        return 0 if self._broken() else self._state.get(_ARRIVED)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        st = self._state
        with self._cond:
            if st.get(_BROKEN):
                raise threading.BrokenBarrierError
            mine = st.get(_ROUND)
            index = st.get(_ARRIVED)
            st.set(_ARRIVED, index + 1)
            if index + 1 == self._parties:
                if self._action is not None:
                    self._acting = threading.get_ident()
                    try:
                        self._action()
                    except BaseException:
                        self._break()
                        raise
                    finally:
                        self._acting = None
                self._end_round()
                return index
            if not self._cond._until(lambda: st.get(_ROUND) != mine, timeout, "a Barrier"):
                self._break()
            if st.get(_FAILED) == mine:
                raise threading.BrokenBarrierError
            return index

    def _end_round(self, failed=False):
        st = self._state
        if failed:
            st.set(_FAILED, st.get(_ROUND))
        st.set(_ARRIVED, 0)
        st.set(_ROUND, st.get(_ROUND) + 1)
        self._cond.notify_all()

    def _break(self):
        self._state.set(_BROKEN, 1)
        self._end_round(failed=True)

    def reset(self):
        with self._cond:
            if self._state.get(_ARRIVED):
                self._end_round(failed=True)
            self._state.set(_BROKEN, 0)

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
        return self._read(self._broken)


class JoinableQueue(Queue):
    """A Queue whose join() waits until every item put has been marked done."""

    def __init__(self, maxsize=0, *, ctx=None):
        super().__init__(maxsize)
        self._unfinished = _mp.counter(0)

    def put(self, obj, block=True, timeout=None):
        super().put(obj, block, timeout)
        self._unfinished.add(1, 0)

    def task_done(self):
        if not self._unfinished.add(-1, 0):
            raise ValueError("task_done() called too many times")

    def join(self):
        self._unfinished.wait(False, False)


# Pool. Each call the owner makes becomes a record (an AsyncResult) that
# waits for some number of parcels: a parcel is a batch of calls of one
# function, numbered pool-wide, that one worker runs in turn. A worker
# answers each parcel with its number, the values it got and the first
# exception, if any; a dispatcher thread of the owner looks the number up
# and hands the answer to the record, which settles once it has heard
# from every one of its parcels (or from the first that failed).

_RUN, _CLOSE, _TERMINATE = "RUN", "CLOSE", "TERMINATE"
_STOP = None  # in a worker's inbox: no more parcels; in the replies: dispatcher, stop
_WORKER_ENDED = -1  # in the replies, as a parcel number: (_WORKER_ENDED, worker's index, None)


class MaybeEncodingError(Exception):
    """A worker's result (or exception) could not be copied back."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)


def _run_parcel(func, calls, catch):
    """Run calls in order; stop at the first that raises catch."""
    values = []
    for args, kwargs in calls:
        try:
            values.append(func(*args, **kwargs))
        except catch as failure:
            return values, failure
    return values, None


def _worker_main(inbox, replies, initializer, initargs, executor=False, maxtasks=None):
    if initializer is not None:
        if not executor:
            initializer(*initargs)
        else:
            # A ProcessPoolExecutor's worker reports the failure and ends;
            # the executor then counts its pool as broken.
            try:
                initializer(*initargs)
            except BaseException as failure:
                _threadlab.print_exception("Exception in initializer:", failure)
                return
    done = 0
    for number, func, calls, single in iter(inbox.get, _STOP):
        # A Pool's worker lets SystemExit end it, as CPython's does; an
        # executor's hands every exception back.
        values, failure = _run_parcel(func, calls, BaseException if executor else Exception)
        try:
            replies.put((number, values, failure))
        except Exception as why:
            # What the call gave cannot travel; say so in its place.
            if failure is None:
                failure = values[0] if single else values
            replies.put((number, [], MaybeEncodingError(why, failure)))
        done += 1
        if done == maxtasks:
            return  # the pool starts another worker in its place


class AsyncResult:
    """What apply_async gives: the outcome of a call the pool runs."""

    def __init__(self, parcels, callback, error_callback, arrivals=None):
        self._awaiting = parcels  # parcels not yet answered
        self._gathered = []
        self._on_value = callback
        self._on_error = error_callback
        self._arrivals = arrivals  # where imap_unordered learns of it
        self._verdict = None  # (True, value) or (False, exception) once settled
        self._settled = threading.Event()
        if parcels == 0:
            self._conclude(True, self._combine())

    def ready(self):
        return self._verdict is not None

    def successful(self):
        verdict = self._verdict
        if verdict is None:
            raise ValueError("%r not ready" % self)
        return verdict[0]

    def wait(self, timeout=None):
        self._settled.wait(timeout)

    def get(self, timeout=None):
        if not self._settled.wait(timeout):
            raise TimeoutError
        ok, value = self._verdict
        if not ok:
            raise value
        return value

    def _combine(self):
        return self._gathered[0][1][0]

    def _answer(self, offset, values, failure):
        # The dispatcher's thread: one parcel's answer.
        if self._verdict is not None:
            return  # settled by an earlier failure
        if failure is not None:
            self._conclude(False, failure)
            return
        self._gathered.append((offset, values))
        self._awaiting -= 1
        if self._awaiting == 0:
            self._conclude(True, self._combine())

    def _conclude(self, ok, value):
        hook = self._on_value if ok else self._on_error
        if hook is not None:
            hook(value)  # before waiters wake, so they see what it did
        self._verdict = (ok, value)
        self._settled.set()
        if self._arrivals is not None:
            self._arrivals.put(self)

    def __repr__(self):
        return "<multiprocessing.pool.%s object at 0x%x>" % (type(self).__name__, id(self))


ApplyResult = AsyncResult


class MapResult(AsyncResult):
    """What map_async gives: the values of all the calls, in order."""

    def _combine(self):
        out = []
        for _, values in sorted(self._gathered, key=lambda part: part[0]):
            out.extend(values)
        return out


class IMapIterator:
    """Pool.imap's values in order, or imap_unordered's as they come."""

    def __init__(self, records, arrivals=None):
        self._records = records
        self._arrivals = arrivals
        self._taken = 0

    def __iter__(self):
        return self

    def next(self, timeout=None):
        if self._taken == len(self._records):
            raise StopIteration
        if self._arrivals is None:
            record = self._records[self._taken]
        else:
            try:
                record = self._arrivals.get(timeout=timeout)
            except _queue.Empty:
                raise TimeoutError from None
        self._taken += 1
        return record.get(timeout)

    __next__ = next


class Pool:
    """A pool of worker processes (cpu_count() unless processes says)."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None,
                 _worker_name="ForkPoolWorker", _on_worker_lost=None):
        if processes is None:
            processes = cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None and (not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0):
            raise ValueError("maxtasksperchild must be a positive int or None")
        if not (initializer is None or callable(initializer)):
            raise TypeError("initializer must be a callable")
        self._size = processes
        self._inbox = SimpleQueue()
        self._replies = SimpleQueue()
        self._state = _RUN
        self._table_lock = threading.Lock()
        self._waiting = {}  # parcel number -> (record, offset)
        self._numbering = _itertools.count(1)
        # A ProcessPoolExecutor's pool calls _on_worker_lost on its
        # dispatcher thread when a worker ends before the pool is closed.
        self._on_worker_lost = _on_worker_lost
        # A worker that ends while the pool runs (it did its
        # maxtasksperchild tasks, or was killed) is replaced; the lock
        # keeps a replacement from starting once the pool winds down.
        self._worker_args = (_worker_name, initializer, initargs, maxtasksperchild)
        self._workers_lock = threading.Lock()
        self._pool = [self._spawn(i) for i in range(processes)]
        # CPython's pool starts three threads, numbered in this order;
        # threadlab needs only the one that hands results out.
        for _ in range(2):
            _threadlab.next_number()
        self._dispatcher = threading.Thread(target=self._dispatch, daemon=True,
                                            name="Thread-%d (_handle_results)" % _threadlab.next_number())
        self._dispatcher.start()

    def _spawn(self, index):
        worker_name, initializer, initargs, maxtasks = self._worker_args
        executor = self._on_worker_lost is not None
        w = Process(target=_worker_main, args=(self._inbox, self._replies, initializer, initargs, executor, maxtasks),
                    daemon=True)
        w.name = worker_name + w.name[len("Process"):]
        w.start()
        _mp.on_exit(w._handle, self._replies._chan, (_WORKER_ENDED, index, None))
        return w

    def _dispatch(self):
        for number, values, failure in iter(self._replies.get, _STOP):
            if number == _WORKER_ENDED:
                # An executor's pool is broken by a lost worker; a Pool
                # starts another in its place (what a killed one was
                # running is lost, as in CPython).
                if self._on_worker_lost is not None:
                    if self._state == _RUN:
                        self._on_worker_lost()
                    continue
                with self._workers_lock:
                    if self._state == _RUN:
                        self._pool[values] = self._spawn(values)
                continue
            with self._table_lock:
                record, offset = self._waiting.pop(number)
            record._answer(offset, values, failure)

    def _post(self, record, offset, func, calls, single):
        with self._table_lock:
            number = next(self._numbering)
            self._waiting[number] = (record, offset)
        self._inbox.put((number, func, calls, single))

    def _require_running(self):
        if self._state != _RUN:
            raise ValueError("Pool not running")

    def apply(self, func, args=(), kwds={}):
        return self._submit_one(func, args, kwds, None, None, None).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        return self._submit_one(func, args, kwds, callback, error_callback, None)

    def _submit_one(self, func, args, kwds, callback, error_callback, arrivals):
        self._require_running()
        record = AsyncResult(1, callback, error_callback, arrivals)
        self._post(record, 0, func, [(tuple(args), dict(kwds))], True)
        return record

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._spread(func, [(x,) for x in iterable], chunksize, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._spread(func, [tuple(x) for x in iterable], chunksize, callback, error_callback)

    def _spread(self, func, arglists, chunksize, callback, error_callback):
        self._require_running()
        if chunksize is None:
            # About four parcels for each worker, as CPython sizes its chunks.
            chunksize = max(1, -(-len(arglists) // (4 * self._size)))
        elif chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        starts = range(0, len(arglists), chunksize)
        record = MapResult(len(starts), callback, error_callback)
        for start in starts:
            calls = [(args, {}) for args in arglists[start:start + chunksize]]
            self._post(record, start, func, calls, False)
        return record

    def imap(self, func, iterable, chunksize=1):
        self._require_running()
        return IMapIterator([self._submit_one(func, (x,), {}, None, None, None) for x in iterable])

    def imap_unordered(self, func, iterable, chunksize=1):
        self._require_running()
        arrivals = _queue.Queue()
        return IMapIterator([self._submit_one(func, (x,), {}, None, None, arrivals) for x in iterable], arrivals)

    def close(self):
        """No more tasks: the workers end once the queued ones are done."""
        with self._workers_lock:
            if self._state != _RUN:
                return
            self._state = _CLOSE
        for _ in self._pool:
            self._inbox.put(_STOP)

    def terminate(self):
        """Stop the workers now; unfinished tasks never finish."""
        with self._workers_lock:
            if self._state == _TERMINATE:
                return
            self._state = _TERMINATE
        for w in self._pool:
            w.terminate()
        self._wind_down()

    def join(self):
        """Wait for the workers to end (after close() or terminate())."""
        if self._state == _RUN:
            raise ValueError("Pool is still running")
        self._wind_down()

    def _wind_down(self):
        for w in self._pool:
            w.join()
        # The workers are gone, so every reply they sent is queued ahead of this.
        self._replies.put(_STOP)
        if threading.current_thread() is not self._dispatcher:
            self._dispatcher.join()

    def __enter__(self):
        self._require_running()
        return self

    def __exit__(self, *args):
        self.terminate()

    def __repr__(self):
        return "<multiprocessing.pool.Pool state=%s pool_size=%d>" % (self._state, self._size)


# Managers. A manager is a server process that holds objects (a dict, a
# list, a Value, a Namespace, or whatever a BaseManager subclass
# registers); a proxy stands for one of them in any process. Each call on
# a proxy is a request to the server, which runs the method on its object
# and sends back a copy of the result, so `d["k"] = v` stores a copy and
# `d["k"].append(x)` changes only a copy. Requests and replies travel as
# queue items do. The locks, queues and other waitable objects a
# SyncManager makes are this module's own, which every process shares
# already; their proxies call them directly.

_STARTED, _SHUTDOWN = "started", "shutdown"


def _exposed_of(obj):
    return [name for name in dir(obj) if not name.startswith("_") and callable(getattr(obj, name))]


def _view_free(value):
    # Dict views cannot be copied; the server sends lists, as CPython's does.
    if type(value) in (type({}.keys()), type({}.values()), type({}.items())):
        return list(value)
    return value


def _imul(obj, n):
    obj *= n


def _setitem(obj, key, value):
    obj[key] = value


def _delitem(obj, key):
    del obj[key]


# The special methods a proxy forwards, as the operations they stand for.
_OPERATIONS = {
    "__repr__": repr, "__str__": str, "__len__": len,
    "__getitem__": lambda obj, key: obj[key], "__setitem__": _setitem, "__delitem__": _delitem,
    "__contains__": lambda obj, x: x in obj,
    "__add__": lambda obj, x: obj + x, "__mul__": lambda obj, n: obj * n, "__rmul__": lambda obj, n: n * obj,
    "__imul__": _imul,
    "__getattribute__": getattr, "__setattr__": setattr, "__delattr__": delattr,
}


def _run_method(obj, name, args, kwds):
    operation = _OPERATIONS.get(name)
    if operation is not None:
        return operation(obj, *args, **kwds)
    return getattr(obj, name)(*args, **kwds)


def _serve(requests, registry, initializer, initargs):
    """The manager process: answer requests until told to stop."""
    if initializer is not None:
        initializer(*initargs)
    objects = {}
    numbers = _itertools.count(1)
    while True:
        reply, kind, ident, name, args, kwds = requests.get()[1]
        if kind == "shutdown":
            reply.put((True, None))
            return
        try:
            if kind == "create":
                maker, exposed = registry[name]
                obj = maker(*args, **kwds)
                ident = next(numbers)
                objects[ident] = obj
                result = (ident, exposed if exposed is not None else _exposed_of(obj))
            elif name == "#GETVALUE":
                result = objects[ident]
            else:
                result = _view_free(_run_method(objects[ident], name, args, kwds))
        except Exception as failure:
            reply.put((False, failure))
            continue
        try:
            reply.put((True, result))
        except Exception as why:
            reply.put((False, why))


def _request(conn, kind, ident, name, args=(), kwds={}):
    requests, server = conn
    if not server.is_alive():
        raise BrokenPipeError(32, "Broken pipe")
    reply = _mp.channel(0)
    requests.put((reply, kind, ident, name, tuple(args), dict(kwds)))
    came, answer = reply.reply(server)
    if not came:
        raise EOFError
    ok, result = answer
    if not ok:
        raise result
    return result


class BaseProxy:
    """Stands for an object a manager's server holds."""

    def __init__(self, conn, ident, typeid, exposed=()):
        self._conn = conn
        self._id = ident
        self._typeid = typeid
        self._exposed_ = tuple(exposed)

    def _callmethod(self, methodname, args=(), kwds={}):
        """Call the referent's method in the server; the result is a copy."""
        return _request(self._conn, "call", self._id, methodname, args, kwds)

    def _getvalue(self):
        """A copy of the referent."""
        return self._callmethod("#GETVALUE")

    def __repr__(self):
        return "<%s object, typeid %r at 0x%x>" % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        try:
            return self._callmethod("__repr__")
        except Exception:
            return repr(self)[:-1] + "; '__str__()' failed>"


def _forward(name):
    def call(self, *args, **kwds):
        return self._callmethod(name, args, kwds)
    call.__name__ = name
    return call


def _proxy_type(name, names, base=BaseProxy):
    return type(name, (base,), {n: _forward(n) for n in names})


DictProxy = _proxy_type("DictProxy", (
    "__contains__", "__delitem__", "__getitem__", "__len__", "__setitem__", "clear", "copy",
    "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"))
DictProxy.__iter__ = lambda self: iter(self._callmethod("keys"))

BaseListProxy = _proxy_type("BaseListProxy", (
    "__add__", "__contains__", "__delitem__", "__getitem__", "__len__", "__mul__", "__rmul__",
    "__setitem__", "append", "count", "extend", "index", "insert", "pop", "remove", "reverse",
    "sort"))


class ListProxy(BaseListProxy):
    def __iadd__(self, value):
        self._callmethod("extend", (value,))
        return self

    def __imul__(self, value):
        self._callmethod("__imul__", (value,))
        return self

    def __iter__(self):
        return iter(self._callmethod("copy"))

    def __reversed__(self):
        return reversed(self._callmethod("copy"))


class ValueProxy(BaseProxy):
    def get(self):
        return self._callmethod("get")

    def set(self, value):
        return self._callmethod("set", (value,))

    value = property(get, set)


class NamespaceProxy(BaseProxy):
    def __getattr__(self, key):
        if key[0] == "_":
            return object.__getattribute__(self, key)
        return self._callmethod("__getattribute__", (key,))

    def __setattr__(self, key, value):
        if key[0] == "_":
            return object.__setattr__(self, key, value)
        return self._callmethod("__setattr__", (key, value))

    def __delattr__(self, key):
        if key[0] == "_":
            return object.__delattr__(self, key)
        return self._callmethod("__delattr__", (key,))


ArrayProxy = _proxy_type("ArrayProxy", ("__len__", "__getitem__", "__setitem__"))


class Namespace:
    """What SyncManager.Namespace holds: attributes, shown sorted."""

    def __init__(self, **kwds):
        self.__dict__.update(kwds)

    def __repr__(self):
        shown = sorted("%s=%r" % (k, v) for k, v in self.__dict__.items() if not k.startswith("_"))
        return "%s(%s)" % (type(self).__name__, ", ".join(shown))


class _Value:
    """What SyncManager.Value holds: a value and the typecode it was given
    (which the manager does not enforce)."""

    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self._value = value

    def get(self):
        return self._value

    def set(self, value):
        self._value = value

    def __repr__(self):
        return "Value(%r, %r)" % (self._typecode, self._value)

    value = property(get, set)


class _Array:
    """What SyncManager.Array holds: numbers of one C type, as array.array."""

    def __init__(self, typecode, sequence, lock=True):
        self._typecode = typecode
        self._items = [_mp.cell(typecode, x).get() for x in sequence]

    def __len__(self):
        return len(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, value):
        self._items[i] = _mp.cell(self._typecode, value).get()

    def __repr__(self):
        return "array(%r, %r)" % (self._typecode, self._items)


class _Direct(BaseProxy):
    """A proxy for an object that every process shares already: its
    methods are the object's own."""

    def __init__(self, obj, typeid, exposed):
        BaseProxy.__init__(self, None, None, typeid, exposed)
        self._obj = obj

    def __getattr__(self, name):
        if name.startswith("_") or name not in self._exposed_:
            raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))
        return getattr(self._obj, name)

    def __str__(self):
        return repr(self._obj)


class AcquirerProxy(_Direct):
    def __enter__(self):
        return self._obj.acquire()

    def __exit__(self, *args):
        return self._obj.release()


class _ThreadingLock:
    """The manager's Lock or RLock: threading's, shared by every process."""

    def __init__(self, reentrant):
        self._lock = _mp.lock(reentrant)

    def acquire(self, blocking=True, timeout=-1):
        return self._lock.acquire(blocking, timeout)

    def release(self):
        self._lock.release()

    def __repr__(self):
        return repr(self._lock)


def _unproxied(lock):
    return lock._obj if isinstance(lock, _Direct) else lock


class _ThreadingCondition(Condition):
    # The manager's Condition is threading's, with threading's errors.
    def wait(self, timeout=None):
        if not _mp.mine(self._lock._lock):
            raise RuntimeError("cannot wait on un-acquired lock")
        return self._sleep(timeout, self._what)

    def notify(self, n=1):
        if not _mp.mine(self._lock._lock):
            raise RuntimeError("cannot notify on un-acquired lock")
        self._sleepers.wake(n)

    def notify_all(self):
        self.notify(-1)


class _ThreadingBoundedSemaphore(BoundedSemaphore):
    def _check_room(self):
        if self._count.get() >= self._limit:
            raise ValueError("Semaphore released too many times")


class _ThreadingQueue:
    """The manager's queue.Queue: a JoinableQueue of this module, with
    queue's exceptions."""

    def __init__(self, maxsize=0):
        self._q = JoinableQueue(maxsize)

    def __getattr__(self, name):
        return getattr(self._q, name)


class ConditionProxy(AcquirerProxy):
    def wait_for(self, predicate, timeout=None):
        return self._obj.wait_for(predicate, timeout)


class EventProxy(_Direct):
    pass


class BarrierProxy(_Direct):
    @property
    def parties(self):
        return self._obj.parties

    @property
    def n_waiting(self):
        return self._obj.n_waiting

    @property
    def broken(self):
        return self._obj.broken


_autoproxies = {}


def AutoProxy(conn, ident, typeid, exposed):
    """A proxy of a class made for typeid: its exposed methods forward."""
    cls = _autoproxies.get((typeid, tuple(exposed)))
    if cls is None:
        cls = _autoproxies[(typeid, tuple(exposed))] = _proxy_type("AutoProxy[%s]" % typeid, exposed)
    return cls(conn, ident, typeid, exposed)


class BaseManager:
    """Starts a server process that holds objects for other processes;
    register() says which."""

    _registry = {}  # typeid -> (callable, exposed, proxytype, direct)

    def __init__(self, address=None, authkey=None, serializer="pickle", ctx=None, *, shutdown_timeout=1.0):
        self._state = None
        self._process = None
        self._conn = None

    @classmethod
    def register(cls, typeid, callable=None, proxytype=None, exposed=None,
                 method_to_typeid=None, create_method=True):
        """Make cls().typeid(...) create callable(...) in the server and
        return a proxy for it (proxytype, or one forwarding its public methods)."""
        if "_registry" not in cls.__dict__:
            cls._registry = dict(cls._registry)
        if exposed is None and proxytype is not None:
            exposed = getattr(proxytype, "_exposed_", None)
        cls._registry[typeid] = (callable, exposed, proxytype, False)
        if create_method:
            def create(self, *args, **kwds):
                return self._create(typeid, *args, **kwds)
            create.__name__ = typeid
            setattr(cls, typeid, create)

    @classmethod
    def _direct(cls, typeid, maker, proxytype, exposed):
        # An object every process shares already: made here, not in the server.
        cls._registry[typeid] = (maker, tuple(exposed), proxytype, True)

        def create(self, *args, **kwds):
            self._check_started()
            return proxytype(maker(*args, **kwds), typeid, exposed)
        create.__name__ = typeid
        setattr(cls, typeid, create)

    def start(self, initializer=None, initargs=()):
        """Start the server process."""
        if self._state == _STARTED:
            raise ProcessError("Already started server")
        if self._state == _SHUTDOWN:
            raise ProcessError("Manager has shut down")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        requests = _mp.channel(0)
        served = {typeid: (maker, exposed) for typeid, (maker, exposed, _, direct) in self._registry.items()
                  if not direct}
        p = ForkProcess(target=_serve, args=(requests, served, initializer, initargs))
        p.name = "%s-%s" % (type(self).__name__, ":".join(map(str, p._identity)))
        p._server = True
        p.start()
        self._process = p
        self._conn = (requests, p._handle)
        self._state = _STARTED

    def _check_started(self):
        assert self._state == _STARTED, "server not yet started"

    def _create(self, typeid, *args, **kwds):
        self._check_started()
        _, _, proxytype, _ = self._registry[typeid]
        ident, exposed = _request(self._conn, "create", None, typeid, args, kwds)
        if proxytype is None:
            return AutoProxy(self._conn, ident, typeid, exposed)
        return proxytype(self._conn, ident, typeid, exposed)

    def shutdown(self):
        """Stop the server; its objects are gone, and their proxies fail."""
        if self._state != _STARTED:
            return
        self._state = _SHUTDOWN
        if self._process.is_alive():
            _request(self._conn, "shutdown", None, None)
        self._process.join()

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def __enter__(self):
        if self._state is None:
            self.start()
        elif self._state == _SHUTDOWN:
            raise ProcessError("Unable to start server")
        return self

    def __exit__(self, *args):
        self.shutdown()


class SyncManager(BaseManager):
    """The manager Manager() starts: dict, list, Value, Array, Namespace,
    Queue, JoinableQueue, Lock, RLock, Semaphore, BoundedSemaphore,
    Condition, Event and Barrier."""


SyncManager.register("dict", dict, DictProxy)
SyncManager.register("list", list, ListProxy)
SyncManager.register("Value", _Value, ValueProxy)
SyncManager.register("Array", _Array, ArrayProxy)
SyncManager.register("Namespace", Namespace, NamespaceProxy)
_QUEUE_METHODS = ("empty", "full", "get", "get_nowait", "join", "put", "put_nowait", "qsize", "task_done")
for _typeid in ("Queue", "JoinableQueue"):
    SyncManager._direct(_typeid, _ThreadingQueue, type("AutoProxy[%s]" % _typeid, (_Direct,), {}), _QUEUE_METHODS)
SyncManager._direct("Lock", lambda: _ThreadingLock(False), AcquirerProxy, ("acquire", "release"))
SyncManager._direct("RLock", lambda: _ThreadingLock(True), AcquirerProxy, ("acquire", "release"))
SyncManager._direct("Semaphore", lambda value=1: Semaphore(value), AcquirerProxy, ("acquire", "release"))
SyncManager._direct("BoundedSemaphore", lambda value=1: _ThreadingBoundedSemaphore(value), AcquirerProxy,
                    ("acquire", "release"))
SyncManager._direct("Condition", lambda lock=None: _ThreadingCondition(_unproxied(lock)), ConditionProxy,
                    ("acquire", "release", "wait", "notify", "notify_all"))
SyncManager._direct("Event", Event, EventProxy, ("is_set", "set", "clear", "wait"))
SyncManager._direct("Barrier", Barrier, BarrierProxy, ("__getattribute__", "wait", "abort", "reset"))


def Manager(*, ctx=None):
    """A started SyncManager: its server process holds the objects it makes."""
    m = SyncManager(ctx=ctx)
    m.start()
    return m
