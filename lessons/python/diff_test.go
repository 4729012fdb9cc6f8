package python_test

// The differential test: random programs from internal/progen run on
// threadlab (in this process, python.Run) and on /usr/bin/python3 (one
// batch process that execs each program in a fresh namespace), and what
// they print, and the exception line that ends them if one does, must be
// the same. A mismatch is shrunk to a minimal program and reported with
// both outputs.
//
//	THREADLAB_DIFF_N         programs to run (default 20000, 2000 under -race; make fuzz runs more)
//	THREADLAB_DIFF_SEED      the generator's seed (default 1)
//	THREADLAB_DIFF_FEATURES  progen features, comma-separated (default diffFeatures)

import (
	"fmt"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"threadlab/lessons/python/internal/progen"
)

// diffFeatures is what the generator uses by default: every feature the
// interpreter passes on.
const diffFeatures = progen.All

// diffChunk programs go to CPython at once while threadlab runs the
// previous ones, so the two sides use both cores.
const diffChunk = 2000

const python3 = "/usr/bin/python3"

func TestDiffCPython(t *testing.T) {
	defaultN := 20000
	if raceEnabled {
		defaultN = 2000
	}
	n, err := envInt("THREADLAB_DIFF_N", defaultN)
	if err != nil {
		t.Fatal(err)
	}
	diffCPython(t, n, "")
}

// traceFirst is a first statement that makes a program print what a
// trace function hears (sys.settrace): each call, line, return and
// exception of its functions, up to a bound.
const traceFirst = `import sys as _sys
_heard = [0]
def _hear(frame, event, arg):
    if _heard[0] < 300:
        _heard[0] += 1
        print("~", event, frame.f_code.co_name, frame.f_lineno)
    return _hear
_sys.settrace(_hear)
`

// TestDiffCPythonTraced is the differential test with a trace function
// that prints what it hears: the events, and the lines they are at,
// must be CPython's too.
func TestDiffCPythonTraced(t *testing.T) {
	defaultN := 2000
	if raceEnabled {
		defaultN = 200
	}
	n, err := envInt("THREADLAB_DIFF_TRACED_N", defaultN)
	if err != nil {
		t.Fatal(err)
	}
	diffCPython(t, n, traceFirst)
}

// diffCPython runs n generated programs, each after the statement first
// if it is not empty, on both interpreters.
func diffCPython(t *testing.T, n int, first string) {
	seed, err := envInt("THREADLAB_DIFF_SEED", 1)
	if err != nil {
		t.Fatal(err)
	}
	features := progen.Features(diffFeatures)
	if s := os.Getenv("THREADLAB_DIFF_FEATURES"); s != "" {
		if features, err = progen.ParseFeatures(s); err != nil {
			t.Fatal(err)
		}
	}
	py, err := progen.StartCPython(python3)
	if err != nil {
		t.Fatal(err)
	}
	defer py.Close()

	began := time.Now()
	r := rand.New(rand.NewSource(int64(seed)))
	agreed, reported, raised := 0, 0, 0
	for start := 0; start < n; start += diffChunk {
		progs := make([]progen.Program, min(diffChunk, n-start))
		srcs := make([]string, len(progs))
		for i := range progs {
			progs[i] = progen.Generate(r, features)
			if first != "" {
				progs[i].Stmts = append([]string{first}, progs[i].Stmts...)
			}
			srcs[i] = progs[i].Source()
		}
		type batch struct {
			res []progen.Result
			err error
		}
		theirs := make(chan batch, 1)
		go func() {
			res, err := py.RunAll(srcs)
			theirs <- batch{res, err}
		}()
		ours := make([]progen.Result, len(srcs))
		for i, src := range srcs {
			ours[i] = runOurs(src)
		}
		b := <-theirs
		if b.err != nil {
			t.Fatal(b.err)
		}
		for i := range srcs {
			if b.res[i].Exc != "" {
				raised++
			}
			if ours[i] == b.res[i] {
				agreed++
				continue
			}
			if b.res[i].Exc == progen.TimedOut {
				t.Errorf("program %d runs longer than 10 s on CPython; progen must not make such programs:\n%s", start+i, srcs[i])
				continue
			}
			if reported++; reported <= 3 {
				t.Error(describeMismatch(py, runOurs, start+i, progs[i]))
			}
		}
	}
	t.Logf("differential test: %d of %d programs agree with CPython (%d end in an exception; seed %d, features %s) in %v",
		agreed, n, raised, seed, features, time.Since(began).Round(time.Millisecond))
	if reported > 3 {
		t.Errorf("%d more mismatches not shown", reported-3)
	}
}

// runOurs runs one program on threadlab, in the shape progen.Result has
// for CPython's side.
func runOurs(src string) progen.Result {
	o, err := runBounded("<prog>", []byte(src), nil, 10*time.Second)
	if err != nil {
		return progen.Result{Stdout: o.stdout, Exc: "threadlab: " + err.Error()}
	}
	res := progen.Result{Stdout: o.stdout}
	if o.code != 0 && len(o.stderr) > 0 {
		res.Exc = o.stderr[len(o.stderr)-1]
	}
	return res
}

// describeMismatch shrinks a program on which the two disagree (dropping
// top-level statements while they still disagree) and shows it with both
// results.
func describeMismatch(py *progen.CPython, run func(string) progen.Result, index int, p progen.Program) string {
	ours, theirs, err := shrink(py, run, &p)
	if err != nil {
		return fmt.Sprintf("program %d: shrinking failed: %v\n%s", index, err, p.Source())
	}
	return fmt.Sprintf("program %d differs from CPython; minimal program:\n%s\n--- threadlab:\n%s%s\n--- CPython:\n%s%s",
		index, p.Source(), ours.Stdout, excLine(ours.Exc), theirs.Stdout, excLine(theirs.Exc))
}

func excLine(exc string) string {
	if exc == "" {
		return "(no exception)"
	}
	return "(exception) " + exc
}

// shrink replaces *p by the smallest program reachable by removing one
// statement at a time on which run (threadlab) and CPython still disagree,
// and returns both results for it.
func shrink(py *progen.CPython, run func(string) progen.Result, p *progen.Program) (ours, theirs progen.Result, err error) {
	for {
		cands := make([]progen.Program, 0, len(p.Stmts)+1)
		cands = append(cands, *p)
		for i := range p.Stmts {
			cands = append(cands, p.Without(i))
		}
		srcs := make([]string, len(cands))
		for i, c := range cands {
			srcs[i] = c.Source()
		}
		res, err := py.RunAll(srcs)
		if err != nil {
			return ours, theirs, err
		}
		first := run(srcs[0])
		if first == res[0] {
			return first, res[0], fmt.Errorf("the program agrees when run again")
		}
		ours, theirs = first, res[0]
		smaller := false
		for i := 1; i < len(cands); i++ {
			if o := run(srcs[i]); o != res[i] {
				*p, smaller = cands[i], true
				break
			}
		}
		if !smaller {
			return ours, theirs, nil
		}
	}
}

func envInt(name string, def int) (int, error) {
	s := os.Getenv(name)
	if s == "" {
		return def, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 0 {
		return 0, fmt.Errorf("%s=%q: want a number >= 0", name, s)
	}
	return v, nil
}

// TestShrink: a stand-in for threadlab that gets one statement wrong; the
// shrinker must cut the program down to the statements that show it.
func TestShrink(t *testing.T) {
	py, err := progen.StartCPython(python3)
	if err != nil {
		t.Fatal(err)
	}
	defer py.Close()
	wrong := func(src string) progen.Result {
		res, err := py.RunAll([]string{src})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(src, "x * 3") {
			res[0].Stdout += "extra\n"
		}
		return res[0]
	}
	p := progen.Program{Stmts: []string{"a = 1\n", "x = 7\n", "print(a)\n", "y = x * 3\n", "print(y)\n"}}
	msg := describeMismatch(py, wrong, 0, p)
	for _, want := range []string{"minimal program:\ny = x * 3\n\n", "--- threadlab:\nextra\n(exception) NameError: name 'x' is not defined"} {
		if !strings.Contains(msg, want) {
			t.Errorf("report lacks %q:\n%s", want, msg)
		}
	}
}
