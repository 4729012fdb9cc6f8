package python

import (
	"strings"
	"sync"

	"threadlab/lessons/python/internal/compile"
)

// The functools module: partial, reduce, wraps/update_wrapper,
// lru_cache/cache, cmp_to_key, total_ordering.

// The functools types.
var (
	PartialType  = NewType("partial", nil).SetModule("functools")
	LRUCacheType = NewType("_lru_cache_wrapper", nil).SetModule("functools")
	CmpKeyType   = NewType("KeyWrapper", nil).SetModule("functools")
)

// partial is functools.partial(fn, *args, **kw).
type partial struct {
	fn   Value
	args []Value
	kw   []Kwarg
}

func (*partial) Type() *Type { return PartialType }

func (p *partial) Call(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	all := append(append([]Value(nil), p.args...), args...)
	kws := append([]Kwarg(nil), p.kw...)
	for _, k := range kw {
		replaced := false
		for i := range kws {
			if kws[i].Name == k.Name {
				kws[i].Value, replaced = k.Value, true
			}
		}
		if !replaced {
			kws = append(kws, k)
		}
	}
	return CallValue(t, p.fn, all, kws)
}

func (p *partial) Attr(t *Thread, name string) (Value, error) {
	switch name {
	case "func":
		return p.fn, nil
	case "args":
		return Tuple(append([]Value(nil), p.args...)), nil
	case "keywords":
		d := NewDict()
		for _, k := range p.kw {
			d.SetStr(k.Name, k.Value)
		}
		return d, nil
	}
	return nil, nil
}

func (p *partial) Repr(t *Thread) (string, error) {
	parts := []string{}
	r, err := Repr(t, p.fn)
	if err != nil {
		return "", err
	}
	parts = append(parts, r)
	for _, a := range p.args {
		s, err := Repr(t, a)
		if err != nil {
			return "", err
		}
		parts = append(parts, s)
	}
	for _, k := range p.kw {
		s, err := Repr(t, k.Value)
		if err != nil {
			return "", err
		}
		parts = append(parts, k.Name+"="+s)
	}
	return "functools.partial(" + strings.Join(parts, ", ") + ")", nil
}

// lruCache is a function wrapped by lru_cache: results by argument tuple,
// the least recently used dropped beyond maxsize.
type lruCache struct {
	fn      Value
	maxsize int // -1: unbounded
	mu      sync.Mutex
	cache   *Dict // insertion order is recency order
	hits    int
	misses  int
	attrs   *Dict // __name__, __doc__, ... copied from fn
	infoTyp *Type
}

func (*lruCache) Type() *Type { return LRUCacheType }

func (c *lruCache) Call(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	key := Tuple(append([]Value(nil), args...))
	if len(kw) > 0 {
		key = append(key, Str("\x00kwargs"))
		for _, k := range kw {
			key = append(key, Str(k.Name), k.Value)
		}
	}
	v, err := c.cache.Get(t, key)
	if err != nil {
		return nil, err
	}
	if v != nil {
		c.mu.Lock()
		c.hits++
		c.mu.Unlock()
		if c.maxsize > 0 {
			// Move the entry to the most recent end.
			if _, err := c.cache.Delete(t, key); err != nil {
				return nil, err
			}
			if err := c.cache.Set(t, key, v); err != nil {
				return nil, err
			}
		}
		return v, nil
	}
	c.mu.Lock()
	c.misses++
	c.mu.Unlock()
	r, err := CallValue(t, c.fn, args, kw)
	if err != nil {
		return nil, err
	}
	if c.maxsize == 0 {
		return r, nil
	}
	if err := c.cache.Set(t, key, r); err != nil {
		return nil, err
	}
	for c.maxsize > 0 && c.cache.Len() > c.maxsize {
		keys := c.cache.Keys()
		if _, err := c.cache.Delete(t, keys[0]); err != nil {
			return nil, err
		}
	}
	return r, nil
}

func (c *lruCache) Attr(t *Thread, name string) (Value, error) {
	if name == "__wrapped__" {
		return c.fn, nil
	}
	if v := c.attrs.GetStr(name); v != nil {
		return v, nil
	}
	return nil, nil
}

func (c *lruCache) Repr(t *Thread) (string, error) {
	name := "?"
	if v, ok := c.attrs.GetStr("__qualname__").(Str); ok {
		name = string(v)
	}
	return "<functools._lru_cache_wrapper object for " + name + ">", nil
}

// cmpKey is what cmp_to_key(f) makes of one value.
type cmpKey struct {
	cmp Value
	obj Value
}

func (*cmpKey) Type() *Type { return CmpKeyType }

func init() {
	PartialType.SetCtor(func(t *Thread, _ *Type, args []Value, kw []Kwarg) (Value, error) {
		if len(args) == 0 {
			return nil, Errorf(TypeError, "type 'partial' takes at least one argument")
		}
		if !isCallable(args[0]) {
			return nil, Errorf(TypeError, "the first argument must be callable")
		}
		p := &partial{fn: args[0], args: append([]Value(nil), args[1:]...), kw: append([]Kwarg(nil), kw...)}
		if inner, ok := args[0].(*partial); ok {
			p.fn = inner.fn
			p.args = append(append([]Value(nil), inner.args...), p.args...)
			p.kw = append(append([]Kwarg(nil), inner.kw...), p.kw...)
		}
		return p, nil
	})
	LRUCacheType.AddMethod("cache_info", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		c := args[0].(*lruCache)
		c.mu.Lock()
		hits, misses := c.hits, c.misses
		c.mu.Unlock()
		var max Value = None
		if c.maxsize >= 0 {
			max = Int(c.maxsize)
		}
		return CallValue(t, c.infoTyp, []Value{Int(hits), Int(misses), max, Int(c.cache.Len())}, nil)
	})
	LRUCacheType.AddMethod("cache_clear", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		c := args[0].(*lruCache)
		c.mu.Lock()
		c.hits, c.misses = 0, 0
		c.mu.Unlock()
		c.cache.Clear()
		return None, nil
	})
	for i, name := range []string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"} {
		i := i
		CmpKeyType.AddMethod(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			a := args[0].(*cmpKey)
			b, ok := args[1].(*cmpKey)
			if !ok {
				return NotImplemented, nil
			}
			r, err := CallValue(t, a.cmp, []Value{a.obj, b.obj}, nil)
			if err != nil {
				return nil, err
			}
			c, err := Compare(t, [...]compile.CmpOp{compile.Lt, compile.Le, compile.Eq, compile.Ne, compile.Gt, compile.Ge}[i], r, Int(0))
			return c, err
		})
	}
	RegisterModule(ModuleDef{Name: "functools", Doc: "Higher-order functions (threadlab).", Init: initFunctools})
}

func initFunctools(t *Thread, m *Module) error {
	infoTyp, err := newNamedTuple(t, "CacheInfo", []string{"hits", "misses", "maxsize", "currsize"}, nil, "functools")
	if err != nil {
		return err
	}
	m.Set("partial", PartialType)
	m.SetFunc("reduce", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("reduce", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("reduce", args, 2, 3); err != nil {
			return nil, err
		}
		src, err := Iterate(t, args[1])
		if err != nil {
			return nil, Errorf(TypeError, "reduce() arg 2 must support iteration")
		}
		var acc Value
		if len(args) == 3 {
			acc = args[2]
		}
		for {
			v, err := src.Next(t)
			if err != nil {
				return nil, err
			}
			if v == nil {
				break
			}
			if acc == nil {
				acc = v
				continue
			}
			if acc, err = CallValue(t, args[0], []Value{acc, v}, nil); err != nil {
				return nil, err
			}
		}
		if acc == nil {
			return nil, Errorf(TypeError, "reduce() of empty iterable with no initial value")
		}
		return acc, nil
	})
	m.SetFunc("update_wrapper", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var wrapper, wrapped Value
		if err := UnpackArgs("update_wrapper", args, kw, []string{"wrapper", "wrapped"}, &wrapper, &wrapped); err != nil {
			return nil, err
		}
		return wrapper, updateWrapper(t, wrapper, wrapped)
	})
	m.SetFunc("wraps", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var wrapped Value
		if err := UnpackArgs("wraps", args, kw, []string{"wrapped"}, &wrapped); err != nil {
			return nil, err
		}
		return NewBuiltin("wraps", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := oneArg("wraps", args, kw); err != nil {
				return nil, err
			}
			return args[0], updateWrapper(t, args[0], wrapped)
		}), nil
	})
	newCache := func(t *Thread, fn Value, maxsize int) (Value, error) {
		if !isCallable(fn) {
			return nil, Errorf(TypeError, "the first argument must be callable")
		}
		c := &lruCache{fn: fn, maxsize: maxsize, cache: NewDict(), attrs: NewDict(), infoTyp: infoTyp}
		for _, a := range []string{"__module__", "__name__", "__qualname__", "__doc__"} {
			if v, err := GetAttr(t, fn, a); err == nil {
				c.attrs.SetStr(a, v)
			}
		}
		return c, nil
	}
	m.SetFunc("lru_cache", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var maxsize, typed Value
		if err := UnpackArgs("lru_cache", args, kw, []string{"maxsize?", "typed?"}, &maxsize, &typed); err != nil {
			return nil, err
		}
		if maxsize != nil && isCallable(maxsize) {
			return newCache(t, maxsize, 128)
		}
		n := 128
		switch {
		case maxsize == nil:
		case maxsize == None:
			n = -1
		default:
			v, err := AsIndex(maxsize)
			if err != nil {
				return nil, Errorf(TypeError, "Expected first argument to be an integer, a callable, or None")
			}
			n = max(v, 0)
		}
		return NewBuiltin("decorating_function", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := oneArg("decorating_function", args, kw); err != nil {
				return nil, err
			}
			return newCache(t, args[0], n)
		}), nil
	})
	m.SetFunc("cache", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("cache", args, kw); err != nil {
			return nil, err
		}
		return newCache(t, args[0], -1)
	})
	m.SetFunc("cmp_to_key", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var cmp Value
		if err := UnpackArgs("cmp_to_key", args, kw, []string{"mycmp"}, &cmp); err != nil {
			return nil, err
		}
		return NewBuiltin("K", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := oneArg("K", args, kw); err != nil {
				return nil, err
			}
			return &cmpKey{cmp: cmp, obj: args[0]}, nil
		}), nil
	})
	m.SetFunc("total_ordering", totalOrdering)
	return nil
}

// updateWrapper copies __module__, __name__, __qualname__, __doc__ and
// __dict__ from wrapped to wrapper and sets __wrapped__.
func updateWrapper(t *Thread, wrapper, wrapped Value) error {
	for _, a := range []string{"__module__", "__name__", "__qualname__", "__doc__"} {
		v, err := GetAttr(t, wrapped, a)
		if err != nil {
			if ErrorMatches(err, AttributeError) {
				continue
			}
			return err
		}
		if err := SetAttr(t, wrapper, a, v); err != nil && !ErrorMatches(err, AttributeError) {
			return err
		}
	}
	if d, err := GetAttr(t, wrapped, "__dict__"); err == nil {
		if wd, err := GetAttr(t, wrapper, "__dict__"); err == nil {
			if src, ok := d.(*Dict); ok {
				if dst, ok := wd.(*Dict); ok {
					if err := dictSetAll(t, dst, src); err != nil {
						return err
					}
				}
			}
		}
	}
	if err := SetAttr(t, wrapper, "__wrapped__", wrapped); err != nil && !ErrorMatches(err, AttributeError) {
		return err
	}
	return nil
}

// totalOrdering is functools.total_ordering: from __eq__ and one of
// < <= > >=, the class gets the other three.
func totalOrdering(t *Thread, args []Value, kw []Kwarg) (Value, error) {
	if err := oneArg("total_ordering", args, kw); err != nil {
		return nil, err
	}
	cls, ok := args[0].(*Type)
	if !ok {
		return nil, Errorf(TypeError, "total_ordering() argument must be a class")
	}
	names := []string{"__lt__", "__le__", "__gt__", "__ge__"}
	root := ""
	for _, n := range names {
		if v := cls.Dict().GetStr(n); v != nil {
			root = n
			break
		}
	}
	if root == "" {
		return nil, Errorf(ValueError, "must define at least one ordering operation: < > <= >=")
	}
	rootFn := cls.Dict().GetStr(root)
	call := func(t *Thread, a, b Value) (bool, Value, error) {
		r, err := CallValue(t, rootFn, []Value{a, b}, nil)
		if err != nil || r == NotImplemented {
			return false, r, err
		}
		ok, err := Truth(t, r)
		return ok, nil, err
	}
	// derive builds op from the root's result r and a == b.
	derive := func(name string, f func(r, eq func() (bool, error)) (bool, error)) Value {
		return NewBuiltin(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if len(args) != 2 {
				return nil, Errorf(TypeError, "expected 1 argument, got %d", len(args)-1)
			}
			var ni Value
			r := func() (bool, error) {
				ok, n, err := call(t, args[0], args[1])
				ni = n
				return ok, err
			}
			eq := func() (bool, error) { return Equal(t, args[0], args[1]) }
			ok, err := f(r, eq)
			if ni != nil {
				return NotImplemented, nil
			}
			return Bool(ok), err
		})
	}
	not := func(r, eq func() (bool, error)) (bool, error) { v, err := r(); return !v, err }
	or := func(r, eq func() (bool, error)) (bool, error) {
		v, err := r()
		if err != nil || v {
			return v, err
		}
		return eq()
	}
	notAndNe := func(r, eq func() (bool, error)) (bool, error) {
		v, err := r()
		if err != nil || v {
			return false, err
		}
		e, err := eq()
		return !e, err
	}
	andNe := func(r, eq func() (bool, error)) (bool, error) {
		v, err := r()
		if err != nil || !v {
			return false, err
		}
		e, err := eq()
		return !e, err
	}
	notOrEq := func(r, eq func() (bool, error)) (bool, error) {
		v, err := r()
		if err != nil || !v {
			return err == nil, err
		}
		return eq()
	}
	var derived map[string]func(r, eq func() (bool, error)) (bool, error)
	switch root {
	case "__lt__":
		derived = map[string]func(r, eq func() (bool, error)) (bool, error){"__gt__": notAndNe, "__le__": or, "__ge__": not}
	case "__le__":
		derived = map[string]func(r, eq func() (bool, error)) (bool, error){"__ge__": notOrEq, "__lt__": andNe, "__gt__": not}
	case "__gt__":
		derived = map[string]func(r, eq func() (bool, error)) (bool, error){"__lt__": notAndNe, "__ge__": or, "__le__": not}
	default:
		derived = map[string]func(r, eq func() (bool, error)) (bool, error){"__le__": notOrEq, "__gt__": andNe, "__lt__": not}
	}
	for name, f := range derived {
		if cls.Dict().GetStr(name) != nil {
			continue
		}
		if err := SetAttr(t, cls, name, derive(name, f)); err != nil {
			return nil, err
		}
	}
	return cls, nil
}
