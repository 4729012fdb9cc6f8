package lessons

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"threadlab/runtime"
)

// sharedValue is a lab.shared object.
type sharedValue struct {
	w *world
	s *runtime.Shared
}

var _ starlark.HasSetField = (*sharedValue)(nil)

func (v *sharedValue) String() string {
	names, values := v.s.Snapshot()
	out := "shared("
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n + "=" + PyRepr(values[i].(starlark.Value))
	}
	return out + ")"
}
func (v *sharedValue) Type() string          { return "shared" }
func (v *sharedValue) Freeze()               {}
func (v *sharedValue) Truth() starlark.Bool  { return starlark.True }
func (v *sharedValue) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: shared") }
func (v *sharedValue) AttrNames() []string {
	names, _ := v.s.Snapshot()
	return names
}

func (v *sharedValue) Attr(name string) (starlark.Value, error) {
	x, ok, err := v.s.Get(v.w.rt.Main(), name) // (Starlark says not which thread: this file goes with Starlark)
	if err != nil {
		return nil, &CellError{Name: "ThreadStopped", Message: "the thread was stopped"}
	}
	if !ok {
		return nil, nil
	}
	return x.(starlark.Value), nil
}

func (v *sharedValue) SetField(name string, x starlark.Value) error {
	if !v.w.rt.GIL() {
		x.Freeze() // threads running in parallel may all reach it
	}
	if err := v.s.Set(v.w.rt.Main(), name, x); err != nil {
		return &CellError{Name: "ThreadStopped", Message: "the thread was stopped"}
	}
	return nil
}

// traceValue is what lab.trace() returns: an interleaving table.
type traceValue struct{ tr *runtime.Trace }

var _ starlark.Indexable = traceValue{}

func (v traceValue) String() string {
	return fmt.Sprintf("<trace of %d events by %d threads>", v.tr.Len(), len(v.tr.Threads()))
}
func (v traceValue) Type() string          { return "trace" }
func (v traceValue) Freeze()               {}
func (v traceValue) Truth() starlark.Bool  { return v.tr.Len() > 0 }
func (v traceValue) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: trace") }
func (v traceValue) Len() int              { return v.tr.Len() }
func (v traceValue) MIMEBundle() map[string]any {
	return traceBundle(v.tr)
}

// Index returns event i as a struct with step, thread, line, op, field and
// value.
func (v traceValue) Index(i int) starlark.Value {
	if i >= v.tr.Stored() {
		return starlark.None
	}
	e := v.tr.Event(i)
	val := starlark.Value(starlark.None)
	if x, ok := e.Value.(starlark.Value); ok {
		val = x
	}
	return starlarkstruct.FromStringDict(starlark.String("event"), starlark.StringDict{
		"step":   starlark.MakeInt(e.Seq),
		"thread": starlark.String(v.tr.Threads()[e.Thread]),
		"line":   starlark.MakeInt(e.Line),
		"op":     starlark.String(e.Kind.String()),
		"field":  starlark.String(e.Field),
		"value":  val,
	})
}

func (v traceValue) AttrNames() []string { return []string{"lost", "threads"} }

func (v traceValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "threads":
		var l []starlark.Value
		for _, t := range v.tr.Threads() {
			l = append(l, starlark.String(t))
		}
		return starlark.NewList(l), nil
	case "lost":
		var l []starlark.Value
		for _, lu := range v.tr.LostUpdates() {
			l = append(l, starlark.MakeInt(v.tr.Event(lu.Write).Seq))
		}
		return starlark.NewList(l), nil
	}
	return nil, nil
}

// exploreValue is what lab.explore returns.
type exploreValue struct {
	rep *runtime.ExploreReport
	// naive is the number of schedules of the naive search (-1 when it was
	// not run); naiveComplete says whether it finished.
	naive         int
	naiveComplete bool
	naiveTook     time.Duration
}

func (v exploreValue) String() string {
	return fmt.Sprintf("<explored %d schedules: %d outcomes, %d deadlocks>", v.rep.Schedules, len(v.rep.Outcomes), v.rep.Deadlocks)
}
func (v exploreValue) Type() string               { return "exploration" }
func (v exploreValue) Freeze()                    {}
func (v exploreValue) Truth() starlark.Bool       { return starlark.True }
func (v exploreValue) Hash() (uint32, error)      { return 0, fmt.Errorf("unhashable: exploration") }
func (v exploreValue) MIMEBundle() map[string]any { return exploreBundle(v) }
func (v exploreValue) AttrNames() []string {
	return []string{"blocked", "bounded", "complete", "counterexample", "deadlocks", "example", "outcomes", "pruned", "reduction", "schedules", "verdicts"}
}

func outcomeKey(o *runtime.Outcome) starlark.Value {
	if x, ok := o.Value.(starlark.Value); ok && !o.Deadlock && len(o.Key) > 0 && o.Key[0] != 'e' {
		return x
	}
	return starlark.String(o.Key)
}

func (v exploreValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "schedules":
		return starlark.MakeInt(v.rep.Schedules), nil
	case "pruned", "blocked":
		return starlark.MakeInt(v.rep.Pruned), nil
	case "bounded":
		return starlark.Bool(v.rep.Bounded), nil
	case "reduction":
		return starlark.String(v.rep.Reduction), nil
	case "verdicts":
		d := starlark.NewDict(len(v.rep.Outcomes))
		for _, o := range sortedOutcomes(v.rep) {
			if o.Verdict != runtime.NoVerdict {
				if err := d.SetKey(outcomeKey(o), starlark.String(o.Verdict.String())); err != nil {
					return nil, err
				}
			}
		}
		return d, nil
	case "deadlocks":
		return starlark.MakeInt(v.rep.Deadlocks), nil
	case "complete":
		return starlark.Bool(v.rep.Complete), nil
	case "outcomes":
		d := starlark.NewDict(len(v.rep.Outcomes))
		for _, o := range sortedOutcomes(v.rep) {
			if o.Count == 0 {
				continue // declared, never came
			}
			if err := d.SetKey(outcomeKey(o), starlark.MakeInt(o.Count)); err != nil {
				return nil, err
			}
		}
		return d, nil
	case "counterexample":
		if ce := v.rep.Counterexample; ce != nil {
			return traceValue{ce.Example}, nil
		}
		return starlark.None, nil
	case "example":
		return methodBuiltin("exploration", "example", v, func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
			var want starlark.Value
			if err := starlark.UnpackPositionalArgs("example", args, kw, 1, &want); err != nil {
				return nil, err
			}
			key := PyRepr(want)
			if s, ok := want.(starlark.String); ok && string(s) == "deadlock" {
				key = "deadlock"
			}
			for _, o := range v.rep.Outcomes {
				if o.Key == key && o.Example != nil {
					return traceValue{o.Example}, nil
				}
			}
			return starlark.None, nil
		}), nil
	}
	return nil, nil
}

func init() {
	AddDoc("exploration.schedules", "schedules", "How many complete schedules ran: with the reduction, one per trace (a class of interleavings that differ only in the order of independent steps).")
	AddDoc("exploration.outcomes", "outcomes", "A dict from each result that came to how many schedules gave it.")
	AddDoc("exploration.verdicts", "verdicts", "A dict from each outcome to its verdict under expect=: 'acceptable', 'interesting' or 'forbidden'.")
	AddDoc("exploration.blocked", "blocked", "How many runs ended early because they could only repeat traces already run (sleep-set blocked; 0 with optimal DPOR).")
	AddDoc("exploration.bounded", "bounded", "True when the search tried only part of the schedules on purpose: preemptions=, random= or schedule=.")
	AddDoc("exploration.complete", "complete", "True when every schedule was tried: not bounded, and not stopped by max_schedules or budget.")
	AddDoc("exploration.reduction", "reduction", "Which search ran, in words, e.g. optimal DPOR (wakeup trees and sleep sets).")
	AddDoc("exploration.counterexample", "counterexample", "The interleaving table of the forbidden outcome (or, without expect=, the deadlock) reached with the fewest preemptions; None if there is none.")
	AddDoc("exploration.example", "example(outcome)",
		"The interleaving table of a schedule that gave this outcome, with the fewest thread switches among the schedules explore ran; None if no schedule gave it.")
	AddDoc("trace.lost", "lost", "The steps at which a thread wrote a value computed from a stale read, wiping out another thread's write.")
	AddDoc("trace.threads", "threads", "The names of the threads in the trace.")
}

// sortedOutcomes orders outcomes numerically when they are numbers.
func sortedOutcomes(rep *runtime.ExploreReport) []*runtime.Outcome {
	out := append([]*runtime.Outcome(nil), rep.Outcomes...)
	num := func(o *runtime.Outcome) (float64, bool) {
		if x, ok := o.Value.(starlark.Value); ok && !o.Deadlock {
			if f, ok := starlark.AsFloat(x); ok {
				return f, true
			}
		}
		return math.Inf(1), false
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, aok := num(out[i])
		b, bok := num(out[j])
		if aok && bok {
			return a < b
		}
		return aok && !bok
	})
	return out
}

// cpuValue is what lab.cpu returns.
type cpuValue struct{ rep *runtime.CPUReport }

func (v cpuValue) headline() string {
	return fmt.Sprintf("%.0f%% of %.0f%% (%s)", v.rep.Percent, 100*v.rep.Cores, coresText(v.rep.Cores))
}

func coresText(c float64) string {
	if c == math.Trunc(c) {
		if c == 1 {
			return "1 core"
		}
		return fmt.Sprintf("%.0f cores", c)
	}
	return fmt.Sprintf("%.2f cores", c)
}

func (v cpuValue) String() string        { return v.headline() }
func (v cpuValue) Type() string          { return "cpu_report" }
func (v cpuValue) Freeze()               {}
func (v cpuValue) Truth() starlark.Bool  { return starlark.True }
func (v cpuValue) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: cpu_report") }
func (v cpuValue) AttrNames() []string   { return []string{"cores", "per_core", "percent", "seconds"} }
func (v cpuValue) MIMEBundle() map[string]any {
	return map[string]any{
		"text/plain": "CPU use: " + v.headline(),
		"text/html":  fmt.Sprintf(`<p class="threadlab-cpu-headline"><b>CPU use:</b> %s</p>`, v.headline()),
	}
}

func (v cpuValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "percent":
		return starlark.Float(math.Round(v.rep.Percent*10) / 10), nil
	case "cores":
		if v.rep.Cores == math.Trunc(v.rep.Cores) {
			return starlark.MakeInt(int(v.rep.Cores)), nil
		}
		return starlark.Float(v.rep.Cores), nil
	case "seconds":
		return starlark.Float(v.rep.Seconds), nil
	case "per_core":
		var l []starlark.Value
		for _, p := range v.rep.PerCore {
			l = append(l, starlark.Float(math.Round(p*10)/10))
		}
		return starlark.NewList(l), nil
	}
	return nil, nil
}

var cpuDisplays atomic.Int64

func (w *world) labModule() *starlarkstruct.Module {
	shared := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if len(args) > 0 {
			return nil, NewError("TypeError", "lab.shared takes named fields, as in lab.shared(balance=0)")
		}
		var names []string
		var values []any
		for _, kv := range kw {
			names = append(names, string(kv[0].(starlark.String)))
			if !w.rt.GIL() {
				kv[1].Freeze()
			}
			values = append(values, kv[1])
		}
		v := &sharedValue{w: w, s: w.rt.NewShared(names, values, currentLine(th))}
		w.sharedNames.Store(v.s.ID(), w.s.locks.at(th.CallFrame(1).Pos)) // (ids repeat across explored runs: always overwrite)
		return v, nil
	}
	gil := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var on starlark.Value = starlark.None
		if err := starlark.UnpackArgs("gil", args, kw, "on?", &on); err != nil {
			return nil, err
		}
		if on == starlark.None {
			return starlark.Bool(w.rt.GIL()), nil
		}
		if err := w.onMain(th, "lab.gil"); err != nil {
			return nil, err
		}
		if err := w.rt.SetGIL(bool(on.Truth())); err != nil {
			return nil, NewError("RuntimeError", err.Error())
		}
		return starlark.None, nil
	}
	interval := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var steps starlark.Value = starlark.None
		if err := starlark.UnpackArgs("switch_interval", args, kw, "steps?", &steps); err != nil {
			return nil, err
		}
		if steps == starlark.None {
			return starlark.MakeInt(w.rt.SwitchInterval()), nil
		}
		n, err := starlark.AsInt32(steps)
		if err != nil {
			return nil, NewError("TypeError", "lab.switch_interval takes a whole number of interpreter steps")
		}
		if err := w.rt.SetSwitchInterval(n); err != nil {
			return nil, NewError("ValueError", err.Error())
		}
		w.tick(th) // the new interval applies from now
		return starlark.None, nil
	}
	seed := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var n starlark.Value
		if err := starlark.UnpackPositionalArgs("seed", args, kw, 1, &n); err != nil {
			return nil, err
		}
		if err := w.onMain(th, "lab.seed"); err != nil {
			return nil, err
		}
		var p *uint64
		if n != starlark.None {
			i, err := starlark.AsInt32(n)
			if err != nil {
				return nil, NewError("TypeError", "lab.seed takes a whole number, or None to go back to real scheduling")
			}
			u := uint64(int64(i))
			p = &u
		}
		if err := w.rt.Seed(p); err != nil {
			return nil, NewError("RuntimeError", err.Error())
		}
		w.tick(th) // start the main thread's step budget afresh, from the new schedule
		return starlark.None, nil
	}
	trace := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		predict := false
		if err := starlark.UnpackArgs("trace", args, kw, "predict?", &predict); err != nil {
			return nil, err
		}
		if predict {
			return predictValue{w.rt.Trace()}, nil
		}
		return traceValue{w.rt.Trace()}, nil
	}
	tracing := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var on bool
		if err := starlark.UnpackPositionalArgs("tracing", args, kw, 1, &on); err != nil {
			return nil, err
		}
		w.rt.SetTracing(on)
		return starlark.None, nil
	}
	stop := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs("stop", args, kw, 0); err != nil {
			return nil, err
		}
		n := len(w.rt.Threads()) - 1
		w.rt.StopThreads()
		var ended bool
		if err := w.me(th).Blocking(func() { ended = w.rt.Wait(2 * time.Second) }); err != nil {
			return nil, w.fail(th, err)
		}
		if !ended {
			return nil, NewError("RuntimeError", "some threads did not stop within 2 seconds")
		}
		return starlark.MakeInt(n), nil
	}
	return &starlarkstruct.Module{Name: "lab", Members: starlark.StringDict{
		"shared": Builtin("lab", "shared", "shared(**fields)",
			"Make an object whose fields threads share, as in account = lab.shared(balance=0). "+
				"Every read (account.balance) and write (account.balance = 5) is one step that lab.trace() records, "+
				"with the thread, the source line and the value. In threadlab, state that functions or threads change lives here.", shared),
		"gil": Builtin("lab", "gil", "gil(on=None)",
			"Turn the global interpreter lock on (the default) or off. With it on, only one thread runs Python code at a time; "+
				"off, threads run in parallel on every core, like a free-threaded Python build. With no argument, tell whether it is on.", gil),
		"switch_interval": Builtin("lab", "switch_interval", "switch_interval(steps=None)",
			"About how many interpreter steps a thread runs before it offers the GIL to a waiting thread (default 100; each turn is between half and one and a half times it, as real switches vary). With no argument, return it.", interval),
		"seed": Builtin("lab", "seed", "seed(n)",
			"Make scheduling repeatable: after lab.seed(n), the same cell gives the same interleaving, output and trace every time, "+
				"and time.sleep is virtual. lab.seed(None) goes back to real scheduling.", seed),
		"trace": Builtin("lab", "trace", "trace(predict=False)",
			"The shared-state events of this cell (or the last cell that had some), shown as an interleaving table: "+
				"one column per thread, one row per read or write in the order they happened. len(trace) counts the events; "+
				"trace.lost lists the steps where an update was lost. With predict=True the state after each step stays hidden "+
				"until you reveal it, row by row: predict it first.", trace),
		"tracing": Builtin("lab", "tracing", "tracing(on)",
			"Turn recording of shared-state events on (the default) or off; off is faster for long runs.", tracing),
		"explore": Builtin("lab", "explore", "explore(fn, expect=None, max_schedules=100000, naive=False, preemptions=None, budget=None, random=0, seed=0, depth=3, schedule=None)",
			"Run fn (which starts threads, joins them and returns a result) once for every distinct interleaving of the threads' "+
				"shared-state and lock operations: schedules that differ only in the order of independent steps count as one trace (optimal DPOR), "+
				"and with locks only the order of the critical sections counts. Reports each outcome with how many traces gave it, the deadlocks, "+
				"and a counterexample with the fewest thread switches. expect= gives verdicts: one value (the only acceptable outcome), or a dict "+
				"from outcomes (or 'deadlock') to 'acceptable', 'interesting' or 'forbidden' (or a pair of a verdict and a description); undeclared "+
				"outcomes are forbidden, and the cell fails with the counterexample when a forbidden one comes. preemptions=k tries only schedules "+
				"with at most k preemptions; budget=seconds stops after that long; random=n runs n random schedules (PCT) from seed; "+
				"schedule=\"saver saver spender ...\" runs the one schedule you write, naming the thread that makes each shared read, write, acquire or release. "+
				"Fields: schedules, outcomes, verdicts, deadlocks, blocked, complete, bounded, reduction, counterexample; example(outcome) shows the "+
				"schedule behind any result.", w.explore),
		"cpu": Builtin("lab", "cpu", "cpu(seconds=3)",
			"Watch how busy the CPU is for the given number of seconds while your threads run: a live plot of the kernel's CPU use and each core's, "+
				"ending with a headline such as 198% of 200% (2 cores). 100% means one core kept busy. Fields: percent, cores, per_core.", w.cpu),
		"stop": Builtin("lab", "stop", "stop()",
			"Stop every running thread and process (an interrupt does the same). Returns how many were running.", stop),
		"stepper": w.stepperBuiltin(),
	}}
}

func (w *world) onMain(th *starlark.Thread, fn string) error {
	if !w.me(th).IsMain() {
		return NewError("RuntimeError", fn+" can only be called from cell code (MainThread), not from a thread")
	}
	return nil
}

func (w *world) explore(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Callable
	var expect, preemptions, budget, schedule starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None
	maxSchedules, random, seed, depth := 100000, 0, 0, 3
	naive := false
	if err := starlark.UnpackArgs("explore", args, kw, "fn", &fn, "expect?", &expect, "max_schedules?", &maxSchedules, "naive?", &naive,
		"preemptions?", &preemptions, "budget?", &budget, "random?", &random, "seed?", &seed, "depth?", &depth,
		"schedule?", &schedule); err != nil {
		return nil, err
	}
	if err := w.onMain(th, "lab.explore"); err != nil {
		return nil, err
	}
	opts := runtime.ExploreOptions{
		MaxSchedules: maxSchedules,
		Naive:        naive,
		Key:          func(v any) string { return PyRepr(v.(starlark.Value)) },
		Random:       random,
		Seed:         uint64(seed),
		Depth:        depth,
	}
	switch {
	case maxSchedules < 1:
		return nil, NewError("ValueError", "lab.explore: max_schedules must be at least 1")
	case random < 0 || depth < 1 || seed < 0:
		return nil, NewError("ValueError", "lab.explore: random (a number of runs), seed and depth must not be negative, and depth must be at least 1")
	}
	if preemptions != starlark.None {
		k, err := starlark.AsInt32(preemptions)
		if err != nil || k < 0 {
			return nil, NewError("ValueError", "lab.explore: preemptions must be a whole number of preemptions, 0 or more")
		}
		opts.Bounded, opts.Preemptions = true, k
	}
	if budget != starlark.None {
		f, ok := starlark.AsFloat(budget)
		if !ok || f <= 0 {
			return nil, NewError("ValueError", "lab.explore: budget must be a positive number of seconds")
		}
		opts.Budget = time.Duration(f * float64(time.Second))
	}
	switch sc := schedule.(type) {
	case starlark.String:
		if opts.Schedule = strings.Fields(string(sc)); len(opts.Schedule) == 0 {
			return nil, NewError("ValueError", "lab.explore: the schedule is empty; name the thread for each step, e.g. schedule=\"saver saver spender\"")
		}
	case starlark.NoneType:
	default:
		return nil, NewError("TypeError", "lab.explore: schedule must be a string of thread names, not "+schedule.Type())
	}
	var err error
	if opts.Expect, err = expectations(expect); err != nil {
		return nil, err
	}
	run := func(opts runtime.ExploreOptions) (*runtime.ExploreReport, error) {
		out := th.Local(LocalOutput)
		th.SetLocal(LocalOutput, discard{})
		w.exploring = true
		rep, err := w.rt.Explore(w.me(th), func() (any, error) {
			v, err := starlark.Call(th, fn, nil, nil)
			return v, err
		}, opts)
		w.exploring = false
		th.SetLocal(LocalOutput, out)
		var se *runtime.ScheduleError
		switch {
		case err == nil:
			return rep, nil
		case isRuntimeSignal(err):
			return nil, w.fail(th, err)
		case errors.As(err, &se):
			return nil, NewError("ValueError", "lab.explore: "+err.Error())
		}
		return nil, NewError("RuntimeError", err.Error())
	}
	rep, err := run(opts)
	if err != nil {
		return nil, err
	}
	v := exploreValue{rep: rep, naive: -1}
	if !opts.Naive && !rep.Bounded && rep.Complete {
		// The naive count, where it is cheap: the same search without the
		// reduction, for a short while.
		budget := min(max(2*rep.Elapsed, 5*time.Millisecond), 200*time.Millisecond)
		n, err := run(runtime.ExploreOptions{Naive: true, MaxSchedules: naiveCap, Budget: budget, Key: opts.Key})
		if err != nil {
			return nil, err
		}
		v.naive, v.naiveComplete, v.naiveTook = n.Schedules, n.Complete, n.Elapsed
	}
	if rep.Failed {
		ce := rep.Counterexample
		if out := threadOutput(th); out != nil {
			out.Display(exploreBundle(v), nil, "", false)
		}
		return nil, &CellError{Name: "AssertionError",
			Message: fmt.Sprintf("lab.explore: the forbidden outcome %s came in %d of %d %s; above is the report and the counterexample with the fewest preemptions (%d)",
				ce.Key, ce.Count, rep.Schedules, rep.Counts, ce.Preemptions)}
	}
	return v, nil
}

// The naive count lab.explore adds to a complete report stops at this
// many interleavings, or after twice the reduced search's time (at least
// 5 ms, at most 200 ms).
const naiveCap = 20000

// expectations reads lab.explore's expect=: a dict from outcomes to
// verdicts ("acceptable", "interesting", "forbidden", or a pair of a
// verdict and a description), or one value, the only acceptable outcome.
func expectations(expect starlark.Value) ([]runtime.Expectation, error) {
	key := func(v starlark.Value) string {
		if s, ok := v.(starlark.String); ok && string(s) == "deadlock" {
			return "deadlock"
		}
		return PyRepr(v)
	}
	switch e := expect.(type) {
	case starlark.NoneType:
		return nil, nil
	case *starlark.Dict:
		var out []runtime.Expectation
		for _, item := range e.Items() {
			x := runtime.Expectation{Key: key(item[0]), Value: item[0]}
			verdict := item[1]
			if t, ok := verdict.(starlark.Tuple); ok && len(t) == 2 {
				d, ok := t[1].(starlark.String)
				if !ok {
					return nil, NewError("TypeError", fmt.Sprintf("lab.explore: the description of outcome %s must be a string, not %s", x.Key, t[1].Type()))
				}
				verdict, x.Description = t[0], string(d)
			}
			name, _ := verdict.(starlark.String)
			v, ok := runtime.ParseVerdict(string(name))
			if !ok {
				return nil, NewError("ValueError", fmt.Sprintf("lab.explore: the verdict for outcome %s is %s; use 'acceptable', 'interesting' or 'forbidden' (or a pair of one and a description)",
					x.Key, PyRepr(item[1])))
			}
			x.Verdict = v
			out = append(out, x)
		}
		return out, nil
	}
	return []runtime.Expectation{{Key: key(expect), Value: expect, Verdict: runtime.Acceptable, Description: "expected"}}, nil
}

func (w *world) cpu(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
	var secs starlark.Value = starlark.MakeInt(3)
	if err := starlark.UnpackArgs("cpu", args, kw, "seconds?", &secs); err != nil {
		return nil, err
	}
	f, ok := starlark.AsFloat(secs)
	if !ok || f <= 0 || f > 600 {
		return nil, NewError("ValueError", "lab.cpu takes a number of seconds between 0 and 600")
	}
	me := w.me(th)
	out := threadOutput(th)
	id := fmt.Sprintf("threadlab-cpu-%d-%d", time.Now().UnixNano(), cpuDisplays.Add(1))
	dur := time.Duration(f * float64(time.Second))
	cores := runtime.Cores()
	every := max(dur/40, 100*time.Millisecond)
	var samples []runtime.CPUSample
	out.Display(cpuBundle(samples, cores, dur, every, ""), nil, id, false)
	var rep *runtime.CPUReport
	var serr error
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		select {
		case <-me.Stopping():
			cancel()
		case <-ctx.Done():
		}
	}()
	err := me.Blocking(func() {
		rep, serr = runtime.SampleCPU(ctx, dur, every, func(s runtime.CPUSample) {
			samples = append(samples, s)
			out.Display(cpuBundle(samples, cores, dur, every, ""), nil, id, true)
		})
	})
	cancel()
	if err != nil {
		return nil, w.fail(th, err)
	}
	if serr != nil {
		return nil, NewError("RuntimeError", "could not read CPU use: "+serr.Error())
	}
	v := cpuValue{rep}
	out.Display(cpuBundle(samples, cores, dur, every, v.headline()), nil, id, true)
	return v, nil
}
