package runtime

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
)

// A differential test of the reduction: random small programs are
// explored with the reduction and without it, and run through a brute
// force interpreter here that tries every interleaving and sorts them into
// Mazurkiewicz traces. The reduced search must find exactly the outcomes
// of the naive one and of the brute force, and run one schedule per trace.

// rop is one operation of a random program: a read or write of variable
// v, or an acquire or release of lock v.
type rop struct {
	kind byte // 'r', 'w', 'a' (acquire), 'l' (release), 't' (acquire without blocking), 'u' (release if the 't' before got it)
	v    int
}

type rprog [][]rop

func (p rprog) String() string {
	var ths []string
	for _, ops := range p {
		var s []string
		for _, o := range ops {
			s = append(s, fmt.Sprintf("%c%d", o.kind, o.v))
		}
		ths = append(ths, strings.Join(s, " "))
	}
	return strings.Join(ths, " | ")
}

// randomProgram makes 2 or 3 threads of 2 to 4 reads and writes of two
// variables, some of them inside a lock (sometimes two nested locks, in
// either order, so that some programs can deadlock).
func randomProgram(r *rand.Rand) rprog {
	if r.IntN(4) == 0 {
		// Two threads that take both locks, perhaps in opposite orders.
		p := make(rprog, 2)
		for t := range p {
			l := r.IntN(2)
			p[t] = []rop{{'a', l}, {'a', 1 - l}, {'w', r.IntN(2)}, {'l', 1 - l}, {'l', l}}
			if r.IntN(2) == 0 {
				p[t] = append([]rop{{'r', r.IntN(2)}}, p[t]...)
			}
		}
		return p
	}
	for {
		p := make(rprog, 2+r.IntN(2))
		total := 0
		for t := range p {
			var ops []rop
			for range 2 + r.IntN(3) {
				kind := byte('r')
				if r.IntN(2) == 0 {
					kind = 'w'
				}
				ops = append(ops, rop{kind, r.IntN(2)})
			}
			if r.IntN(2) == 0 {
				i := r.IntN(len(ops))
				j := i + 1 + r.IntN(len(ops)-i)
				l := r.IntN(2)
				inner := ops[i:j]
				if r.IntN(2) == 0 {
					k := r.IntN(len(inner))
					inner = slices.Concat(inner[:k], []rop{{'a', 1 - l}}, inner[k:], []rop{{'l', 1 - l}})
				}
				ops = slices.Concat(ops[:i], []rop{{'a', l}}, inner, []rop{{'l', l}}, ops[j:])
			}
			if r.IntN(4) == 0 {
				i, l := r.IntN(len(ops)+1), r.IntN(2)
				ops = slices.Concat(ops[:i], []rop{{'t', l}, {'u', l}}, ops[i:])
			}
			p[t] = ops
			total += len(ops)
		}
		if total <= 12 {
			return p
		}
	}
}

// step is what an operation does to a thread's accumulator and the
// variables, the same in the runtime and in the brute force.
func readInto(acc, v int) int     { return (acc*3 + v) % 997 }
func written(acc, thread int) int { return acc*10 + thread }

func (p rprog) program() program {
	return func(rt *Runtime, main *Thread) func() (any, error) {
		return func() (any, error) {
			s := rt.NewShared([]string{"v0", "v1"}, []any{0, 0}, 1)
			locks := []*Lock{rt.NewLock(false, 1, "l0"), rt.NewLock(false, 1, "l1")}
			accs := make([]int, len(p))
			bodies := make([]func(th *Thread) error, len(p))
			for tid, ops := range p {
				bodies[tid] = func(th *Thread) error {
					acc := tid + 1
					tried := false
					for _, o := range ops {
						field := fmt.Sprintf("v%d", o.v)
						var err error
						switch o.kind {
						case 'r':
							var v int
							v, err = getInt(th, s, field)
							acc = readInto(acc, v)
						case 'w':
							err = s.Set(th, field, written(acc, tid))
						case 'a':
							_, err = locks[o.v].Acquire(th, true, -1)
						case 'l':
							err = locks[o.v].Release(th)
						case 't':
							var got bool
							got, err = locks[o.v].Acquire(th, false, -1)
							tried = got
							acc = readInto(acc, b2i(got))
						case 'u':
							if tried {
								err = locks[o.v].Release(th)
							}
						}
						if err != nil {
							return err
						}
					}
					accs[tid] = acc
					return nil
				}
			}
			if err := spawn(rt, main, bodies...); err != nil {
				return nil, err
			}
			_, vs := s.Snapshot()
			return fmt.Sprint(vs, accs), nil
		}
	}
}

// bruteForce runs every interleaving of p and returns the outcomes and the
// number of Mazurkiewicz traces: interleavings that order every pair of
// dependent operations (same variable and one a write; same lock) alike
// are one trace.
func (p rprog) bruteForce() (outcomes map[string]bool, traces, interleavings int) {
	type access struct {
		thread, index int
		write         bool
	}
	outcomes = map[string]bool{}
	classes := map[string]bool{}
	pc := make([]int, len(p))
	acc := make([]int, len(p))
	for t := range acc {
		acc[t] = t + 1
	}
	vars := []int{0, 0}
	owner := []int{-1, -1}
	tried := make([]bool, len(p)) // the thread's last 't' got its lock
	logs := make([][]access, 4)   // v0, v1, l0, l1
	var walk func()
	walk = func() {
		moved, done := false, true
		for t, ops := range p {
			if pc[t] == len(ops) {
				continue
			}
			done = false
			o := ops[pc[t]]
			if o.kind == 'a' && owner[o.v] >= 0 {
				continue
			}
			if o.kind == 'u' && !tried[t] {
				// The try failed: nothing to release, and no step.
				pc[t]++
				walk()
				pc[t]--
				return
			}
			moved = true
			savedAcc, savedVars, savedOwner, savedTried := acc[t], slices.Clone(vars), slices.Clone(owner), tried[t]
			obj := o.v
			switch o.kind {
			case 'r':
				acc[t] = readInto(acc[t], vars[o.v])
			case 'w':
				vars[o.v] = written(acc[t], t)
			case 'a':
				owner[o.v], obj = t, 2+o.v
			case 'l', 'u':
				owner[o.v], obj = -1, 2+o.v
			}
			write := o.kind != 'r'
			if o.kind == 't' {
				obj = 2 + o.v
				got := owner[o.v] < 0
				if got {
					owner[o.v] = t
				}
				write, tried[t] = got, got
				acc[t] = readInto(acc[t], b2i(got))
			}
			logs[obj] = append(logs[obj], access{t, pc[t], write})
			pc[t]++
			walk()
			pc[t]--
			logs[obj] = logs[obj][:len(logs[obj])-1]
			acc[t], vars, owner, tried[t] = savedAcc, savedVars, savedOwner, savedTried
		}
		if moved {
			return
		}
		interleavings++
		if done {
			outcomes[fmt.Sprint([]any{vars[0], vars[1]}, acc)] = true
		} else {
			outcomes["deadlock"] = true
		}
		// The trace: for each object, its accesses in order, with the
		// reads between two writes in any order.
		var key strings.Builder
		for _, log := range logs {
			var reads []string
			flush := func() {
				sort.Strings(reads)
				key.WriteString(strings.Join(reads, ","))
				reads = reads[:0]
			}
			for _, a := range log {
				s := fmt.Sprintf("%d.%d", a.thread, a.index)
				if a.write {
					flush()
					key.WriteString(";W" + s + ";")
				} else {
					reads = append(reads, s)
				}
			}
			flush()
			key.WriteString("|")
		}
		classes[key.String()] = true
	}
	walk()
	return outcomes, len(classes), interleavings
}

func outcomeSet(rep *ExploreReport) map[string]bool {
	set := map[string]bool{}
	for _, o := range rep.Outcomes {
		set[o.Key] = true
	}
	return set
}

func keysOf(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func TestExploreDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 2026))
	deadlocks, locked, tries, naiveRuns := 0, 0, 0, 0
	programs, minimum := 100, 20
	if raceBuild {
		programs, minimum = 25, 5
	}
	for i := range programs {
		p := randomProgram(r)
		want, traces, interleavings := p.bruteForce()
		var rep *ExploreReport
		for _, source := range []bool{false, true} {
			rt := New()
			rep = explore(t, rt, func(main *Thread) func() (any, error) { return p.program()(rt, main) }, ExploreOptions{Source: source})
			got := outcomeSet(rep)
			if !rep.Complete || !slices.Equal(keysOf(got), keysOf(want)) {
				t.Errorf("program %d (%v), %s: reduced outcomes %v, brute force %v", i, p, rep.Reduction, keysOf(got), keysOf(want))
			}
			if rep.Schedules != traces {
				t.Errorf("program %d (%v), %s: %d schedules, %d traces (of %d interleavings)", i, p, rep.Reduction, rep.Schedules, traces, interleavings)
			}
			if !source && rep.Pruned != 0 {
				t.Errorf("program %d (%v): optimal DPOR ended %d runs sleep-set blocked", i, p, rep.Pruned)
			}
		}
		got := outcomeSet(rep)
		if interleavings <= 20 {
			naiveRuns++
			rt2 := New()
			naive := explore(t, rt2, func(main *Thread) func() (any, error) { return p.program()(rt2, main) }, ExploreOptions{Naive: true, MaxSchedules: 1 << 30})
			if n := outcomeSet(naive); !slices.Equal(keysOf(n), keysOf(got)) {
				t.Errorf("program %d (%v): naive outcomes %v, reduced %v", i, p, keysOf(n), keysOf(got))
			}
			// The counterexample (a deadlock, as nothing is expected) needs
			// as few preemptions as the least preemptive interleaving.
			for _, o := range naive.Outcomes {
				if ce := rep.Counterexample; o.Deadlock && (ce == nil || ce.Preemptions != o.Preemptions) {
					t.Errorf("program %d (%v): the deadlock needs %d preemptions; the counterexample is %+v", i, p, o.Preemptions, ce)
				}
			}
			// With one outcome forbidden, its counterexample needs as few
			// preemptions as its least preemptive interleaving.
			o := naive.Outcomes[0]
			for _, x := range naive.Outcomes {
				if x.Preemptions > o.Preemptions {
					o = x // the hardest to reach
				}
			}
			if !o.Deadlock {
				expect := []Expectation{{Key: o.Key, Verdict: Forbidden}}
				for _, other := range naive.Outcomes {
					if other != o {
						expect = append(expect, Expectation{Key: other.Key, Verdict: Acceptable})
					}
				}
				rt3 := New()
				judged := explore(t, rt3, func(main *Thread) func() (any, error) { return p.program()(rt3, main) }, ExploreOptions{Expect: expect})
				if ce := judged.Counterexample; ce == nil || ce.Key != o.Key || ce.Preemptions != o.Preemptions {
					t.Errorf("program %d (%v): outcome %s needs %d preemptions; the counterexample is %+v", i, p, o.Key, o.Preemptions, ce)
				}
			}
			if naive.Schedules < rep.Schedules {
				t.Errorf("program %d (%v): naive search ran %d schedules, fewer than the reduced %d", i, p, naive.Schedules, rep.Schedules)
			}
		}
		if want["deadlock"] {
			deadlocks++
		}
		if strings.Contains(p.String(), "a") {
			locked++
		}
		if strings.Contains(p.String(), "t") {
			tries++
		}
	}
	// The programs must cover what the test is about.
	if deadlocks < minimum/5 || locked < minimum || tries < minimum/2 || naiveRuns < minimum {
		t.Errorf("only %d programs that can deadlock, %d with locks, %d with non-blocking acquires and %d compared with the naive search",
			deadlocks, locked, tries, naiveRuns)
	}
	t.Logf("%d programs that can deadlock, %d with locks, %d with non-blocking acquires, %d compared with the naive search", deadlocks, locked, tries, naiveRuns)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
