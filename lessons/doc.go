// Package lessons is the kernel's cell session: threadlab's Python
// (lessons/python) with its threads on threadlab's runtime (lessons/pyhost,
// runtime), one persistent module __main__ for every cell, and the
// notebook's side of it: streams, input(), rich results, errors as Jupyter
// shows them, interrupts, and the lab module.
//
// # Map of the package
//
//	session.go   Session: New, Execute (a cell compiled interactively, run on the
//	             main thread between BeginCell and EndCell), Interrupt (idle: stop
//	             what earlier cells left running; a second interrupt of a running
//	             cell: stop it hard), Shutdown; exit/quit and name? payloads;
//	             the notes on threads that outlive their cell or were stopped
//	language.go  Language: language_info and the banner
//	output.go    Output; each thread's stdout and stderr go to the Output of the cell
//	             that started it; input(), clear_output()
//	result.go    MIMEBundler; a result's bundle (repr, _repr_html_ and friends); display()
//	errors.go    CellError: ename, evalue and CPython's traceback lines
//	complete.go  Complete, Inspect, IsComplete: forwarded to lessons/complete
//	help.go      help(obj): Inspect's help printed into the cell
//	lab.go       the lab module: lab.py (signatures, docstrings) over the native _lab;
//	             gil, switch_interval, seed, stop
//	cpu.go       lab.cpu: the live CPU plot and its report
//	trace.go     lab.trace and lab.tracing; display.go draws the interleaving table
//	             (source text, values, state after, lost updates, waiting rows) and
//	             the exploration report; predict.go hides its states to predict
//	explore.go   lab.explore: outcomes, verdicts, modes and bounds, through
//	             pyhost.Host.Explore (which restores __main__'s globals before each run)
//	stepper.go   lab.stepper: the learner schedules; stepper_html.go draws the widget
//	checks.go    the checks module: the exercises' checks (checks/*.py, one
//	             submodule each), kept in the kernel so a notebook shows no answers
//	deadlock.go  the deadlock report as a table
//	table.go     HTML and text tables for rich displays
//	memory.go    the memory limit that ends a runaway cell
//
// Only lab is imported into __main__ when a session starts; everything
// else (threading, queue, time, ...) is imported as in CPython.
//
// # Interrupts
//
// A cell's first interrupt (the context Execute was given is cancelled)
// behaves as Ctrl-C in CPython: KeyboardInterrupt is raised in the main
// thread at its next step or inside its current wait (a lock, a sleep, a
// join, a Condition, Event or queue wait), so finally clauses and __exit__
// run (`with lock:` releases the lock) and `except KeyboardInterrupt:` can
// catch it; the cell's other threads go on, as in CPython. An interrupt
// while no cell runs stops every thread earlier cells left running.
//
// Where threadlab differs from CPython on purpose: a second interrupt while
// the same cell still runs (Interrupt) stops it hard, with no except or
// finally clause running, and stops its threads, so that no cell can
// refuse to stop; the cell says so. A cell or thread that allocates past
// MemoryLimit ends with MemoryError.
package lessons
