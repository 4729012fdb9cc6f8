package mt

import (
	"encoding/binary"
	"math/big"
	"math/bits"

	"threadlab/lessons/python/internal/pyerr"
)

// GetRandBits returns random.getrandbits(k): k bits built from 32-bit
// outputs, least significant word first, the last word cut to what is left.
func (g *Generator) GetRandBits(k int) (*big.Int, error) {
	if k < 0 {
		return nil, pyerr.New(pyerr.ValueError, "number of bits must be non-negative")
	}
	if k <= 64 {
		return new(big.Int).SetUint64(g.bits64(k)), nil
	}
	// Big-endian bytes of the 32-bit outputs, the first output lowest.
	nw := (k + 31) / 32
	buf := make([]byte, 4*nw)
	for i := 0; i < nw; i, k = i+1, k-32 {
		r := g.Uint32()
		if k < 32 {
			r >>= 32 - k
		}
		binary.BigEndian.PutUint32(buf[4*(nw-1-i):], r)
	}
	return new(big.Int).SetBytes(buf), nil
}

// bits64 is getrandbits(k) for 0 <= k <= 64.
func (g *Generator) bits64(k int) uint64 {
	switch {
	case k == 0:
		return 0
	case k <= 32:
		return uint64(g.Uint32() >> (32 - k))
	}
	lo := uint64(g.Uint32())
	return lo | uint64(g.Uint32()>>(64-k))<<32
}

// BelowInt returns random._randbelow(n) for 0 < n < 2**63: getrandbits of
// n's bit length, drawn again until below n.
func (g *Generator) BelowInt(n int64) int64 {
	k := bits.Len64(uint64(n))
	for {
		if r := g.bits64(k); r < uint64(n) {
			return int64(r)
		}
	}
}

// Below returns random._randbelow(n) for n > 0 of any size.
func (g *Generator) Below(n *big.Int) *big.Int {
	if n.IsInt64() {
		return big.NewInt(g.BelowInt(n.Int64()))
	}
	k := n.BitLen()
	for {
		r, _ := g.GetRandBits(k)
		if r.Cmp(n) < 0 {
			return r
		}
	}
}
