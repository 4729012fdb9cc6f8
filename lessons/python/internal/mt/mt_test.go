package mt

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"testing"

	"threadlab/lessons/python/internal/pyerr"
	"threadlab/lessons/python/internal/pyref"
)

func outcome(s string, err error) string {
	var e *pyerr.Error
	if errors.As(err, &e) {
		return e.Kind.String() + ": " + e.Msg
	}
	if err != nil {
		return "unexpected " + err.Error()
	}
	return s
}

func want(r pyref.Result) string {
	if r.Err != "" {
		return r.Err
	}
	return r.Value
}

func seeded(t *testing.T, seed string) *Generator {
	g := New()
	if x, ok := new(big.Int).SetString(seed, 0); ok {
		g.SeedInt(x)
		return g
	}
	s, err := strconv.Unquote(seed)
	if err != nil {
		t.Fatalf("bad seed %s", seed)
	}
	g.SeedBytes([]byte(s))
	return g
}

func reprFloats(fs []float64) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = strconv.FormatFloat(f, 'g', 17, 64)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

var seeds = []string{"0", "1", "7", "-7", "42", "12345678901234567890123456789", "4294967296", "4294967295", `"hello"`, `""`, `"日本"`}

// TestSequences draws with each function after each seed and compares the
// whole sequence with CPython's.
func TestSequences(t *testing.T) {
	type draw struct {
		py  string
		go_ func(g *Generator) string
	}
	ints := func(f func(g *Generator) (*big.Int, error)) func(g *Generator) string {
		return func(g *Generator) string {
			var parts []string
			for i := 0; i < 20; i++ {
				x, err := f(g)
				if err != nil {
					return outcome("", err)
				}
				parts = append(parts, x.String())
			}
			return "[" + strings.Join(parts, ", ") + "]"
		}
	}
	b := func(s string) *big.Int { x, _ := new(big.Int).SetString(s, 10); return x }
	draws := []draw{
		{"[random.random() for _ in range(20)]", func(g *Generator) string {
			fs := make([]float64, 20)
			for i := range fs {
				fs[i] = g.Random()
			}
			return reprFloats(fs)
		}},
		{"[random.getrandbits(k) for k in (1, 5, 31, 32, 33, 63, 64, 65, 100, 0, 200, 7, 8, 96, 97, 31, 128, 129, 3, 1000)]",
			func(g *Generator) string {
				var parts []string
				for _, k := range []int{1, 5, 31, 32, 33, 63, 64, 65, 100, 0, 200, 7, 8, 96, 97, 31, 128, 129, 3, 1000} {
					x, _ := g.GetRandBits(k)
					parts = append(parts, x.String())
				}
				return "[" + strings.Join(parts, ", ") + "]"
			}},
		{"[random.randint(1, 6) for _ in range(20)]", ints(func(g *Generator) (*big.Int, error) { return g.Randint(big.NewInt(1), big.NewInt(6)) })},
		{"[random.randint(-10**30, 10**30) for _ in range(20)]", ints(func(g *Generator) (*big.Int, error) {
			return g.Randint(b("-1000000000000000000000000000000"), b("1000000000000000000000000000000"))
		})},
		{"[random.randrange(1000) for _ in range(20)]", ints(func(g *Generator) (*big.Int, error) { return g.Randrange(big.NewInt(1000), nil, nil, false) })},
		{"[random.randrange(2**40) for _ in range(20)]", ints(func(g *Generator) (*big.Int, error) { return g.Randrange(big.NewInt(1<<40), nil, nil, false) })},
		{"[random.randrange(10, 0, -3) for _ in range(20)]", ints(func(g *Generator) (*big.Int, error) {
			return g.Randrange(big.NewInt(10), big.NewInt(0), big.NewInt(-3), true)
		})},
		{"[random.randrange(0, 100, 7) for _ in range(20)]", ints(func(g *Generator) (*big.Int, error) {
			return g.Randrange(big.NewInt(0), big.NewInt(100), big.NewInt(7), true)
		})},
		{"[random.randrange(5, 2) for _ in range(20)]", ints(func(g *Generator) (*big.Int, error) {
			return g.Randrange(big.NewInt(5), big.NewInt(2), big.NewInt(1), true)
		})},
		{"[random.randrange(0, 10, 0) for _ in range(20)]", ints(func(g *Generator) (*big.Int, error) {
			return g.Randrange(big.NewInt(0), big.NewInt(10), big.NewInt(0), true)
		})},
		{"[random.randrange(0, 10, -1) for _ in range(20)]", ints(func(g *Generator) (*big.Int, error) {
			return g.Randrange(big.NewInt(0), big.NewInt(10), big.NewInt(-1), true)
		})},
		{"[random.randrange(-5) for _ in range(20)]", ints(func(g *Generator) (*big.Int, error) { return g.Randrange(big.NewInt(-5), nil, nil, false) })},
		{"[random.randint(3, 2) for _ in range(20)]", ints(func(g *Generator) (*big.Int, error) { return g.Randint(big.NewInt(3), big.NewInt(2)) })},
		{"[random.choice('abcdefg') for _ in range(20)]", func(g *Generator) string {
			var parts []string
			for i := 0; i < 20; i++ {
				j, _ := g.Choice(7)
				parts = append(parts, "'"+string("abcdefg"[j])+"'")
			}
			return "[" + strings.Join(parts, ", ") + "]"
		}},
		{"random.choice([])", func(g *Generator) string { _, err := g.Choice(0); return outcome("", err) }},
		{"(lambda l: (random.shuffle(l), l)[1])(list(range(30)))", func(g *Generator) string {
			l := make([]int, 30)
			for i := range l {
				l[i] = i
			}
			g.Shuffle(len(l), func(i, j int) { l[i], l[j] = l[j], l[i] })
			return intList(l)
		}},
		{"[random.sample(range(n), k) for n, k in ((10, 3), (10, 10), (1000, 5), (1000, 50), (30, 6), (100, 0))]", func(g *Generator) string {
			var parts []string
			for _, nk := range [][2]int{{10, 3}, {10, 10}, {1000, 5}, {1000, 50}, {30, 6}, {100, 0}} {
				s, _ := g.Sample(nk[0], nk[1])
				parts = append(parts, intList(s))
			}
			return "[" + strings.Join(parts, ", ") + "]"
		}},
		{"random.sample(range(3), 4)", func(g *Generator) string { _, err := g.Sample(3, 4); return outcome("", err) }},
		{"[random.choices(range(10), k=5), random.choices(range(4), cum_weights=[1, 1.5, 7, 8], k=10)]", func(g *Generator) string {
			a, _ := g.Choices(10, 5, nil)
			c, _ := g.Choices(4, 10, []float64{1, 1.5, 7, 8})
			return "[" + intList(a) + ", " + intList(c) + "]"
		}},
		{"[random.uniform(-2.5, 10) for _ in range(20)]", func(g *Generator) string {
			fs := make([]float64, 20)
			for i := range fs {
				fs[i] = g.Uniform(-2.5, 10)
			}
			return reprFloats(fs)
		}},
	}
	var exprs []string
	for _, s := range seeds {
		for _, d := range draws {
			py := strings.ReplaceAll(d.py, "random.random()", "float(repr17(random.random()))")
			py = strings.ReplaceAll(py, "random.uniform(-2.5, 10)", "float(repr17(random.uniform(-2.5, 10)))")
			exprs = append(exprs, fmt.Sprintf("(random.seed(%s), %s)[1]", s, py))
		}
	}
	prelude := "import random\nclass repr17(float):\n    def __repr__(self): return '%.17g' % self\n"
	// Lists of floats print with repr; repr17 prints the %.17g spelling Go uses.
	prelude += "float = repr17\n"
	res := pyref.Eval(t, prelude, exprs)
	for i, s := range seeds {
		for j, d := range draws {
			got := d.go_(seeded(t, s))
			if w := want(res[i*len(draws)+j]); got != w {
				t.Errorf("seed(%s); %s:\n got %.300s\nwant %.300s", s, d.py, got, w)
			}
		}
	}
}

func intList(l []int) string {
	parts := make([]string, len(l))
	for i, v := range l {
		parts[i] = strconv.Itoa(v)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func TestGetRandBitsNegative(t *testing.T) {
	r := pyref.Eval(t, "import random", []string{"random.getrandbits(-1)"})[0]
	_, err := New().GetRandBits(-1)
	if got := outcome("", err); got != want(r) {
		t.Errorf("getrandbits(-1): %q, CPython %q", got, want(r))
	}
}

// TestGauss allows a few units in the last place: gauss goes through log,
// sin and cos, where Go's math and the C library may round differently.
func TestGauss(t *testing.T) {
	var exprs []string
	for _, s := range seeds {
		exprs = append(exprs, fmt.Sprintf("(random.seed(%s), [random.gauss(1, 2) for _ in range(21)])[1]", s))
	}
	for i, r := range pyref.Eval(t, "import random", exprs) {
		g := seeded(t, seeds[i])
		for j, w := range strings.Split(strings.Trim(r.Value, "[]"), ", ") {
			want, err := strconv.ParseFloat(w, 64)
			if err != nil {
				t.Fatalf("CPython gave %q", r.Value)
			}
			if got := g.Gauss(1, 2); math.Abs(got-want) > 1e-14*math.Max(1, math.Abs(want)) {
				t.Errorf("seed(%s): gauss #%d = %v, CPython %v", seeds[i], j, got, want)
			}
		}
	}
}
