package compile

import (
	"threadlab/lessons/python/resolve"
	"threadlab/lessons/python/syntax"
)

// The compiler does no scope analysis of its own: package resolve has
// decided where every name lives (Ident.Binding) and what each code
// object's slots are (the Scope of each function, class, lambda and
// comprehension). This file lays those slots out in a Code and picks
// the instruction that reaches a name.

// layout fills code's Locals, Cells, CellParam and Frees from fn, and
// returns the frame slot of each of fn's Local bindings (by Index).
// The parameters take the first slots, in call order, even those that
// are cells: the interpreter copies a cell parameter into its cell.
func layout(code *Code, fn *resolve.Function) []int {
	slot := make([]int, len(fn.Locals))
	for i := range slot {
		slot[i] = -1
	}
	cellParam := make([]int, len(fn.Cells))
	for i := range cellParam {
		cellParam[i] = -1
	}
	for _, p := range fn.Params {
		if p.Scope == resolve.Cell {
			cellParam[p.Index] = len(code.Locals)
		} else {
			slot[p.Index] = len(code.Locals)
		}
		code.Locals = append(code.Locals, p.Name)
	}
	for _, b := range fn.Locals {
		if slot[b.Index] < 0 {
			slot[b.Index] = len(code.Locals)
			code.Locals = append(code.Locals, b.Name)
		}
	}
	for _, b := range fn.Cells {
		code.Cells = append(code.Cells, b.Name)
	}
	code.CellParam = cellParam
	for _, b := range fn.FreeVars {
		code.Frees = append(code.Frees, b.Name)
	}
	return slot
}

// derefIndex is the index LOAD_DEREF and LOAD_CLOSURE take for b, a
// Cell or Free binding of the code being compiled: cells, then frees.
func (f *fcomp) derefIndex(b *resolve.Binding) int {
	if b.Scope == resolve.Free {
		return len(f.sc.Cells) + b.Index
	}
	return b.Index
}

// accessKind is what an instruction does to a name. The LOAD_, STORE_
// and DELETE_ form of each operation follow each other in the Op list,
// so an access's Op is the LOAD_ Op plus its kind.
type accessKind Op

const (
	load accessKind = iota
	store
	del
)

// access emits the instruction that reaches id.
func (f *fcomp) access(id *syntax.Ident, k accessKind) {
	b, _ := id.Binding.(*resolve.Binding)
	if b == nil {
		f.fail(id.Pos, "threadlab compiler: the name '%s' was not resolved", id.Name)
	}
	switch b.Scope {
	case resolve.Local:
		f.emit(LOAD_FAST+Op(k), f.slot[b.Index])
	case resolve.Cell, resolve.Free:
		f.emit(LOAD_DEREF+Op(k), f.derefIndex(b))
	case resolve.Name:
		f.emit(LOAD_NAME+Op(k), f.name(b.Name))
	default:
		f.emit(LOAD_GLOBAL+Op(k), f.name(b.Name))
	}
}

func (f *fcomp) loadName(id *syntax.Ident)   { f.access(id, load) }
func (f *fcomp) storeName(id *syntax.Ident)  { f.access(id, store) }
func (f *fcomp) deleteName(id *syntax.Ident) { f.access(id, del) }
