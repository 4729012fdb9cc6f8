package python

import (
	"threadlab/lessons/python/internal/compile"
)

// exec is the interpreter loop. It returns nil when the frame returns or
// yields (fr.ret, fr.yielded) and the error when an instruction fails;
// runFrame then looks for a handler and calls exec again. The frame that
// failed is then t.frame: fr or a function execLoop called in its loop.
func (t *Thread) exec(fr *frame) error {
	sp, pc, err := t.execLoop(fr)
	fr = t.frame
	fr.sp, fr.pc = sp, pc
	return err
}

// execLoop runs fr from its saved pc and returns the stack pointer and pc
// to save with the result; keeping them out of a deferred closure lets
// them live in registers. A call of a Python function switches fr to the
// callee's frame (pushFrame) and its return switches back, without a Go
// call, so that t.frame is always the frame running.
func (t *Thread) execLoop(fr *frame) (int, int, error) {
	var (
		code          *codeObj
		instrs        []compile.Instr
		consts        []Value
		names         []string
		locals, stack []Value
		sp, pc        int
	)
enter:
	code = fr.code
	instrs = code.Instrs
	consts = code.consts
	names = code.Names
	locals = fr.locals
	stack = fr.stack
	sp = fr.sp
	pc = fr.pc
	for {
		t.countdown--
		if t.countdown <= 0 {
			fr.pc = pc // for the host's AtSwitchPoint
			if err := t.hook(); err != nil {
				return sp, pc, err
			}
		}
		in := instrs[pc]
		pc++
		switch in.Op {
		case compile.NOP:
		case compile.POP_TOP:
			sp--
			stack[sp] = nil
		case compile.DUP_TOP:
			stack[sp] = stack[sp-1]
			sp++
		case compile.DUP_TOP_TWO:
			stack[sp] = stack[sp-2]
			stack[sp+1] = stack[sp-1]
			sp += 2
		case compile.ROT_TWO:
			stack[sp-1], stack[sp-2] = stack[sp-2], stack[sp-1]
		case compile.ROT_THREE:
			stack[sp-1], stack[sp-2], stack[sp-3] = stack[sp-2], stack[sp-3], stack[sp-1]
		case compile.ROT_FOUR:
			stack[sp-1], stack[sp-2], stack[sp-3], stack[sp-4] = stack[sp-2], stack[sp-3], stack[sp-4], stack[sp-1]

		case compile.LOAD_CONST:
			stack[sp] = consts[in.Arg]
			sp++
		case compile.LOAD_FAST:
			v := locals[in.Arg]
			if v == nil {
				return sp, pc, unboundLocal(code.Locals[in.Arg])
			}
			stack[sp] = v
			sp++
		case compile.STORE_FAST:
			sp--
			locals[in.Arg] = stack[sp]
			stack[sp] = nil
		case compile.STORE_LOOP_VAR:
			sp--
			locals[in.Arg] = stack[sp]
			stack[sp] = nil
			if fr.loopVar == in.Arg+1 {
				fr.loopVar = 0
			}
		case compile.DELETE_FAST:
			if locals[in.Arg] == nil {
				return sp, pc, unboundLocal(code.Locals[in.Arg])
			}
			locals[in.Arg] = nil
		case compile.LOAD_DEREF:
			v := fr.cells[in.Arg].get(t)
			if v == nil {
				return sp, pc, t.unboundDeref(fr, int(in.Arg))
			}
			stack[sp] = v
			sp++
		case compile.STORE_DEREF:
			sp--
			fr.cells[in.Arg].set(t, stack[sp])
			stack[sp] = nil
		case compile.DELETE_DEREF:
			if fr.cells[in.Arg].get(t) == nil {
				return sp, pc, t.unboundDeref(fr, int(in.Arg))
			}
			fr.cells[in.Arg].set(t, nil)
		case compile.LOAD_CLOSURE:
			stack[sp] = fr.cells[in.Arg]
			sp++
		case compile.LOAD_GLOBAL_ARITH:
			fr.pc = pc
			if npc, nsp, ok := t.globalArith(fr, pc, sp); ok { // g + n
				pc, sp = npc, nsp
				continue
			}
			fallthrough
		case compile.LOAD_GLOBAL:
			fr.pc = pc
			v, err := t.loadGlobal(fr, pc-1, names[in.Arg])
			if err != nil {
				return sp, pc, err
			}
			stack[sp] = v
			sp++
		case compile.STORE_GLOBAL:
			fr.pc = pc
			sp--
			t.storeGlobal(fr, pc-1, names[in.Arg], stack[sp])
			stack[sp] = nil
		case compile.DELETE_GLOBAL:
			fr.pc = pc
			name := names[in.Arg]
			if t.tracer != nil {
				t.announce(DeleteGlobal, fr.globals, name, nil, nil)
			}
			old, _ := fr.globals.globals.Delete(t, Str(name))
			if old == nil {
				return sp, pc, nameError(fr, NameError, name, "name '%s' is not defined")
			}
			if t.tracer != nil {
				t.emit(DeleteGlobal, fr.globals, name, nil, nil)
			}
		case compile.LOAD_NAME:
			fr.pc = pc
			name := names[in.Arg]
			var v Value
			if fr.nsMap != nil {
				var err error
				if v, err = t.mapLoad(fr.nsMap, name); err != nil {
					return sp, pc, err
				}
			} else {
				v = fr.ns.getStr(t, name)
			}
			if v == nil {
				var err error
				if v, err = t.loadGlobal(fr, pc-1, name); err != nil {
					return sp, pc, err
				}
			}
			stack[sp] = v
			sp++
		case compile.STORE_NAME:
			sp--
			if fr.nsMap != nil {
				fr.pc = pc
				if err := SetItem(t, fr.nsMap, Str(names[in.Arg]), stack[sp]); err != nil {
					return sp, pc, err
				}
			} else {
				fr.ns.setStr(t, names[in.Arg], stack[sp])
			}
			stack[sp] = nil
		case compile.DELETE_NAME:
			name := names[in.Arg]
			if fr.nsMap != nil {
				fr.pc = pc
				if err := t.mapDelete(fr.nsMap, name); err != nil {
					if ErrorMatches(err, KeyError) {
						return sp, pc, nameError(fr, NameError, name, "name '%s' is not defined")
					}
					return sp, pc, err
				}
			} else if old, _ := fr.ns.Delete(t, Str(name)); old == nil {
				return sp, pc, nameError(fr, NameError, name, "name '%s' is not defined")
			}
		case compile.LOAD_ATTR:
			fr.pc = pc
			x := stack[sp-1]
			v, err := t.loadAttr(fr, pc-1, x, names[in.Arg])
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = v
		case compile.LOAD_FAST_ATTR:
			x := locals[in.Arg]
			if x == nil {
				return sp, pc, unboundLocal(code.Locals[in.Arg])
			}
			stack[sp] = x
			sp++
			if t.countdown <= 1 {
				continue // the hook is due at the LOAD_ATTR, which runs next
			}
			t.countdown-- // the LOAD_ATTR's step
			name := names[instrs[pc].Arg]
			pc++
			fr.pc = pc
			v, err := t.loadAttr(fr, pc-1, x, name)
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = v
		case compile.LOAD_FAST_STORE_ATTR:
			x := locals[in.Arg]
			if x == nil {
				return sp, pc, unboundLocal(code.Locals[in.Arg])
			}
			if t.countdown <= 1 {
				// the hook is due at the STORE_ATTR, which runs next
				stack[sp] = x
				sp++
				continue
			}
			t.countdown-- // the STORE_ATTR's step
			name := names[instrs[pc].Arg]
			pc++
			fr.pc = pc
			sp--
			v := stack[sp]
			stack[sp] = nil
			if err := t.storeAttr(fr, pc-1, x, name, v); err != nil {
				return sp, pc, err
			}
		case compile.DUP_TOP_ATTR:
			x := stack[sp-1]
			stack[sp] = x
			sp++
			if t.countdown <= 1 {
				continue // the hook is due at the LOAD_ATTR, which runs next
			}
			t.countdown-- // the LOAD_ATTR's step
			name := names[instrs[pc].Arg]
			pc++
			fr.pc = pc
			v, err := t.loadAttr(fr, pc-1, x, name)
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = v
		case compile.INPLACE_STORE_ATTR:
			// [x cur y] -> INPLACE [x v] -> ROT_TWO [v x] -> STORE_ATTR []
			cur, y := stack[sp-2], stack[sp-1]
			sp--
			stack[sp] = nil
			v, err := inplaceFast(t, compile.BinOp(in.Arg), cur, y)
			if err != nil {
				return sp, pc, err
			}
			if t.countdown <= 2 {
				// the hook is due at the ROT_TWO or the STORE_ATTR, which run next
				stack[sp-1] = v
				continue
			}
			t.countdown -= 2 // the ROT_TWO's and the STORE_ATTR's steps
			pc += 2
			fr.pc = pc
			x := stack[sp-2]
			sp -= 2
			stack[sp], stack[sp+1] = nil, nil
			if err := t.storeAttr(fr, pc-1, x, names[instrs[pc-1].Arg], v); err != nil {
				return sp, pc, err
			}
		case compile.STORE_ATTR:
			fr.pc = pc
			x, v := stack[sp-1], stack[sp-2]
			sp -= 2
			stack[sp], stack[sp+1] = nil, nil
			if err := t.storeAttr(fr, pc-1, x, names[in.Arg], v); err != nil {
				return sp, pc, err
			}
		case compile.DELETE_ATTR:
			fr.pc = pc
			sp--
			x := stack[sp]
			stack[sp] = nil
			if err := t.setAttr(x, names[in.Arg], nil); err != nil {
				return sp, pc, err
			}
		case compile.LOAD_METHOD:
			fr.pc = pc
			x := stack[sp-1]
			m, self, err := t.loadMethodCached(fr, pc-1, x, names[in.Arg])
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = m
			stack[sp] = self
			sp++
		case compile.LOAD_FAST_METHOD:
			x := locals[in.Arg]
			if x == nil {
				return sp, pc, unboundLocal(code.Locals[in.Arg])
			}
			stack[sp] = x
			sp++
			if t.countdown <= 1 {
				continue // the hook is due at the LOAD_METHOD, which runs next
			}
			t.countdown-- // the LOAD_METHOD's step
			name := names[instrs[pc].Arg]
			pc++
			fr.pc = pc
			m, self, err := t.loadMethodCached(fr, pc-1, x, name)
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = m
			stack[sp] = self
			sp++
		case compile.BINARY_SUBSCR:
			fr.pc = pc
			x, k := stack[sp-2], stack[sp-1]
			sp--
			stack[sp] = nil
			if t.tracer != nil {
				t.itemAnnounce(ReadItem, x, k, nil)
			}
			v, err := GetItem(t, x, k)
			if err != nil {
				return sp, pc, err
			}
			if t.tracer != nil {
				t.itemEvent(ReadItem, x, k, v)
			}
			stack[sp-1] = v
		case compile.STORE_SUBSCR:
			fr.pc = pc
			v, x, k := stack[sp-3], stack[sp-2], stack[sp-1]
			sp -= 3
			stack[sp], stack[sp+1], stack[sp+2] = nil, nil, nil
			if t.tracer != nil {
				t.itemAnnounce(WriteItem, x, k, v)
			}
			if err := SetItem(t, x, k, v); err != nil {
				return sp, pc, err
			}
			if t.tracer != nil {
				t.itemEvent(WriteItem, x, k, v)
			}
		case compile.DELETE_SUBSCR:
			fr.pc = pc
			x, k := stack[sp-2], stack[sp-1]
			sp -= 2
			stack[sp], stack[sp+1] = nil, nil
			if t.tracer != nil {
				t.itemAnnounce(DeleteItem, x, k, nil)
			}
			if err := SetItem(t, x, k, nil); err != nil {
				return sp, pc, err
			}
			if t.tracer != nil {
				t.itemEvent(DeleteItem, x, k, nil)
			}

		case compile.LOAD_FAST_FAST, compile.LOAD_FAST_CONST, compile.LOAD_FAST_BINARY:
			v := locals[in.Arg]
			if v == nil {
				return sp, pc, unboundLocal(code.Locals[in.Arg])
			}
			stack[sp] = v
			sp++
			if in.Op != compile.LOAD_FAST_BINARY {
				var w Value
				if in.Op == compile.LOAD_FAST_FAST {
					w = locals[instrs[pc].Arg]
				} else {
					w = consts[instrs[pc].Arg]
				}
				// the second runs on its own when the hook is due at it, or
				// to report its unbound local
				if w == nil || t.countdown <= 1 {
					continue
				}
				t.countdown-- // the second's step
				stack[sp] = w
				sp++
				pc++
				if next := instrs[pc]; next.Op == compile.COMPARE && t.countdown > 1 {
					// and a COMPARE of two ints, and a jump on it, as in
					// if n < 2, as a step more each
					a, aok := v.(Int)
					b, bok := w.(Int)
					if r, ok := intCompare(compile.CmpOp(next.Arg), a, b); ok && aok && bok {
						t.countdown-- // the COMPARE's step
						pc++
						sp -= 2
						stack[sp], stack[sp+1] = nil, nil
						if j := instrs[pc]; (j.Op == compile.POP_JUMP_IF_FALSE || j.Op == compile.POP_JUMP_IF_TRUE) && t.countdown > 1 {
							t.countdown-- // the jump's step
							pc++
							if r == (j.Op == compile.POP_JUMP_IF_TRUE) {
								pc = int(j.Arg)
							}
							continue
						}
						stack[sp] = Bool(r)
						sp++
					}
					continue
				}
				if instrs[pc].Op != compile.BINARY {
					continue
				}
			}
			// and a BINARY on the two, as in n - 1 or i * j, as one step more
			if t.countdown <= 1 {
				continue
			}
			t.countdown-- // the BINARY's step
			in = instrs[pc]
			pc++
			fallthrough
		case compile.BINARY:
			x, y := stack[sp-2], stack[sp-1]
			sp--
			stack[sp] = nil
			if a, ok := x.(Int); ok {
				if b, ok := y.(Int); ok {
					switch op := compile.BinOp(in.Arg); op {
					case compile.Add:
						if c := a + b; (c > a) == (b > 0) {
							if instrs[pc].Op == compile.STORE_GLOBAL && t.fuseStoreGlobal(fr, pc, c) {
								sp--
								stack[sp] = nil
								pc++
								continue
							}
							if next := instrs[pc]; next.Op == compile.STORE_FAST && t.countdown > 1 {
								t.countdown-- // the STORE_FAST's step
								locals[next.Arg] = boxInt(c)
								sp--
								stack[sp] = nil
								pc++
								continue
							}
							stack[sp-1] = boxInt(c)
							continue
						}
					case compile.Sub:
						if c := a - b; (c < a) == (b > 0) {
							if instrs[pc].Op == compile.STORE_GLOBAL && t.fuseStoreGlobal(fr, pc, c) {
								sp--
								stack[sp] = nil
								pc++
								continue
							}
							if next := instrs[pc]; next.Op == compile.STORE_FAST && t.countdown > 1 {
								t.countdown-- // the STORE_FAST's step
								locals[next.Arg] = boxInt(c)
								sp--
								stack[sp] = nil
								pc++
								continue
							}
							stack[sp-1] = boxInt(c)
							continue
						}
					case compile.TrueDiv:
					default:
						if c, ok := smallArithBits(op, int64(a), int64(b)); ok {
							if pc+1 < len(instrs) && instrs[pc].Op == compile.LOAD_CONST && instrs[pc+1].Op == compile.BINARY {
								c, pc = t.constArith(fr, pc, c)
							}
							stack[sp-1] = boxInt(Int(c))
							continue
						}
					}
				}
			}
			v, err := Binary(t, compile.BinOp(in.Arg), x, y)
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = v
		case compile.INPLACE:
			x, y := stack[sp-2], stack[sp-1]
			sp--
			stack[sp] = nil
			if a, ok := x.(Int); ok {
				if b, ok := y.(Int); ok {
					switch op := compile.BinOp(in.Arg); op {
					case compile.Add:
						if c := a + b; (c > a) == (b > 0) {
							if instrs[pc].Op == compile.STORE_GLOBAL && t.fuseStoreGlobal(fr, pc, c) {
								sp--
								stack[sp] = nil
								pc++
								continue
							}
							if next := instrs[pc]; next.Op == compile.STORE_FAST && t.countdown > 1 {
								t.countdown-- // the STORE_FAST's step
								locals[next.Arg] = boxInt(c)
								sp--
								stack[sp] = nil
								pc++
								continue
							}
							stack[sp-1] = boxInt(c)
							continue
						}
					case compile.TrueDiv:
					default:
						// An int has no in-place operators of its own.
						if v, ok := smallArith(op, int64(a), int64(b)); ok {
							stack[sp-1] = v
							continue
						}
					}
				}
			}
			v, err := Inplace(t, compile.BinOp(in.Arg), x, y)
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = v
		case compile.UNARY_NEGATIVE, compile.UNARY_POSITIVE, compile.UNARY_INVERT:
			op := byte('~')
			switch in.Op {
			case compile.UNARY_NEGATIVE:
				op = '-'
			case compile.UNARY_POSITIVE:
				op = '+'
			}
			v, err := Unary(t, op, stack[sp-1])
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = v
		case compile.UNARY_NOT:
			b, err := Truth(t, stack[sp-1])
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = Bool(!b)
		case compile.COMPARE:
			x, y := stack[sp-2], stack[sp-1]
			sp--
			stack[sp] = nil
			if a, ok := x.(Int); ok {
				if b, ok := y.(Int); ok {
					// intCompare's switch written out: execLoop is too
					// big for the compiler to inline calls in it
					var r bool
					switch compile.CmpOp(in.Arg) {
					case compile.Lt:
						r = a < b
					case compile.Le:
						r = a <= b
					case compile.Eq:
						r = a == b
					case compile.Ne:
						r = a != b
					case compile.Gt:
						r = a > b
					case compile.Ge:
						r = a >= b
					default:
						goto slow
					}
					// A conditional jump on the result, as in `if i % 3 == 0`,
					// runs here, one step, without the bool on the stack.
					if next := instrs[pc]; (next.Op == compile.POP_JUMP_IF_FALSE || next.Op == compile.POP_JUMP_IF_TRUE) && t.countdown > 1 {
						t.countdown--
						sp--
						stack[sp] = nil
						pc++
						if r == (next.Op == compile.POP_JUMP_IF_TRUE) {
							pc = int(next.Arg)
						}
						continue
					}
					stack[sp-1] = Bool(r)
					continue
				}
			}
		slow:
			var v Value
			var err error
			if t.tracer != nil {
				fr.pc = pc
				v, err = t.tracedCompare(compile.CmpOp(in.Arg), x, y)
			} else {
				v, err = t.compare(compile.CmpOp(in.Arg), x, y)
			}
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = v

		case compile.BUILD_TUPLE:
			n := int(in.Arg)
			tup := make(Tuple, n)
			copy(tup, stack[sp-n:sp])
			clearValues(stack[sp-n : sp])
			sp -= n
			stack[sp] = tup
			sp++
		case compile.BUILD_LIST:
			n := int(in.Arg)
			l := make([]Value, n)
			copy(l, stack[sp-n:sp])
			clearValues(stack[sp-n : sp])
			sp -= n
			stack[sp] = NewList(l)
			sp++
		case compile.BUILD_SET:
			n := int(in.Arg)
			s := NewSet(false)
			for _, v := range stack[sp-n : sp] {
				if err := s.Add(t, v); err != nil {
					return sp, pc, err
				}
			}
			clearValues(stack[sp-n : sp])
			sp -= n
			stack[sp] = s
			sp++
		case compile.BUILD_MAP:
			n := int(in.Arg) * 2
			d := NewDict()
			for i := sp - n; i < sp; i += 2 {
				if err := d.Set(t, stack[i], stack[i+1]); err != nil {
					return sp, pc, err
				}
			}
			clearValues(stack[sp-n : sp])
			sp -= n
			stack[sp] = d
			sp++
		case compile.BUILD_SLICE:
			s := &Slice{Start: stack[sp-2], Stop: stack[sp-1], Step: None}
			if in.Arg == 3 {
				s = &Slice{Start: stack[sp-3], Stop: stack[sp-2], Step: stack[sp-1]}
			}
			n := int(in.Arg)
			clearValues(stack[sp-n : sp])
			sp -= n
			stack[sp] = s
			sp++
		case compile.BUILD_STRING:
			n := int(in.Arg)
			str := joinStrs(stack[sp-n : sp])
			clearValues(stack[sp-n : sp])
			sp -= n
			stack[sp] = str
			sp++
		case compile.LIST_EXTEND:
			sp--
			fr.pc = pc // for a Go iterator's tick
			items, err := Collect(t, stack[sp])
			if err != nil {
				if ErrorMatches(err, TypeError) && !isIterable(stack[sp]) {
					return sp, pc, Errorf(TypeError, "Value after * must be an iterable, not %s", TypeName(stack[sp]))
				}
				return sp, pc, err
			}
			l := stack[sp-int(in.Arg)].(*List)
			l.update(t, func(e []Value) []Value { return append(e, items...) })
			stack[sp] = nil
		case compile.SET_UPDATE:
			sp--
			s := stack[sp-int(in.Arg)].(*Set)
			if src, ok := stack[sp].(*Set); ok {
				if t.tracer != nil {
					fr.pc = pc
					t.readAll(src, "__iter__")
				}
				if err := s.merge(t, src); err != nil {
					return sp, pc, err
				}
				stack[sp] = nil
				continue
			}
			fr.pc = pc // for a Go iterator's tick
			items, err := Collect(t, stack[sp])
			if err != nil {
				return sp, pc, err
			}
			for _, v := range items {
				if err := s.Add(t, v); err != nil {
					return sp, pc, err
				}
			}
			stack[sp] = nil
		case compile.DICT_UPDATE, compile.DICT_MERGE:
			sp--
			src := stack[sp]
			d := stack[sp-int(in.Arg)].(*Dict)
			var fn Value
			if in.Op == compile.DICT_MERGE {
				fn = stack[sp-int(in.Arg)-2]
			}
			fr.pc = pc // for a Go iterator's tick
			if err := t.dictMerge(d, src, fn != nil, fn); err != nil {
				return sp, pc, err
			}
			stack[sp] = nil
		case compile.LIST_TO_TUPLE:
			stack[sp-1] = Tuple(stack[sp-1].(*List).snapshot(t))
		case compile.FORMAT_VALUE:
			var spec Value = Str("")
			if in.Arg&256 != 0 {
				sp--
				spec = stack[sp]
				stack[sp] = nil
			}
			s, err := t.formatValue(stack[sp-1], rune(in.Arg&255), string(spec.(Str)))
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = Str(s)

		case compile.UNPACK_SEQUENCE:
			n := int(in.Arg)
			sp--
			seq := stack[sp]
			var items []Value
			switch x := seq.(type) {
			case Tuple:
				items = x
			case *List:
				if t.tracer != nil { // one read of it all, as list(x)
					fr.pc = pc
					t.itemsEvent(ReadItems, x, "__iter__")
				}
				items = x.snapshot(t)
			default:
				fr.pc = pc // for a Go iterator's tick
				var err error
				if items, err = t.unpackIter(seq, n); err != nil {
					return sp, pc, err
				}
			}
			if len(items) != n {
				if len(items) > n {
					return sp, pc, Errorf(ValueError, "too many values to unpack (expected %d)", n)
				}
				return sp, pc, Errorf(ValueError, "not enough values to unpack (expected %d, got %d)", n, len(items))
			}
			// the STORE_FASTs of a, b = ... after it, as a step each,
			// when the step hook is not due at one
			if t.countdown > n && storesFast(instrs[pc:min(pc+n, len(instrs))], n) {
				t.countdown -= n
				for i, v := range items {
					locals[instrs[pc+i].Arg] = v
				}
				pc += n
				continue
			}
			for i := n - 1; i >= 0; i-- {
				stack[sp] = items[i]
				sp++
			}
		case compile.UNPACK_EX:
			before, after := int(in.Arg&255), int(in.Arg>>8)
			sp--
			fr.pc = pc // for a Go iterator's tick
			items, err := t.unpackIter(stack[sp], -1)
			if err != nil {
				return sp, pc, err
			}
			if len(items) < before+after {
				return sp, pc, Errorf(ValueError, "not enough values to unpack (expected at least %d, got %d)", before+after, len(items))
			}
			for i := len(items) - 1; i >= len(items)-after; i-- {
				stack[sp] = items[i]
				sp++
			}
			stack[sp] = NewList(append([]Value(nil), items[before:len(items)-after]...))
			sp++
			for i := before - 1; i >= 0; i-- {
				stack[sp] = items[i]
				sp++
			}

		case compile.POP_JUMP_IF_FALSE, compile.POP_JUMP_IF_TRUE:
			sp--
			v := stack[sp]
			stack[sp] = nil
			var b bool
			switch x := v.(type) {
			case Bool:
				b = bool(x)
			case Int: // a filter's `if x % 3`
				b = x != 0
			default:
				var err error
				if b, err = Truth(t, v); err != nil {
					return sp, pc, err
				}
			}
			if b == (in.Op == compile.POP_JUMP_IF_TRUE) {
				pc = int(in.Arg)
			}
		case compile.JUMP_IF_FALSE_OR_POP, compile.JUMP_IF_TRUE_OR_POP:
			b, err := Truth(t, stack[sp-1])
			if err != nil {
				return sp, pc, err
			}
			if b == (in.Op == compile.JUMP_IF_TRUE_OR_POP) {
				pc = int(in.Arg)
			} else {
				sp--
				stack[sp] = nil
			}
		case compile.GET_ITER:
			it, err := Iterate(t, stack[sp-1])
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = it
		case compile.LIST_APPEND, compile.SET_ADD, compile.MAP_ADD:
			switch in.Op {
			case compile.LIST_APPEND:
				sp--
				stack[sp-int(in.Arg)].(*List).appendFresh(stack[sp])
				stack[sp] = nil
			case compile.SET_ADD:
				sp--
				if err := stack[sp-int(in.Arg)].(*Set).addFresh(t, stack[sp]); err != nil {
					return sp, pc, err
				}
				stack[sp] = nil
			default:
				sp -= 2
				if err := stack[sp-int(in.Arg)].(*Dict).setFresh(t, stack[sp], stack[sp+1]); err != nil {
					return sp, pc, err
				}
				stack[sp], stack[sp+1] = nil, nil
			}
			// a comprehension's jump back, when the step hook is not due
			// at it, as a step more
			if instrs[pc].Op != compile.JUMP || t.countdown <= 1 {
				continue
			}
			t.countdown-- // the JUMP's step
			in = instrs[pc]
			pc++
			fallthrough
		case compile.JUMP:
			pc = int(in.Arg)
			// A loop's jump back runs the FOR_ITER it goes to, when the
			// step hook is not due at it, as its own step.
			if next := instrs[pc].Op; next != compile.FOR_ITER && next != compile.FOR_ITER_STORE || t.countdown <= 1 {
				continue
			}
			t.countdown-- // the FOR_ITER's step
			in = instrs[pc]
			pc++
			fallthrough
		case compile.FOR_ITER, compile.FOR_ITER_STORE:
			var v Value
			switch it := stack[sp-1].(type) {
			case *rangeIter:
				if it.left <= 0 {
					break
				}
				if k := instrs[pc].Arg; in.Op == compile.FOR_ITER_STORE && instrs[pc].Op == compile.STORE_LOOP_VAR && t.countdown > 1 {
					// the loop variable nothing reads stays unboxed
					if fr.loopVar != k+1 {
						fr.settleLoopVar()
						fr.loopVar = k + 1
					}
					fr.loopInt = it.next
					it.next += it.step
					it.left--
					t.countdown-- // the STORE_LOOP_VAR's step
					pc++
					continue
				}
				v = boxInt(Int(it.next))
				it.next += it.step
				it.left--
			case *listIter:
				if t.tracer == nil {
					v = it.next(t)
				} else {
					fr.pc = pc // the read's position
					v = it.tracedNext(t)
				}
			case *Generator:
				// run it in this loop (enterGenerator), unless it is
				// running (an error) or the call would be too deep
				if t.depth < t.interp.recursionLimit && it.claim(t) {
					if it.done {
						it.release(t)
						break
					}
					fr.sp, fr.pc = sp, pc
					fr = t.enterGenerator(it, sp)
					goto enter
				}
				var err error
				if v, err = it.Next(t); err != nil {
					return sp, pc, err
				}
			default:
				// a Go iterator may count a step (tick): the host then
				// sees this FOR_ITER's position
				fr.pc = pc
				var err error
				if v, err = it.(Iterator).Next(t); err != nil {
					return sp, pc, err
				}
			}
			switch {
			case v == nil:
				sp--
				stack[sp] = nil
				pc = int(in.Arg)
			case in.Op == compile.FOR_ITER_STORE && t.countdown > 1:
				t.countdown-- // the STORE_FAST's step
				k := instrs[pc].Arg
				locals[k] = v
				if fr.loopVar == k+1 { // a STORE_LOOP_VAR's, of another iterator
					fr.loopVar = 0
				}
				pc++
			default:
				stack[sp] = v
				sp++
			}

		case compile.CALL:
			n := int(in.Arg)
			fn := stack[sp-n-1]
			fr.sp, fr.pc = sp, pc
			if f, ok := fn.(*Function); ok && f.code.inlineCall && t.depth < t.interp.recursionLimit {
				callee, err := t.pushFrame(f, stack[sp-n:sp], sp-n-1, instrs[pc].Op == compile.POP_TOP)
				if err != nil {
					clearValues(stack[sp-n-1 : sp])
					sp -= n + 1
					return sp, pc, err
				}
				fr = callee
				goto enter
			}
			v, err := t.call(fn, stack[sp-n:sp], nil)
			clearValues(stack[sp-n-1 : sp])
			sp -= n + 1
			if err != nil {
				return sp, pc, err
			}
			if t.dropsResult(instrs, pc) {
				pc++
				continue
			}
			stack[sp] = v
			sp++
		case compile.CALL_METHOD:
			n := int(in.Arg)
			fn, self := stack[sp-n-2], stack[sp-n-1]
			fr.sp, fr.pc = sp, pc
			if f, ok := fn.(*Function); ok && f.code.inlineCall && t.depth < t.interp.recursionLimit {
				args := stack[sp-n : sp]
				if self != nil {
					args = stack[sp-n-1 : sp]
				}
				callee, err := t.pushFrame(f, args, sp-n-2, instrs[pc].Op == compile.POP_TOP)
				if err != nil {
					clearValues(stack[sp-n-2 : sp])
					sp -= n + 2
					return sp, pc, err
				}
				fr = callee
				goto enter
			}
			var v Value
			var err error
			if self != nil {
				v, err = t.call(fn, stack[sp-n-1:sp], nil)
			} else {
				v, err = t.call(fn, stack[sp-n:sp], nil)
			}
			clearValues(stack[sp-n-2 : sp])
			sp -= n + 2
			if err != nil {
				return sp, pc, err
			}
			if t.dropsResult(instrs, pc) {
				pc++
				continue
			}
			stack[sp] = v
			sp++
		case compile.CALL_KW:
			sp--
			kwn := stack[sp].(Tuple)
			stack[sp] = nil
			n := int(in.Arg)
			fn := stack[sp-n-1]
			npos := n - len(kwn)
			kw := make([]Kwarg, len(kwn))
			for i, k := range kwn {
				kw[i] = Kwarg{Name: string(k.(Str)), Value: stack[sp-len(kwn)+i]}
			}
			fr.sp, fr.pc = sp, pc
			v, err := t.call(fn, stack[sp-n:sp-n+npos], kw)
			clearValues(stack[sp-n-1 : sp])
			sp -= n + 1
			if err != nil {
				return sp, pc, err
			}
			if t.dropsResult(instrs, pc) {
				pc++
				continue
			}
			stack[sp] = v
			sp++
		case compile.CALL_EX:
			var kw []Kwarg
			if in.Arg&1 != 0 {
				sp--
				for _, kv := range stack[sp].(*Dict).Items() {
					k, ok := kv[0].(Str)
					if !ok {
						return sp, pc, Errorf(TypeError, "keywords must be strings")
					}
					kw = append(kw, Kwarg{Name: string(k), Value: kv[1]})
				}
				stack[sp] = nil
			}
			sp--
			args := stack[sp].(Tuple)
			fn := stack[sp-1]
			stack[sp] = nil
			fr.sp, fr.pc = sp, pc
			v, err := t.call(fn, args, kw)
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = v
		case compile.MAKE_FUNCTION:
			fr.sp = sp
			sp--
			co := stack[sp].(*codeObj)
			f := &Function{code: co, globals: fr.globals, name: co.Name, qualname: co.QualName, dict: NewDict()}
			if in.Arg&8 != 0 {
				sp--
				cl := stack[sp].(Tuple)
				f.closure = make([]*Cell, len(cl))
				for i, c := range cl {
					f.closure[i] = c.(*Cell)
				}
			}
			if in.Arg&4 != 0 {
				sp--
				f.annotations = stack[sp].(*Dict)
			}
			if in.Arg&2 != 0 {
				sp--
				f.kwdefault = stack[sp].(*Dict)
			}
			if in.Arg&1 != 0 {
				sp--
				f.defaults = stack[sp].(Tuple)
			}
			clearValues(stack[sp:fr.sp])
			stack[sp] = f
			sp++
		case compile.MAKE_CLASS:
			n := int(in.Arg)
			fr.sp, fr.pc = sp, pc
			cls, err := t.makeClass(fr, stack[sp-n-2].(*Function), string(stack[sp-n-1].(Str)), stack[sp-n:sp])
			if err != nil {
				return sp, pc, err
			}
			clearValues(stack[sp-n-2 : sp])
			sp -= n + 2
			stack[sp] = cls
			sp++
		case compile.RETURN_VALUE:
			if fr.inline {
				sp--
				v := stack[sp]
				stack[sp] = nil
				fr.pc = pc
				fr = t.returnInline(fr, sp, v)
				goto enter
			}
			if fr.back == nil && t.cancelled.Load() {
				// A cancellation that came during the thread's last
				// statement (a join that ended because the interrupt
				// stopped the thread it waited for) is not lost for want
				// of a later step.
				return sp, pc, t.Err()
			}
			sp--
			fr.ret = stack[sp]
			stack[sp] = nil
			fr.yielded = false
			return sp, pc, nil

		case compile.RETURN_CONST, compile.RETURN_FAST:
			var v Value
			if in.Op == compile.RETURN_CONST {
				v = consts[in.Arg]
			} else if v = locals[in.Arg]; v == nil {
				return sp, pc, unboundLocal(code.Locals[in.Arg])
			}
			if fr.inline && t.countdown > 1 {
				t.countdown-- // the RETURN_VALUE's step
				fr.pc = pc + 1
				fr = t.returnInline(fr, sp, v)
				goto enter
			}
			// the hook is due at the RETURN_VALUE, or the frame returns
			// to Go: the RETURN_VALUE runs next
			stack[sp] = v
			sp++

		case compile.YIELD_FAST:
			v := locals[in.Arg]
			if v == nil {
				return sp, pc, unboundLocal(code.Locals[in.Arg])
			}
			if t.countdown <= 1 {
				// the hook is due at the YIELD_VALUE, which runs next
				stack[sp] = v
				sp++
				continue
			}
			t.countdown-- // the YIELD_VALUE's step
			pc++
			if fr.inline {
				fr = t.yieldInline(fr, sp, pc, v)
				goto enter
			}
			fr.ret = v
			fr.yielded = true
			return sp, pc, nil
		case compile.YIELD_VALUE:
			sp--
			v := stack[sp]
			stack[sp] = nil
			if fr.inline {
				fr = t.yieldInline(fr, sp, pc, v)
				goto enter
			}
			fr.ret = v
			fr.yielded = true
			return sp, pc, nil
		case compile.GET_YIELD_FROM_ITER:
			if _, ok := stack[sp-1].(*Generator); !ok {
				it, err := Iterate(t, stack[sp-1])
				if err != nil {
					return sp, pc, err
				}
				stack[sp-1] = it
			}
		case compile.YIELD_FROM:
			sp--
			sent := stack[sp]
			stack[sp] = nil
			fr.pc = pc // for a Go iterator's tick
			v, done, err := t.delegate(stack[sp-1], sent)
			if err != nil {
				return sp, pc, err
			}
			if done {
				stack[sp-1] = v
				continue
			}
			pc-- // come back here with the value sent next
			if fr.inline {
				fr = t.yieldInline(fr, sp, pc, v)
				goto enter
			}
			fr.ret = v
			fr.yielded = true
			return sp, pc, nil

		case compile.RAISE:
			var exc, cause Value
			switch in.Arg {
			case 2:
				sp -= 2
				exc, cause = stack[sp], stack[sp+1]
			case 1:
				sp--
				exc = stack[sp]
			}
			return sp, pc, t.raise(exc, cause, in.Arg)
		case compile.SETUP_FINALLY:
			fr.blocks = append(fr.blocks, block{kind: blockSetup, handler: in.Arg, level: int32(sp)})
		case compile.POP_BLOCK:
			fr.blocks = fr.blocks[:len(fr.blocks)-1]
		case compile.POP_EXCEPT:
			b := fr.blocks[len(fr.blocks)-1]
			fr.blocks = fr.blocks[:len(fr.blocks)-1]
			t.handled = b.prev
		case compile.RERAISE:
			sp--
			e := stack[sp]
			stack[sp] = nil
			return sp, pc, e.(*Exception)
		case compile.JUMP_IF_NOT_EXC_MATCH:
			sp--
			typ := stack[sp]
			stack[sp] = nil
			ok, err := excMatches(stack[sp-1].(*Exception), typ)
			if err != nil {
				return sp, pc, err
			}
			if !ok {
				pc = int(in.Arg)
			}
		case compile.SETUP_WITH:
			cm := stack[sp-1]
			enter, exit, err := t.withMethods(cm)
			if err != nil {
				return sp, pc, err
			}
			stack[sp-1] = exit
			fr.blocks = append(fr.blocks, block{kind: blockSetup, handler: in.Arg, level: int32(sp)})
			fr.sp, fr.pc = sp, pc
			v, err := CallValue(t, enter, nil, nil)
			if err != nil {
				fr.blocks = fr.blocks[:len(fr.blocks)-1]
				return sp, pc, err
			}
			stack[sp] = v
			sp++
		case compile.WITH_EXIT:
			sp--
			exit := stack[sp]
			stack[sp] = nil
			fr.sp, fr.pc = sp, pc
			if _, err := CallValue(t, exit, []Value{None, None, None}, nil); err != nil {
				return sp, pc, err
			}
		case compile.WITH_EXCEPT:
			exit, e := stack[sp-2], stack[sp-1].(*Exception)
			fr.sp, fr.pc = sp, pc
			r, err := CallValue(t, exit, []Value{e.class, e, &Traceback{exc: e}}, nil)
			if err != nil {
				return sp, pc, err
			}
			suppress, err := Truth(t, r)
			if err != nil {
				return sp, pc, err
			}
			if !suppress {
				return sp, pc, e
			}
			sp -= 2
			stack[sp], stack[sp+1] = nil, nil
			b := fr.blocks[len(fr.blocks)-1]
			fr.blocks = fr.blocks[:len(fr.blocks)-1]
			t.handled = b.prev

		case compile.IMPORT_NAME:
			sp--
			stack[sp] = nil
			m, err := t.Import(names[in.Arg])
			if err != nil {
				return sp, pc, err
			}
			stack[sp] = m
			sp++
		case compile.IMPORT_FROM:
			m := stack[sp-1]
			name := names[in.Arg]
			v, err := GetAttr(t, m, name)
			if err != nil {
				if ErrorMatches(err, AttributeError) {
					mod, _ := m.(*Module)
					e := Errorf(ImportError, "cannot import name '%s' from '%s' (unknown location)", name, mod.name)
					e.setMember("name", Str(mod.name))
					return sp, pc, e
				}
				return sp, pc, err
			}
			stack[sp] = v
			sp++
		case compile.IMPORT_STAR:
			sp--
			m := stack[sp].(*Module)
			stack[sp] = nil
			for _, kv := range m.globals.Items() {
				k := string(kv[0].(Str))
				if len(k) > 0 && k[0] != '_' {
					if err := t.storeName(fr, k, kv[1]); err != nil {
						return sp, pc, err
					}
				}
			}
		case compile.RAISE_ASSERT:
			e := NewException(AssertionError)
			if in.Arg == 1 {
				sp--
				e.args = Tuple{stack[sp]}
				stack[sp] = nil
			}
			return sp, pc, e
		case compile.SETUP_ANNOTATIONS:
			if fr.nsMap != nil {
				if err := t.mapSetupAnnotations(fr.nsMap); err != nil {
					return sp, pc, err
				}
				break
			}
			ns := fr.ns
			if ns == nil {
				ns = fr.globals.globals
			}
			if ns.GetStr("__annotations__") == nil {
				ns.SetStr("__annotations__", NewDict())
			}
		case compile.STORE_ANNOTATION:
			sp--
			if fr.nsMap != nil {
				err := t.mapAnnotate(fr.nsMap, names[in.Arg], stack[sp])
				stack[sp] = nil
				if err != nil {
					return sp, pc, err
				}
				break
			}
			ns := fr.ns
			if ns == nil {
				ns = fr.globals.globals
			}
			if d, ok := ns.GetStr("__annotations__").(*Dict); ok {
				d.SetStr(names[in.Arg], stack[sp])
			}
			stack[sp] = nil
		default:
			return sp, pc, &InternalError{Msg: "unknown opcode " + itoa(int(in.Op))}
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
