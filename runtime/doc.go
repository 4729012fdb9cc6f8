// Package runtime is threadlab's model of concurrency, in plain Go: threads,
// a switchable GIL, locks, traced shared state, three ways of scheduling
// (real, seeded and exploring), deadlock detection and CPU sampling.
//
// It knows nothing of Python or Jupyter. An interpreter drives it through
// a few calls made on the goroutine of the thread concerned, which every
// call names explicitly:
//
//   - Runtime.BeginCell / EndCell around each cell run by the main thread;
//   - Thread.Start to run a body on a new goroutine;
//   - Thread.Tick whenever the thread has spent its step budget, which is
//     where the GIL changes hands;
//   - Thread.Announce before, and Thread.Access after, each read or write
//     of a memory location (loc.go: any object's variable, attribute or
//     item, named for display by the interpreter's Spelling); Thread.Watch
//     says when the runtime needs to hear of them at all. An interpreter
//     that keeps a Spot per location records through AccessAt and
//     AccessIntAt, which a thread that holds the GIL batches without the
//     trace's lock (trace_batch.go);
//   - Lock, Sleep and Join calls, which are scheduling points too; a
//     thread that blocks is recorded as a waiting step of the trace.
//
// Shared (shared.go) is an object of named fields for programs written
// against the runtime directly, such as the tests and the exploration
// literature's benchmarks.
//
// Steps (steptree.go) runs a small program once for every interleaving
// and keeps them as a tree of states, for a learner who plays the
// scheduler (lab.stepper).
//
// Only one scheduler is in charge of a domain (an interpreter with its own
// GIL: the kernel's, or one per multiprocessing.Process) at a time:
//
//   - gilSched runs threads on real goroutines, one at a time when the GIL is
//     on (handing it over every switch interval of steps, or by time at a
//     thread's SafePoint after SetSwitchTime, and at every blocking call),
//     all at once when it is off;
//   - controlled lets exactly one thread run and decides at every scheduling
//     point who runs next, either from a seeded random generator (lab.seed)
//     or from a search over the interleavings (lab.explore). A wait
//     for a condition the interpreter keeps (a Cond: an item of a queue
//     processes share) is one it sees (cond.go). A wait it cannot decide
//     (Blocking, or a process that runs on its own) steps outside the
//     domain on real time (sched_outside.go).
//
// Processes (NewProcess, process.go) are domains of their own, with a
// GIL each; locks made by NewSharedLock are used by several. Under a
// controlled scheduler a new process's domain shares it, so that the seed
// (or the search) orders processes as it orders threads.
//
// Explore (explore.go) runs a program once per schedule its search picks
// (explore_search.go): optimal DPOR with wakeup trees (explore_wakeup.go)
// by default, source-DPOR (explore_dpor.go, which also holds what both
// share: what a step touches, happens-before clocks, races), every
// interleaving, a preemption bound, PCT random runs, or a schedule written
// as thread names (explore_replay.go). Locks count only through the order
// of their critical sections; Shared.CompareAndSwap (shared_cas.go) serves
// programs written against the runtime, such as the literature's
// benchmarks in the tests.
package runtime
