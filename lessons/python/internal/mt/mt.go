// Package mt is the Mersenne Twister MT19937 (Matsumoto and Nishimura,
// 1998) seeded the way CPython's random module seeds it, plus the documented
// algorithms of random's functions on top of it (random.go), so that a
// seeded program draws exactly CPython's numbers.
//
// A Generator is not safe for concurrent use; the interpreter's random
// module guards its shared instance.
package mt

import (
	"crypto/sha512"
	"math/big"

	"threadlab/lessons/python/internal/pyerr"
)

const (
	n         = 624
	m         = 397
	matrixA   = 0x9908b0df
	upperMask = 0x80000000
	lowerMask = 0x7fffffff
)

// Generator is one MT19937 state.
type Generator struct {
	state [n]uint32
	index int
	// gaussNext is the second normal deviate of the last pair gauss() drew.
	gaussNext    float64
	hasGaussNext bool
}

// New returns a generator seeded with seed(0).
func New() *Generator {
	g := &Generator{}
	g.SeedArray([]uint32{0})
	return g
}

func (g *Generator) initGenrand(s uint32) {
	g.state[0] = s
	for i := 1; i < n; i++ {
		prev := g.state[i-1]
		g.state[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	g.index = n
}

// SeedArray initialises the state from key by the reference init_by_array.
func (g *Generator) SeedArray(key []uint32) {
	g.initGenrand(19650218)
	i, j := 1, 0
	k := max(n, len(key))
	for ; k > 0; k-- {
		prev := g.state[i-1]
		g.state[i] = (g.state[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= n {
			g.state[0] = g.state[n-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = n - 1; k > 0; k-- {
		prev := g.state[i-1]
		g.state[i] = (g.state[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= n {
			g.state[0] = g.state[n-1]
			i = 1
		}
	}
	g.state[0] = 0x80000000
	g.hasGaussNext = false
}

// SeedInt is random.seed(x) for an int: the 32-bit words of |x|, least
// significant first, feed init_by_array.
func (g *Generator) SeedInt(x *big.Int) {
	abs := new(big.Int).Abs(x)
	words := []uint32{}
	mask := big.NewInt(0xffffffff)
	for abs.Sign() > 0 {
		words = append(words, uint32(new(big.Int).And(abs, mask).Uint64()))
		abs.Rsh(abs, 32)
	}
	if len(words) == 0 {
		words = []uint32{0}
	}
	g.SeedArray(words)
}

// SeedBytes is random.seed(b) for str (as UTF-8) and bytes, version 2: the
// seed is the big-endian int of b followed by b's SHA-512 digest.
func (g *Generator) SeedBytes(b []byte) {
	sum := sha512.Sum512(b)
	g.SeedInt(new(big.Int).SetBytes(append(append([]byte{}, b...), sum[:]...)))
}

// Uint32 returns the next tempered 32-bit output.
func (g *Generator) Uint32() uint32 {
	if g.index >= n {
		g.twist()
	}
	y := g.state[g.index]
	g.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

func (g *Generator) twist() {
	for k := 0; k < n; k++ {
		y := (g.state[k] & upperMask) | (g.state[(k+1)%n] & lowerMask)
		v := g.state[(k+m)%n] ^ (y >> 1)
		if y&1 != 0 {
			v ^= matrixA
		}
		g.state[k] = v
	}
	g.index = 0
}

// Random returns random.random(): 53 random bits from two outputs, as a
// float in [0, 1).
func (g *Generator) Random() float64 {
	a, b := g.Uint32()>>5, g.Uint32()>>6
	return (float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)
}

// State is the generator's state as random.getstate() exposes it: the
// 624 words, the index of the next word, and the pending normal deviate
// of gauss() if there is one.
type State struct {
	Words     [n]uint32
	Index     int
	GaussNext *float64
}

// State returns a copy of the state.
func (g *Generator) State() State {
	s := State{Words: g.state, Index: g.index}
	if g.hasGaussNext {
		v := g.gaussNext
		s.GaussNext = &v
	}
	return s
}

// SetState restores a state from State; an index outside [0, 624] is
// CPython's ValueError.
func (g *Generator) SetState(s State) error {
	if s.Index < 0 || s.Index > n {
		return pyerr.New(pyerr.ValueError, "invalid state")
	}
	g.state, g.index = s.Words, s.Index
	g.hasGaussNext = s.GaussNext != nil
	if s.GaussNext != nil {
		g.gaussNext = *s.GaussNext
	}
	return nil
}
