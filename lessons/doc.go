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
//	             what earlier cells left running), Shutdown; exit/quit and name? payloads;
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
// Where threadlab differs from CPython on purpose: an interrupt cannot be
// caught (no except or finally clause runs as the cell stops, so no cell
// can refuse to stop), and a cell or thread that allocates past
// MemoryLimit ends with MemoryError.
package lessons
