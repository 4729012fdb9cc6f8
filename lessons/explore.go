package lessons

import (
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"time"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// lab.explore(fn, ...): every distinct interleaving of fn's threads, with
// the outcomes, their verdicts and the counterexample with the fewest
// preemptions (runtime.Explore, through pyhost.Host.Explore, which
// restores __main__'s globals before every run).

// exploreValue is what lab.explore returns.
type exploreValue struct {
	rep *runtime.ExploreReport
	// naive is the number of schedules of the naive search (-1 when it was
	// not run); naiveComplete says whether it finished.
	naive         int
	naiveComplete bool
	naiveTook     time.Duration
}

var exploreType = python.NewType("exploration", nil).SetModule("lab")

func (*exploreValue) Type() *python.Type { return exploreType }

func (v *exploreValue) Repr(*python.Thread) (string, error) {
	return fmt.Sprintf("<explored %d schedules: %d outcomes, %d deadlocks>", v.rep.Schedules, len(observed(v.rep.Outcomes)), v.rep.Deadlocks), nil
}

func (v *exploreValue) MIMEBundle() map[string]any { return exploreBundle(v) }

// outcomeValue is an outcome as a dict key: the result itself, or the
// strings "deadlock" and "error: ...".
func outcomeValue(o *runtime.Outcome) python.Value {
	if x, ok := o.Value.(python.Value); ok && x != nil && !o.Deadlock && !strings.HasPrefix(o.Key, "error: ") {
		return x
	}
	if o.Value == nil && o.Key == "None" {
		return python.None
	}
	return python.Str(o.Key)
}

// setOutcome sets d[outcome] = v; an outcome that cannot be a key (a
// list) is keyed by its repr.
func setOutcome(t *python.Thread, d *python.Dict, o *runtime.Outcome, v python.Value) error {
	if err := d.Set(t, outcomeValue(o), v); err != nil {
		var exc *python.Exception
		if !errors.As(err, &exc) || exc.Type() != python.TypeError {
			return err
		}
		return d.Set(t, python.Str(o.Key), v)
	}
	return nil
}

func init() {
	prop := func(name string, get func(t *python.Thread, v *exploreValue) (python.Value, error)) {
		exploreType.AddAttr(name, python.NewProperty(name, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			return get(t, args[0].(*exploreValue))
		}))
	}
	// How many complete schedules ran: with the reduction, one per trace.
	prop("schedules", func(_ *python.Thread, v *exploreValue) (python.Value, error) { return python.Int(v.rep.Schedules), nil })
	// Runs that ended early because they could only repeat explored traces.
	prop("blocked", func(_ *python.Thread, v *exploreValue) (python.Value, error) { return python.Int(v.rep.Pruned), nil })
	prop("bounded", func(_ *python.Thread, v *exploreValue) (python.Value, error) { return python.Bool(v.rep.Bounded), nil })
	prop("complete", func(_ *python.Thread, v *exploreValue) (python.Value, error) { return python.Bool(v.rep.Complete), nil })
	prop("deadlocks", func(_ *python.Thread, v *exploreValue) (python.Value, error) { return python.Int(v.rep.Deadlocks), nil })
	prop("reduction", func(_ *python.Thread, v *exploreValue) (python.Value, error) { return python.Str(v.rep.Reduction), nil })
	// A dict from each outcome that came to how many schedules gave it.
	prop("outcomes", func(t *python.Thread, v *exploreValue) (python.Value, error) {
		d := python.NewDict()
		for _, o := range sortedOutcomes(v.rep) {
			if o.Count > 0 {
				if err := setOutcome(t, d, o, python.Int(o.Count)); err != nil {
					return nil, err
				}
			}
		}
		return d, nil
	})
	// A dict from each outcome to its verdict under expect=.
	prop("verdicts", func(t *python.Thread, v *exploreValue) (python.Value, error) {
		d := python.NewDict()
		for _, o := range sortedOutcomes(v.rep) {
			if o.Verdict != runtime.NoVerdict {
				if err := setOutcome(t, d, o, python.Str(o.Verdict.String())); err != nil {
					return nil, err
				}
			}
		}
		return d, nil
	})
	// The table of the bad outcome reached with the fewest preemptions.
	prop("counterexample", func(_ *python.Thread, v *exploreValue) (python.Value, error) {
		if ce := v.rep.Counterexample; ce != nil && ce.Example != nil {
			return &traceValue{tr: ce.Example}, nil
		}
		return python.None, nil
	})
	// example(outcome): the table of a schedule that gave the outcome.
	exploreType.AddMethod("example", func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
		var want python.Value
		if err := python.UnpackArgs("example", args[1:], kw, []string{"outcome"}, &want); err != nil {
			return nil, err
		}
		key, err := outcomeKey(t, want)
		if err != nil {
			return nil, err
		}
		for _, o := range args[0].(*exploreValue).rep.Outcomes {
			if o.Key == key && o.Example != nil {
				return &traceValue{tr: o.Example}, nil
			}
		}
		return python.None, nil
	})
}

// outcomeKey is how Explore names an outcome: its repr, or "deadlock".
func outcomeKey(t *python.Thread, v python.Value) (string, error) {
	if s, ok := v.(python.Str); ok && s == "deadlock" {
		return "deadlock", nil
	}
	return python.Repr(t, v)
}

// sortedOutcomes orders outcomes numerically when they are numbers.
func sortedOutcomes(rep *runtime.ExploreReport) []*runtime.Outcome {
	out := append([]*runtime.Outcome(nil), rep.Outcomes...)
	num := func(o *runtime.Outcome) (float64, bool) {
		if o.Deadlock {
			return math.Inf(1), false
		}
		switch x := o.Value.(type) {
		case python.Int:
			return float64(x), true
		case python.Float:
			return float64(x), true
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

// The naive count lab.explore adds to a complete report stops at this
// many interleavings, or after twice the reduced search's time (at least
// 5 ms, at most 200 ms).
const naiveCap = 20000

// exploreArgs are lab.explore's parameters after fn, in lab.py's order.
var exploreArgs = []string{"fn", "expect", "preemptions", "budget", "mode", "schedule", "max_schedules", "runs", "seed", "depth"}

// labExplore is _lab.explore(fn, expect, preemptions, budget, mode,
// schedule, max_schedules, runs, seed, depth).
func (s *Session) labExplore(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	var fn, expect, preemptions, budget, mode, schedule, maxSchedules, runs, seed, depth python.Value
	if err := python.UnpackArgs("explore", args, kw, exploreArgs, &fn, &expect, &preemptions, &budget, &mode, &schedule, &maxSchedules, &runs, &seed, &depth); err != nil {
		return nil, err
	}
	if !s.isMain(t) {
		return nil, errNotMain("lab.explore")
	}
	opts, naive, err := exploreOptions(t, expect, preemptions, budget, mode, schedule, maxSchedules, runs, seed, depth)
	if err != nil {
		return nil, err
	}
	out := s.outputOf(t)
	run := func(opts runtime.ExploreOptions) (*runtime.ExploreReport, error) {
		var rep *runtime.ExploreReport
		var err error
		quietly(t, func() { rep, err = s.host.Explore(t, s.main, fn, opts) })
		var se *runtime.ScheduleError
		switch {
		case err == nil:
			return rep, nil
		case errors.As(err, &se):
			return nil, python.Errorf(python.ValueError, "lab.explore: %s", err.Error())
		case errors.Is(err, runtime.ErrStopped):
			t.Cancel(err.Error())
			return nil, t.Err()
		}
		var exc *python.Exception
		if errors.As(err, &exc) {
			return nil, err
		}
		return nil, python.Errorf(python.RuntimeError, "%s", err.Error())
	}
	rep, err := run(opts)
	if err != nil {
		return nil, err
	}
	v := &exploreValue{rep: rep, naive: -1}
	if !naive && !rep.Bounded && rep.Complete {
		// The naive count, where it is cheap: the same search without the
		// reduction, for a short while.
		budget := min(max(2*rep.Elapsed, 5*time.Millisecond), 200*time.Millisecond)
		n, err := run(runtime.ExploreOptions{Naive: true, MaxSchedules: naiveCap, Budget: budget})
		if err != nil {
			return nil, err
		}
		v.naive, v.naiveComplete, v.naiveTook = n.Schedules, n.Complete, n.Elapsed
	}
	if rep.Failed {
		ce := rep.Counterexample
		out.Display(exploreBundle(v), nil, "", false)
		return nil, python.Errorf(python.AssertionError,
			"lab.explore: the forbidden outcome %s came in %d of %d %s; above is the report and the counterexample with the fewest preemptions (%d)",
			ce.Key, ce.Count, rep.Schedules, rep.Counts, ce.Preemptions)
	}
	return v, nil
}

// exploreOptions reads lab.explore's options; naive reports that the
// search is the naive one already.
// quietly runs f with t's output discarded: exploring and stepping run
// the function once per schedule, and what it prints would drown the
// report.
func quietly(t *python.Thread, f func()) {
	stdout, stderr := t.Stdout(), t.Stderr()
	t.SetStdout(io.Discard)
	t.SetStderr(io.Discard)
	f()
	t.SetStdout(stdout)
	t.SetStderr(stderr)
}

func exploreOptions(t *python.Thread, expect, preemptions, budget, mode, schedule, maxSchedules, runs, seed, depth python.Value) (runtime.ExploreOptions, bool, error) {
	var opts runtime.ExploreOptions
	whole := func(name string, v python.Value, least int64) (int, error) {
		n, ok := wholeNumber(v)
		if !ok || n < least || n > 1<<30 {
			return 0, python.Errorf(python.ValueError, "lab.explore: %s must be a whole number, at least %d", name, least)
		}
		return int(n), nil
	}
	var err error
	if opts.MaxSchedules, err = whole("max_schedules", maxSchedules, 1); err != nil {
		return opts, false, err
	}
	m, ok := mode.(python.Str)
	if !ok {
		return opts, false, python.Errorf(python.TypeError, "lab.explore: mode must be a string, not %s", python.TypeName(mode))
	}
	switch m {
	case "dpor":
	case "source":
		opts.Source = true
	case "naive":
		opts.Naive = true
	case "random", "pct":
		if opts.Random, err = whole("runs", runs, 1); err != nil {
			return opts, false, err
		}
		s, err := whole("seed", seed, 0)
		if err != nil {
			return opts, false, err
		}
		opts.Seed = uint64(s)
		if opts.Depth, err = whole("depth", depth, 1); err != nil {
			return opts, false, err
		}
	default:
		return opts, false, python.Errorf(python.ValueError, "lab.explore: mode is 'dpor' (the default: optimal DPOR), 'source' (source-DPOR), 'naive' (every interleaving) or 'random' (PCT runs), not %s", pyQuote(string(m)))
	}
	if preemptions != python.None {
		k, ok := wholeNumber(preemptions)
		if !ok || k < 0 || k > 1<<20 {
			return opts, false, python.Errorf(python.ValueError, "lab.explore: preemptions must be a whole number of preemptions, 0 or more")
		}
		opts.Bounded, opts.Preemptions = true, int(k)
	}
	if budget != python.None {
		f, ok := number(budget)
		if !ok || !(f > 0) || f > 1e6 {
			return opts, false, python.Errorf(python.ValueError, "lab.explore: budget must be a positive number of seconds")
		}
		opts.Budget = time.Duration(f * float64(time.Second))
	}
	switch sc := schedule.(type) {
	case python.Str:
		if opts.Schedule = strings.Fields(string(sc)); len(opts.Schedule) == 0 {
			return opts, false, python.Errorf(python.ValueError, "lab.explore: the schedule is empty; name the thread for each step, e.g. schedule=\"saver saver spender\"")
		}
	case *python.List, python.Tuple:
		// Names with spaces (Thread-1 (worker)) need a list.
		var names []python.Value
		if l, ok := sc.(*python.List); ok {
			names = l.Snapshot()
		} else {
			names = sc.(python.Tuple)
		}
		for _, n := range names {
			s, ok := n.(python.Str)
			if !ok {
				return opts, false, python.Errorf(python.TypeError, "lab.explore: the schedule's thread names must be strings, not %s", python.TypeName(n))
			}
			opts.Schedule = append(opts.Schedule, string(s))
		}
		if len(opts.Schedule) == 0 {
			return opts, false, python.Errorf(python.ValueError, "lab.explore: the schedule is empty; name the thread for each step")
		}
	case python.NoneType:
	default:
		return opts, false, python.Errorf(python.TypeError, "lab.explore: schedule must be a string of thread names (or a list of them), not %s", python.TypeName(schedule))
	}
	if opts.Expect, err = expectations(t, expect); err != nil {
		return opts, false, err
	}
	return opts, opts.Naive, nil
}

// pyQuote is repr of a str.
func pyQuote(s string) string {
	r, _ := python.Repr(nil, python.Str(s)) // (a str needs no thread)
	return r
}

// expectations reads lab.explore's expect=: a dict from outcomes to
// verdicts ('acceptable', 'interesting', 'forbidden', or a pair of a
// verdict and a description), or one value, the only acceptable outcome.
func expectations(t *python.Thread, expect python.Value) ([]runtime.Expectation, error) {
	switch e := expect.(type) {
	case python.NoneType:
		return nil, nil
	case *python.Dict:
		var out []runtime.Expectation
		for _, item := range e.Items() {
			key, err := outcomeKey(t, item[0])
			if err != nil {
				return nil, err
			}
			x := runtime.Expectation{Key: key, Value: item[0]}
			verdict := item[1]
			if pair, ok := verdict.(python.Tuple); ok && len(pair) == 2 {
				d, ok := pair[1].(python.Str)
				if !ok {
					return nil, python.Errorf(python.TypeError, "lab.explore: the description of outcome %s must be a string, not %s", key, python.TypeName(pair[1]))
				}
				verdict, x.Description = pair[0], string(d)
			}
			name, _ := verdict.(python.Str)
			v, ok := runtime.ParseVerdict(string(name))
			if !ok {
				r, _ := python.Repr(t, item[1])
				return nil, python.Errorf(python.ValueError, "lab.explore: the verdict for outcome %s is %s; use 'acceptable', 'interesting' or 'forbidden' (or a pair of one and a description)", key, r)
			}
			x.Verdict = v
			out = append(out, x)
		}
		return out, nil
	}
	key, err := outcomeKey(t, expect)
	if err != nil {
		return nil, err
	}
	return []runtime.Expectation{{Key: key, Value: expect, Verdict: runtime.Acceptable, Description: "expected"}}, nil
}
