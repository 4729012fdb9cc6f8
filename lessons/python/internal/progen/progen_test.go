package progen

import (
	"math/rand"
	"strings"
	"testing"
	"time"
)

const python3 = "/usr/bin/python3"

// TestProgramsRunOnCPython: generated programs are valid Python that CPython
// runs quickly, raising only where the Errors feature asks for it.
func TestProgramsRunOnCPython(t *testing.T) {
	py, err := StartCPython(python3)
	if err != nil {
		t.Fatal(err)
	}
	defer py.Close()
	for _, tc := range []struct {
		name     string
		features Features
		maxErr   float64 // the largest share of programs that may raise
	}{
		{"all", All, 0.15},
		{"no errors", All &^ Errors, 0},
		{"ints and control flow", Ints | Compare | If | While | For | Funcs, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewSource(1))
			srcs := make([]string, 1500)
			for i := range srcs {
				srcs[i] = Generate(r, tc.features).Source()
			}
			began := time.Now()
			results, err := py.RunAll(srcs)
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(began); d > 20*time.Second {
				t.Errorf("CPython took %v for %d programs; the programs are too heavy", d, len(srcs))
			}
			raised := 0
			for i, res := range results {
				if res.Exc == "" {
					continue
				}
				raised++
				kind, _, _ := strings.Cut(res.Exc, ":")
				switch kind {
				case "ZeroDivisionError", "IndexError", "KeyError", "TypeError", "ValueError", "NameError", "AttributeError":
					if tc.features&Errors != 0 {
						continue
					}
				}
				t.Errorf("program %d raised %s:\n%s", i, res.Exc, srcs[i])
				if raised > 3 {
					t.FailNow()
				}
			}
			if share := float64(raised) / float64(len(srcs)); share > tc.maxErr {
				t.Errorf("%.1f%% of the programs raised, more than %.0f%%", 100*share, 100*tc.maxErr)
			}
		})
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	a := Generate(rand.New(rand.NewSource(42)), All).Source()
	b := Generate(rand.New(rand.NewSource(42)), All).Source()
	if a != b {
		t.Fatalf("the same seed gave two programs:\n%s\n---\n%s", a, b)
	}
}

func TestParseFeatures(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Features
		ok   bool
	}{
		{"ints,lists", Ints | Lists, true},
		{" if , while ", If | While, true},
		{"all", All, true},
		{"", 0, true},
		{"goto", 0, false},
	} {
		got, err := ParseFeatures(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseFeatures(%q) = %v, %v; want %v, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
	}
	if s := (Ints | Sets).String(); s != "ints,sets" {
		t.Errorf("String() = %q", s)
	}
	if f, err := ParseFeatures(All.String()); err != nil || f != All {
		t.Errorf("All does not round-trip: %v %v", f, err)
	}
}

func TestWithout(t *testing.T) {
	p := Program{Stmts: []string{"a = 1\n", "b = 2\n", "print(a)\n"}}
	if got := p.Without(1).Source(); got != "a = 1\nprint(a)\n" {
		t.Errorf("Without(1) = %q", got)
	}
	if len(p.Stmts) != 3 {
		t.Errorf("Without changed the program it was called on")
	}
}
