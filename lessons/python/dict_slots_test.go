package python

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"sync"
	"testing"
)

// Goroutines rebind one slot between every way it holds a value, each
// through the operation the interpreter uses (store, storeBits, and the
// mutex path a dict write takes), while reading it with load and loadInt:
// every value read must be one some goroutine wrote. A value of one kind
// decoded as the other (float bits read as an int) falls outside what was
// written: the ints are 5000 + i, the floats i + 0.5, the strings str(i).
func TestSlotChangesOfWay(t *testing.T) {
	const goroutines, n = 4, 20000
	written := func(v Value) bool {
		switch x := v.(type) {
		case Int:
			return 5000 <= x && x < 5000+n || x == 7
		case Float:
			return 0 < x && x < n && x-Float(math.Floor(float64(x))) == 0.5
		case Str:
			return len(x) > 0 && len(x) <= len(fmt.Sprint(n))
		case *BigInt:
			return true
		case *List:
			return x.Len() == 1
		}
		return false
	}
	huge := MakeBigInt(new(big.Int).Lsh(big.NewInt(1), 70))
	s := newSlot(newNamespace(), Int(5000))
	var wg sync.WaitGroup
	bad := make([][]Value, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range n {
				switch (i + g) % 7 {
				case 0:
					s.store(Int(5000+i), false)
				case 1:
					s.store(Float(i)+0.5, false)
				case 2:
					if !s.storeBits(Int(5000+i), false) {
						s.store(Int(5000+i), false)
					}
				case 3:
					s.store(Int(7), false)
				case 4:
					s.store(Str(fmt.Sprint(i)), false)
				case 5:
					s.store(NewList([]Value{Int(i)}), false)
				case 6:
					s.store(huge, false)
				}
				if v := s.load(); !written(v) {
					bad[g] = append(bad[g], v)
				}
				if c, ok := s.loadInt(); ok && !written(c) {
					bad[g] = append(bad[g], c)
				}
			}
		}()
	}
	wg.Wait()
	for g, vs := range bad {
		if len(vs) > 0 {
			t.Errorf("goroutine %d read %d values no one wrote, first %#v", g, len(vs), vs[0])
		}
	}
}

// Goroutines with no GIL rebind one global between ints and floats held
// as bits, through STORE_GLOBAL and the fused g = g + d, and read it with
// LOAD_GLOBAL: each read is an int or float some goroutine wrote (ints
// from 5000 up, floats i + 0.5 and their sums with d).
func TestGlobalIntFloatAcrossGoroutines(t *testing.T) {
	src := `g = 5000
bads = []
def worker(n):
    global g
    bad = 0
    d = 1
    top = 5000 + n + 1
    for i in range(n):
        g = 5000 + i
        g = g + d
        v = g
        if type(v) is int and not 5000 <= v <= top or type(v) is float and not 0 < v < top:
            bad += 1
        g = i + 0.5
        v = g
        if type(v) is int and not 5000 <= v <= top or type(v) is float and not 0 < v < top:
            bad += 1
    bads.append(bad)
`
	in, m := load(t, src, Options{})
	worker := m.Globals().GetStr("worker")
	const goroutines, n = 4, 20000
	inGoroutines(t, in, goroutines, func(th *Thread, g int) error {
		_, err := Call(th, worker, Int(n))
		return err
	})
	bads := m.Globals().GetStr("bads").(*List).Snapshot()
	if len(bads) != goroutines {
		t.Fatalf("%d workers finished, want %d", len(bads), goroutines)
	}
	for _, bad := range bads {
		if bad != Int(0) {
			t.Errorf("a worker read %v values no one wrote", bad)
		}
	}
}

// Slots killed while goroutines write them through every way stay dead:
// no write after the kill is taken, a read finds nothing, and kill
// returns a value some goroutine wrote.
func TestSlotKillWhileWritten(t *testing.T) {
	const rounds, writers, n = 30, 3, 200
	values := []Value{Int(5000), Float(2.5), Int(7), Str("s"), NewList(nil)}
	write := func(s *slot, v Value, bits bool) bool {
		if c, isInt := v.(Int); isInt && bits && s.storeBits(c, false) {
			return true
		}
		return s.store(v, false)
	}
	for range rounds {
		s := newSlot(newNamespace(), values[0])
		killed := make(chan struct{})
		var last Value
		go func() { // the killer: writes too, then kills
			for i := range n {
				write(s, values[i%len(values)], i%2 == 0)
			}
			last = s.kill()
			close(killed)
		}()
		var wg sync.WaitGroup
		revived := make([]int, writers)
		for g := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					select {
					case <-killed:
						for j := range n {
							if write(s, values[(i+j+g)%len(values)], j%2 == 0) {
								revived[g]++
							}
						}
						return
					default:
						write(s, values[(i+g)%len(values)], i%2 == 0)
					}
				}
			}()
		}
		wg.Wait()
		<-killed
		if !slices.Contains(values, last) {
			t.Fatalf("kill returned %#v, which no one wrote", last)
		}
		if v := s.load(); v != nil {
			t.Fatalf("the killed slot holds %#v", v)
		}
		for g, r := range revived {
			if r > 0 {
				t.Fatalf("goroutine %d wrote the killed slot %d times", g, r)
			}
		}
	}
}

// Every int and float a slot stores reads back the same, to the bit,
// whether the slot holds it as bits or boxed; the table says which way.
func TestSlotBits(t *testing.T) {
	for _, c := range []struct {
		v      Value
		asBits bool
	}{
		{Int(1024), true},
		{Int(-6), true},
		{Int(1023), true},
		{Int(0), true},
		{Int(-5), true},
		{Int(1<<61 - 1), true},
		{Int(-1<<61 + 1), true},
		{Int(-1 << 61), false}, // its bits would be 0, no value
		{Int(1 << 61), false},
		{Int(-1<<61 - 1), false},
		{Int(math.MaxInt64), false},
		{Float(0), true},
		{Float(math.Copysign(0, -1)), true},
		{Float(1.5), true},
		{Float(-2.5e150), true},
		{Float(-2.5e300), false},
		{Float(math.SmallestNonzeroFloat64), true},
		{Float(math.Nextafter(0x1p513, 0)), true},
		{Float(0x1p513), false},
		{Float(math.Inf(-1)), false},
		{Float(math.NaN()), false},
	} {
		s := newSlot(newNamespace(), c.v)
		if got := s.box.Load() == bitsBox; got != c.asBits {
			t.Errorf("%v held as bits: %v, want %v", c.v, got, c.asBits)
		}
		for _, serial := range []bool{false, true} {
			if !s.store(c.v, serial) {
				t.Errorf("%v: the live slot refused a store", c.v)
			}
		}
		got := s.load()
		same := got == c.v
		if f, ok := c.v.(Float); ok {
			g, isFloat := got.(Float)
			same = isFloat && math.Float64bits(float64(g)) == math.Float64bits(float64(f))
		}
		if !same {
			t.Errorf("stored %#v, read %#v", c.v, got)
		}
	}
}

// A serialised store writes the bits plainly, and only while the slot
// holds its value as bits: a slot that changed its way to boxed or
// locked, or died, takes the store the usual way or refuses it.
func TestSlotSerialisedStore(t *testing.T) {
	s := newSlot(newNamespace(), Int(1))
	for _, v := range []Value{Int(5000), Str("s"), Int(-3), NewList(nil), Float(0.5), Int(2)} {
		if !s.store(v, true) {
			t.Fatalf("store %#v: refused by a live slot", v)
		}
		if got := s.load(); got != v {
			t.Errorf("stored %#v serialised, read %#v", v, got)
		}
	}
	s.kill()
	if s.store(Int(9), true) || s.storeBits(Int(9), true) {
		t.Error("a serialised store revived a dead slot")
	}
	if v := s.load(); v != nil {
		t.Errorf("the dead slot reads %#v", v)
	}
}
