package resolve

// The second pass decides each name's Scope, top-down with the names
// bound by enclosing functions, and bottom-up with the free variables
// inner functions need, as CPython's symbol table does. The third, bind,
// numbers the slots and links free variables to their outer bindings.

// analyze decides the scopes of s's names, given the names that
// enclosing functions bind (bound), and returns the names s needs from
// the scopes around it.
func (r *resolver) analyze(s *scope, bound map[string]bool) []string {
	kind := s.fn.Kind
	// a class body's names, and a module's run in a namespace, go
	// through that namespace
	viaNS := kind == ClassKind || kind == ModuleKind && s.fn.Namespace
	for _, sym := range s.order {
		switch f := sym.flags; {
		case f&defGlobal != 0:
			if f&defNonlocal != 0 {
				r.fail(sym.directive, "name '%s' is nonlocal and global", sym.name)
			}
			sym.scope = Global
		case f&defNonlocal != 0:
			if !bound[sym.name] {
				r.fail(sym.directive, "no binding for nonlocal '%s' found", sym.name)
			}
			sym.scope = Free
		case f&defWalrus != 0:
			sym.scope = Free
		case f&(defLocal|defParam|defImport) != 0:
			switch {
			case viaNS:
				sym.scope = Name
			case kind == ModuleKind:
				sym.scope = Global
			default:
				sym.scope = Local
			}
		case bound[sym.name]:
			sym.scope = Free
		case viaNS:
			sym.scope = Name
		default:
			sym.scope = Global
		}
	}

	// What inner scopes can capture.
	var inner map[string]bool
	switch kind {
	case ModuleKind:
		inner = map[string]bool{}
	case ClassKind:
		inner = copySet(bound)
		inner["__class__"] = true
	default:
		inner = copySet(bound)
		for _, sym := range s.order {
			if sym.scope == Local || sym.scope == Free {
				inner[sym.name] = true
			}
		}
	}
	for _, sym := range s.order {
		if sym.scope == Global {
			delete(inner, sym.name)
		}
	}

	seen := map[string]bool{}
	for _, c := range s.children {
		for _, name := range r.analyze(c, inner) {
			if seen[name] {
				continue
			}
			seen[name] = true
			sym := s.syms[name]
			switch {
			case kind == ClassKind && name == "__class__":
				s.fn.ClassCell = true
			case kind != ClassKind && sym != nil && sym.scope == Local:
				sym.scope = Cell
			case kind != ClassKind && sym != nil && (sym.scope == Cell || sym.scope == Free):
			case kind == ClassKind && sym != nil && sym.scope == Free:
			default:
				s.pass = append(s.pass, name)
			}
		}
	}

	var free []string
	for _, sym := range s.order {
		if sym.scope == Free {
			free = append(free, sym.name)
		}
	}
	return append(free, s.pass...)
}

func copySet(m map[string]bool) map[string]bool {
	c := make(map[string]bool, len(m)+8)
	for k := range m {
		c[k] = true
	}
	return c
}

// bind creates the Bindings of s and its inner scopes and points every
// Ident at its Binding.
func (r *resolver) bind(s *scope) {
	fn := s.fn
	fn.QualName = qualName(s)
	s.bindings = make(map[string]*Binding, len(s.order))
	s.passBind = map[string]*Binding{}
	make1 := func(sym *symbol) *Binding {
		if b := s.bindings[sym.name]; b != nil {
			return b
		}
		b := &Binding{Name: sym.name, Scope: sym.scope, Index: -1, First: sym.first}
		switch sym.scope {
		case Local:
			b.Index = len(fn.Locals)
			fn.Locals = append(fn.Locals, b)
		case Cell:
			b.Index = len(fn.Cells)
			fn.Cells = append(fn.Cells, b)
		case Free:
			b.Index = len(fn.FreeVars)
			b.Outer = s.parent.provide(sym.name)
			fn.FreeVars = append(fn.FreeVars, b)
		}
		s.bindings[sym.name] = b
		return b
	}
	for _, p := range s.params {
		fn.Params = append(fn.Params, make1(p))
	}
	for _, sym := range s.order {
		make1(sym)
	}
	for _, name := range s.pass {
		b := &Binding{Name: name, Scope: Free, Index: len(fn.FreeVars), Outer: s.parent.provide(name)}
		fn.FreeVars = append(fn.FreeVars, b)
		s.passBind[name] = b
	}
	if fn.ClassCell {
		s.classRef = &Binding{Name: "__class__", Scope: Cell, Index: len(fn.Cells)}
		fn.Cells = append(fn.Cells, s.classRef)
	}
	for _, id := range s.idents {
		id.Binding = s.bindings[Mangle(fn.Class, id.Name)]
	}
	for _, c := range s.children {
		r.bind(c)
	}
}

// provide returns the binding of s that an inner function capturing
// name closes over.
func (s *scope) provide(name string) *Binding {
	if s.fn.Kind == ClassKind && name == "__class__" {
		return s.classRef
	}
	if b := s.passBind[name]; b != nil {
		return b
	}
	return s.bindings[name]
}

// qualName computes a Function's __qualname__ as CPython does: a def or
// class whose name the enclosing scope declares global is named alone;
// only defs and lambdas add ".<locals>".
func qualName(s *scope) string {
	p := s.parent
	if p == nil || p.fn.Kind == ModuleKind {
		return s.fn.Name
	}
	if k := s.fn.Kind; k == FunctionKind || k == ClassKind {
		if sym := p.syms[Mangle(p.fn.Class, s.fn.Name)]; sym != nil && sym.flags&defGlobal != 0 {
			return s.fn.Name
		}
	}
	if p.fn.Kind == ClassKind || p.fn.Kind == ComprehensionKind {
		return p.fn.QualName + "." + s.fn.Name
	}
	return p.fn.QualName + ".<locals>." + s.fn.Name
}
