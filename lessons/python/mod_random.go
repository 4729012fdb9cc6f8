package python

import (
	crand "crypto/rand"
	"math"
	"math/big"
	"sync"

	"threadlab/lessons/python/internal/mt"
)

// The random module: CPython's Mersenne Twister and seeding (internal/mt),
// as module functions over one hidden generator and as random.Random.

// RandomType is random.Random.
var RandomType = NewType("Random", nil).SetModule("random")

// randomObj is a random.Random instance. Its mutex makes each call atomic
// when threads share the module's generator.
type randomObj struct {
	mu sync.Mutex
	g  *mt.Generator
}

func (*randomObj) Type() *Type { return RandomType }

// randomFunc is a function of the module over a generator r; args do
// not include r, so module functions call it without copying arguments.
type randomFunc func(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error)

// randomMethods maps each function of the module to its implementation.
func randomMethods() map[string]randomFunc {
	return map[string]randomFunc{
		"seed":        randomSeed,
		"random":      randomRandom,
		"getrandbits": randomGetrandbits,
		"randrange":   randomRandrange,
		"randint":     randomRandint,
		"choice":      randomChoice,
		"choices":     randomChoices,
		"shuffle":     randomShuffle,
		"sample":      randomSample,
		"uniform":     randomUniform,
		"gauss":       randomGauss,
		"getstate":    randomGetstate,
		"setstate":    randomSetstate,
	}
}

func init() {
	for name, fn := range randomMethods() {
		fn := fn
		RandomType.AddMethod(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			return fn(t, args[0].(*randomObj), args[1:], kw)
		})
	}
	RandomType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		r := &randomObj{g: mt.New()}
		if _, err := randomSeed(t, r, args, kw); err != nil {
			return nil, err
		}
		return r, nil
	})
	RegisterModule(ModuleDef{Name: "random", Doc: "Random numbers (threadlab, CPython's Mersenne Twister).", Init: func(t *Thread, m *Module) error {
		r := &randomObj{g: mt.New()}
		if _, err := randomSeed(t, r, nil, nil); err != nil {
			return err
		}
		for name, fn := range randomMethods() {
			fn := fn
			m.SetFunc(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
				return fn(t, r, args, kw)
			})
		}
		m.Set("Random", RandomType)
		return nil
	}})
}

func randomSeed(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	var a, version Value
	if err := UnpackArgs("seed", args, kw, []string{"a?", "version?"}, &a, &version); err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	switch x := a.(type) {
	case nil, NoneType:
		var b [32]byte
		_, _ = crand.Read(b[:])
		r.g.SeedInt(new(big.Int).SetBytes(b[:]))
	case Int, Bool, *BigInt:
		b, _ := AsBigInt(x)
		r.g.SeedInt(b)
	case Float:
		h, err := Hash(t, x)
		if err != nil {
			return nil, err
		}
		r.g.SeedInt(big.NewInt(h))
	case Str:
		r.g.SeedBytes([]byte(x))
	case Bytes:
		r.g.SeedBytes([]byte(x))
	default:
		return nil, Errorf(TypeError, "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.")
	}
	return None, nil
}

func randomRandom(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	if err := noArgs("random", args, kw); err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return Float(r.g.Random()), nil
}

func randomGetrandbits(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	if err := exactlyOne("getrandbits", args, kw); err != nil {
		return nil, err
	}
	k, err := AsIndex(args[0])
	if err != nil {
		return nil, err
	}
	if k > MaxIntBits {
		return nil, intTooLarge()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	x, err := r.g.GetRandBits(k)
	if err != nil {
		return nil, fromHelper(err)
	}
	return MakeBigInt(x), nil
}

// randrangeArg converts a randrange bound: an int, or (deprecated in
// 3.11, still accepted) a float with an integral value.
func randrangeArg(v Value, what string) (*big.Int, error) {
	if b, ok := AsBigInt(v); ok {
		return b, nil
	}
	if f, ok := v.(Float); ok {
		if float64(f) != math.Trunc(float64(f)) || math.IsInf(float64(f), 0) {
			return nil, Errorf(ValueError, "non-integer %s for randrange()", what)
		}
		b, _ := big.NewFloat(float64(f)).Int(nil)
		return b, nil
	}
	return nil, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", TypeName(v))
}

func randomRandrange(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	var start, stop, step Value
	if err := UnpackArgs("randrange", args, kw, []string{"start", "stop?", "step?"}, &start, &stop, &step); err != nil {
		return nil, err
	}
	a, err := randrangeArg(start, "arg 1")
	if err != nil {
		return nil, err
	}
	var b *big.Int
	if stop != nil && stop != None {
		if b, err = randrangeArg(stop, "stop"); err != nil {
			return nil, err
		}
	}
	s := big.NewInt(1)
	if step != nil {
		if s, err = randrangeArg(step, "step"); err != nil {
			return nil, err
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	x, err := r.g.Randrange(a, b, s, b != nil)
	if err != nil {
		return nil, fromHelper(err)
	}
	return MakeBigInt(x), nil
}

func randomRandint(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	var a, b Value
	if err := UnpackArgs("randint", args, kw, []string{"a", "b"}, &a, &b); err != nil {
		return nil, err
	}
	x, err := randrangeArg(a, "arg 1")
	if err != nil {
		return nil, err
	}
	y, err := randrangeArg(b, "stop")
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	v, err := r.g.Randint(x, y)
	if err != nil {
		return nil, fromHelper(err)
	}
	return MakeBigInt(v), nil
}

func randomChoice(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	if err := exactlyOne("choice", args, kw); err != nil {
		return nil, err
	}
	n, err := Len(t, args[0])
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	i, err := r.g.Choice(n)
	r.mu.Unlock()
	if err != nil {
		return nil, fromHelper(err)
	}
	return GetItem(t, args[0], Int(i))
}

func randomShuffle(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	if err := exactlyOne("shuffle", args, kw); err != nil {
		return nil, err
	}
	if l, ok := args[0].(*List); ok {
		r.mu.Lock()
		defer r.mu.Unlock()
		l.Update(func(e []Value) []Value {
			r.g.Shuffle(len(e), func(i, j int) { e[i], e[j] = e[j], e[i] })
			return e
		})
		return None, nil
	}
	n, err := Len(t, args[0])
	if err != nil {
		return nil, err
	}
	// A general mutable sequence: draw the swaps first, then apply them
	// through __getitem__/__setitem__.
	var swaps [][2]int
	r.mu.Lock()
	r.g.Shuffle(n, func(i, j int) { swaps = append(swaps, [2]int{i, j}) })
	r.mu.Unlock()
	for _, s := range swaps {
		a, err := GetItem(t, args[0], Int(s[0]))
		if err != nil {
			return nil, err
		}
		b, err := GetItem(t, args[0], Int(s[1]))
		if err != nil {
			return nil, err
		}
		if err := SetItem(t, args[0], Int(s[0]), b); err != nil {
			return nil, err
		}
		if err := SetItem(t, args[0], Int(s[1]), a); err != nil {
			return nil, err
		}
	}
	return None, nil
}

// population returns the items of a sequence for sample and choices.
func population(t *Thread, v Value) ([]Value, error) {
	switch v.(type) {
	case *Set, *Dict:
		return nil, Errorf(TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).")
	}
	return Collect(t, v)
}

func randomSample(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	var pop, k, counts Value
	if err := UnpackArgs("sample", args, kw, []string{"population", "k", "*counts?"}, &pop, &k, &counts); err != nil {
		return nil, err
	}
	items, err := population(t, pop)
	if err != nil {
		return nil, err
	}
	if counts != nil && counts != None {
		cs, err := Collect(t, counts)
		if err != nil {
			return nil, err
		}
		if len(cs) != len(items) {
			return nil, Errorf(ValueError, "The number of counts does not match the population")
		}
		var expanded []Value
		for i, c := range cs {
			n, err := AsIndex(c)
			if err != nil {
				return nil, err
			}
			for j := 0; j < n; j++ {
				expanded = append(expanded, items[i])
			}
		}
		items = expanded
	}
	n, err := AsIndex(k)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	idx, err := r.g.Sample(len(items), n)
	r.mu.Unlock()
	if err != nil {
		return nil, fromHelper(err)
	}
	out := make([]Value, len(idx))
	for i, j := range idx {
		out[i] = items[j]
	}
	return NewList(out), nil
}

func randomChoices(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	var pop, weights, cum, k Value
	if err := UnpackArgs("choices", args, kw, []string{"population", "weights?", "*cum_weights?", "*k?"}, &pop, &weights, &cum, &k); err != nil {
		return nil, err
	}
	items, err := population(t, pop)
	if err != nil {
		return nil, err
	}
	n := 1
	if k != nil {
		if n, err = AsIndex(k); err != nil {
			return nil, err
		}
	}
	var cw []float64
	if weights != nil && weights != None {
		if cum != nil && cum != None {
			return nil, Errorf(TypeError, "Cannot specify both weights and cumulative weights")
		}
		ws, err := Collect(t, weights)
		if err != nil {
			return nil, err
		}
		var acc Value = Int(0)
		for _, w := range ws {
			if acc, err = Binary(t, opAdd, acc, w); err != nil {
				return nil, err
			}
			f, err := floatArg(t, acc)
			if err != nil {
				return nil, err
			}
			cw = append(cw, f)
		}
		if cw == nil {
			cw = []float64{}
		}
	} else if cum != nil && cum != None {
		cs, err := Collect(t, cum)
		if err != nil {
			return nil, err
		}
		cw = make([]float64, len(cs))
		for i, c := range cs {
			if cw[i], err = floatArg(t, c); err != nil {
				return nil, err
			}
		}
	}
	r.mu.Lock()
	idx, err := r.g.Choices(len(items), n, cw)
	r.mu.Unlock()
	if err != nil {
		return nil, fromHelper(err)
	}
	out := make([]Value, len(idx))
	for i, j := range idx {
		if j >= len(items) {
			return nil, Errorf(IndexError, "list index out of range")
		}
		out[i] = items[j]
	}
	return NewList(out), nil
}

func randomUniform(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	var a, b Value
	if err := UnpackArgs("uniform", args, kw, []string{"a", "b"}, &a, &b); err != nil {
		return nil, err
	}
	x, err := floatArg(t, a)
	if err != nil {
		return nil, err
	}
	y, err := floatArg(t, b)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return Float(r.g.Uniform(x, y)), nil
}

func randomGauss(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	var mu, sigma Value
	if err := UnpackArgs("gauss", args, kw, []string{"mu?", "sigma?"}, &mu, &sigma); err != nil {
		return nil, err
	}
	vals := []float64{0, 1}
	for i, v := range []Value{mu, sigma} {
		if v != nil {
			var err error
			if vals[i], err = floatArg(t, v); err != nil {
				return nil, err
			}
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return Float(r.g.Gauss(vals[0], vals[1])), nil
}

// randomGetstate is random.getstate(): (3, (624 words..., index), gauss_next).
func randomGetstate(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	if err := noArgs("getstate", args, kw); err != nil {
		return nil, err
	}
	r.mu.Lock()
	s := r.g.State()
	r.mu.Unlock()
	words := make(Tuple, 0, len(s.Words)+1)
	for _, w := range s.Words {
		words = append(words, Int(w))
	}
	words = append(words, Int(s.Index))
	var gauss Value = None
	if s.GaussNext != nil {
		gauss = Float(*s.GaussNext)
	}
	return Tuple{Int(3), words, gauss}, nil
}

func randomSetstate(t *Thread, r *randomObj, args []Value, kw []Kwarg) (Value, error) {
	if err := exactlyOne("setstate", args, kw); err != nil {
		return nil, err
	}
	st, ok := args[0].(Tuple)
	if !ok || len(st) != 3 {
		return nil, Errorf(TypeError, "state must be a tuple of (version, internalstate, gauss_next)")
	}
	if v, ok := st[0].(Int); !ok || v != 3 {
		r, _ := Repr(t, st[0])
		return nil, Errorf(ValueError, "state with version %s passed to Random.setstate() of version 3", r)
	}
	words, ok := st[1].(Tuple)
	var s mt.State
	if !ok || len(words) != len(s.Words)+1 {
		return nil, Errorf(ValueError, "state vector is the wrong size")
	}
	for i := range s.Words {
		w, err := AsInt64(words[i])
		if err != nil {
			return nil, err
		}
		s.Words[i] = uint32(w)
	}
	idx, err := AsIndex(words[len(s.Words)])
	if err != nil {
		return nil, err
	}
	s.Index = idx
	if st[2] != None {
		f, err := floatArg(t, st[2])
		if err != nil {
			return nil, err
		}
		s.GaussNext = &f
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	return None, fromHelper(r.g.SetState(s))
}

// noArgs and exactlyOne check the arguments of a random function, without
// its receiver, in CPython's words.
func noArgs(name string, args []Value, kw []Kwarg) error {
	if err := NoKwargs(name, kw); err != nil {
		return err
	}
	if len(args) != 0 {
		return Errorf(TypeError, "%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

func exactlyOne(name string, args []Value, kw []Kwarg) error {
	if err := NoKwargs(name, kw); err != nil {
		return err
	}
	if len(args) != 1 {
		return Errorf(TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}
