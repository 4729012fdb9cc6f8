// Package pyhost is what threadlab adds to its Python interpreter
// (lessons/python) to run threaded programs on threadlab's runtime: every
// Python thread is a runtime.Thread, the GIL changes hands every switch
// interval and at every blocking call, and a program whose threads all
// wait for ever ends with a DeadlockError instead of hanging.
//
// # Map of the package
//
//	host.go      Host: python.Host, Blocker and Sleeper backed by the runtime; errors it turns into Python's
//	run.go       Run, the entry point of `threadlab run FILE.py`
//	interrupt.go Interrupt: KeyboardInterrupt raised in the main thread; _thread.interrupt_main
//	native.go    the native module _threadlab: starting threads, handles, current thread, idents
//	lock.go      Lock and RLock, on runtime locks (Condition waiters too)
//	condwait.go  a Condition's wait on those locks, one call an interrupt cannot split
//	stuck.go     the stuck-program watch: lost wakeups and waits nobody can end
//	locknames.go locks named after the variables that hold them, for reports
//	modules.go   the modules a program imports: threading, queue, concurrent.futures
//	             and multiprocessing (Python source in lib/), and the thread-aware
//	             parts of time and sys (the switch interval by time)
//	mp.go        processes: each an interpreter with its own host and GIL, started
//	             like fork from a packed copy of __main__ (python.PackFork)
//	mp_shared.go what processes share: the native Queue, Value and Lock (_mp)
//	mp_sync.go   waiter locks every process shares, for multiprocessing's Condition
//	mp_pipe.go   Pipe ends, held open by processes as file descriptors are (_mp.pipe)
//	mp_controlled.go
//	             their waits and scheduling points under lab.seed and lab.explore
//	lib/*.py     threading, queue, concurrent.futures (ThreadPoolExecutor,
//	             ProcessPoolExecutor, Future, as_completed, wait) and multiprocessing
//	             (Process, Pool, Queue, Value, Lock, Condition, Barrier, Manager)
//	             written in Python on top of _threadlab and _mp; a Manager's
//	             server is a process that answers requests on an _mp channel
//
// Condition, Semaphore, Event, Barrier, Timer, local and the queues are
// Python code built on locks, so every wait is a runtime lock wait: the
// GIL is released while waiting, and stop and interrupt end the wait (an
// interrupt, Host.Interrupt or _thread.interrupt_main, as KeyboardInterrupt
// raised in the main thread, interrupt.go). A
// Condition waiter's lock is owned by a thread that never runs, so the
// runtime's cycle detector cannot see through it; stuck.go watches those
// waits instead and reports a lost wakeup naming what was waited for.
package pyhost
