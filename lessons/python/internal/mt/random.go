package mt

import (
	"fmt"
	"math"
	"math/big"
	"sort"

	"threadlab/lessons/python/internal/pyerr"
)

// Randrange returns random.randrange(start, stop, step); hasStop is false
// for the one-argument form randrange(start).
func (g *Generator) Randrange(start, stop, step *big.Int, hasStop bool) (*big.Int, error) {
	if !hasStop {
		if start.Sign() > 0 {
			return g.Below(start), nil
		}
		return nil, pyerr.New(pyerr.ValueError, "empty range for randrange()")
	}
	width := new(big.Int).Sub(stop, start)
	empty := func() error {
		return pyerr.New(pyerr.ValueError, fmt.Sprintf("empty range for randrange() (%s, %s, %s)", start, stop, width))
	}
	if step.Cmp(big.NewInt(1)) == 0 {
		if width.Sign() <= 0 {
			return nil, empty()
		}
		return new(big.Int).Add(start, g.Below(width)), nil
	}
	var count *big.Int
	switch step.Sign() {
	case 0:
		return nil, pyerr.New(pyerr.ValueError, "zero step for randrange()")
	case 1: // ceil(width / step)
		count = new(big.Int).Add(width, step)
		count.Sub(count, big.NewInt(1))
	default:
		count = new(big.Int).Add(width, step)
		count.Add(count, big.NewInt(1))
	}
	floorDiv(count, step)
	if count.Sign() <= 0 {
		return nil, pyerr.New(pyerr.ValueError, "empty range for randrange()")
	}
	r := g.Below(count)
	return r.Mul(r, step).Add(r, start), nil
}

// floorDiv sets x to floor(x / y), Python's //.
func floorDiv(x, y *big.Int) {
	var mod big.Int
	x.DivMod(x, y, &mod) // Euclidean: mod >= 0
	if mod.Sign() != 0 && y.Sign() < 0 {
		x.Add(x, big.NewInt(1))
	}
}

// Randint returns random.randint(a, b), that is randrange(a, b+1).
func (g *Generator) Randint(a, b *big.Int) (*big.Int, error) {
	return g.Randrange(a, new(big.Int).Add(b, big.NewInt(1)), big.NewInt(1), true)
}

// Choice returns the index random.choice picks in a sequence of length n.
func (g *Generator) Choice(n int) (int, error) {
	if n == 0 {
		return 0, pyerr.New(pyerr.IndexError, "Cannot choose from an empty sequence")
	}
	return int(g.BelowInt(int64(n))), nil
}

// Shuffle is random.shuffle over a sequence of length n, through swap:
// from the end down, each place trades with a random place at or before it.
func (g *Generator) Shuffle(n int, swap func(i, j int)) {
	for i := n - 1; i > 0; i-- {
		swap(i, int(g.BelowInt(int64(i+1))))
	}
}

// Sample returns the indices random.sample(population, k) picks from a
// population of length n, in the order of the result. Small populations
// are drawn from a shrinking pool, large ones by rejecting repeats.
func (g *Generator) Sample(n, k int) ([]int, error) {
	if k < 0 || k > n {
		return nil, pyerr.New(pyerr.ValueError, "Sample larger than population or is negative")
	}
	result := make([]int, k)
	setsize := 21.0
	if k > 5 {
		setsize += math.Pow(4, math.Ceil(math.Log(float64(k*3))/math.Log(4)))
	}
	if float64(n) <= setsize {
		pool := make([]int, n)
		for i := range pool {
			pool[i] = i
		}
		for i := 0; i < k; i++ {
			j := int(g.BelowInt(int64(n - i)))
			result[i] = pool[j]
			pool[j] = pool[n-i-1]
		}
		return result, nil
	}
	selected := make(map[int]bool, k)
	for i := 0; i < k; i++ {
		j := int(g.BelowInt(int64(n)))
		for selected[j] {
			j = int(g.BelowInt(int64(n)))
		}
		selected[j] = true
		result[i] = j
	}
	return result, nil
}

// Choices returns the k indices random.choices picks from a population of
// length n. cum is nil for equal weights, else the cumulative weights.
func (g *Generator) Choices(n, k int, cum []float64) ([]int, error) {
	out := make([]int, k)
	if cum == nil {
		for i := range out {
			out[i] = int(math.Floor(g.Random() * float64(n)))
		}
		return out, nil
	}
	if len(cum) != n {
		return nil, pyerr.New(pyerr.ValueError, "The number of weights does not match the population")
	}
	if n == 0 {
		return nil, pyerr.New(pyerr.IndexError, "list index out of range")
	}
	total := cum[n-1]
	if total <= 0 {
		return nil, pyerr.New(pyerr.ValueError, "Total of weights must be greater than zero")
	}
	if math.IsInf(total, 0) || math.IsNaN(total) {
		return nil, pyerr.New(pyerr.ValueError, "Total of weights must be finite")
	}
	for i := range out {
		x := g.Random() * total
		// bisect_right over cum[:n-1]
		out[i] = sort.Search(n-1, func(j int) bool { return cum[j] > x })
	}
	return out, nil
}

// Uniform returns random.uniform(a, b).
func (g *Generator) Uniform(a, b float64) float64 { return a + (b-a)*g.Random() }

// Gauss returns random.gauss(mu, sigma): Box-Muller pairs, the second
// deviate of each pair kept for the next call.
func (g *Generator) Gauss(mu, sigma float64) float64 {
	z := g.gaussNext
	if !g.hasGaussNext {
		x2pi := g.Random() * 2 * math.Pi
		g2rad := math.Sqrt(-2 * math.Log(1-g.Random()))
		z = math.Cos(x2pi) * g2rad
		g.gaussNext = math.Sin(x2pi) * g2rad
	}
	g.hasGaussNext = !g.hasGaussNext
	return mu + z*sigma
}
